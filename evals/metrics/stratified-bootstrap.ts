import { Mulberry32, resolveBootstrap, type BootstrapOptions } from './prng';

/**
 * A bootstrap that resamples pairs WITHIN each family (stratified): every draw keeps each family's number of pairs,
 * so family-level statistics (a tooth test, a family's easy accuracy) are recomputed on a resample of the same
 * design. `visit(rows, draw)` gets, per family, the resampled row indices; the arrays are reused between draws.
 */
export function stratifiedBootstrap(
  familySizes: readonly number[],
  options: BootstrapOptions | undefined,
  visit: (rows: readonly Int32Array[], draw: number) => void,
): void {
  const { draws, seed } = resolveBootstrap(options);
  const random = new Mulberry32(seed);
  const rows = familySizes.map((size) => new Int32Array(size));
  for (let draw = 0; draw < draws; draw++) {
    for (const familyRows of rows) {
      for (let r = 0; r < familyRows.length; r++) familyRows[r] = random.index(familyRows.length);
    }
    visit(rows, draw);
  }
}
