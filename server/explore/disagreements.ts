import type { SqlRunner } from '../../db/store';
import { evidenceTranscripts, probeTexts, type Transcript } from '../../db/queries/model-page';
import { passRate } from '../../evals/metrics';
import type { ProfilePairTally } from './profile-tallies';
import { DEFAULT_SUITE } from './profile-scope';
import { storedProfile, type ScopedProfile } from './stored-profile';

type PairCounts = ProfilePairTally;

export type OutcomeFilter = 'pass' | 'fail' | 'any';
export type Majority = 'pass' | 'fail' | 'tie';

/** One model's side of a disagreement: its pass rate, majority outcome and one sample of that outcome. */
export interface DisagreementCell {
  modelId: string;
  p: number;
  majority: Majority;
  transcript: Transcript | null;
}

export interface DisagreementRow {
  pairId: string;
  family: string;
  domain: string;
  tier: 'easy' | 'hard';
  probeId: string;
  prompt: string;
  answer: string;
  /** In the order of the models asked for. */
  cells: DisagreementCell[];
}

export interface DisagreementPage {
  /** Disagreements matching the filters, all pages. */
  total: number;
  /** Probes every model answered (the pool disagreements are drawn from). */
  commonProbes: number;
  families: Array<{ id: string; n: number }>;
  items: DisagreementRow[];
}

/**
 * Per-probe majority, the rule comparePairs uses for McNemar: passed when p > ½, failed when p < ½, no majority at
 * exactly ½ (then the probe takes no side).
 */
export function majorityOf(p: number): Majority {
  return p > 0.5 ? 'pass' : p < 0.5 ? 'fail' : 'tie';
}

interface Candidate {
  pairs: PairCounts[];
  tier: 'easy' | 'hard';
  majorities: Majority[];
  rates: number[];
}

/**
 * Probes (one tier of one pair) that every model answered in its profile on the suite, where at least one model
 * passes and another fails.
 * `filters[i]` keeps only rows where model i passed ('pass') or failed ('fail'). Sorted in chart order; one page is
 * returned with its probe texts and each model's evidence sample (read for that page only).
 */
export async function disagreementPage(
  db: SqlRunner,
  modelIds: readonly string[],
  opts: { filters: readonly OutcomeFilter[]; family?: string; limit: number; offset: number; suite?: string },
): Promise<DisagreementPage> {
  const profiles: Array<ScopedProfile | null> = [];
  for (const id of modelIds) profiles.push(await storedProfile(db, { modelId: id, suiteId: opts.suite ?? DEFAULT_SUITE }));
  if (profiles.some((p) => p === null)) return { total: 0, commonProbes: 0, families: [], items: [] };
  const runIds = profiles.flatMap((p) => p!.scope.runs.map((r) => r.id));
  const indexes = profiles.map((p) => new Map(p!.tallies.pairs.map((pair) => [pair.pairId, pair])));
  const first = profiles[0]!.tallies.pairs;
  const keyOf = (pair: PairCounts, tier: 'easy' | 'hard') => (tier === 'easy' ? pair.easyKey : pair.hardKey);
  const candidates: Candidate[] = [];
  let commonProbes = 0;
  for (const reference of first) {
    const pairs = indexes.map((index) => index.get(reference.pairId));
    if (pairs.some((pair) => !pair || pair.family !== reference.family)) continue;
    for (const tier of ['easy', 'hard'] as const) {
      // Only the same probe (same row: same suite, same content) is a common probe, never a reused id.
      if (pairs.some((pair) => keyOf(pair!, tier) !== keyOf(reference, tier))) continue;
      const rates = pairs.map((pair) => passRate(pair![tier]));
      if (rates.some((p) => p === null)) continue;
      commonProbes++;
      const majorities = (rates as number[]).map(majorityOf);
      if (!majorities.includes('pass') || !majorities.includes('fail')) continue;
      candidates.push({ pairs: pairs as PairCounts[], tier, majorities, rates: rates as number[] });
    }
  }
  const byFilter = candidates.filter((c) => opts.filters.every((filter, i) => filter === 'any' || c.majorities[i] === filter));
  const familyCounts = new Map<string, number>();
  for (const c of byFilter) familyCounts.set(c.pairs[0]!.family, (familyCounts.get(c.pairs[0]!.family) ?? 0) + 1);
  const matching = opts.family ? byFilter.filter((c) => c.pairs[0]!.family === opts.family) : byFilter;
  const page = matching.slice(opts.offset, opts.offset + opts.limit);

  const texts = await probeTexts(db, page.map((c) => keyOf(c.pairs[0]!, c.tier)));
  const transcripts = await evidenceTranscripts(
    db,
    page.flatMap((c) =>
      modelIds.map((modelId, i) => ({
        modelId,
        probeKey: keyOf(c.pairs[i]!, c.tier),
        prefer: c.majorities[i] === 'tie' ? null : (c.majorities[i] as 'pass' | 'fail'),
      })),
    ),
    runIds,
  );
  const items = page.map((c): DisagreementRow => {
    const reference = c.pairs[0]!;
    const text = texts.get(keyOf(reference, c.tier));
    return {
      pairId: reference.pairId,
      family: reference.family,
      domain: reference.domain,
      tier: c.tier,
      probeId: text?.id ?? `${reference.pairId}/${c.tier}`,
      prompt: text?.prompt ?? '',
      answer: text?.answer ?? '',
      cells: modelIds.map((modelId, i) => {
        const found = transcripts.get(`${modelId}|${keyOf(c.pairs[i]!, c.tier)}`);
        return { modelId, p: c.rates[i]!, majority: c.majorities[i]!, transcript: found ?? null };
      }),
    };
  });
  return { total: matching.length, commonProbes, families: [...familyCounts].map(([id, n]) => ({ id, n })), items };
}
