import { describe, expect, test } from 'vitest';
import { GradeSchema } from '../contracts';
import { loadCases } from './cases/load-cases';
import { grade } from './index';

const cases = loadCases();

describe('grader case table (cases/*.yaml)', () => {
  test('has at least 300 cases with unique ids per file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const keys = cases.map((item) => `${item.file}:${item.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.for(cases.map((item) => [`${item.file.replace('.yaml', '')}: ${item.id}`, item] as const))('%s', ([, item]) => {
    const verdict = grade(item.response, item.answer, item.grader);
    expect(GradeSchema.parse(verdict)).toEqual(verdict);
    const summary = { pass: verdict.pass, extracted: verdict.extracted, reason: verdict.reason };
    expect(summary.pass, `reason: ${verdict.reason}; extracted: ${verdict.extracted}`).toBe(item.pass);
    if (item.extracted !== undefined) expect(summary.extracted, verdict.reason).toBe(item.extracted);
    if (item.reason !== undefined) expect(summary.reason.startsWith(item.reason), `reason "${verdict.reason}"`).toBe(true);
  });
});
