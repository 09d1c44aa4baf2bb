import { type BootstrapOptions, resolveBootstrap } from './prng';

/**
 * Per-draw column sums of a pairs bootstrap: each draw resamples n rows with replacement and sums x, y and x·y over
 * them. For pairs x = p(e), y = p(h): every pair metric here (acc_e, acc_h, CS, INV = J) is a function of these three
 * sums, so one resampling serves them all, and the same seed gives the same draws whichever statistic a caller
 * reads. comparePairs uses it for a ratio (x = per-pair Σ(p_B − p_A), y = probes per pair).
 */
export interface ResampledSums {
  n: number;
  sumX: Float64Array;
  sumY: Float64Array;
  sumXY: Float64Array;
}

/**
 * The hot loop of every page (400 pairs x 2,000 draws = 800k index draws): typed arrays, no allocation per draw, and
 * the mulberry32 step written out inline. Keeping the generator state in a local instead of an object field made it
 * twice as fast in V8 (an int32 state above 2^30 is not a small integer, so a field holding it is boxed). It is the
 * same generator as `Mulberry32.index` (a test checks the two draw identical indices).
 */
export function resampledSums(x: Float64Array, y: Float64Array, options?: BootstrapOptions): ResampledSums {
  const { draws, seed } = resolveBootstrap(options);
  const n = x.length;
  const sumX = new Float64Array(draws);
  const sumY = new Float64Array(draws);
  const sumXY = new Float64Array(draws);
  if (n === 0) return { n, sumX, sumY, sumXY };
  let state = seed | 0;
  for (let d = 0; d < draws; d++) {
    let sx = 0;
    let sy = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const j = ((((t ^ (t >>> 14)) >>> 0) * n) / 4294967296) | 0;
      const xj = x[j]!;
      const yj = y[j]!;
      sx += xj;
      sy += yj;
      sxy += xj * yj;
    }
    sumX[d] = sx;
    sumY[d] = sy;
    sumXY[d] = sxy;
  }
  return { n, sumX, sumY, sumXY };
}

/** A two-sided percentile interval. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The central `level` percentile interval of the values in `values`, skipping NaN (a draw where the statistic is
 * undefined). Quantiles interpolate linearly between order statistics (R type 7, numpy's default). Null when no
 * draw is defined. Reorders `values` in place: the order statistics are found by selection (quickselect), not a full
 * sort, because a summary page takes ~40 of these intervals and sorting was a third of its time.
 */
export function percentileInterval(values: Float64Array, level = 0.95): (Interval & { drawsUsed: number }) | null {
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isNaN(value)) values[finite++] = value;
  }
  if (finite === 0) return null;
  const tail = (1 - level) / 2;
  return { lo: quantileInPlace(values, finite, tail), hi: quantileInPlace(values, finite, 1 - tail), drawsUsed: finite };
}

/** Type-7 quantile of values[0, length): order statistics `below` and `below + 1`, linearly interpolated. */
function quantileInPlace(values: Float64Array, length: number, q: number): number {
  const position = (length - 1) * q;
  const below = Math.floor(position);
  const weight = position - below;
  const atBelow = selectInPlace(values, length, below);
  if (weight === 0 || below + 1 >= length) return atBelow;
  // After selection everything right of `below` is ≥ it, so the next order statistic is their minimum.
  let next = Infinity;
  for (let i = below + 1; i < length; i++) if (values[i]! < next) next = values[i]!;
  return atBelow * (1 - weight) + next * weight;
}

/** Hoare quickselect with a median-of-three pivot: the k-th smallest (0-based) of values[0, length), in place. */
function selectInPlace(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const pivot = medianOfThree(values[left]!, values[(left + right) >> 1]!, values[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    // Now [left, j] ≤ pivot, [i, right] ≥ pivot, and anything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return pivot;
  }
  return values[k]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
