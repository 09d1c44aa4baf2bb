import { parseStackPrompt, simulateStack, stackPrompt, type StackOperation } from '../../evals/families/algorithmic/templates';
import type { Task } from './task';

/** Most operations a checkpoint reads; the suite's hard probes have 15. */
export const STACK_MAX_OPERATIONS = 15;
/** Pushed values a checkpoint reads (the family pushes 1–99). */
const MAX_VALUE = 99;
const PAD = 0;
const POP = MAX_VALUE + 2;
/** The answer text for an empty stack: an empty reply would read as a failed request, not as an answer. */
const EMPTY = 'empty';

export interface StackInput {
  operations: StackOperation[];
}

/**
 * Stack operations: one token per operation (0 = no operation, v + 1 = push v, 101 = pop), and one output group per
 * stack slot from the bottom (class 0 = empty, v + 1 = value v). 15 positions and 15 groups, so a stack that was
 * only pushed still fits. Refused (null): more than 15 operations, values over 99, or a pop on an empty stack (the
 * family never asks it, and its meaning would be a guess). Difficulty = number of operations.
 */
export const stackOperationsTask: Task<StackInput> = {
  name: 'stack-operations',
  family: 'algorithmic.stack-operations',
  seqLen: STACK_MAX_OPERATIONS,
  vocab: POP + 1,
  groups: STACK_MAX_OPERATIONS,
  classes: MAX_VALUE + 2,
  lengths: Array.from({ length: STACK_MAX_OPERATIONS }, (_, i) => i + 1),

  parse(prompt) {
    const operations = parseStackPrompt(prompt, { within: true });
    if (operations === null || operations.length > STACK_MAX_OPERATIONS) return null;
    let depth = 0;
    for (const op of operations) {
      if (op.kind === 'push' && op.value > MAX_VALUE) return null;
      depth += op.kind === 'push' ? 1 : -1;
      if (depth < 0) return null;
    }
    return { operations };
  },

  encode({ operations }) {
    const tokens = new Int32Array(STACK_MAX_OPERATIONS).fill(PAD);
    operations.forEach((op, i) => (tokens[i] = op.kind === 'push' ? op.value + 1 : POP));
    return tokens;
  },

  targets({ operations }) {
    const targets = new Int32Array(STACK_MAX_OPERATIONS);
    simulateStack(operations).forEach((value, i) => (targets[i] = value + 1));
    return targets;
  },

  decode(classes) {
    const values: number[] = [];
    for (let i = 0; i < STACK_MAX_OPERATIONS && (classes[i] ?? 0) > 0; i++) values.push(classes[i]! - 1);
    return values.length ? values.join(', ') : EMPTY;
  },

  answer: ({ operations }) => simulateStack(operations).join(', ') || EMPTY,

  lengthOf: ({ operations }) => operations.length,

  // A lower bound (sequences of pushes only), which is what deciding on held-out sets needs.
  spaceSize: (length) => MAX_VALUE ** length,

  enumerate(length, limit) {
    if (length !== 1 || MAX_VALUE > limit) return null;
    return Array.from({ length: MAX_VALUE }, (_, v) => ({ operations: [{ kind: 'push', value: v + 1 }] }));
  },

  /** Like the family: a pop with probability 0.4 whenever the stack is not empty, else a push of 1–99. */
  sample(rng, length) {
    const operations: StackOperation[] = [];
    let depth = 0;
    for (let i = 0; i < length; i++) {
      const pop = depth > 0 && rng.int(5) < 2;
      operations.push(pop ? { kind: 'pop' } : { kind: 'push', value: 1 + rng.int(MAX_VALUE) });
      depth += pop ? -1 : 1;
    }
    return { operations };
  },

  key: ({ operations }) => operations.map((op) => (op.kind === 'push' ? op.value : 'p')).join(','),

  prompt: ({ operations }) => stackPrompt(operations),
};
