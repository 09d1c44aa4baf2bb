import { resolveBootstrap, type BootstrapOptions } from './prng';

/**
 * A bootstrap that resamples pairs WITHIN each family (stratified): every draw keeps each family's number of pairs,
 * so family-level statistics (a tooth test, a family's easy accuracy) are recomputed on a resample of the same
 * design. `visit(rows, draw)` gets, per family, the resampled row indices; the arrays are reused between draws.
 * The mulberry32 step is written out inline, as in bootstrap.ts (the same generator as `Mulberry32.index`).
 */
export function stratifiedBootstrap(
  familySizes: readonly number[],
  options: BootstrapOptions | undefined,
  visit: (rows: readonly Int32Array[], draw: number) => void,
): void {
  const { draws, seed } = resolveBootstrap(options);
  const rows = familySizes.map((size) => new Int32Array(size));
  let state = seed | 0;
  for (let draw = 0; draw < draws; draw++) {
    for (const familyRows of rows) {
      const n = familyRows.length;
      for (let r = 0; r < n; r++) {
        state = (state + 0x6d2b79f5) | 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        familyRows[r] = ((((t ^ (t >>> 14)) >>> 0) * n) / 4294967296) | 0;
      }
    }
    visit(rows, draw);
  }
}
