/**
 * @fileoverview The RDP accountant for DP-SGD: turns (noise multiplier σ, sampling rate q, steps T)
 * into an (ε, δ) guarantee, finds the σ that meets a target ε, and gives ε after each of many step
 * counts for a live privacy meter.
 *
 * RDP composes additively, so T steps cost T·RDP(α) at each order; ε then comes from the conversion
 * of Balle et al. 2020 ("Hypothesis Testing Interpretations and Rényi Differential Privacy"),
 * ε = min over α of T·RDP(α) − (ln δ + ln α)/(α − 1) + ln((α − 1)/α), which is what Opacus reports.
 */
import { checkInteger, checkNonNegative, checkOpenInterval, checkPositive, InvalidParameterError } from './params';
import { computeRdp, DEFAULT_ORDERS, sampledGaussianRdp } from './rdp';

/** An (ε, δ) guarantee and where it came from. Plain data: safe to post to a worker or store. */
export interface PrivacySpent {
  /** ε in nats, ≥ 0. Infinity when there is no guarantee (σ = 0); see `infinite`. */
  readonly epsilon: number;
  readonly delta: number;
  /** The RDP order α that gave the smallest ε; NaN when none did (infinite ε, or zero steps). */
  readonly order: number;
  readonly accountant: 'rdp';
  /** True when ε is Infinity. JSON turns Infinity into null, so JSON readers should check this. */
  readonly infinite: boolean;
}

/** DP-SGD settings to account for. */
export interface DpSgdParams {
  /** σ: noise standard deviation divided by the clipping norm, ≥ 0. */
  readonly noiseMultiplier: number;
  /** q: Poisson sampling rate (expected batch size / dataset size), in (0, 1]. */
  readonly sampleRate: number;
  /** T: number of noisy steps, an integer ≥ 0. */
  readonly steps: number;
  /** δ, in (0, 1); usually well below 1/(dataset size). */
  readonly delta: number;
  /** RDP orders to minimize over; defaults to DEFAULT_ORDERS. */
  readonly orders?: readonly number[];
}

/** What noiseForEpsilon found: the smallest σ (within 1e-6 relative) whose ε ≤ the target. */
export interface NoiseForEpsilon {
  readonly noiseMultiplier: number;
  /** The ε that σ actually gives, ≤ targetEpsilon. */
  readonly epsilon: number;
  readonly targetEpsilon: number;
  readonly delta: number;
  readonly order: number;
  readonly sampleRate: number;
  readonly steps: number;
  readonly accountant: 'rdp';
}

/** Relative bracket width at which noiseForEpsilon stops. */
const NOISE_RTOL = 1e-6;
/** Largest σ noiseForEpsilon tries before calling a target unreachable. */
const MAX_NOISE = 1e7;

function checkDelta(delta: number): void {
  checkOpenInterval('delta', delta, 0, 1, false);
}

/**
 * Converts total RDP (already multiplied by the number of steps) into (ε, δ).
 * @param orders the orders α > 1, aligned with `rdp`
 * @param rdp total RDP at each order, in nats (Infinity allowed)
 * @param delta δ in (0, 1)
 * @returns the smallest ε over the orders, clamped at 0. Does not mutate its inputs.
 */
export function epsilonFromRdp(orders: readonly number[], rdp: ArrayLike<number>, delta: number): PrivacySpent {
  checkDelta(delta);
  if (orders.length === 0 || orders.length !== rdp.length) {
    throw new InvalidParameterError('rdp', `an array as long as orders (${orders.length}, > 0)`, rdp.length);
  }
  const logDelta = Math.log(delta);
  let best = Infinity;
  let bestOrder = NaN;
  for (let i = 0; i < orders.length; i++) {
    const a = orders[i];
    if (!(a > 1 && Number.isFinite(a))) throw new InvalidParameterError(`orders[${i}]`, 'a finite number > 1', a);
    const eps = rdp[i] - (logDelta + Math.log(a)) / (a - 1) + Math.log((a - 1) / a);
    // Strict < keeps the first (lowest) order on ties, as numpy's argmin does in Opacus.
    if (eps < best) {
      best = eps;
      bestOrder = a;
    }
  }
  const infinite = best === Infinity;
  return { epsilon: Math.max(0, best), delta, order: bestOrder, accountant: 'rdp', infinite };
}

