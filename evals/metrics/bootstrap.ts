import { Mulberry32, type BootstrapOptions, resolveBootstrap } from './prng';

/**
 * Per-draw column sums of a pairs bootstrap: each draw resamples n pairs with replacement and sums the easy pass
 * rates, the hard pass rates and their products. Every pair metric here (acc_e, acc_h, CS, INV = J) is a function of
 * these three sums, so one resampling serves them all, and the same seed gives the same draws whichever statistic a
 * caller reads. No allocation inside the loop: 400 pairs x 2,000 draws takes a few milliseconds.
 */
export interface PairBootstrap {
  n: number;
  sumEasy: Float64Array;
  sumHard: Float64Array;
  sumBoth: Float64Array;
}

export function bootstrapPairSums(easy: Float64Array, hard: Float64Array, options?: BootstrapOptions): PairBootstrap {
  const { draws, seed } = resolveBootstrap(options);
  const n = easy.length;
  const sumEasy = new Float64Array(draws);
  const sumHard = new Float64Array(draws);
  const sumBoth = new Float64Array(draws);
  if (n === 0) return { n, sumEasy, sumHard, sumBoth };
  const random = new Mulberry32(seed);
  for (let d = 0; d < draws; d++) {
    let se = 0;
    let sh = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const j = random.index(n);
      const e = easy[j]!;
      const h = hard[j]!;
      se += e;
      sh += h;
      sb += e * h;
    }
    sumEasy[d] = se;
    sumHard[d] = sh;
    sumBoth[d] = sb;
  }
  return { n, sumEasy, sumHard, sumBoth };
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
