import { describe, expect, test } from 'vitest';
import { stripReasoning } from './reasoning';

describe('stripReasoning', () => {
  test.for([
    ['<think>17 × 23 = 381?</think>\n\nThe answer is 391.', 'The answer is 391.', false],
    ['Okay, so 381... no.\n</think>\n\n391', '391', false],
    ['<reasoning>a</reasoning>B<thinking>c</thinking>D', 'B\nD', false],
    ['<|begin_of_thought|>x<|end_of_thought|>\n<|begin_of_solution|>42<|end_of_solution|>', '42', false],
    ['<think>\nstill thinking about 17 × 23', '', true],
    ['The answer is 5. <think>but maybe', 'The answer is 5.', false],
    ['No tags at all: 42', 'No tags at all: 42', false],
  ] as const)('%j', ([response, text, unclosed]) => {
    expect(stripReasoning(response)).toEqual({ text, unclosed });
  });
});
