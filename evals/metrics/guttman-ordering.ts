import { guttmanErrors, type GuttmanErrors, type GuttmanProbe } from './guttman';

/** One probe in the Guttman order of a model page: easiest first, with whether it breaks the ordering. */
export interface OrderedProbe extends GuttmanProbe {
  /** 0-based position, easiest first (difficulty descending, then easy before hard, then id). */
  rank: number;
  /** Passed although some strictly easier probe was failed, or failed although some strictly harder one was passed. */
  outOfOrder: boolean;
}

/** G, G_normed and the probe order behind them: what the model page draws as a Guttman chart. */
export interface GuttmanOrdering extends GuttmanErrors {
  order: OrderedProbe[];
}

/**
 * The Guttman ordering of one model's graded probes: the probes easiest first (population pass rate, see
 * probeDifficulty), each marked when it takes part in a Guttman error, plus G and G_normed (guttmanErrors, whose
 * tie rule it shares: probes tied on difficulty and tier are never out of order with each other). Ties are listed in
 * id order so the chart never depends on the input order.
 */
export function guttmanOrdering(probes: readonly GuttmanProbe[]): GuttmanOrdering {
  const sorted = [...probes].sort(
    (a, b) => b.difficulty - a.difficulty || tierRank(a.tier) - tierRank(b.tier) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const key = (probe: GuttmanProbe) => `${probe.difficulty}|${probe.tier}`;
  // A passed probe is out of order when a failed probe sits in a strictly easier tie group before it; a failed probe
  // when a passed one sits in a strictly harder group after it.
  const failedBefore = new Array<boolean>(sorted.length);
  let seenFailed = false;
  let groupStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && key(sorted[i]!) !== key(sorted[i - 1]!)) {
      for (let j = groupStart; j < i; j++) if (!sorted[j]!.passed) seenFailed = true;
      groupStart = i;
    }
    failedBefore[i] = seenFailed;
  }
  const passedAfter = new Array<boolean>(sorted.length);
  let seenPassed = false;
  let groupEnd = sorted.length - 1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (i < sorted.length - 1 && key(sorted[i]!) !== key(sorted[i + 1]!)) {
      for (let j = groupEnd; j > i; j--) if (sorted[j]!.passed) seenPassed = true;
      groupEnd = i;
    }
    passedAfter[i] = seenPassed;
  }
  return {
    ...guttmanErrors(probes),
    order: sorted.map((probe, rank) => ({ ...probe, rank, outOfOrder: probe.passed ? failedBefore[rank]! : passedAfter[rank]! })),
  };
}

/**
 * Population difficulty of each probe: its pass rate over every graded sample of every model given (pass / (pass +
 * fail); errors and refusals are not answers). Probes with no graded sample are left out. Higher = easier.
 */
export function probeDifficulty(
  countsByModel: Iterable<ReadonlyMap<string, { pass: number; fail: number }>>,
): Map<string, number> {
  const totals = new Map<string, { pass: number; graded: number }>();
  for (const counts of countsByModel) {
    for (const [probeId, { pass, fail }] of counts) {
      const total = totals.get(probeId) ?? { pass: 0, graded: 0 };
      total.pass += pass;
      total.graded += pass + fail;
      totals.set(probeId, total);
    }
  }
  const difficulty = new Map<string, number>();
  for (const [probeId, { pass, graded }] of totals) if (graded > 0) difficulty.set(probeId, pass / graded);
  return difficulty;
}

function tierRank(tier: GuttmanProbe['tier']): number {
  return tier === 'easy' ? 0 : 1;
}
