import type { Pair, Probe } from '../contracts';
import { pairProbes } from '../contracts';

/**
 * The probability of passing a probe by guessing: yes/no ½, choice 1/n, every open answer 0 (a guess at a number or
 * a word almost never lands). A probe may state its own `chance` when its prompt offers fewer options than its
 * grader accepts (e.g. "which is larger, 9.11 or 9.9?" graded as a number: ½).
 */
export function probeChance(probe: Pick<Probe, 'grader' | 'chance'>): number {
  if (probe.chance !== undefined) return probe.chance;
  switch (probe.grader.kind) {
    case 'yesno':
      return 0.5;
    case 'choice':
      return 1 / probe.grader.options.length;
    default:
      return 0;
  }
}

/**
 * Chance of passing one tier of a pair: a probe and its contrast twin must both be right, so their chances multiply
 * (two yes/no probes with opposite answers: ¼).
 */
export function tierChance(pair: Pair, tier: 'easy' | 'hard'): number {
  return pairProbes(pair)
    .filter((p) => p.tier === tier)
    .reduce((chance, p) => chance * probeChance(p), 1);
}

/**
 * Chance of failing one tier of a pair outright by guessing: every probe of the tier wrong, so (1 − c) multiply
 * (two yes/no probes: ¼). With `tierChance` it splits a guessed tier into all right, all wrong and partial (the rest),
 * the three states the flipped-tooth test reads (evals/metrics/pair-direction.ts).
 */
export function tierAllWrongChance(pair: Pair, tier: 'easy' | 'hard'): number {
  return pairProbes(pair)
    .filter((p) => p.tier === tier)
    .reduce((chance, p) => chance * (1 - probeChance(p)), 1);
}
