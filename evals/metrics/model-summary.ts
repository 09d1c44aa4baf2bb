import { familyMetrics, type FamilyMetrics } from './family-metrics';
import { jaggednessOfScored, type JaggednessIndex } from './jaggedness-index';
import type { BootstrapOptions } from './prng';
import { profileUnevenness, type ProfileUnevenness } from './profile-unevenness';
import { sawtoothProfile, type ProfilePoint } from './sawtooth-profile';
import { scorePairs } from './scored-pairs';
import type { Coverage, PairTally } from './tally';
import { errorSamplesOfTier, lazyBootstrap, tierAccuracyOfScored, type TierAccuracy } from './tier-accuracy';

/** Everything one model's page, CLI line and export show. */
export interface ModelSummary extends Coverage {
  families: FamilyMetrics[];
  profile: ProfilePoint[];
  jaggedness: JaggednessIndex;
  unevenness: ProfileUnevenness;
  /** Overall accuracy per tier, pooled over all used pairs (not averaged over families). */
  easy: TierAccuracy;
  hard: TierAccuracy;
  /** Raw sample counts over all pairs given, both tiers, excluded pairs included: nothing is hidden. */
  counts: { pass: number; fail: number; error: number };
}

/**
 * The one function the page, the CLI and the export call, so a number is computed the same way everywhere. The
 * overall accuracies and J share one pairs bootstrap (same seed, same draws as calling tierAccuracy /
 * jaggednessIndex on the same pairs, which return identical numbers).
 */
export function modelSummary(pairs: readonly PairTally[], options?: BootstrapOptions): ModelSummary {
  const scored = scorePairs(pairs);
  const bootstrap = lazyBootstrap(scored, options);
  const families = familyMetrics(pairs, options);
  const counts = { pass: 0, fail: 0, error: 0 };
  for (const pair of pairs) {
    for (const tally of [pair.easy, pair.hard]) {
      counts.pass += tally.pass;
      counts.fail += tally.fail;
      counts.error += tally.error;
    }
  }
  return {
    families,
    profile: sawtoothProfile(families),
    jaggedness: jaggednessOfScored(scored, bootstrap),
    unevenness: profileUnevenness(families),
    easy: tierAccuracyOfScored(scored, 'easy', bootstrap, errorSamplesOfTier(pairs, 'easy')),
    hard: tierAccuracyOfScored(scored, 'hard', bootstrap, errorSamplesOfTier(pairs, 'hard')),
    counts,
    nPairs: scored.nPairs,
    excludedPairs: scored.excludedPairs,
    errorSamples: scored.errorSamples,
  };
}
