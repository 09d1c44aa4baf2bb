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
const COLOURS = ['red', 'blue', 'green', 'yellow', 'black', 'white', 'orange', 'purple', 'brown'];
const RULES = ['together', 'apart', 'before'] as const;

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
    'Count the orders of n different objects in a row (easy); add one object and count the orders where two must be side by side, must not be, or one must come somewhere before the other (hard).',
  pairRule:
    'Every hard count is built from the easy count n!: all orders of n + 1 objects are (n + 1) times it, gluing the two special ones gives twice it, and by symmetry half of all orders put one before the other.',
  generate(rng) {
    const n = rng.int(4, 7);
    const setting = rng.pick(SETTINGS);
    const [extra, ...easyColours] = rng.sample(COLOURS, n + 1) as [string, ...string[]];
    const hardColours = [...easyColours, extra];
    const [x, y] = rng.sample(hardColours, 2) as [string, string];
    const rule = rng.pick(RULES);
    const all = factorial(n + 1);
    const adjacent = 2 * factorial(n);
    const hardCount = rule === 'together' ? adjacent : rule === 'apart' ? all - adjacent : all / 2;
    const condition =
      rule === 'before'
        ? `the ${x} ${setting.noun} must be somewhere to the left of the ${y} ${setting.noun} (not necessarily next to it)`
        : `the ${x} ${setting.noun} and the ${y} ${setting.noun} must ${rule === 'together' ? '' : 'not '}be next to each other`;
    return {
      easy: {
        prompt: `${inventory(setting, easyColours)} In how many different orders can they be ${setting.row}? Answer with a number.`,
        answer: String(factorial(n)),
        grader: NUMERIC,
      },
      hard: {
        prompt: `${inventory(setting, hardColours)} In how many different orders can they be ${setting.row} if ${condition}? Answer with a number.`,
        answer: String(hardCount),
        grader: NUMERIC,
      },
    };
  },
});
