import { readFinalAnswer, type FinalAnswer } from '../extract';
import type { Candidate } from '../extract/candidates';
import { findNumbers } from '../extract';
import { itemKey, listPart, splitItems } from '../extract/items';

export interface ItemsReading {
  items: string[];
  keys: string[];
}

/**
 * Shared by the set and list graders: the items of the stated answer, with their comparison keys. When every
 * expected item is a number, an item with exactly one number in it is that number ("93 (bottom)" → 93).
 */
export function readItems(response: string, expected: ItemsReading): FinalAnswer<ItemsReading> {
  const numericAnswer = expected.keys.length > 0 && expected.keys.every((key) => key.startsWith('#'));
  return readFinalAnswer<ItemsReading>(
    response,
    (candidate: Candidate) => {
      const source = candidate.source === 'final line' || candidate.source === 'marker' ? listPart(candidate.text) : candidate.text;
      const split = splitItems(source);
      const items = numericAnswer ? split.map(onlyNumber) : split;
      if (items.length === 0) return { kind: 'none' } as const;
      return { kind: 'value', value: { items, keys: items.map(itemKey) }, display: items.join(', ') } as const;
    },
    { listBlock: true },
  );
}

export function expectedItems(answer: string): ItemsReading {
  const items = splitItems(answer);
  return { items, keys: items.map(itemKey) };
}

function onlyNumber(item: string): string {
  const numbers = findNumbers(item);
  return numbers.length === 1 ? numbers[0]!.display : item;
}