function checkDpSgd(p: DpSgdParams): void {
  checkNonNegative('noiseMultiplier', p.noiseMultiplier);
  checkOpenInterval('sampleRate', p.sampleRate, 0, 1, true);
  checkInteger('steps', p.steps, 0);
  checkDelta(p.delta);
}

function spentAfter(orders: readonly number[], perStep: Float64Array, steps: number, delta: number): PrivacySpent {
  // Zero steps touch no data: ε = 0 exactly (the conversion alone would report a positive ε).
  if (steps === 0) return { epsilon: 0, delta, order: NaN, accountant: 'rdp', infinite: false };
  const total = perStep.map((r) => r * steps);
  return epsilonFromRdp(orders, total, delta);
}

/**
 * Like spentAfter(orders, computeRdp(...)), but skips fractional orders that cannot win. RDP never
 * decreases with α, so RDP(α) ≥ RDP(⌊α⌋) (and ≥ 0 below α = 2); a fractional order whose ε with
 * that floor in place of its RDP is already no better than the best integer order is left out
 * without running its series, the slow part (up to 20,000 terms when q ≈ ½). The minimum, and so
 * the result, is unchanged.
 */
function spentPruned(orders: readonly number[], q: number, sigma: number, steps: number, delta: number): PrivacySpent {
  if (steps === 0) return spentAfter(orders, new Float64Array(orders.length), 0, delta);
  const logDelta = Math.log(delta);
  const conversion = (a: number) => -(logDelta + Math.log(a)) / (a - 1) + Math.log((a - 1) / a);
  const integerRdp = new Map<number, number>();
  const rdpAtInteger = (k: number): number => {
    if (k < 2) return 0;
    let r = integerRdp.get(k);
    if (r === undefined) integerRdp.set(k, (r = sampledGaussianRdp(q, sigma, k)));
    return r;
  };
  const total = new Float64Array(orders.length);
  let best = Infinity;
  orders.forEach((a, i) => {
    if (!Number.isInteger(a)) return;
    total[i] = rdpAtInteger(a) * steps;
    best = Math.min(best, total[i] + conversion(a));
  });
  orders.forEach((a, i) => {
    if (Number.isInteger(a)) return;
    // The 1e-9 slack keeps rounding in the floor's RDP from pruning an order that ties it.
    if (rdpAtInteger(Math.floor(a)) * steps * (1 - 1e-9) + conversion(a) >= best) {
      total[i] = Infinity;
      return;
    }
    total[i] = sampledGaussianRdp(q, sigma, a) * steps;
    best = Math.min(best, total[i] + conversion(a));
  });
  return epsilonFromRdp(orders, total, delta);
}

/**
 * ε spent by DP-SGD after `steps` steps. Throws InvalidParameterError on a bad input.
 * σ = 0 gives `{epsilon: Infinity, infinite: true}`. Cost does not depend on `steps`: well under
 * 10 ms even at q ≈ ½, and under 1 ms at typical DP-SGD settings.
 */
export function computeEpsilon(p: DpSgdParams): PrivacySpent {
  checkDpSgd(p);
  return spentPruned(p.orders ?? DEFAULT_ORDERS, p.sampleRate, p.noiseMultiplier, p.steps, p.delta);
}

/**
 * ε after each step count in `steps` (e.g. the end of every epoch), for a live privacy meter.
 * Computes the per-step RDP once, so each extra point costs only the ε conversion (~1 µs).
 * @returns one PrivacySpent per entry of `steps`, in the same order. Mutates nothing.
 */
