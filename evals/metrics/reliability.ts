import { DEFAULT_ALPHA, testTeeth, toothColumns } from './flipped-teeth';
import { Mulberry32, resolveBootstrap, type BootstrapOptions } from './prng';
import { scorePairs } from './scored-pairs';
import { partialsOf, type PairTally, type ProbeTally } from './tally';

/** How far the verdict would survive asking again. */
export interface Reliability {
  /** Fewest / most graded samples of a tier of a used pair. */
  samples: { min: number; max: number } | null;
  /** True when some used tier has a single graded sample: the verdict rests on one sample and no retest is possible. */
  singleSample: boolean;
  /**
   * Share of used pairs whose every sample gives the same pair outcome (each tier's graded samples unanimous). Null
   * with k = 1 (one sample always agrees with itself) or no used pair.
   */
  stability: number | null;
  /** Split-half test–retest of the verdict; null unless every used tier has ≥ 2 graded samples. */
  splitHalf: SplitHalf | null;
}

export interface SplitHalf {
  /** Random splits averaged. */
  splits: number;
  /** Mean share of evaluated families whose flipped-tooth call is the same in both halves. */
  agreement: number;
  /** Share of splits in which both halves give the same model verdict. */
  verdictAgreement: number;
  /** Mean Pearson correlation across families of the per-pair flip excess in the two halves (null if never defined). */
  correlation: number | null;
}

export const DEFAULT_SPLITS = 20;

/**
 * Per-pair stability and a split-half test–retest figure for the jaggedness verdict. Tallies hold counts, not which
 * sample was which, so a split deals each tier's graded samples at random into two halves of ⌊k/2⌋ and ⌈k/2⌉ (a
 * hypergeometric draw: the same as splitting exchangeable samples by index), runs the flipped-tooth tests on each half,
 * and compares; averaged over `splits` seeded splits. Halves have half the samples, so agreement understates the
 * full-k verdict's reliability (as split-half coefficients do before a Spearman–Brown step).
 */
export function reliability(
  pairs: readonly PairTally[],
  options: BootstrapOptions & { alpha?: number; splits?: number } = {},
): Reliability {
  const scored = scorePairs(pairs);
  if (scored.nPairs === 0) return { samples: null, singleSample: false, stability: null, splitHalf: null };
  let min = Infinity;
  let max = 0;
  let stable = 0;
  for (const pair of scored.pairs) {
    for (const tally of [pair.easy, pair.hard]) {
      const graded = tally.pass + tally.fail;
      min = Math.min(min, graded);
      max = Math.max(max, graded);
    }
    if (unanimous(pair.easy) && unanimous(pair.hard)) stable++;
  }
  const singleSample = min < 2;
  const stability = max < 2 ? null : stable / scored.nPairs;
  return { samples: { min, max }, singleSample, stability, splitHalf: singleSample ? null : splitHalf(scored.pairs, options) };
}

const unanimous = (tally: ProbeTally) => tally.pass === 0 || tally.fail === 0;

function splitHalf(pairs: readonly PairTally[], options: BootstrapOptions & { alpha?: number; splits?: number }): SplitHalf {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const splits = options.splits ?? DEFAULT_SPLITS;
  const random = new Mulberry32(resolveBootstrap(options).seed);
  let agreement = 0;
  let verdictAgreement = 0;
  let correlationSum = 0;
  let correlations = 0;
  for (let s = 0; s < splits; s++) {
    const halves: [PairTally[], PairTally[]] = [[], []];
    for (const pair of pairs) {
      const [easyA, easyB] = deal(pair.easy, random);
      const [hardA, hardB] = deal(pair.hard, random);
      halves[0].push({ ...pair, easy: easyA, hard: hardA });
      halves[1].push({ ...pair, easy: easyB, hard: hardB });
    }
    const [a, b] = halves.map((half) => testTeeth(toothColumns(half), alpha)) as [ReturnType<typeof testTeeth>, ReturnType<typeof testTeeth>];
    let same = 0;
    for (let f = 0; f < a.length; f++) if (a[f]!.inverted === b[f]!.inverted) same++;
    agreement += a.length === 0 ? 1 : same / a.length;
    if (a.some((t) => t.inverted) === b.some((t) => t.inverted)) verdictAgreement++;
    const r = pearson(
      a.map((t) => t.excess ?? 0),
      b.map((t) => t.excess ?? 0),
    );
    if (r !== null) {
      correlationSum += r;
      correlations++;
    }
  }
  return {
    splits,
    agreement: agreement / splits,
    verdictAgreement: verdictAgreement / splits,
    correlation: correlations === 0 ? null : correlationSum / correlations,
  };
}

/**
 * Deals a tally's graded samples into two halves at random (errors and refusals stay out: they are not answers).
 * Samples are passes, outright fails and partial fails; each half gets a random draw without replacement of them.
 */
function deal(tally: ProbeTally, random: Mulberry32): [ProbeTally, ProbeTally] {
  const graded = tally.pass + tally.fail;
  const firstSize = Math.floor(graded / 2);
  const partial = partialsOf(tally);
  const left = [tally.pass, tally.fail - partial, partial];
  const first = [0, 0, 0];
  let remaining = graded;
  for (let i = 0; i < firstSize; i++) {
    let draw = random.index(remaining);
    let kind = 0;
    while (draw >= left[kind]!) draw -= left[kind++]!;
    left[kind]!--;
    first[kind]!++;
    remaining--;
  }
  const half = (pass: number, allWrong: number, partialFails: number): ProbeTally =>
    partialFails > 0 ? { pass, fail: allWrong + partialFails, error: 0, partial: partialFails } : { pass, fail: allWrong, error: 0 };
  return [half(first[0]!, first[1]!, first[2]!), half(left[0]!, left[1]!, left[2]!)];
}

/** Pearson correlation; null when either side has no variance or fewer than 2 values. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
