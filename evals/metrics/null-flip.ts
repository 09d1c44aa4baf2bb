import type { TierChance } from './tally';

/**
 * The largest probability, under "no flipped tooth", that a discordant pair is discordant in the flipped direction
 * (hard pass rate above easy pass rate) rather than the ordered one. Two sources set it:
 *
 * - a model with no real preference between its easy and hard probe flips half of its discordant pairs (McNemar's
 *   null): ½;
 * - guessing. A model that knows neither probe and guesses, passing each tier with its chance level (c_e, c_h), is
 *   discordant in the flipped direction with probability c_h(1 − c_e) and in the ordered one with c_e(1 − c_h).
 *   When the hard tier is easier to guess (a yes/no hard probe with an open easy one), guessing alone produces
 *   flipped discordance. Knowing any probe only moves discordance towards ordered (a consistent knower) or towards
 *   ½ (a model that knows each probe with the same chance a), so the pure guesser is the worst case.
 *
 * So the bound is max(½, P(X_h/k_h > X_e/k_e) / (P(X_h/k_h > X_e/k_e) + P(X_e/k_e > X_h/k_h))) with X ~ Binomial(k,
 * c) the guesser's passes over the graded samples of each tier (k = 1: c_h(1 − c_e) / (c_h(1 − c_e) + c_e(1 − c_h))).
 * A pair with an open easy probe and a guessable hard probe gets 1: its discordance can never count as evidence.
 * Results are cached: a suite has a handful of distinct (chance, k) combinations.
 */
export function nullFlipProbability(chance: TierChance, easySamples: number, hardSamples: number): number {
  const key = `${chance.easy}|${chance.hard}|${easySamples}|${hardSamples}`;
  let q = cache.get(key);
  if (q === undefined) {
    q = compute(chance, easySamples, hardSamples);
    cache.set(key, q);
  }
  return q;
}

const cache = new Map<string, number>();

function compute(chance: TierChance, easySamples: number, hardSamples: number): number {
  if (chance.hard <= chance.easy) return 0.5; // guessing favours the ordered direction or neither
  const easy = binomialPmf(easySamples, chance.easy);
  const hard = binomialPmf(hardSamples, chance.hard);
  let flipped = 0;
  let ordered = 0;
  for (let e = 0; e <= easySamples; e++) {
    for (let h = 0; h <= hardSamples; h++) {
      const rateDifference = h / hardSamples - e / easySamples;
      if (rateDifference > 0) flipped += easy[e]! * hard[h]!;
      else if (rateDifference < 0) ordered += easy[e]! * hard[h]!;
    }
  }
  if (flipped + ordered === 0) return 0.5;
  return Math.max(0.5, flipped / (flipped + ordered));
}

function binomialPmf(n: number, p: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`nullFlipProbability: samples per tier must be a positive integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`nullFlipProbability: chance must be in [0, 1], got ${p}`);
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    for (let s = i + 1; s > 0; s--) pmf[s] = pmf[s]! * (1 - p) + pmf[s - 1]! * p;
    pmf[0] = pmf[0]! * (1 - p);
  }
  return pmf;
}
