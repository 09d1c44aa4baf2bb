/**
 * The two prompt templates that the local CTM / Transformer / LSTM checkpoint server parses with a regex. They are
 * byte-exact contracts: change one and the checkpoints stop answering. The server's tests import these builders
 * and parsers to prove that they still agree.
 */

const PARITY_PREFIX = 'What is the parity of the bit string ';
const PARITY_SUFFIX = '? Answer 1 if it has an odd number of 1s and 0 if it has an even number.';
const ADDITION_SUFFIX = '? Answer with the number only.';

/** Matches a whole parity prompt; group 1 is the bit string. */
export const PARITY_PROMPT_PATTERN =
  /^What is the parity of the bit string ([01]+)\? Answer 1 if it has an odd number of 1s and 0 if it has an even number\.$/;

/** Matches a whole addition prompt; groups 1 and 2 are the operands (no leading zeros). */
export const ADDITION_PROMPT_PATTERN = /^What is (0|[1-9]\d*) \+ (0|[1-9]\d*)\? Answer with the number only\.$/;

/** `What is the parity of the bit string {bits}? Answer 1 if it has an odd number of 1s and 0 if it has an even number.` */
export function parityPrompt(bits: string): string {
  if (!/^[01]+$/.test(bits)) throw new Error(`parityPrompt: "${bits}" is not a string of 0s and 1s`);
  return `${PARITY_PREFIX}${bits}${PARITY_SUFFIX}`;
}

export function parseParityPrompt(prompt: string): { bits: string } | null {
  const match = PARITY_PROMPT_PATTERN.exec(prompt);
  return match ? { bits: match[1]! } : null;
}

/** `What is {a} + {b}? Answer with the number only.` */
export function additionPrompt(a: number, b: number): string {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < 0)
    throw new Error(`additionPrompt: operands must be non-negative integers, got ${a} and ${b}`);
  return `What is ${a} + ${b}${ADDITION_SUFFIX}`;
}

export function parseAdditionPrompt(prompt: string): { a: number; b: number } | null {
  const match = ADDITION_PROMPT_PATTERN.exec(prompt);
  return match ? { a: Number(match[1]), b: Number(match[2]) } : null;
}

/** "1" when the string has an odd number of 1s, else "0". */
export function parityOf(bits: string): '0' | '1' {
  let ones = 0;
  for (const bit of bits) if (bit === '1') ones++;
  return ones % 2 === 1 ? '1' : '0';
}
