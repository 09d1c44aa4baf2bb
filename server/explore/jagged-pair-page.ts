import type { SqlRunner } from '../../db/store';
import { evidenceTranscripts, probeTexts, type Transcript } from '../../db/queries/model-page';
import { jaggedPairs, passRate } from '../../evals/metrics';
import type { ProfilePairTally } from './profile-tallies';
import type { ScopedProfile } from './stored-profile';

/** One side (easy or hard) of a jagged pair, with the sample shown as evidence. */
export interface JaggedSide {
  probeId: string;
  prompt: string;
  answer: string;
  p: number | null;
  counts: { pass: number; fail: number; error: number; refusal: number };
  transcript: Transcript | null;
}

export interface JaggedPairItem {
  pairId: string;
  family: string;
  domain: string;
  easy: JaggedSide;
  hard: JaggedSide;
}

export interface JaggedPairPage {
  /** Jagged pairs matching the filter (all pages). */
  total: number;
  /** Every family with at least one jagged pair, for the filter, with its count. */
  families: Array<{ id: string; n: number }>;
  items: JaggedPairItem[];
}

/**
 * One page of a model's jagged pairs (p(hard) > p(easy), from the metrics' own jaggedPairs) in one profile, in chart
 * order. Only the page's probes are read from the database: their texts and one evidence sample each, from the runs
 * the profile rests on.
 */
export async function jaggedPairPage(
  db: SqlRunner,
  scoped: ScopedProfile,
  opts: { family?: string; limit: number; offset: number },
): Promise<JaggedPairPage> {
  const modelId = scoped.scope.modelId;
  const runIds = scoped.scope.runs.map((r) => r.id);
  const pairs = scoped.tallies.pairs;
  const byId = new Map(pairs.map((pair) => [pair.pairId, pair]));
  const jagged = jaggedPairs(pairs);
  const familyCounts = new Map<string, number>();
  for (const pair of jagged) familyCounts.set(pair.family, (familyCounts.get(pair.family) ?? 0) + 1);
  const matching = opts.family ? jagged.filter((pair) => pair.family === opts.family) : jagged;
  const page = matching.slice(opts.offset, opts.offset + opts.limit).map((pair) => byId.get(pair.pairId)!);
  const keys = page.flatMap((pair) => [pair.easyKey, pair.hardKey]);
  const texts = await probeTexts(db, keys);
  // The evidence of a jagged pair: a failed easy sample and a passed hard one.
  const transcripts = await evidenceTranscripts(db, page.flatMap((pair) => [
    { modelId, probeKey: pair.easyKey, prefer: 'fail' as const },
    { modelId, probeKey: pair.hardKey, prefer: 'pass' as const },
  ]), runIds);
  const side = (pair: ProfilePairTally, tier: 'easy' | 'hard'): JaggedSide => {
    const key = tier === 'easy' ? pair.easyKey : pair.hardKey;
    const text = texts.get(key);
    const found = transcripts.get(`${modelId}|${key}`);
    return {
      probeId: text?.id ?? `${pair.pairId}/${tier}`,
      prompt: text?.prompt ?? '',
      answer: text?.answer ?? '',
      p: passRate(pair[tier]),
      counts: pair[tier],
      transcript: found ?? null,
    };
  };
  return {
    total: matching.length,
    families: [...familyCounts].map(([id, n]) => ({ id, n })),
    items: page.map((pair) => ({ pairId: pair.pairId, family: pair.family, domain: pair.domain, easy: side(pair, 'easy'), hard: side(pair, 'hard') })),
  };
}
