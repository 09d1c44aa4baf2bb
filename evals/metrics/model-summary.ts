import { betweenFamilyVarianceOfRates, type BetweenFamilyVariance } from './between-family-variance';
import { familyMetrics, meanChance, type FamilyMetrics } from './family-metrics';
import { toothColumns } from './flipped-teeth';
import { inversionOfScored, type InversionIndex } from './inversion-index';
import { jaggednessOfColumns, type Jaggedness, type JaggednessOptions } from './jaggedness';
import { profileUnevenness, type ProfileUnevenness } from './profile-unevenness';
import { reliability, type Reliability } from './reliability';
import { sawtoothProfile, type ProfilePoint } from './sawtooth-profile';
import { scorePairs } from './scored-pairs';
import { refusalsOf, type Coverage, type PairTally } from './tally';
import { errorSamplesOfTier, lazyBootstrap, tierAccuracyOfScored, type TierAccuracy } from './tier-accuracy';

/** Everything one model's page, CLI line and export show. */
export interface ModelSummary extends Coverage {
  families: FamilyMetrics[];
  profile: ProfilePoint[];
  /** The headline: flipped teeth (paired discordance beyond chance, Holm), verdict, index with interval. */
  jaggedness: Jaggedness;
  /** J, the pooled inversion rate: descriptive (noise and guessing raise it; see metrics README). */
  inversion: InversionIndex;
  /** U (raw SD of easy accuracy) and τ (the same net of binomial noise, with an interval). */
  unevenness: ProfileUnevenness & { net: BetweenFamilyVariance };
  /** Overall accuracy per tier, pooled over all used pairs (not averaged over families). */
  easy: TierAccuracy;
  hard: TierAccuracy;
  /** Mean guessing chance of each tier over the used pairs (0 when the tallies carry none). */
  chance: { easy: number | null; hard: number | null };
  /** Samples per tier, stability and split-half retest of the verdict (k ≥ 2); a flag when k = 1. */
  reliability: Reliability;
  /** Raw sample counts over all pairs given, both tiers, excluded pairs included: nothing is hidden. */
  counts: { pass: number; fail: number; error: number; refusal: number };
}

/**
 * The one function the page, the CLI and the export call, so a number is computed the same way everywhere. The
 * overall accuracies and J share one pairs bootstrap (same seed, same draws as calling tierAccuracy /
 * inversionIndex on the same pairs, which return identical numbers); the jaggedness index and τ each resample pairs
 * within families with the same seed.
 */
export function modelSummary(pairs: readonly PairTally[], options: JaggednessOptions = {}): ModelSummary {
  const scored = scorePairs(pairs);
  const bootstrap = lazyBootstrap(scored, options);
  const families = familyMetrics(pairs, options);
  const columns = toothColumns(pairs);
  const counts = { pass: 0, fail: 0, error: 0, refusal: 0 };
  for (const pair of pairs) {
    for (const tally of [pair.easy, pair.hard]) {
      counts.pass += tally.pass;
      counts.fail += tally.fail;
      counts.error += tally.error;
      counts.refusal += refusalsOf(tally);
    }
  }
  return {
    families,
    profile: sawtoothProfile(families),
    jaggedness: jaggednessOfColumns(columns, options),
    inversion: inversionOfScored(scored, bootstrap),
    unevenness: { ...profileUnevenness(families), net: betweenFamilyVarianceOfRates(columns.map((c) => c.easyRate), options) },
    easy: tierAccuracyOfScored(scored, 'easy', bootstrap, errorSamplesOfTier(pairs, 'easy')),
    hard: tierAccuracyOfScored(scored, 'hard', bootstrap, errorSamplesOfTier(pairs, 'hard')),
    chance: meanChance(scored.pairs),
    reliability: reliability(pairs, options),
    counts,
    nPairs: scored.nPairs,
    excludedPairs: scored.excludedPairs,
    errorSamples: scored.errorSamples,
  };
}
