import { mulberry32, type BootstrapOptions, resolveBootstrap } from './prng';

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
  const random = mulberry32(seed);
  for (let d = 0; d < draws; d++) {
    let se = 0;
    let sh = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const j = (random() * n) | 0;
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
 * The central `level` percentile interval of the finite values in `values` (sorted in place; NaN marks a draw where
 * the statistic is undefined and is skipped). Quantiles interpolate linearly between order statistics (R type 7,
 * numpy's default). Null when no draw is finite.
 */
export function percentileInterval(values: Float64Array, level = 0.95): (Interval & { drawsUsed: number }) | null {
  values.sort(); // typed-array sort is numeric and puts NaN last
  let finite = values.length;
  while (finite > 0 && Number.isNaN(values[finite - 1]!)) finite--;
  if (finite === 0) return null;
  const tail = (1 - level) / 2;
  return { lo: quantileSorted(values, finite, tail), hi: quantileSorted(values, finite, 1 - tail), drawsUsed: finite };
}

function quantileSorted(sorted: Float64Array, length: number, q: number): number {
  const position = (length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, length - 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}
