// The metrics of the design doc metrics.md, as pure functions (no db, no network, no Next). See README.md.
export * from './tally';
export { wilson, type ProportionInterval } from './wilson';
export { tierAccuracy, type TierAccuracy } from './tier-accuracy';
export { consistency, inversionRate, independenceBaseline } from './consistency';
export { relativeConsistency, type RelativeConsistency } from './relative-consistency';
export { jaggedPairs, type JaggedPair } from './jagged-pairs';
export { familyMetrics, type FamilyMetrics } from './family-metrics';
export { sawtoothProfile, type ProfilePoint } from './sawtooth-profile';
export { jaggednessIndex, type JaggednessIndex } from './jaggedness-index';
export { profileUnevenness, type ProfileUnevenness } from './profile-unevenness';
export { modelSummary, type ModelSummary } from './model-summary';
export { guttmanErrors, GuttmanProbeSchema, type GuttmanProbe, type GuttmanErrors } from './guttman';
export { thinkingTime, ThinkingRowSchema, type ThinkingRow, type ThinkingTime } from './thinking-time';
export { mcnemarExact } from './mcnemar';
export { holm } from './holm';
export {
  comparePairs,
  type CommonProbe,
  type ComparisonRow,
  type Disagreement,
  type FamilyComparison,
  type ModelComparison,
  type Verdict,
} from './compare-models';
export type { LeftOutProbes } from './match-probes';
export { Mulberry32, mulberry32, DEFAULT_DRAWS, DEFAULT_SEED, type BootstrapOptions } from './prng';
export {
  probeHealth,
  difficulty,
  DIFFICULTY_METHOD,
  MIN_HEALTH_MODELS,
  type ProbeOutcome,
  type ProbeHealth,
  type PairHealth,
  type SuiteHealth,
  type Difficulty,
} from './probe-health';
