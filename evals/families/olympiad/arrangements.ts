import { defineFamily, NUMERIC } from '../define-family';
import type { Rng } from '../random';

export function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

interface Setting {
  /** plural noun, e.g. "books" */
  things: string;
  /** how they are ordered, after "can n different books …" */
  row: string;
}

const SETTINGS: Setting[] = [
  { things: 'books', row: 'be placed in a row on a shelf' },
  { things: 'flags', row: 'be hung in a row on a line' },
  { things: 'paintings', row: 'be hung in a row along a wall' },
  { things: 'cars', row: 'be parked in a row of parking spaces, one car per space' },
  { things: 'mugs', row: 'be lined up in a row on a shelf' },
  { things: 'flowerpots', row: 'be set in a row on a windowsill' },
  { things: 'umbrellas', row: 'be hung in a row on a rack of hooks' },
  { things: 'bicycles', row: 'be parked in a row of bicycle stands' },
];
const COLOURS = ['red', 'blue', 'green', 'yellow', 'black', 'white', 'orange', 'purple'];

/** "the red book and the blue book": the two objects that must (or must not) stand side by side. */
function specialPair(rng: Rng, setting: Setting): string {
  const noun = setting.things.slice(0, -1);
  const [x, y] = rng.sample(COLOURS, 2) as [string, string];
  return `the ${x} ${noun} and the ${y} ${noun}`;
}

export const arrangements = defineFamily({
  id: 'olympiad.arrangements',
  domain: 'olympiad',
  title: 'Counting arrangements',
  description:
    'Count the orders of n different objects in a row (easy); count the orders of n + 1 objects where two must, or must not, be side by side (hard).',
  pairRule:
    'Gluing the two special objects into one block leaves n items to order, the easy count, which is then doubled (and, for "not side by side", subtracted from all orders).',
  generate(rng) {
    const n = rng.int(4, 7);
    const setting = rng.pick(SETTINGS);
    const together = rng.chance(0.5);
    const total = n + 1;
    const adjacent = 2 * factorial(n);
    const hardCount = together ? adjacent : factorial(total) - adjacent;
    return {
      easy: {
        prompt: `In how many different orders can ${n} different ${setting.things} ${setting.row}? Answer with a number.`,
        answer: String(factorial(n)),
        grader: NUMERIC,
      },
      hard: {
        prompt: `In how many different orders can ${total} different ${setting.things} ${setting.row}, if ${specialPair(rng, setting)} must ${together ? '' : 'not '}be next to each other? Answer with a number.`,
        answer: String(hardCount),
        grader: NUMERIC,
      },
    };
  },
});
