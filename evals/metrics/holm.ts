/**
 * Holm's step-down adjustment (controls the family-wise error rate, uniformly more powerful than Bonferroni, valid
 * under any dependence between the tests). Returns adjusted p-values in the input order: sorted ascending, the i-th
 * smallest (1-based) becomes max over j ≤ i of min(1, (m − j + 1)·p_(j)). Reject at level α where adjusted p ≤ α.
 */
export function holm(pValues: readonly number[]): number[] {
  for (const [index, p] of pValues.entries()) {
    if (!(p >= 0 && p <= 1)) throw new Error(`holm: p-value ${index} is ${p}, not in [0, 1]`);
  }
  const m = pValues.length;
  const order = pValues.map((_, index) => index).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
