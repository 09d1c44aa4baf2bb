import type { Prng } from '../runtime';

/** The tasks a local checkpoint can be trained on and served for. */
export const TASK_NAMES = ['parity', 'addition', 'binary-to-decimal', 'stack-operations'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

/**
 * A task adapter: prompt text <-> fixed-shape token and target arrays. Every architecture sees the same shapes:
 * `seqLen` input tokens from a vocabulary of `vocab`, and `groups` outputs of `classes` classes each (the CTM's
 * prediction reshaper [G, K]). Inputs of every difficulty share one shape, so one jit-compiled forward serves all.
 */
export interface Task<Input> {
  name: TaskName;
  /** The core suite's family whose prompts this task answers (its template lives in evals/…/templates.ts). */
  family: string;
  seqLen: number;
  vocab: number;
  groups: number;
  classes: number;
  /** Difficulty levels the generator and the evaluation know (parity: bits 1..16; addition: digits 1..5). */
  lengths: readonly number[];
  /** Reads a prompt of this task's template (surrounding text tolerated); null when it is not one, or too long. */
  parse(prompt: string): Input | null;
  /** The input's tokens, length `seqLen`. */
  encode(input: Input): Int32Array;
  /** The target class of every group, length `groups`. */
  targets(input: Input): Int32Array;
  /** The answer text from one predicted class per group. */
  decode(classes: ArrayLike<number>): string;
  /** The correct answer text. */
  answer(input: Input): string;
  /** The difficulty level of an input (one of `lengths`). */
  lengthOf(input: Input): number;
  /** How many distinct model inputs the given difficulty has (decides whether an evaluation set can be held out). */
  spaceSize(length: number): number;
  /** Every input of the given difficulty, for difficulties small enough to enumerate (≤ `limit` inputs); else null. */
  enumerate(length: number, limit: number): Input[] | null;
  /** A uniformly random input of the given difficulty. */
  sample(rng: Prng, length: number): Input;
  /**
   * The shortest difficulty with an input of the same key (parity: trailing 0s do not count), when it can be below
   * `lengthOf`; absent = `lengthOf`. Held-out inputs are drawn only where it equals their length, so that holding
   * one out never removes an input of a shorter difficulty from training.
   */
  shortestLength?(input: Input): number;
  /** A canonical key of the model input, so that two prompts the model cannot tell apart share a key. */
  key(input: Input): string;
  /** The prompt text of the probe library's template for this input. */
  prompt(input: Input): string;
}
