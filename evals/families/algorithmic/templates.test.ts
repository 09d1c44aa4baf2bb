import { describe, expect, it } from 'vitest';
import {
  ADDITION_PROMPT_PATTERN,
  additionPrompt,
  PARITY_PROMPT_PATTERN,
  parityOf,
  parityPrompt,
  parseAdditionPrompt,
  parseParityPrompt,
} from './templates';

// The two templates, written out literally as the checkpoint server's contract states them.
const PARITY = 'What is the parity of the bit string {bits}? Answer 1 if it has an odd number of 1s and 0 if it has an even number.';
const ADDITION = 'What is {a} + {b}? Answer with the number only.';

describe('checkpoint prompt templates', () => {
  it('builds the parity prompt byte for byte', () => {
    expect(parityPrompt('01101001')).toBe(PARITY.replace('{bits}', '01101001'));
    expect(parityPrompt('1011001011110000')).toBe(PARITY.replace('{bits}', '1011001011110000'));
  });

  it('builds the addition prompt byte for byte', () => {
    expect(additionPrompt(47, 38)).toBe(ADDITION.replace('{a}', '47').replace('{b}', '38'));
    expect(additionPrompt(52047, 90138)).toBe(ADDITION.replace('{a}', '52047').replace('{b}', '90138'));
  });

  it('parses what it builds', () => {
    expect(parseParityPrompt(parityPrompt('0000000011111111'))).toEqual({ bits: '0000000011111111' });
    expect(parseAdditionPrompt(additionPrompt(10, 99999))).toEqual({ a: 10, b: 99999 });
    expect(PARITY_PROMPT_PATTERN.test(parityPrompt('1'))).toBe(true);
    expect(ADDITION_PROMPT_PATTERN.test(additionPrompt(0, 0))).toBe(true);
  });

  it('parses nothing else: other families, other spacing, leading zeros, non-bits', () => {
    expect(parseParityPrompt('What is the parity of the bit string 1021? Answer 1 if it has an odd number of 1s and 0 if it has an even number.')).toBeNull();
    expect(parseParityPrompt(`${parityPrompt('1010')} Think step by step.`)).toBeNull();
    expect(parseAdditionPrompt('What is 12 + 34? Answer with a number.')).toBeNull();
    expect(parseAdditionPrompt('What is 12+34? Answer with the number only.')).toBeNull();
    expect(parseAdditionPrompt('What is 012 + 34? Answer with the number only.')).toBeNull();
    expect(parseAdditionPrompt('Calculate 1 + 2 × 3. Answer with a number.')).toBeNull();
  });

  it('refuses to build a prompt from bad input', () => {
    expect(() => parityPrompt('10 01')).toThrow(/0s and 1s/);
    expect(() => parityPrompt('')).toThrow();
    expect(() => additionPrompt(-1, 3)).toThrow(/non-negative/);
    expect(() => additionPrompt(1.5, 3)).toThrow();
  });

  it('parityOf counts 1s', () => {
    expect(parityOf('0')).toBe('0');
    expect(parityOf('1')).toBe('1');
    expect(parityOf('1101')).toBe('1');
    expect(parityOf('11011011')).toBe('0');
  });
});
