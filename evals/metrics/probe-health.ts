import { mcnemarExact } from './mcnemar';
import { wilson } from './wilson';

/** Below this many models a suite's probe health is not judged: one or two models say little about a probe. */
export const MIN_HEALTH_MODELS = 5;

/** One model's samples of one probe of a pair (pooled over its runs; errors left out). */
export interface ProbeOutcome {
  model: string;
  pairId: string;
  family: string;
  probeId: string;
  /** "easy", "easyTwin", "hard" or "hardTwin": a tier passes only when its probe and its twin both pass. */
  slot: 'easy' | 'easyTwin' | 'hard' | 'hardTwin';
  passes: number;
  trials: number;
}

/** The item-response difficulty of a probe on the logit scale, with its 95% interval. Higher is harder. */
export interface Difficulty {
  logit: number;
  lo: number;
  hi: number;
}

export interface ProbeHealth {
  probeId: string;
  pairId: string;
  family: string;
  slot: ProbeOutcome['slot'];
  /** Models with at least one graded sample of this probe. */
  models: number;
  /** Models that passed it (a majority of their samples). */
  passed: number;
  passRate: number;
  difficulty: Difficulty;
  /** "nobody" passes it or "everybody" does: it separates no models, or its key or grader may be wrong. */
  flag: 'nobody' | 'everybody' | null;
}

export interface PairHealth {
  pairId: string;
  family: string;
  /** Models with results on both tiers of the pair. */
  models: number;
  easyFailed: number;
  hardFailed: number;
  /** Models that failed the easy tier but passed the hard one, and the reverse (McNemar's discordant counts). */
  easyOnlyFailed: number;
  hardOnlyFailed: number;
  /** McNemar's exact two-sided p for "easy and hard are failed equally often"; small only with many models. */
  p: number;
  /** The easy tier is failed more often than the hard tier across models: likely mis-tiered. */
  misTiered: boolean;
}

export interface SuiteHealth {
  models: number;
  minModels: number;
  /** False until `minModels` models have results: the lists are then empty. */
  ready: boolean;
  method: string;
  probes: ProbeHealth[];
  pairs: PairHealth[];
}

export const DIFFICULTY_METHOD =
  'difficulty = ln((fails + ½) / (passes + ½)) over models, the logit of the failure rate with Haldane\'s ½ correction (finite at 0/n and n/n); ' +
  'its 95% interval is the Wilson interval of the failure rate on the logit scale, an end at 0 or 1 moved ¼/(n + 1) inside (beyond the corrected point estimate). ' +
  'A model passes a probe when most of its graded samples pass; a tier of a pair passes when its probe and its contrast twin both pass.';

const logit = (p: number) => Math.log(p / (1 - p));

export function difficulty(passed: number, models: number): Difficulty {
  const fails = models - passed;
  const interval = wilson(fails, models);
  const edge = 0.25 / (models + 1);
  const clip = (p: number) => Math.min(1 - edge, Math.max(edge, p));
  return {
    logit: Math.log((fails + 0.5) / (passed + 0.5)),
    lo: logit(clip(interval.lo ?? 0)),
    hi: logit(clip(interval.hi ?? 1)),
  };
}

const passedBy = (outcome: ProbeOutcome) => outcome.trials > 0 && outcome.passes * 2 > outcome.trials;

/**
 * Probe health across models for one suite: per probe, how many models pass it and its difficulty with an
 * interval, flagging probes nobody or everybody passes; per pair, whether its easy tier is failed more often than
 * its hard tier (likely mis-tiered). Judged only once `minModels` models have results.
 */
export function probeHealth(outcomes: readonly ProbeOutcome[], minModels = MIN_HEALTH_MODELS): SuiteHealth {
  const graded = outcomes.filter((outcome) => outcome.trials > 0);
  const models = new Set(graded.map((outcome) => outcome.model)).size;
  const base = { models, minModels, method: DIFFICULTY_METHOD };
  if (models < minModels) return { ...base, ready: false, probes: [], pairs: [] };

  const byProbe = new Map<string, ProbeOutcome[]>();
  for (const outcome of graded) byProbe.set(outcome.probeId, [...(byProbe.get(outcome.probeId) ?? []), outcome]);
  const probes: ProbeHealth[] = [...byProbe.values()].map((rows) => {
    const { probeId, pairId, family, slot } = rows[0]!;
    const passed = rows.filter(passedBy).length;
    const flag = passed === 0 ? 'nobody' : passed === rows.length ? 'everybody' : null;
    return { probeId, pairId, family, slot, models: rows.length, passed, passRate: passed / rows.length, difficulty: difficulty(passed, rows.length), flag };
  });

  // Tier outcome per (pair, model): every probe of the tier passed.
  const tiers = new Map<string, { pairId: string; family: string; model: string; easy: boolean[]; hard: boolean[] }>();
  for (const outcome of graded) {
    const key = `${outcome.pairId}\u0000${outcome.model}`;
    const entry = tiers.get(key) ?? { pairId: outcome.pairId, family: outcome.family, model: outcome.model, easy: [], hard: [] };
    entry[outcome.slot.startsWith('easy') ? 'easy' : 'hard'].push(passedBy(outcome));
    tiers.set(key, entry);
  }
  const byPair = new Map<string, PairHealth>();
  for (const entry of tiers.values()) {
    if (entry.easy.length === 0 || entry.hard.length === 0) continue;
    const pair = byPair.get(entry.pairId) ?? {
      pairId: entry.pairId, family: entry.family, models: 0, easyFailed: 0, hardFailed: 0, easyOnlyFailed: 0, hardOnlyFailed: 0, p: 1, misTiered: false,
    };
    const easyPassed = entry.easy.every(Boolean);
    const hardPassed = entry.hard.every(Boolean);
    pair.models++;
    if (!easyPassed) pair.easyFailed++;
    if (!hardPassed) pair.hardFailed++;
    if (!easyPassed && hardPassed) pair.easyOnlyFailed++;
    if (easyPassed && !hardPassed) pair.hardOnlyFailed++;
    byPair.set(entry.pairId, pair);
  }
  const pairs = [...byPair.values()].map((pair) => ({
    ...pair,
    p: mcnemarExact(pair.easyOnlyFailed, pair.hardOnlyFailed),
    misTiered: pair.easyFailed > pair.hardFailed,
  }));
  return { ...base, ready: true, probes, pairs };
}
