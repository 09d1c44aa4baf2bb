import { passRate, type Coverage, type PairTally } from './tally';

/**
 * The pairs a metric can use, as columns (typed arrays keep the bootstrap loops allocation-free), plus what was left
 * out. A pair is used only when BOTH probes have a pass rate: CS, INV, J and the accuracies are then computed on the
 * same pairs, so an easy/hard tooth of the profile always compares the same items.
 */
export interface ScoredPairs extends Coverage {
  /** The used pairs, in input order. */
  pairs: PairTally[];
  easy: Float64Array;
  hard: Float64Array;
  /** True when every used probe of the tier has exactly one graded sample (p is 0 or 1): Wilson applies. */
  singleSample: { easy: boolean; hard: boolean };
}

/** Splits pairs into used and excluded (see ScoredPairs). Throws on a repeated pair id: it would be counted twice. */
export function scorePairs(input: readonly PairTally[]): ScoredPairs {
  assertUniquePairIds(input);
  const used: PairTally[] = [];
  const easy: number[] = [];
  const hard: number[] = [];
  const singleSample = { easy: true, hard: true };
  let errorSamples = 0;
  for (const pair of input) {
    errorSamples += pair.easy.error + pair.hard.error;
    const pe = passRate(pair.easy);
    const ph = passRate(pair.hard);
    if (pe === null || ph === null) continue;
    used.push(pair);
    easy.push(pe);
    hard.push(ph);
    if (pair.easy.pass + pair.easy.fail !== 1) singleSample.easy = false;
    if (pair.hard.pass + pair.hard.fail !== 1) singleSample.hard = false;
  }
  return {
    pairs: used,
    easy: Float64Array.from(easy),
    hard: Float64Array.from(hard),
    singleSample,
    nPairs: used.length,
    excludedPairs: input.length - used.length,
    errorSamples,
  };
}

export function coverageOf(scored: Coverage): Coverage {
  return { nPairs: scored.nPairs, excludedPairs: scored.excludedPairs, errorSamples: scored.errorSamples };
}

export function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}

function assertUniquePairIds(pairs: readonly PairTally[]): void {
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.pairId)) throw new Error(`metrics: pair "${pair.pairId}" appears twice in the input; pool its runs into one tally first`);
    seen.add(pair.pairId);
  }
}
