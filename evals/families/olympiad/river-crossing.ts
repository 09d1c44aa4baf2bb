import { defineFamily, NUMERIC } from '../define-family';

/** Who crosses: the plural noun and the place they go. */
const GROUPS = [
  { people: 'hikers', goal: 'the far bank' },
  { people: 'friends', goal: 'the island' },
  { people: 'scouts', goal: 'the other side' },
  { people: 'workers', goal: 'the far shore' },
  { people: 'students', goal: 'the other bank' },
];

/** The classic puzzle's cast, made trivial: the boat is big enough for all of them at once. */
const CLASSIC = [
  'a farmer, a wolf, a goat and a cabbage',
  'a shepherd, a fox, a hen and a sack of grain',
  'a man, a dog, a rabbit and a basket of carrots',
  'a woman, a cat, a mouse and a wheel of cheese',
];

/**
 * Fewest one-way crossings for n people with a boat for k (k ≥ 2), someone rowing every trip: while more than k
 * wait, a trip over carries k and a trip back returns one rower, a net k − 1; the last trip carries the rest.
 */
export function fewestCrossings(n: number, k: number): number {
  if (n <= k) return 1;
  return 2 * Math.ceil((n - k) / (k - 1)) + 1;
}

export const riverCrossing = defineFamily({
  id: 'olympiad.river-crossing',
  domain: 'olympiad',
  title: 'River crossings',
  description:
    'A river-crossing puzzle made trivial, the boat holds everyone (easy); then the fewest crossings for a group larger than the boat, with a rower bringing it back (hard).',
  reportedFailure: {
    source: 'Widely shared transcripts (2023–24) of the wolf-goat-cabbage puzzle with a boat big enough for all; Williams & Huckle 2024, "Easy Problems That LLMs Get Wrong" (arXiv:2405.19616)',
    note: 'Strong chat models recite the multi-trip solution of the famous puzzle when the changed wording makes one crossing enough.',
  },
  pairRule:
    'The hard crossing ends with a last trip in which everyone still waiting fits in the boat, the easy situation solved in one crossing; the hard count is the round trips before it plus that one.',
  generate(rng) {
    const classic = rng.chance(0.5);
    const capacity = rng.int(4, 12);
    const easyPrompt = classic
      ? `${rng.pick(CLASSIC).replace(/^a/, 'A')} need to cross a river. Their boat can carry ${capacity} passengers, enough for all of them at once, and nothing on board can be eaten while they cross together. What is the smallest number of one-way crossings needed to get everyone to the other side? Answer with a number.`
      : (() => {
          const group = rng.pick(GROUPS);
          const n = rng.int(2, capacity);
          return `${n} ${group.people} need to cross a river to ${group.goal}. Their boat holds ${capacity} people and one of them must row it. What is the smallest number of one-way crossings needed to get all ${n} across? Answer with a number.`;
        })();
    const group = rng.pick(GROUPS);
    const boat = rng.int(2, 5);
    const people = rng.int(boat + 2, boat + 15);
    return {
      easy: { prompt: easyPrompt, answer: '1', grader: NUMERIC },
      hard: {
        prompt: `${people} ${group.people} need to cross a river to ${group.goal}. Their boat holds at most ${boat} people, one of whom must row it every time, including on the way back. What is the smallest number of one-way crossings needed to get all ${people} across? Answer with a number.`,
        answer: String(fewestCrossings(people, boat)),
        grader: NUMERIC,
      },
    };
  },
});
