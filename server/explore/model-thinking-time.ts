import type { Db } from '../../db/client';
import { modelTickCounts } from '../../db/queries/model-page';
import { thinkingTime, type ThinkingRow, type ThinkingTime } from '../../evals/metrics';
import { memoByModels } from './model-aggregates';

export interface ModelThinkingTime {
  /** Runs of the model that report ticks; 0 means the model reports no thinking time. */
  runs: number;
  /** Per family, an easy then a hard row (evals/metrics thinkingTime). Empty when runs is 0. */
  families: ThinkingTime[];
}

/** Ticks used on easy vs hard probes per family, for models that report them (the local CTM). */
export function modelThinkingTime(db: Db, modelId: string): ModelThinkingTime {
  return memoByModels(db, 'thinking-time', [modelId], () => computeThinkingTime(db, modelId));
}

function computeThinkingTime(db: Db, modelId: string): ModelThinkingTime {
  const { runs, counts } = modelTickCounts(db, modelId);
  // SQL groups equal tick counts; thinkingTime wants one row per answer, so expand (n ≤ the model's answers).
  const rows: ThinkingRow[] = [];
  for (const { family, tier, ticks, n } of counts) for (let i = 0; i < n; i++) rows.push({ family, tier, ticks });
  return { runs, families: thinkingTime(rows) };
}
