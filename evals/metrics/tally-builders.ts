import type { PairTally, ProbeTally } from './tally';

/**
 * Compact builders for tallies, used by the tests and the benchmark: 'P' / 'F' / 'E' / 'R' is one pass / fail /
 * error / refusal sample, 'H' a partial fail (a twinned tier half right: counted in `fail` and in `partial`); a
 * string of them ("PPF") is several samples of one probe. `refusal` and `partial` are set only when an R or H
 * occurs, so tallies without them look as they did before those fields existed.
 */
export function probe(samples: string): ProbeTally {
  const tally: ProbeTally = { pass: 0, fail: 0, error: 0 };
  for (const sample of samples) {
    if (sample === 'P') tally.pass++;
    else if (sample === 'F') tally.fail++;
    else if (sample === 'E') tally.error++;
    else if (sample === 'R') tally.refusal = (tally.refusal ?? 0) + 1;
    else if (sample === 'H') {
      tally.fail++;
      tally.partial = (tally.partial ?? 0) + 1;
    } else throw new Error(`probe("${samples}"): use P, F, H, E or R per sample`);
  }
  return tally;
}

/** A pair of family `family` (domain = the part before the dot) with easy and hard samples as for probe(). */
export function pair(pairId: string, family: string, easy: string, hard: string): PairTally {
  return { pairId, family, domain: family.split('.')[0]!, easy: probe(easy), hard: probe(hard) };
}

/** Pairs "<family>#1", "#2", ... from a list of [easy, hard] sample strings. */
export function pairs(family: string, rows: ReadonlyArray<readonly [string, string]>): PairTally[] {
  return rows.map(([easy, hard], index) => pair(`${family}#${index + 1}`, family, easy, hard));
}
