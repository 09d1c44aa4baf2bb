import { defineFamily, LIST } from '../define-family';
import type { Rng } from '../random';

const EASY_COUNT = 5;
const HARD_COUNT = 12;

/**
 * Distinct numbers of one to three digits, so that sorting them as text ("100" before "23") gives a wrong order:
 * every list mixes lengths.
 */
function distinctNumbers(rng: Rng, count: number, exclude: ReadonlySet<number>): number[] {
  const chosen = new Set<number>();
  const ranges: [number, number][] = [
    [1, 9],
    [10, 99],
    [100, 999],
  ];
  while (chosen.size < count) {
    const [lo, hi] = ranges[chosen.size % ranges.length]!;
    const n = rng.int(lo, hi);
    if (!exclude.has(n)) chosen.add(n);
  }
  return rng.shuffle([...chosen]);
}

function sortingPrompt(numbers: readonly number[]): string {
  return `Sort these numbers from smallest to largest: ${numbers.join(', ')}. Answer with the sorted numbers, separated by commas.`;
}

const ascending = (numbers: readonly number[]) => [...numbers].sort((x, y) => x - y).join(', ');

export const sorting = defineFamily({
  id: 'algorithmic.sorting',
  domain: 'algorithmic',
  title: 'Sorting a list of numbers',
  description: 'Sort a list of one- to three-digit numbers in ascending order: 5 numbers (easy), 12 numbers (hard).',
  pairRule:
    'The hard list contains the five easy numbers among seven others, so sorting it orders the easy numbers among themselves as well.',
  generate(rng) {
    const easy = distinctNumbers(rng, EASY_COUNT, new Set());
    const extra = distinctNumbers(rng, HARD_COUNT - EASY_COUNT, new Set(easy));
    const hard = rng.shuffle([...easy, ...extra]);
    return {
      easy: { prompt: sortingPrompt(easy), answer: ascending(easy), grader: LIST },
      hard: { prompt: sortingPrompt(hard), answer: ascending(hard), grader: LIST },
    };
  },
});
