/**
 * McNemar's exact test for paired binary outcomes. b and c are the discordant counts (probes model A passed and B
 * failed, and the reverse); concordant probes carry no information about a difference. Under H0 (no difference)
 * b ~ Binomial(b + c, ½), so the two-sided p = min(1, 2·P(X ≤ min(b, c))). p = 1 when b + c = 0.
 * Computed in log space, so it stays exact-to-rounding for thousands of discordant probes (2^-n would underflow).
 */
export function mcnemarExact(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new Error(`mcnemarExact: discordant counts must be non-negative integers, got b=${b}, c=${c}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  return Math.min(1, 2 * binomialHalfCdf(k, n));
}

/** P(X ≤ k) for X ~ Binomial(n, ½), k ≤ n/2: the pmf rises up to k, so sum relative to pmf(k) to stay in range. */
function binomialHalfCdf(k: number, n: number): number {
  let logChooseNK = 0; // ln C(n, k) = Σ_{i=1..k} ln((n − k + i) / i)
  for (let i = 1; i <= k; i++) logChooseNK += Math.log((n - k + i) / i);
  let term = 1; // pmf(i) / pmf(k), walking i down from k to 0
  let relativeSum = 1;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    relativeSum += term;
  }
  return Math.exp(logChooseNK - n * Math.LN2) * relativeSum;
}
