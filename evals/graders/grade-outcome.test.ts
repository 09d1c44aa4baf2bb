import { afterEach, describe, expect, test } from 'vitest';
import { gradeOutcome } from './grade-outcome';
import { graders } from './handlers';

describe('gradeOutcome', () => {
  const original = graders.numeric;
  afterEach(() => {
    graders.numeric = original;
  });

  test('a right and a wrong answer are pass and fail', () => {
    expect(gradeOutcome('The answer is 42.', '42', { kind: 'numeric' })).toMatchObject({ outcome: 'pass', errorKind: null });
    expect(gradeOutcome('The answer is 41.', '42', { kind: 'numeric' })).toMatchObject({ outcome: 'fail', errorKind: null });
  });

  test('a refusal is its own outcome, not a wrong answer', () => {
    const verdict = gradeOutcome("I'm sorry, but I can't help with that.", '42', { kind: 'numeric' });
    expect(verdict.outcome).toBe('refusal');
    expect(verdict.reason).toMatch(/^refusal/);
  });

  test('a grader that throws stores an error of kind grader_error', () => {
    graders.numeric = () => {
      throw new Error('boom');
    };
    expect(gradeOutcome('42', '42', { kind: 'numeric' })).toEqual({
      outcome: 'error',
      errorKind: 'grader_error',
      extracted: null,
      reason: 'grader error (numeric): boom',
    });
  });
});
