import { describe, expect, test } from 'vitest';
import { GradeSchema, type GraderSpec } from '../contracts';
import { grade, inferGraderSpec } from './index';
import { mulberry32 } from '../metrics/prng';

const SPECS: GraderSpec[] = [
  { kind: 'numeric' },
  { kind: 'numeric', relTol: 0.01 },
  { kind: 'choice', options: ['London', 'Paris', 'Rome'] },
  { kind: 'yesno' },
  { kind: 'exact' },
  { kind: 'exact', caseSensitive: false },
  { kind: 'text', aliases: ['x'] },
  { kind: 'set' },
  { kind: 'list' },
  { kind: 'symbolic', variables: ['x'] },
];

/** Pieces that stress extraction: unbalanced LaTeX, markers without answers, stray tags, odd unicode. */
const PIECES = [
  '\\boxed{', '}', '\\frac{', '{', '$', '$$', '\\[', '\\]', '**', '__', '`', '<think>', '</think>', '<answer>', '</answer>',
  'Answer:', 'The answer is', 'Final answer', '####', '=', '≈', '×', '−', '%', '1,234', '3/4', '0.5', '-7', '1e999', '10^',
  '1e-400', '(', ')', '[', ']', 'x', 'yes', 'no', 'or', 'either', '\n', '\n\n', ' ', '?', '.', '✓', 'Check:', '½', '\u0000',
  '😀', '\\sqrt{', 'sin(', '^', '/0', '0/0', 'B)', '(C)', 'Option', 'million', 'twelve',
];

describe('grade never throws', () => {
  test('on 400 seeded random responses made of hostile pieces, for every kind', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 400; i++) {
      const length = 1 + Math.floor(random() * 30);
      const response = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      const spec = SPECS[i % SPECS.length]!;
      const answer = spec.kind === 'choice' ? 'B' : spec.kind === 'symbolic' ? 'x + 1' : '12';
      const verdict = grade(response, answer, spec);
      expect(GradeSchema.safeParse(verdict).success, JSON.stringify(response)).toBe(true);
      if (!verdict.pass) expect(verdict.reason.length).toBeGreaterThan(0);
    }
  });

  test('on expected answers that do not fit the grader', () => {
    for (const spec of SPECS) {
      const verdict = grade('The answer is 12.', 'not-a-valid-answer-for-this (', spec);
      expect(GradeSchema.safeParse(verdict).success).toBe(true);
    }
    expect(grade('12', 'abc', { kind: 'numeric' }).reason).toMatch(/^expected answer "abc" is not a number/);
  });

  test('on a very long response, reading its end', () => {
    const response = `${'Let me think about 17 × 23 step by step. '.repeat(5000)}\n\nThe answer is 391.`;
    expect(grade(response, '391', { kind: 'numeric' })).toMatchObject({ pass: true, extracted: '391' });
  });
});

describe('inferGraderSpec', () => {
  test.for([
    ['391', 'numeric'],
    ['-7', 'numeric'],
    ['3/4', 'numeric'],
    ['75%', 'numeric'],
    ['1,234', 'numeric'],
    ['$12', 'numeric'],
    ['Yes', 'yesno'],
    ['false', 'yesno'],
    ['Paris', 'text'],
    ['12 apples', 'text'],
    ['2, 3, 5', 'text'],
    ['x + 1', 'text'],
  ] as const)('%s → %s', ([answer, kind]) => {
    expect(inferGraderSpec(answer)).toEqual({ kind });
  });
});
