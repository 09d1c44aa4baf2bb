import { readFinalAnswer, type FinalAnswer } from '../extract';
import type { Candidate } from '../extract/candidates';
import { itemKey, listPart, splitItems } from '../extract/items';

export interface ItemsReading {
  items: string[];
  keys: string[];
}

/** Shared by the set and list graders: the items of the stated answer, with their comparison keys. */
export function readItems(response: string): FinalAnswer<ItemsReading> {
  return readFinalAnswer<ItemsReading>(
    response,
    (candidate: Candidate) => {
      const source = candidate.source === 'final line' || candidate.source === 'marker' ? listPart(candidate.text) : candidate.text;
      const items = splitItems(source);
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
