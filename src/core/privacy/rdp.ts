/**
 * @fileoverview Rényi differential privacy (RDP) of the sampled Gaussian mechanism: one DP-SGD step
 * with Poisson sampling rate q and Gaussian noise of standard deviation σ·(clipping norm).
 *
 * Follows Mironov, Talwar & Zhang 2019 ("Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism"), the analysis Opacus and TF-Privacy use: RDP(α) = log A_α / (α − 1), where A_α is a
 * binomial sum for integer α and a pair of converging series with erfc weights for fractional α.
 * Every sum runs in log space, because the individual terms overflow doubles long before the
 * result does (e^((k²−k)/2σ²) at σ = 0.5 and k = 63 is e^7938).
 */
import { checkNonNegative, checkOpenInterval, InvalidParameterError } from './params';
import { logErfc } from './special';

/**
 * The RDP orders α the accountant minimizes over, as in Opacus: 1.1, 1.2, …, 10.9, then 12, 13, …, 63.
 * Built as 1 + x/10 so the fractional orders are the very same doubles Opacus uses.
 */
export const DEFAULT_ORDERS: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, x) => 1 + (x + 1) / 10),
  ...Array.from({ length: 52 }, (_, k) => 12 + k),
]);

const LN_HALF = -Math.LN2;
/** A series stops once a term is this many nats below the running sum (e^−30 ≈ 1e-13). */
const TAIL_NATS = 30;
/**
 * Term budget for the fractional series. Its tail decays only polynomially when q is near ½ and σ is
 * large (about 17,000 terms at α = 1.1, q = 0.5, σ = 30); past this budget we fall back to a bound.
 */
const MAX_TERMS = 20_000;

/** log(e^a + e^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/**
 * A running sum of signed terms held as sign·e^log. The fractional series alternates in sign, and
 * keeping the sign explicit means a partial sum that dips below zero is represented, not a NaN.
 */
interface SignedLog {
  sign: number;
  log: number;
}

/** Adds sign·e^logTerm to `acc` in place (mutates acc). */
function addSigned(acc: SignedLog, sign: number, logTerm: number): void {
  if (logTerm === -Infinity) return;
  if (acc.sign === 0 || acc.log === -Infinity) {
    acc.sign = sign;
    acc.log = logTerm;
  } else if (acc.sign === sign) {
    acc.log = logAdd(acc.log, logTerm);
  } else {
    const hi = Math.max(acc.log, logTerm);
    const diff = -Math.expm1(Math.min(acc.log, logTerm) - hi);
    if (diff === 0) {
      acc.sign = 0;
      acc.log = -Infinity;
    } else {
      if (logTerm > acc.log) acc.sign = sign;
      acc.log = hi + Math.log(diff);
    }
  }
}

/** log A_α for integer α ≥ 2: log Σ_k C(α,k)(1−q)^(α−k) q^k e^((k²−k)/2σ²). */
function logAInteger(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const twoVar = 2 * sigma * sigma;
  let logCoef = 0;
  let acc = -Infinity;
  for (let k = 0; k <= alpha; k++) {
    if (k > 0) logCoef += Math.log((alpha - k + 1) / k);
    acc = logAdd(acc, logCoef + k * logQ + (alpha - k) * log1mQ + (k * k - k) / twoVar);
  }
  return acc;
}

/**
 * log A_α for fractional α > 1: the two series of Mironov et al. 2019 (section 3.3),
 * A = Σ_i C(α,i)·[q^i(1−q)^(α−i)·e^((i²−i)/2σ²)·½erfc((i−z₀)/(√2σ))
 *              + q^(α−i)(1−q)^i·e^(((α−i)²−(α−i))/2σ²)·½erfc((z₀−(α−i))/(√2σ))],
 * with z₀ = σ²·ln(1/q − 1) + ½. C(α,i) changes sign for i > α + 1, so the tail alternates and
 * stopping at a term e^−30 below the sum bounds the truncation error by that term.
 * Returns Infinity (the conservative answer) if the terms stop being numbers, which happens only
 * for σ so small (< ~1e-150) that e^((i²−i)/2σ²) is infinite, and NaN if the series has not
 * converged within MAX_TERMS terms.
 */
