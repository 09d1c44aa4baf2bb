/**
 * P(S ≥ x) for S = a sum of independent Bernoulli(q_i) (the Poisson binomial distribution; with all q_i equal, the
 * binomial). Exact by the standard O(n²) recursion over the distribution of partial sums, which stays in [0, 1]
 * without cancellation. 1 when x ≤ 0, 0 when x > n.
 */
export function poissonBinomialUpperTail(probabilities: ArrayLike<number>, x: number): number {
  const n = probabilities.length;
  if (x <= 0) return 1;
  if (x > n) return 0;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const q = probabilities[i]!;
    if (!(q >= 0 && q <= 1)) throw new Error(`poissonBinomialUpperTail: probability ${i} is ${q}, not in [0, 1]`);
    for (let s = i + 1; s > 0; s--) pmf[s] = pmf[s]! * (1 - q) + pmf[s - 1]! * q;
    pmf[0] = pmf[0]! * (1 - q);
  }
  let tail = 0;
  for (let s = x; s <= n; s++) tail += pmf[s]!;
  return Math.min(1, tail);
}
