import type { Task } from './task';

/** A batch in the flat, row-major layout every architecture takes. */
export interface TaskBatch {
  size: number;
  /** [size, seqLen] token ids. */
  tokens: Int32Array;
  /** [size, groups] target classes. */
  targets: Int32Array;
  /** [size] difficulty of each row. */
  lengths: Int32Array;
}

/** Encodes inputs into one batch. */
export function encodeBatch<I>(task: Task<I>, inputs: readonly I[]): TaskBatch {
  const size = inputs.length;
  const tokens = new Int32Array(size * task.seqLen);
  const targets = new Int32Array(size * task.groups);
  const lengths = new Int32Array(size);
  inputs.forEach((input, row) => {
    tokens.set(task.encode(input), row * task.seqLen);
    targets.set(task.targets(input), row * task.groups);
    lengths[row] = task.lengthOf(input);
  });
  return { size, tokens, targets, lengths };
}

/** Per-row answers from [size, groups, classes] logits: argmax per group, then the task's decoder. */
export function decodeLogits<I>(task: Task<I>, logits: Float32Array, size: number): string[] {
  const answers: string[] = [];
  const classes = new Int32Array(task.groups);
  for (let row = 0; row < size; row++) {
    for (let g = 0; g < task.groups; g++) {
      const base = (row * task.groups + g) * task.classes;
      let best = 0;
      for (let k = 1; k < task.classes; k++) if (logits[base + k]! > logits[base + best]!) best = k;
      classes[g] = best;
    }
    answers.push(task.decode(classes));
  }
  return answers;
}