function logAFractional(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const twoVar = 2 * sigma * sigma;
  const z0 = sigma * sigma * (log1mQ - logQ) + 0.5;
  const invScale = 1 / (Math.SQRT2 * sigma);
  const sum0: SignedLog = { sign: 0, log: -Infinity };
  const sum1: SignedLog = { sign: 0, log: -Infinity };
  let logAbsCoef = 0;
  let sign = 1;
  for (let i = 0; i < MAX_TERMS; i++) {
    if (i > 0) {
      const ratio = (alpha - i + 1) / i; // C(α,i) = C(α,i−1)·(α−i+1)/i
      logAbsCoef += Math.log(Math.abs(ratio));
      if (ratio < 0) sign = -sign;
    }
    const j = alpha - i;
    const logS0 =
      logAbsCoef + i * logQ + j * log1mQ + (i * i - i) / twoVar + LN_HALF + logErfc((i - z0) * invScale);
    const logS1 =
      logAbsCoef + j * logQ + i * log1mQ + (j * j - j) / twoVar + LN_HALF + logErfc((z0 - j) * invScale);
    if (Number.isNaN(logS0) || Number.isNaN(logS1)) return Infinity;
    addSigned(sum0, sign, logS0);
    addSigned(sum1, sign, logS1);
    // Before i passes α the terms can still grow, so only stop in the alternating tail.
    if (i > alpha + 1 && Math.max(logS0, logS1) < Math.max(sum0.log, sum1.log) - TAIL_NATS) {
      const total: SignedLog = { sign: 0, log: -Infinity };
      addSigned(total, sum0.sign, sum0.log);
      addSigned(total, sum1.sign, sum1.log);
      // A_α ≥ 1 in exact arithmetic; anything else means the sum broke down, so refuse to certify.
      return total.sign > 0 ? total.log : Infinity;
    }
  }
  return NaN;
}

/**
 * Upper bound on log A_α for fractional α: log A_α is convex in α (it is a cumulant generating
 * function), so it lies below the chord between the neighbouring integer orders, and log A_1 = 0.
 * Used only when the exact series would take too long; it can only overstate ε, never understate it.
 */
function logAChordBound(q: number, sigma: number, alpha: number): number {
  const lo = Math.floor(alpha);
  const hi = lo + 1;
  const logLo = lo === 1 ? 0 : logAInteger(q, sigma, lo);
  return (hi - alpha) * logLo + (alpha - lo) * logAInteger(q, sigma, hi);
}

/**
 * RDP ε(α) of one step of the sampled Gaussian mechanism, in nats.
 * @param sampleRate Poisson sampling rate q, in (0, 1]
 * @param noiseMultiplier σ, noise standard deviation divided by the clipping norm, ≥ 0
 * @param order the Rényi order α > 1 (integer or fractional)
 * @returns RDP at α for a single step (compose T steps by multiplying by T). Infinity when σ = 0;
 *   α/(2σ²) when q = 1 (the plain Gaussian mechanism). Never negative.
 */
export function sampledGaussianRdp(sampleRate: number, noiseMultiplier: number, order: number): number {
  checkOpenInterval('sampleRate', sampleRate, 0, 1, true);
  checkNonNegative('noiseMultiplier', noiseMultiplier);
  if (!(order > 1 && Number.isFinite(order))) throw new InvalidParameterError('order', 'a finite number > 1', order);
  if (noiseMultiplier === 0) return Infinity;
  if (sampleRate === 1) return order / (2 * noiseMultiplier * noiseMultiplier);
  let logA = Number.isInteger(order)
    ? logAInteger(sampleRate, noiseMultiplier, order)
    : logAFractional(sampleRate, noiseMultiplier, order);
  if (Number.isNaN(logA)) logA = logAChordBound(sampleRate, noiseMultiplier, order);
  // Rounding can leave log A a hair below 0 when the true RDP is ~1e-17; RDP is never negative.
  return Math.max(0, logA / (order - 1));
}

/**
 * Per-step RDP at every order. Returns a new Float64Array aligned with `orders`; mutates nothing.
 * Cost grows as σ shrinks and q grows (the fractional series needs more terms); at typical DP-SGD
 * settings it is well under a millisecond per order.
 */
export function computeRdp(
  sampleRate: number,
  noiseMultiplier: number,
  orders: readonly number[] = DEFAULT_ORDERS,
): Float64Array {
  const out = new Float64Array(orders.length);
  for (let i = 0; i < orders.length; i++) out[i] = sampledGaussianRdp(sampleRate, noiseMultiplier, orders[i]);
  return out;
}
