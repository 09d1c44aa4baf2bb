import type { Suite } from '../../evals/contracts';
import { jaggednessVerdict, type JaggednessVerdict, type PairTally } from '../../evals/metrics';
import { answerSheet, REQUIRED_MODELS, SIMULATED_MODELS, type SimulatedModelName } from './models';
import { sheetTallies } from './tallies';

/** What a model's verdict must be: null models "not jagged"; the jagged model "jagged" with its flipped families. */
export function expectedVerdict(model: SimulatedModelName): JaggednessVerdict {
  return isJaggedModel(model) ? 'jagged' : 'not jagged';
}

const isJaggedModel = (model: SimulatedModelName) => model === 'jagged' || model === 'jagged-independent';

/** One replication's outcome: the verdict and whether it is right (see `isRight`). */
export interface BatteryTrial {
  verdict: JaggednessVerdict;
  /** The new headline index, and J (the pooled inversion rate, the old headline) for a before/after. */
  index: number | null;
  j: number | null;
  flippedFamilies: string[];
  invertedFamilies: string[];
  right: boolean;
}

/**
 * Right means: the expected verdict, and for the jagged model every flipped family flagged as inverted and at most
 * one other family flagged.
 */
export function isRight(model: SimulatedModelName, verdict: JaggednessVerdict, flipped: readonly string[], inverted: readonly string[]): boolean {
  if (verdict !== expectedVerdict(model)) return false;
  if (!isJaggedModel(model)) return true;
  const others = inverted.filter((family) => !flipped.includes(family)).length;
  return flipped.every((family) => inverted.includes(family)) && others <= 1;
}

/** Replication r of a model uses seed `seed + r`, so any single trial can be re-run alone. */
export function batteryTrial(suite: Pick<Suite, 'families' | 'pairs'>, model: SimulatedModelName, seed: number): BatteryTrial {
  const sheet = answerSheet(suite, model, seed);
  const tallies = sheetTallies(suite, sheet);
  const result = jaggednessVerdict(tallies);
  return {
    verdict: result.verdict,
    index: result.index,
    j: pooledInversion(tallies),
    flippedFamilies: sheet.flippedFamilies,
    invertedFamilies: result.invertedFamilies,
    right: isRight(model, result.verdict, sheet.flippedFamilies, result.invertedFamilies),
  };
}

export interface BatteryResult {
  model: SimulatedModelName;
  /** Must be right in ≥ 95% of replications (false: a power figure only). */
  required: boolean;
  replications: number;
  right: number;
  passRate: number;
  /** How often each verdict came out. */
  verdicts: Record<JaggednessVerdict, number>;
  /** Jagged model only: replications where a flipped family was missed, and where a non-flipped one was flagged. */
  missedFlips: number;
  falseFlags: number;
  /** Mean over replications of the new index and of J (the old headline, which ranked noise above jaggedness). */
  meanIndex: number;
  meanJ: number;
}

/** J = Σ (1 − p(e))·p(h) / Σ p(h) over pairs with graded answers (null when no hard probe passed), k = 1 tallies. */
function pooledInversion(tallies: readonly PairTally[]): number | null {
  let hard = 0;
  let flipped = 0;
  for (const t of tallies) {
    if (t.easy.pass + t.easy.fail === 0 || t.hard.pass + t.hard.fail === 0) continue;
    const pe = t.easy.pass / (t.easy.pass + t.easy.fail);
    const ph = t.hard.pass / (t.hard.pass + t.hard.fail);
    hard += ph;
    flipped += (1 - pe) * ph;
  }
  return hard === 0 ? null : flipped / hard;
}

/** Runs `replications` seeded trials of each model (default all of them) on the suite. */
export function runBattery(
  suite: Pick<Suite, 'families' | 'pairs'>,
  options: { replications?: number; seed?: number; models?: readonly SimulatedModelName[] } = {},
): BatteryResult[] {
  const replications = options.replications ?? 200;
  const seed = options.seed ?? 1;
  return (options.models ?? SIMULATED_MODELS).map((model) => {
    const verdicts: Record<JaggednessVerdict, number> = { jagged: 0, 'not jagged': 0, 'insufficient data': 0 };
    let right = 0;
    let missedFlips = 0;
    let falseFlags = 0;
    let indexSum = 0;
    let jSum = 0;
    for (let r = 0; r < replications; r++) {
      const trial = batteryTrial(suite, model, seed + r);
      verdicts[trial.verdict]++;
      if (trial.right) right++;
      indexSum += trial.index ?? 0;
      jSum += trial.j ?? 0;
      if (!trial.flippedFamilies.every((family) => trial.invertedFamilies.includes(family))) missedFlips++;
      if (trial.invertedFamilies.some((family) => !trial.flippedFamilies.includes(family))) falseFlags++;
    }
    return { model, required: REQUIRED_MODELS.includes(model), replications, right, passRate: right / replications, verdicts, missedFlips, falseFlags, meanIndex: indexSum / replications, meanJ: jSum / replications };
  });
}
