import type { Db } from '../../db/client';
import { suiteProbeOutcomes } from '../../db/queries/probe-outcomes';
import { probeHealth, type SuiteHealth } from '../../evals/metrics';
import { currentSuiteKey } from '../suites/suite-key';

export interface SuiteProbeHealth extends SuiteHealth {
  suiteId: string;
}

/**
 * Probe health of a suite's current version from every model's results: difficulties with intervals, probes
 * nobody or everybody passes, likely mis-tiered pairs. Not judged until five models have results (`ready`).
 * Throws SuiteError for an unknown suite.
 */
export function suiteProbeHealth(db: Db, suiteId: string): SuiteProbeHealth {
  const outcomes = suiteProbeOutcomes(db, currentSuiteKey(db, suiteId));
  return { suiteId, ...probeHealth(outcomes) };
}