export function epsilonSeries(
  p: Omit<DpSgdParams, 'steps'> & { readonly steps: readonly number[] },
): PrivacySpent[] {
  checkDpSgd({ ...p, steps: 0 });
  p.steps.forEach((s, i) => checkInteger(`steps[${i}]`, s, 0));
  const orders = p.orders ?? DEFAULT_ORDERS;
  const perStep = computeRdp(p.sampleRate, p.noiseMultiplier, orders);
  return p.steps.map((s) => spentAfter(orders, perStep, s, p.delta));
}

/**
 * The smallest ε any σ can reach at these orders and δ: the limit as σ → ∞ (RDP → 0), where only
 * the conversion term is left. A target at or below it cannot be met by adding noise.
 */
export function epsilonFloor(delta: number, orders: readonly number[] = DEFAULT_ORDERS): number {
  return epsilonFromRdp(orders, new Float64Array(orders.length), delta).epsilon;
}

/**
 * The noise multiplier σ that makes DP-SGD (q, T, δ) meet `targetEpsilon`: the smallest σ, to within
 * 1e-6 relative, whose ε ≤ targetEpsilon. ε falls as σ grows (every order's RDP does), so we bracket
 * by doubling or halving σ from 1 and then bisect, always keeping the upper end, which meets the
 * target. Throws InvalidParameterError naming `targetEpsilon` when the target is unreachable.
 */
export function noiseForEpsilon(p: {
  readonly targetEpsilon: number;
  readonly sampleRate: number;
  readonly steps: number;
  readonly delta: number;
  readonly orders?: readonly number[];
}): NoiseForEpsilon {
  checkPositive('targetEpsilon', p.targetEpsilon);
  checkOpenInterval('sampleRate', p.sampleRate, 0, 1, true);
  checkInteger('steps', p.steps, 1);
  checkDelta(p.delta);
  const orders = p.orders ?? DEFAULT_ORDERS;
  const target = p.targetEpsilon;
  const floor = epsilonFloor(p.delta, orders);
  if (target <= floor) {
    const why =
      `greater than ${floor.toPrecision(6)} (the smallest epsilon the RDP accountant can certify ` +
      `at delta=${p.delta}, however much noise is added)`;
    throw new InvalidParameterError('targetEpsilon', why, target);
  }
  const spent = (sigma: number): PrivacySpent => spentPruned(orders, p.sampleRate, sigma, p.steps, p.delta);

  let lo = 0; // ε(lo) > target (σ = 0 gives ε = ∞)
  let hi = 1;
  let hiSpent = spent(hi);
  if (hiSpent.epsilon > target) {
    while (hiSpent.epsilon > target) {
      lo = hi;
      hi *= 2;
      if (hi > MAX_NOISE) {
        const why = `reachable with a noise multiplier ≤ ${MAX_NOISE} (too close to ${floor.toPrecision(6)})`;
        throw new InvalidParameterError('targetEpsilon', why, target);
      }
      hiSpent = spent(hi);
    }
  } else {
    // Halve until the target fails; tiny σ gives an infinite ε, so this ends within ~60 halvings.
    for (let s = hi / 2; s > 1e-12; s /= 2) {
      const sSpent = spent(s);
      if (sSpent.epsilon > target) {
        lo = s;
        break;
      }
      hi = s;
      hiSpent = sSpent;
    }
  }
  while (hi - lo > NOISE_RTOL * hi) {
    const mid = 0.5 * (lo + hi);
    const midSpent = spent(mid);
    if (midSpent.epsilon > target) lo = mid;
    else {
      hi = mid;
      hiSpent = midSpent;
    }
  }
  return {
    noiseMultiplier: hi,
    epsilon: hiSpent.epsilon,
    targetEpsilon: target,
    delta: p.delta,
    order: hiSpent.order,
    sampleRate: p.sampleRate,
    steps: p.steps,
    accountant: 'rdp',
  };
}
