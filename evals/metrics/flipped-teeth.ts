import { groupByFamily } from './group-by-family';
import { holm } from './holm';
import { nullFlipProbability } from './null-flip';
import { pairDirection } from './pair-direction';
import { poissonBinomialUpperTail } from './poisson-binomial';
import { scorePairs } from './scored-pairs';
import { chanceOf, type PairTally } from './tally';

/** Significance level of the flipped-tooth test (family-wise, after Holm). */
export const DEFAULT_ALPHA = 0.05;

/**
 * One family's used pairs as columns for the tooth test: the direction of each pair's discordance (`pairDirection`:
 * +1 flipped, hard tier right and easy wrong outright; −1 ordered, the mirror; 0 no evidence, including partial
 * tiers) and its null flip probability q0 (see null-flip.ts).
 */
export interface ToothColumns {
  id: string;
  domain: string;
  direction: Int8Array;
  q0: Float64Array;
  /** Easy pass rates of the used pairs (for the between-family variance, which resamples the same pairs). */
  easyRate: Float64Array;
  /**
   * When all q0 are equal (the usual case) the p-value depends on two counts only: tail[d·(n + 1) + x] = P(S ≥ x)
   * for d discordant pairs, precomputed for d, x ≤ n. Null otherwise (then computed per call).
   */
  tail: Float64Array | null;
}

/** The flipped-tooth test of one family. */
export interface ToothTest {
  family: string;
  domain: string;
  /** Pairs with a graded answer on both tiers. */
  nPairs: number;
  /** n01: pairs with the hard tier right (more often) and the easy one wrong outright (see pairDirection). */
  flipped: number;
  /** n10: pairs with the easy tier right (more often) and the hard one wrong outright. */
  ordered: number;
  /** Σ q0 over the discordant pairs: the most flipped pairs "no flipped tooth" (guessing included) leads to expect. */
  expectedFlipped: number;
  /** (flipped − expectedFlipped) / nPairs: flipped discordance beyond chance, per pair; negative when below. */
  excess: number | null;
  /** One-sided exact p-value: P(n01 ≥ observed) when each discordant pair flips with probability q0. */
  p: number;
  /** Holm-adjusted across the evaluated families. */
  pHolm: number;
  /** The smallest p this family could give (every used pair flipped): Π q0. */
  minP: number;
  /** minP ≤ α / m (m = evaluated families): a flip here could be detected at all. */
  testable: boolean;
  /** A flipped tooth: pHolm ≤ α. */
  inverted: boolean;
}

/** Builds the tooth columns of each family (chart order), from the pairs each family uses (see scorePairs). */
export function toothColumns(pairs: readonly PairTally[]): ToothColumns[] {
  return groupByFamily(pairs).map(({ id, domain, pairs: familyPairs }) => {
    const scored = scorePairs(familyPairs);
    const n = scored.nPairs;
    const direction = new Int8Array(n);
    const q0 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const pair = scored.pairs[i]!;
      direction[i] = pairDirection(pair.easy, pair.hard);
      q0[i] = nullFlipProbability(chanceOf(pair), pair.easy.pass + pair.easy.fail, pair.hard.pass + pair.hard.fail);
    }
    const uniform = n > 0 && q0.every((q) => q === q0[0]);
    return { id, domain, direction, q0, easyRate: scored.easy, tail: uniform ? tailTable(n, q0[0]!) : null };
  });
}

/** Counts and p-value of one family over the given rows (all rows, or a bootstrap resample of row indices). */
export function toothCounts(
  column: ToothColumns,
  rows?: ArrayLike<number>,
): { flipped: number; ordered: number; expectedFlipped: number; p: number } {
  const n = rows ? rows.length : column.direction.length;
  const { direction, q0, tail } = column;
  let flipped = 0;
  let ordered = 0;
  let expectedFlipped = 0;
  for (let r = 0; r < n; r++) {
    const i = rows ? rows[r]! : r;
    const d = direction[i]!;
    if (d === 0) continue;
    if (d > 0) flipped++;
    else ordered++;
    expectedFlipped += q0[i]!;
  }
  let p: number;
  if (tail) {
    p = tail[(flipped + ordered) * (direction.length + 1) + flipped]!;
  } else {
    const discordantQ0: number[] = [];
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r]! : r;
      if (direction[i] !== 0) discordantQ0.push(q0[i]!);
    }
    p = poissonBinomialUpperTail(discordantQ0, flipped);
  }
  return { flipped, ordered, expectedFlipped, p };
}

/** P(Binomial(d, q) ≥ x) for all d, x ≤ n, row-major by d (see ToothColumns.tail). */
function tailTable(n: number, q: number): Float64Array {
  const table = new Float64Array((n + 1) * (n + 1));
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let d = 0; d <= n; d++) {
    if (d > 0) {
      for (let s = d; s > 0; s--) pmf[s] = pmf[s]! * (1 - q) + pmf[s - 1]! * q;
      pmf[0] = pmf[0]! * (1 - q);
    }
    let tail = 0;
    for (let x = d; x >= 0; x--) {
      tail += pmf[x]!;
      table[d * (n + 1) + x] = Math.min(1, tail);
    }
  }
  return table;
}

/**
 * The flipped-tooth test of every family with at least one used pair (families without one are not evaluated and
 * not tested). Within a family, only discordant pairs carry evidence about direction: under "no flipped tooth" each
 * flips with probability at most q0 (½, or more where guessing favours the hard tier), so n01 is at most a Poisson
 * binomial with those q0 and p = P(S ≥ n01) is a valid one-sided exact p-value (McNemar's exact test when all q0 = ½).
 * Holm across the m evaluated families keeps the chance of calling any tooth of a model flipped when none is at α.
 */
export function testTeeth(columns: readonly ToothColumns[], alpha = DEFAULT_ALPHA, rows?: ReadonlyArray<ArrayLike<number>>): ToothTest[] {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`metrics: alpha must be in (0, 1), got ${alpha}`);
  const evaluated = columns.map((column, index) => ({ column, rows: rows?.[index] })).filter(({ column }) => column.direction.length > 0);
  const m = evaluated.length;
  const counts = evaluated.map(({ column, rows: familyRows }) => toothCounts(column, familyRows));
  const adjusted = holm(counts.map((c) => c.p));
  return evaluated.map(({ column, rows: familyRows }, index) => {
    const { flipped, ordered, expectedFlipped, p } = counts[index]!;
    const nPairs = familyRows ? familyRows.length : column.direction.length;
    let minP = 1;
    for (let r = 0; r < nPairs; r++) minP *= column.q0[familyRows ? familyRows[r]! : r]!;
    return {
      family: column.id,
      domain: column.domain,
      nPairs,
      flipped,
      ordered,
      expectedFlipped,
      excess: nPairs === 0 ? null : (flipped - expectedFlipped) / nPairs,
      p,
      pHolm: adjusted[index]!,
      minP,
      testable: minP <= alpha / m,
      inverted: adjusted[index]! <= alpha,
    };
  });
}
