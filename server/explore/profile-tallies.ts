import type { SqlRunner } from '../../db/store';
import { sampleOutcomes, suitePairSlots, suiteProbeGraders, type StoredOutcome, type SuitePairSlots } from '../../db/queries/profile-runs';
import { GraderSpecSchema } from '../../evals/contracts';
import { probeChance } from '../../evals/graders/chance';
import type { ProfileScope } from './profile-scope';

/**
 * Sample counts of one tier of a pair over the profile's runs; refusals are answers outside accuracy. `partial` counts
 * the `fail` samples of a twinned tier where one probe was right and the other wrong: no evidence of direction for the
 * flipped-tooth test (evals/metrics/pair-direction.ts), a non-pass for accuracy.
 */
export interface TierTally {
  pass: number;
  fail: number;
  error: number;
  refusal: number;
  partial: number;
}

/** One tier's state in one sample: a partial is a twinned tier with exactly one of its probes right. */
export type TierState = StoredOutcome | 'partial';

/** One pair of the suite version with its tier tallies and guessing chances (the input of the profile builder). */
export interface ProfilePairTally {
  pairId: string;
  family: string;
  domain: string;
  /** Probe keys of the easy and hard probes (twins aside): where the evidence transcripts come from. */
  easyKey: number;
  hardKey: number;
  easy: TierTally;
  hard: TierTally;
  /** Per tier: P(every probe right by guessing) and P(every probe wrong by guessing). */
  chance: { easy: number; hard: number; easyAllWrong: number; hardAllWrong: number };
}

export interface ProfileTallies {
  /** Every pair of the suite version; pairs of families the runs did not evaluate are all zeros. */
  pairs: ProfilePairTally[];
  /** Every family of the suite version, chart order. */
  families: Array<{ id: string; domain: string }>;
  /** Families outside every run's scope: never sent, so "not evaluated", never 0%. */
  notEvaluated: string[];
}

/**
 * One tier's state in one sample: with a contrast twin, a pass needs both probes to pass and a fail both to fail (one
 * right and one wrong is `partial`); an error on either is an error (no answer to judge), else a refusal on either is
 * a refusal. Null while either is unanswered.
 */
export function tierOutcome(probe: StoredOutcome | undefined, twin: StoredOutcome | undefined | null): TierState | null {
  if (twin === null) return probe ?? null;
  if (probe === undefined || twin === undefined) return null;
  if (probe === 'error' || twin === 'error') return 'error';
  if (probe === 'refusal' || twin === 'refusal') return 'refusal';
  if (probe === twin) return probe;
  return 'partial';
}

/**
 * Tier tallies of every pair of the scope's suite version over exactly the scope's runs, read per sample so that a
 * probe and its twin are joined within the same (run, sample). Nothing else is read: no other suite, version or run
 * can reach these numbers.
 */
export async function profileTallies(db: SqlRunner, scope: ProfileScope): Promise<ProfileTallies> {
  const slots = await suitePairSlots(db, scope.suite.key);
  const outcomes = await sampleOutcomes(db, scope.runs.map((r) => r.id));
  const chanceOfProbe = await probeChances(db, scope.suite.key);
  const evaluatedByAll = scope.runs.some((r) => r.scope === null);
  const inScope = new Set(scope.runs.flatMap((r) => r.scope ?? []));

  const tally = (pair: SuitePairSlots, tier: 'easy' | 'hard'): TierTally => {
    const counts: TierTally = { pass: 0, fail: 0, error: 0, refusal: 0, partial: 0 };
    const probe = tier === 'easy' ? pair.easy : pair.hard;
    const twin = tier === 'easy' ? pair.easyTwin : pair.hardTwin;
    for (const run of scope.runs) {
      if (run.scope !== null && !run.scope.includes(pair.family)) continue;
      for (let sample = 1; sample <= run.samples; sample++) {
        const outcome = tierOutcome(
          outcomes.get(`${run.id}:${probe}:${sample}`),
          twin === null ? null : outcomes.get(`${run.id}:${twin}:${sample}`),
        );
        if (outcome === 'partial') {
          counts.fail += 1; // a partial tier is not passed; `partial` says which fails were only partly wrong
          counts.partial += 1;
        } else if (outcome) counts[outcome] += 1;
      }
    }
    return counts;
  };
  const allRight = (probe: number, twin: number | null) => chanceOfProbe(probe) * (twin === null ? 1 : chanceOfProbe(twin));
  const allWrong = (probe: number, twin: number | null) =>
    (1 - chanceOfProbe(probe)) * (twin === null ? 1 : 1 - chanceOfProbe(twin));

  const families = new Map<string, string>();
  const pairs = slots.map((pair): ProfilePairTally => {
    families.set(pair.family, pair.domain);
    return {
      pairId: pair.pairId,
      family: pair.family,
      domain: pair.domain,
      easyKey: pair.easy,
      hardKey: pair.hard,
      easy: tally(pair, 'easy'),
      hard: tally(pair, 'hard'),
      chance: {
        easy: allRight(pair.easy, pair.easyTwin),
        hard: allRight(pair.hard, pair.hardTwin),
        easyAllWrong: allWrong(pair.easy, pair.easyTwin),
        hardAllWrong: allWrong(pair.hard, pair.hardTwin),
      },
    };
  });
  const familyList = [...families].map(([id, domain]) => ({ id, domain }));
  return {
    pairs,
    families: familyList,
    notEvaluated: evaluatedByAll ? [] : familyList.filter((f) => !inScope.has(f.id)).map((f) => f.id),
  };
}

/** probeChance of each stored probe of the suite version (its stated chance, else its grader's). */
async function probeChances(db: SqlRunner, suiteKey: number): Promise<(probeKey: number) => number> {
  const graders = await suiteProbeGraders(db, suiteKey);
  const chances = new Map<number, number>();
  for (const [key, { grader, chance }] of graders) {
    chances.set(key, probeChance({ grader: GraderSpecSchema.parse(JSON.parse(grader)), chance: chance ?? undefined }));
  }
  return (key) => chances.get(key) ?? 0;
}
