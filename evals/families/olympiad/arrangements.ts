import { defineFamily, NUMERIC } from '../define-family';
import { englishList } from '../format';

export function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

interface Setting {
  noun: string;
  plural: string;
  /** how they are ordered: "In how many different orders can they be …?" */
  row: string;
}

const SETTINGS: Setting[] = [
  { noun: 'book', plural: 'books', row: 'placed in a row on a shelf' },
  { noun: 'flag', plural: 'flags', row: 'hung in a row on a line' },
  { noun: 'painting', plural: 'paintings', row: 'hung in a row along a wall' },
  { noun: 'car', plural: 'cars', row: 'parked side by side in a row of parking spaces' },
  { noun: 'mug', plural: 'mugs', row: 'lined up in a row on a shelf' },
  { noun: 'flowerpot', plural: 'flowerpots', row: 'set in a row on a windowsill' },
  { noun: 'umbrella', plural: 'umbrellas', row: 'hung in a row on a rack of hooks' },
  { noun: 'bicycle', plural: 'bicycles', row: 'parked in a row of bicycle stands' },
];
const COLOURS = ['red', 'blue', 'green', 'yellow', 'black', 'white', 'orange', 'purple'];

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** "There are 4 books: a red one, a blue one, a green one and an orange one." */
function inventory(setting: Setting, colours: readonly string[]): string {
  return `There are ${colours.length} ${setting.plural}: ${englishList(colours.map((c) => `${article(c)} one`))}.`;
}

export const arrangements = defineFamily({
  id: 'olympiad.arrangements',
  domain: 'olympiad',
  title: 'Counting arrangements',
  description:
    'Count the orders of n different objects in a row (easy); add one object and count the orders where two must, or must not, be side by side (hard).',
  pairRule:
    'Gluing the two special objects into one block leaves n items to order, the easy count, which is then doubled (and, for "not side by side", subtracted from all orders).',
  generate(rng) {
    const n = rng.int(4, 6);
    const setting = rng.pick(SETTINGS);
    const [extra, ...easyColours] = rng.sample(COLOURS, n + 1) as [string, ...string[]];
    const hardColours = [...easyColours, extra];
    const [x, y] = rng.sample(hardColours, 2) as [string, string];
    const together = rng.chance(0.5);
    const adjacent = 2 * factorial(n);
    const hardCount = together ? adjacent : factorial(n + 1) - adjacent;
    return {
      easy: {
        prompt: `${inventory(setting, easyColours)} In how many different orders can they be ${setting.row}? Answer with a number.`,
        answer: String(factorial(n)),
        grader: NUMERIC,
      },
      hard: {
        prompt: `${inventory(setting, hardColours)} In how many different orders can they be ${setting.row} if the ${x} ${setting.noun} and the ${y} ${setting.noun} must ${together ? '' : 'not '}be next to each other? Answer with a number.`,
        answer: String(hardCount),
        grader: NUMERIC,
      },
    };
  },
});
