import { directionOf } from './pair-direction';
import { tierGuess, type TierChance } from './tally';

/**
 * The largest probability, under "no flipped tooth", that a discordant pair is discordant in the flipped direction
 * rather than the ordered one (`pairDirection`: hard tier right and easy wrong outright, or the mirror). Two sources
 * set it:
 *
 * - a model with no real preference between its easy and hard tier flips half of its discordant pairs (McNemar's
 *   null): ½. Under coin-flipping this holds whatever the twin structure: every probe right and every probe wrong
 *   are equally likely (½ⁿ), and partial tiers are no evidence;
 * - guessing. A model that knows neither tier and guesses, getting a tier all right with Πc (`tierChance`) and all
 *   wrong with Π(1 − c) (`tierAllWrongChance`), is flipped with probability Πc_h · Π(1 − c_e) and ordered with
 *   Πc_e · Π(1 − c_h). When the hard tier is easier to guess (a yes/no hard probe with an open easy one), guessing
 *   alone produces flipped discordance. Knowing a tier (all its probes) only moves discordance towards ordered (a
 *   consistent knower) or towards ½ (the same chance of knowing either tier), so the pure guesser is the worst case.
 *
 * So the bound is max(½, flipped / (flipped + ordered)), with k samples per tier each all right, all wrong or partial
 * (a trinomial per tier) and the direction decided as `pairDirection` does (k = 1: Πc_h·Π(1 − c_e) /
 * (Πc_h·Π(1 − c_e) + Πc_e·Π(1 − c_h))). A pair with an open easy probe and a guessable hard tier gets 1: its
 * discordance can never count as evidence. Results are cached: a suite has a handful of distinct (chance, k).
 */
export function nullFlipProbability(chance: TierChance, easySamples: number, hardSamples: number): number {
  const easy = tierGuess(chance, 'easy');
  const hard = tierGuess(chance, 'hard');
  const key = `${easy.pass}|${easy.allWrong}|${hard.pass}|${hard.allWrong}|${easySamples}|${hardSamples}`;
  let q = cache.get(key);
  if (q === undefined) {
    q = compute(easy, hard, easySamples, hardSamples);
    cache.set(key, q);
  }
  return q;
}

const cache = new Map<string, number>();

interface Guess {
  pass: number;
  allWrong: number;
}

function compute(easyGuess: Guess, hardGuess: Guess, easySamples: number, hardSamples: number): number {
  const easy = trinomialPmf(easySamples, easyGuess);
  const hard = trinomialPmf(hardSamples, hardGuess);
  let flipped = 0;
  let ordered = 0;
  for (const e of easy) {
    for (const h of hard) {
      const direction = directionOf(e.pass, e.allWrong, easySamples, h.pass, h.allWrong, hardSamples);
      if (direction > 0) flipped += e.p * h.p;
      else if (direction < 0) ordered += e.p * h.p;
    }
  }
  if (flipped + ordered === 0) return 0.5;
  return Math.max(0.5, flipped / (flipped + ordered));
}

/** Every (passes, all-wrong samples) outcome of n samples with those per-sample chances, and its probability. */
function trinomialPmf(n: number, guess: Guess): Array<{ pass: number; allWrong: number; p: number }> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`nullFlipProbability: samples per tier must be a positive integer, got ${n}`);
  const { pass: a, allWrong: b } = guess;
  if (!(a >= 0 && b >= 0 && a + b <= 1 + 1e-9)) throw new Error(`nullFlipProbability: tier chances must be probabilities with pass + all wrong ≤ 1, got ${a} and ${b}`);
  const partial = Math.max(0, 1 - a - b);
  const outcomes: Array<{ pass: number; allWrong: number; p: number }> = [];
  for (let pass = 0; pass <= n; pass++) {
    for (let allWrong = 0; pass + allWrong <= n; allWrong++) {
      const rest = n - pass - allWrong;
      const p = multinomial(n, pass, allWrong) * a ** pass * b ** allWrong * partial ** rest;
      if (p > 0) outcomes.push({ pass, allWrong, p });
    }
  }
  return outcomes;
}

function multinomial(n: number, i: number, j: number): number {
  return binomial(n, i) * binomial(n - i, j);
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
