import type { SqlRunner } from '../../db/store';
import { suiteProbeOutcomes } from '../../db/queries/probe-outcomes';
import { probeHealth, type SuiteHealth } from '../../evals/metrics';

export interface SuiteProbeHealth extends SuiteHealth {
  suiteId: string;
}

/**
 * Probe health of a suite's current version (`suiteKey`, the caller's currentSuiteKey of `suiteId`) from every model's
 * results: difficulties with intervals, probes nobody or everybody passes, likely mis-tiered pairs. Not judged until
 * five models have results (`ready`).
 */
export async function suiteProbeHealth(db: SqlRunner, suiteId: string, suiteKey: number): Promise<SuiteProbeHealth> {
  const outcomes = await suiteProbeOutcomes(db, suiteKey);
  return { suiteId, ...probeHealth(outcomes) };
}
