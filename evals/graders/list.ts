import type { Grade, GraderSpec } from '../contracts';
import { expectedItems, readItems } from './items-reading';
import { failed, passed } from './verdict';

type ListSpec = Extract<GraderSpec, { kind: 'list' }>;

/** An ordered list of items; numbers compare by value, text normalised. */
export function gradeList(response: string, answer: string, _spec: ListSpec): Grade {
  const expected = expectedItems(answer);
  const read = readItems(response, expected);
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  const got = read.value.keys;
  const want = expected.keys;
  const expectedShown = `[${expected.items.join(', ')}]`;
  if (got.length !== want.length) {
    return failed(read.display, `expected ${want.length} items ${expectedShown}, got ${got.length} [${read.display}] (${label})`);
  }
  const differs = want.findIndex((key, i) => key !== got[i]);
  if (differs < 0) return passed(read.display, `matched the list ${expectedShown} (${label})`);
  const sameItems = [...want].sort().join('\u0000') === [...got].sort().join('\u0000');
  const detail = sameItems ? 'same items in a different order' : `item ${differs + 1} is ${read.value.items[differs]}, expected ${expected.items[differs]}`;
  return failed(read.display, `expected ${expectedShown}, got [${read.display}]: ${detail} (${label})`);
}
