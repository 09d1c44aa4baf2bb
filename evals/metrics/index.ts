// The metrics of the design doc metrics.md, as pure functions (no db, no network, no Next). See README.md.
export * from './tally';
export { wilson, type ProportionInterval } from './wilson';
export { tierAccuracy, type TierAccuracy } from './tier-accuracy';
export { consistency, inversionRate, independenceBaseline } from './consistency';
export { relativeConsistency, type RelativeConsistency } from './relative-consistency';
export { relativeConsistencyConsisEval } from './relative-consistency-consiseval';
export { jaggedPairs, type JaggedPair } from './jagged-pairs';
export { familyMetrics, type FamilyMetrics } from './family-metrics';
export { sawtoothProfile, type ProfilePoint } from './sawtooth-profile';
export { inversionIndex, type InversionIndex } from './inversion-index';
export {
  jaggedness,
  jaggednessVerdict,
  JAGGEDNESS_VERDICTS,
  type Jaggedness,
  type JaggednessOptions,
  type JaggednessVerdict,
} from './jaggedness';
export { testTeeth, toothColumns, DEFAULT_ALPHA, type ToothTest, type ToothColumns } from './flipped-teeth';
export { nullFlipProbability } from './null-flip';
export { poissonBinomialUpperTail } from './poisson-binomial';
export { betweenFamilyVariance, type BetweenFamilyVariance } from './between-family-variance';
export { reliability, pearson, type Reliability, type SplitHalf } from './reliability';
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
export { buildProfile, type ProfileInput } from './profile';
export {
  ProfileSchema,
  ProfileFamilySchema,
  EvaluatedFamilySchema,
  UnevaluatedFamilySchema,
  AccuracySchema,
  type Profile,
  type ProfileFamily,
} from './profile-schema';
export { suitePairChance, withSuiteChance } from './suite-chance';
export { pairDirection } from './pair-direction';
export { guttmanOrdering, probeDifficulty, type GuttmanOrdering, type OrderedProbe } from './guttman-ordering';
