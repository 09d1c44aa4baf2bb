import type { SqlRunner } from '../../db/store';
import { runTickCounts } from '../../db/queries/model-page';
import { thinkingTime, type ThinkingRow, type ThinkingTime } from '../../evals/metrics';
import type { ScopedProfile } from './stored-profile';

export interface ModelThinkingTime {
  /** Runs of the profile that report ticks; 0 means the model reports no thinking time. */
  runs: number;
  /** Per evaluated family, an easy then a hard row (evals/metrics thinkingTime). Empty when runs is 0. */
  families: ThinkingTime[];
}

/**
 * Ticks used on easy vs hard probes per family, for models that report them (the local CTM), over the runs of one
 * profile. Only answers carry ticks (refusals and errors store none), and families the profile did not evaluate are
 * left out, so the chart has no empty bars.
 */
export async function modelThinkingTime(db: SqlRunner, scoped: ScopedProfile): Promise<ModelThinkingTime> {
  const { runs, counts } = await runTickCounts(db, scoped.scope.runs.map((r) => r.id));
  const evaluated = new Set(scoped.profile.families.filter((f) => f.evaluated).map((f) => f.id));
  // SQL groups equal tick counts; thinkingTime wants one row per answer, so expand (n ≤ the profile's answers).
  const rows: ThinkingRow[] = [];
  for (const { family, tier, ticks, n } of counts) {
    if (!evaluated.has(family)) continue;
    for (let i = 0; i < n; i++) rows.push({ family, tier, ticks });
  }
  return { runs, families: thinkingTime(rows) };
}
