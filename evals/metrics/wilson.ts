/** A proportion with its 95% (or other) interval and the n it rests on. acc/lo/hi are null when n = 0. */
export interface ProportionInterval {
  acc: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

/**
 * Wilson score interval for `passes` successes in `n` Bernoulli trials. Chosen over the normal (Wald) interval
 * because it stays inside [0, 1] and keeps its coverage at 0/n, n/n and small n, which is where our families live.
 */
export function wilson(passes: number, n: number, z = 1.96): ProportionInterval {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(passes) || passes < 0 || passes > n) {
    throw new Error(`wilson: need integers 0 <= passes <= n, got passes=${passes}, n=${n}`);
  }
  if (n === 0) return { acc: null, lo: null, hi: null, n };
  const p = passes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp rounding noise only: mathematically lo = 0 at p = 0 and hi = 1 at p = 1.
  return { acc: p, lo: Math.max(0, centre - halfWidth), hi: Math.min(1, centre + halfWidth), n };
}
