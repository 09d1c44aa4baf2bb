import { byDomainThenId, groupByFamily } from './group-by-family';
import type { JaggednessOptions } from './jaggedness';
import { modelSummary } from './model-summary';
import type { Profile, ProfileFamily } from './profile-schema';
import { chanceOf, refusalsOf, type PairTally } from './tally';

export interface ProfileInput {
  model: string;
  suite: { id: string; version: string };
  /** The runs whose results the tallies pool (one, by default: the latest completed run). */
  runs: readonly number[];
  /**
   * Every pair of the suite version, with its tier chances. A pair the model was never asked (out of scope) is a
   * tally of zeros; a family none of whose pairs has a graded answer on both tiers is "not evaluated".
   */
  pairs: readonly PairTally[];
  /** Families of the suite that have no pair in `pairs` at all; they are listed as not evaluated (chance 0). */
  families?: ReadonlyArray<{ id: string; domain: string }>;
  options?: JaggednessOptions;
}

/**
 * The profile object (ProfileSchema): the one pure function behind `eval --json`, `profile --json` and the dashboard,
 * so they show the same numbers. Families in chart order (domain, family id).
 */
export function buildProfile(input: ProfileInput): Profile {
  const summary = modelSummary(input.pairs, input.options);
  const teeth = new Map(summary.jaggedness.teeth.map((tooth) => [tooth.family, tooth]));
  const metrics = new Map(summary.families.map((family) => [family.id, family]));
  const groups = groupByFamily(input.pairs);
  const known = new Set(groups.map((group) => group.id));
  const missing = (input.families ?? []).filter((family) => !known.has(family.id)).map((family) => ({ ...family, pairs: [] }));
  const families = [...groups, ...missing].sort(byDomainThenId);

  return {
    model: input.model,
    suite: { id: input.suite.id, version: input.suite.version },
    runs: [...input.runs].sort((a, b) => a - b),
    counts: summary.counts,
    nPairs: summary.nPairs,
    excludedPairs: summary.excludedPairs,
    easy: accuracy(summary.easy),
    hard: accuracy(summary.hard),
    chance: summary.chance,
    jaggedness: {
      index: summary.jaggedness.index,
      lo: summary.jaggedness.lo,
      hi: summary.jaggedness.hi,
      verdict: summary.jaggedness.verdict,
      alpha: summary.jaggedness.alpha,
      invertedFamilies: summary.jaggedness.invertedFamilies,
      nFamilies: summary.jaggedness.nFamilies,
      testableFamilies: summary.jaggedness.testableFamilies,
    },
    inversion: { j: summary.inversion.j, lo: summary.inversion.lo, hi: summary.inversion.hi },
    unevenness: {
      u: summary.unevenness.u,
      tau: summary.unevenness.net.tau,
      lo: summary.unevenness.net.lo,
      hi: summary.unevenness.net.hi,
      nFamilies: summary.unevenness.net.nFamilies,
    },
    reliability: summary.reliability,
    families: families.map((family): ProfileFamily => {
      const base = {
        id: family.id,
        domain: family.domain,
        chance: mean(family.pairs.map((pair) => chanceOf(pair).easy)),
        hardChance: mean(family.pairs.map((pair) => chanceOf(pair).hard)),
        refusals: family.pairs.reduce((total, pair) => total + refusalsOf(pair.easy) + refusalsOf(pair.hard), 0),
        errors: family.pairs.reduce((total, pair) => total + pair.easy.error + pair.hard.error, 0),
      };
      const tooth = teeth.get(family.id);
      const metric = metrics.get(family.id);
      if (!tooth || !metric || metric.nPairs === 0) return { ...base, evaluated: false, inverted: false };
      return {
        ...base,
        evaluated: true,
        inverted: tooth.inverted,
        nPairs: metric.nPairs,
        excludedPairs: metric.excludedPairs,
        easy: accuracy(metric.easy),
        hard: accuracy(metric.hard),
        cs: metric.cs,
        inv: metric.inv,
        rcs: metric.rcs,
        rcsConsisEval: metric.rcsConsisEval,
        tooth: {
          flipped: tooth.flipped,
          ordered: tooth.ordered,
          expectedFlipped: tooth.expectedFlipped,
          excess: tooth.excess,
          p: tooth.p,
          pHolm: tooth.pHolm,
          testable: tooth.testable,
        },
      };
    }),
  };
}

const accuracy = (t: { acc: number | null; lo: number | null; hi: number | null; n: number }) => ({ acc: t.acc, lo: t.lo, hi: t.hi, n: t.n });
const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
