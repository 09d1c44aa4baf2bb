import { parityPrompt, parseParityPrompt } from '../../evals/families/algorithmic/templates';
import type { Task } from './task';

/** Longest bit string a parity checkpoint reads; the suite's hard probes use 16 bits. */
export const PARITY_MAX_BITS = 16;

export interface ParityInput {
  bits: string;
}

/**
 * Cumulative parity, CTM style: one token per bit, a 2-class output per position (parity of the prefix up to it).
 * Shorter strings are padded with trailing 0 bits to 16 tokens: a 0 does not change any prefix parity, so the
 * last position's parity is the whole string's parity and one input shape serves every length. The cost is that an
 * 8-bit string and its zero-extended 16-bit string are the same model input; `key` says so, so exclusion works on
 * what the model sees.
 */
export const parityTask: Task<ParityInput> = {
  name: 'parity',
  family: 'algorithmic.parity',
  seqLen: PARITY_MAX_BITS,
  vocab: 2,
  groups: PARITY_MAX_BITS,
  classes: 2,
  lengths: Array.from({ length: PARITY_MAX_BITS }, (_, i) => i + 1),

  parse(prompt) {
    const input = parseParityPrompt(prompt, { within: true });
    if (input === null || input.bits.length > PARITY_MAX_BITS) return null;
    return input;
  },

  encode({ bits }) {
    const tokens = new Int32Array(PARITY_MAX_BITS);
    for (let i = 0; i < bits.length; i++) tokens[i] = bits.charCodeAt(i) === 49 ? 1 : 0;
    return tokens;
  },

  targets({ bits }) {
    const targets = new Int32Array(PARITY_MAX_BITS);
    let parity = 0;
    for (let i = 0; i < PARITY_MAX_BITS; i++) {
      if (i < bits.length && bits.charCodeAt(i) === 49) parity ^= 1;
      targets[i] = parity;
    }
    return targets;
  },

  decode(classes) {
    return String(classes[PARITY_MAX_BITS - 1] ?? 0);
  },

  answer({ bits }) {
    let ones = 0;
    for (const c of bits) if (c === '1') ones++;
    return String(ones % 2);
  },

  lengthOf: ({ bits }) => bits.length,

  spaceSize: (length) => 2 ** length,

  enumerate(length, limit) {
    if (2 ** length > limit) return null;
    return Array.from({ length: 2 ** length }, (_, n) => ({ bits: n.toString(2).padStart(length, '0') }));
  },

  sample(rng, length) {
    let bits = '';
    for (let i = 0; i < length; i++) bits += rng.int(2) === 1 ? '1' : '0';
    return { bits };
  },

  shortestLength: ({ bits }) => Math.max(1, bits.replace(/0+$/, '').length),

  key: ({ bits }) => bits.padEnd(PARITY_MAX_BITS, '0'),

  prompt: ({ bits }) => parityPrompt(bits),
};
