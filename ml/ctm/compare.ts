/** Numerical comparison helpers shared by the golden and regression tests. */

export type Discrepancy = { maxAbs: number; scale: number; worstIndex: number };

/** Largest absolute difference and the largest |expected| (the tensor's scale). */
export function discrepancy(actual: ArrayLike<number>, expected: ArrayLike<number>): Discrepancy {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ expected ${expected.length}`);
  let maxAbs = 0;
  let scale = 0;
  let worstIndex = -1;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs((actual[i] as number) - (expected[i] as number));
    if (!(diff <= maxAbs)) {
      maxAbs = diff;
      worstIndex = i;
    }
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return { maxAbs, scale, worstIndex };
}

/**
 * Error relative to the tensor's scale: max|a − e| / max|e| (with a floor so all-zero tensors compare absolutely).
 * Used for gradients, where single entries near zero make per-entry relative errors meaningless.
 */
export function scaledError(d: Discrepancy, floor = 1e-12): number {
  return d.maxAbs / Math.max(d.scale, floor);
}
