/**
 * @fileoverview Special functions the privacy math needs and JavaScript lacks: a log-erfc that stays
 * accurate deep into the tail (where erfc itself underflows), log-gamma, and the regularized
 * incomplete beta function with its inverse. All are pure, take and return plain numbers, and are
 * accurate to about 1e-13 relative, far tighter than the 1e-6 the accountant and the audit need.
 */

const LN2 = Math.LN2;
const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
/** Below this |x| the power series for erf is used; above it the continued fraction for erfc. */
const ERFC_SERIES_LIMIT = 2;

/**
 * erf(x) for 0 ≤ x < ERFC_SERIES_LIMIT. Uses erf(x) = 2/√π·e^(−x²)·Σ (2x²)^n·x/(2n+1)!!, whose
 * terms are all positive, so there is no cancellation (the alternating Taylor series loses digits).
 */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500 && term > sum * 1e-17; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/**
 * log of K(x) = erfc(x)·√π·e^(x²) for x ≥ ERFC_SERIES_LIMIT, from the even contraction of the
 * Laplace continued fraction, K = 2x/(2x² + 1 − 1·2/(2x² + 5 − 3·4/(2x² + 9 − …))), evaluated with
 * the modified Lentz method. It converges twice as fast as the plain form, and keeping the e^(−x²)
 * factor out of it means nothing underflows.
 */
function logErfcScaled(x: number): number {
  const tiny = 1e-300;
  const twoX2 = 2 * x * x;
  let f = twoX2 + 1;
  let c = f;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = -(2 * k - 1) * (2 * k);
    const b = twoX2 + 1 + 4 * k;
    d = b + a * d;
    d = 1 / (d === 0 ? tiny : d);
    c = b + a / c;
    if (c === 0) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.log((2 * x) / f);
}

/**
 * Natural log of the complementary error function, log(erfc(x)), for any real x.
 * Finite for every finite x: for large x it is about −x² − log(x√π), where erfc(x) would underflow.
 * Returns −Infinity at +Infinity, ln 2 at −Infinity and NaN for NaN.
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return -Infinity;
  if (x >= ERFC_SERIES_LIMIT) return -x * x - LOG_SQRT_PI + logErfcScaled(x);
  if (x >= 0) return Math.log1p(-erfSeries(x));
  if (x > -ERFC_SERIES_LIMIT) return Math.log1p(erfSeries(-x));
  // erfc(x) = 2 − erfc(−x), and erfc(−x) is tiny here, so log1p keeps full precision.
  return LN2 + Math.log1p(-0.5 * Math.exp(logErfc(-x)));
}

/**
 * log Γ(x) for x > 0 (NaN otherwise). Shifts x up to at least 10 with Γ(x+1) = x·Γ(x), then uses the
 * Stirling series to the 1/x¹³ term, whose truncation error is below 1e-17 there.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 1;
  while (x < 10) {
    shift *= x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Bernoulli-number coefficients B_2k / (2k(2k−1)) for k = 1..7, evaluated by Horner in 1/x².
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - Math.log(shift);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Continued fraction for the incomplete beta function (DLMF 8.17.22), modified Lentz method.
 * Converges quickly when x < (a + 1)/(a + b + 2); the caller swaps arguments otherwise.
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let f = d;
  for (let m = 1; m < 100_000; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    f *= c * d;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return f;
}

/**
 * Regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b), with a, b > 0 and
 * x in [0, 1]. This is also the binomial tail: P(Bin(n, p) ≥ k) = I_p(k, n − k + 1).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Inverse of I_x(a, b) in x: the p-quantile of Beta(a, b), for p in [0, 1]. Bisection, because
 * I_x is monotone and bisection cannot overshoot; it stops at 1e-14 relative width, which takes at
 * most ~60 evaluations even for quantiles near 1e-10.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
