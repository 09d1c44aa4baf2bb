import { additionPrompt, parseAdditionPrompt } from '../../evals/families/algorithmic/templates';
import type { Task } from './task';

/** Most digits per operand a checkpoint reads; the suite's hard probes are 5-digit + 5-digit. */
export const ADDITION_MAX_DIGITS = 5;
/** Answer digits: the sum of two 5-digit numbers has at most 6. */
export const ADDITION_ANSWER_DIGITS = ADDITION_MAX_DIGITS + 1;

export interface AdditionInput {
  a: number;
  b: number;
}

function digitAt(value: number, place: number): number {
  return Math.floor(value / 10 ** place) % 10;
}

/** Operands with exactly `length` digits (a 1-digit operand may be 0), like the suite's n-digit + n-digit probes. */
function operandRange(length: number): { low: number; span: number } {
  const low = length === 1 ? 0 : 10 ** (length - 1);
  return { low, span: 10 ** length - low };
}

/**
 * Column addition as 6 tokens, least-significant column first: token i = 10·a_i + b_i (the i-th digit of each
 * operand, zero-padded; the 6th column is always 0+0 and holds the final carry). Output group i is the i-th digit of
 * the sum (10 classes). Why least-significant first and one token per column: the carry flows from low to high
 * places, so position i's output depends only on positions ≤ i and the place value of a position is the same in
 * the operands and in the answer — a model (causal or not) can learn one rule per column instead of aligning two
 * digit strings of different lengths. The answer is printed without leading zeros.
 */
export const additionTask: Task<AdditionInput> = {
  name: 'addition',
  family: 'algorithmic.addition',
  seqLen: ADDITION_ANSWER_DIGITS,
  vocab: 100,
  groups: ADDITION_ANSWER_DIGITS,
  classes: 10,
  lengths: Array.from({ length: ADDITION_MAX_DIGITS }, (_, i) => i + 1),

  parse(prompt) {
    const input = parseAdditionPrompt(prompt, { within: true });
    const limit = 10 ** ADDITION_MAX_DIGITS;
    if (input === null || !(input.a < limit && input.b < limit)) return null;
    return input;
  },

  encode({ a, b }) {
    const tokens = new Int32Array(ADDITION_ANSWER_DIGITS);
    for (let i = 0; i < ADDITION_ANSWER_DIGITS; i++) tokens[i] = 10 * digitAt(a, i) + digitAt(b, i);
    return tokens;
  },

  targets({ a, b }) {
    const targets = new Int32Array(ADDITION_ANSWER_DIGITS);
    for (let i = 0; i < ADDITION_ANSWER_DIGITS; i++) targets[i] = digitAt(a + b, i);
    return targets;
  },

  decode(classes) {
    let text = '';
    for (let i = ADDITION_ANSWER_DIGITS - 1; i >= 0; i--) text += String(classes[i] ?? 0);
    return text.replace(/^0+(?=\d)/, '');
  },

  answer: ({ a, b }) => String(a + b),

  lengthOf: ({ a, b }) => Math.max(String(a).length, String(b).length),

  spaceSize: (length) => operandRange(length).span ** 2,

  enumerate(length, limit) {
    const { low, span } = operandRange(length);
    if (span * span > limit) return null;
    const inputs: AdditionInput[] = [];
    for (let a = low; a < low + span; a++) for (let b = low; b < low + span; b++) inputs.push({ a, b });
    return inputs;
  },

  sample(rng, length) {
    const { low, span } = operandRange(length);
    return { a: low + rng.int(span), b: low + rng.int(span) };
  },

  key: ({ a, b }) => `${a}+${b}`,

  prompt: ({ a, b }) => additionPrompt(a, b),
};
