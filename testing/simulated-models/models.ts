import type { Pair, Probe, Suite } from '../../evals/contracts';
import { pairProbes } from '../../evals/contracts';
import { probeChance } from '../../evals/graders/chance';
import { DEFAULT_ALPHA, Mulberry32, nullFlipProbability, suitePairChance } from '../../evals/metrics';

/**
 * The simulated models of the battery (issue 9): four that must read "not jagged", one that must read "jagged", and
 * one more jagged model that only measures power (not required to reach 95%): the same flipped families with easy
 * and hard right independently, so an easy-right/hard-wrong pair sometimes dilutes the flip.
 */
export const SIMULATED_MODELS = ['coin-flipper', 'independent-tiers', 'guessing-knower', 'smooth', 'jagged', 'jagged-independent'] as const;
export type SimulatedModelName = (typeof SIMULATED_MODELS)[number];
/** The models whose verdict must be right in ≥ 95% of replications. */
export const REQUIRED_MODELS: readonly SimulatedModelName[] = ['coin-flipper', 'independent-tiers', 'guessing-knower', 'smooth', 'jagged'];

export const MODEL_DESCRIPTIONS: Record<SimulatedModelName, string> = {
  'coin-flipper': 'every answer right with probability 1/2, whatever the question',
  'independent-tiers': 'easy tier right 80%, hard tier right 50%, no link between them',
  'guessing-knower': 'knows the hard probe only if it knows the easy one (family skills vary); guesses at chance on what it does not know',
  smooth: 'the same skill everywhere (easy known 80%, hard only when easy, 60% of those), never guesses',
  jagged: 'in 5 random (detectable) families knows the easy probe only with the hard one (each answer: easy 17.5%, hard 90%, twins alike); elsewhere a guessing knower',
  'jagged-independent': 'as jagged, but in the flipped families the easy tier (17.5%) and the hard one (90%) are right independently (power only)',
};

/** How many families the jagged model flips, and its rates there (the "easy ~15–20%, hard ~90%"). */
export const JAGGED_FAMILIES = 5;
const JAGGED_HARD = 0.9;
const JAGGED_EASY = 0.175;

/** One simulated answer sheet for a suite: whether each probe is answered right, and which families were flipped. */
export interface AnswerSheet {
  model: SimulatedModelName;
  right: Map<string, boolean>;
  flippedFamilies: string[];
}

/**
 * Answers every probe of the suite (twins included) as the model would, reading the pairs, their twins and each
 * probe's chance level from the suite itself, so the battery stays valid as the suite changes. A tier counts as
 * passed only when all its probes are right (probe and contrast twin), as the grader's tier does.
 */
export function answerSheet(suite: Pick<Suite, 'families' | 'pairs'>, model: SimulatedModelName, seed: number): AnswerSheet {
  const random = new Mulberry32(seed);
  const familyIds = suite.families.map((family) => family.id);
  const flipped = model === 'jagged' || model === 'jagged-independent' ? pickFamilies(detectableFamilies(suite), JAGGED_FAMILIES, random) : [];
  // A guessing knower's skill differs by family (that is unevenness, not jaggedness): easy known a, hard given easy b.
  const skill = new Map(familyIds.map((id) => [id, { easy: 0.3 + 0.65 * random.next(), hardGivenEasy: 0.4 + 0.5 * random.next() }]));
  const right = new Map<string, boolean>();
  const flippedSet = new Set(flipped);
  for (const pair of suite.pairs) {
    const tiers = tiersOf(pair);
    const set = (probes: Probe[], known: boolean, guess: boolean) => {
      for (const probe of probes) right.set(probe.id, known || (guess && random.next() < probeChance(probe)));
    };
    switch (model) {
      case 'coin-flipper':
        for (const probe of [...tiers.easy, ...tiers.hard]) right.set(probe.id, random.next() < 0.5);
        break;
      case 'independent-tiers':
        setTier(right, tiers.easy, random.next() < 0.8, random);
        setTier(right, tiers.hard, random.next() < 0.5, random);
        break;
      case 'smooth': {
        const knowsEasy = random.next() < 0.8;
        set(tiers.easy, knowsEasy, false);
        set(tiers.hard, knowsEasy && random.next() < 0.6, false);
        break;
      }
      case 'guessing-knower':
      case 'jagged':
      case 'jagged-independent': {
        // In a flipped family a tier is known (every probe and twin right) or not (every one wrong, no guessing), so
        // each answer is right with exactly the stated rate: easy 17.5%, hard 90%.
        if (flippedSet.has(pair.family) && model === 'jagged-independent') {
          set(tiers.hard, random.next() < JAGGED_HARD, false);
          set(tiers.easy, random.next() < JAGGED_EASY, false);
          break;
        }
        if (flippedSet.has(pair.family)) {
          // The mirror image of a consistent knower: the easy probe is known only where the hard one is.
          const knowsHard = random.next() < JAGGED_HARD;
          set(tiers.hard, knowsHard, false);
          set(tiers.easy, knowsHard && random.next() < JAGGED_EASY / JAGGED_HARD, false);
          break;
        }
        const family = skill.get(pair.family)!;
        const knowsEasy = random.next() < family.easy;
        set(tiers.easy, knowsEasy, true);
        set(tiers.hard, knowsEasy && random.next() < family.hardGivenEasy, true);
        break;
      }
    }
  }
  return { model, right, flippedFamilies: flipped.sort() };
}

/** The probes of each tier of a pair (probe, then twin if any), cached per pair object (the battery reuses them). */
export function tiersOf(pair: Pair): { easy: Probe[]; hard: Probe[] } {
  let tiers = tierCache.get(pair);
  if (!tiers) {
    const probes = pairProbes(pair);
    tiers = { easy: probes.filter((p) => p.tier === 'easy'), hard: probes.filter((p) => p.tier === 'hard') };
    tierCache.set(pair, tiers);
  }
  return tiers;
}
const tierCache = new WeakMap<Pair, { easy: Probe[]; hard: Probe[] }>();

/** A tier decided as a whole: all its probes right, or (when wrong) one of them wrong, the others at random. */
function setTier(right: Map<string, boolean>, probes: Probe[], passes: boolean, random: Mulberry32): void {
  const wrongOne = passes ? -1 : random.index(probes.length);
  probes.forEach((probe, index) => right.set(probe.id, passes || (index !== wrongOne && random.next() < 0.5)));
}

/**
 * The families of the suite where a flip can be detected at all at k = 1: every used pair flipped would give
 * p = Π q0 ≤ α / m (m = families). A family whose pairs pair an open easy probe with a guessable hard one (q0 = 1),
 * or whose guessing bound is high for its number of pairs (q0 = ¾ needs 22 pairs at m = 28), cannot show a flip
 * beyond guessing, so the jagged model flips only detectable families; the battery command lists the others.
 */
export function detectableFamilies(suite: { families: ReadonlyArray<{ id: string }>; pairs: readonly Pair[] }, alpha = DEFAULT_ALPHA): string[] {
  const minP = new Map<string, number>(suite.families.map((family) => [family.id, 1]));
  for (const pair of suite.pairs) {
    const q0 = nullFlipProbability(suitePairChance(pair), 1, 1);
    minP.set(pair.family, (minP.get(pair.family) ?? 1) * q0);
  }
  const m = suite.families.length;
  return suite.families.map((family) => family.id).filter((id) => minP.get(id)! <= alpha / m);
}

function pickFamilies(ids: readonly string[], count: number, random: Mulberry32): string[] {
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random.index(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(count, pool.length));
}
