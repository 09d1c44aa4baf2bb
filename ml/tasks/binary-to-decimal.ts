import { binaryPrompt, parseBinaryPrompt } from '../../evals/families/algorithmic/templates';
import type { Task } from './task';

/** Longest binary numeral a checkpoint reads; the suite's hard probes use 16 bits. */
export const BINARY_MAX_BITS = 16;
/** Decimal digits of the largest value, 2^16 − 1 = 65535. */
const DECIMAL_DIGITS = 5;

export interface BinaryInput {
  bits: string;
}

const valueOf = (bits: string): number => parseInt(bits, 2);
/** Significant bits (a numeral with leading zeros is the same number as without them). */
const significantBits = (bits: string): number => Math.max(1, bits.replace(/^0+/, '').length);

/**
 * Binary to decimal: one token per bit, least-significant bit first (zero-padded to 16 on the high side, where a
 * 0 changes nothing), and the decimal digits least-significant first in output groups 1–5 (groups 6–16 are
 * always 0: the Transformer's per-position head wants as many groups as positions). Least-significant first for the
 * same reason as addition: bit i and digit i both sit where their place value starts. Difficulty = significant
 * bits, so every value belongs to exactly one length.
 */
export const binaryToDecimalTask: Task<BinaryInput> = {
  name: 'binary-to-decimal',
  family: 'algorithmic.binary-to-decimal',
  seqLen: BINARY_MAX_BITS,
  vocab: 2,
  groups: BINARY_MAX_BITS,
  classes: 10,
  lengths: Array.from({ length: BINARY_MAX_BITS }, (_, i) => i + 1),

  parse(prompt) {
    const input = parseBinaryPrompt(prompt, { within: true });
    if (input === null || significantBits(input.bits) > BINARY_MAX_BITS) return null;
    return input;
  },

  encode({ bits }) {
    const tokens = new Int32Array(BINARY_MAX_BITS);
    for (let i = 0; i < bits.length && i < BINARY_MAX_BITS; i++) tokens[i] = bits.charCodeAt(bits.length - 1 - i) === 49 ? 1 : 0;
    return tokens;
  },

  targets({ bits }) {
    const targets = new Int32Array(BINARY_MAX_BITS);
    let value = valueOf(bits);
    for (let i = 0; i < DECIMAL_DIGITS; i++) {
      targets[i] = value % 10;
      value = Math.floor(value / 10);
    }
    return targets;
  },

  decode(classes) {
    let text = '';
    for (let i = DECIMAL_DIGITS - 1; i >= 0; i--) text += String(classes[i] ?? 0);
    return text.replace(/^0+(?=\d)/, '');
  },

  answer: ({ bits }) => String(valueOf(bits)),

  lengthOf: ({ bits }) => significantBits(bits),

  // Numerals of n significant bits: the leading bit is 1.
  spaceSize: (length) => 2 ** (length - 1),

  enumerate(length, limit) {
    const space = 2 ** (length - 1);
    if (space > limit) return null;
    const low = length === 1 ? 0 : space;
    const count = length === 1 ? 2 : space;
    return Array.from({ length: count }, (_, n) => ({ bits: (low + n).toString(2) }));
  },

  sample(rng, length) {
    if (length === 1) return { bits: String(rng.int(2)) };
    let bits = '1';
    for (let i = 1; i < length; i++) bits += rng.int(2) === 1 ? '1' : '0';
    return { bits };
  },

  key: ({ bits }) => String(valueOf(bits)),

  prompt: ({ bits }) => binaryPrompt(bits),
};
