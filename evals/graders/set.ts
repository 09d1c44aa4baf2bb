import type { Grade, GraderSpec } from '../contracts';
import { expectedItems, readItems } from './items-reading';
import { failed, passed } from './verdict';

type SetSpec = Extract<GraderSpec, { kind: 'set' }>;

/** An unordered set of items (repeats ignored); numbers compare by value, text normalised. */
export function gradeSet(response: string, answer: string, _spec: SetSpec): Grade {
  const expected = expectedItems(answer);
  const read = readItems(response, expected);
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  const got = new Set(read.value.keys);
  const want = new Set(expected.keys);
  const missing = expected.items.filter((_, i) => !got.has(expected.keys[i]!));
  const extra = read.value.items.filter((_, i) => !want.has(read.value.keys[i]!));
  if (missing.length === 0 && extra.length === 0) return passed(read.display, `matched the set {${expected.items.join(', ')}} (${label})`);
  const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `extra ${extra.join(', ')}` : ''];
  return failed(read.display, `expected {${expected.items.join(', ')}}, got {${read.display}}: ${parts.filter(Boolean).join('; ')} (${label})`);
}
