import { free, fromInt32, jit, keepTree, toFloat32, type Compiled, type ParamTree, type Tensor } from '../runtime';
import { ctmPairs, type CtmModel } from './checkpoint';
import { ctmForward, type CtmOutputs } from './model';
import type { PairTensors } from './synchronisation';

/** One input's answer with its thinking trace. */
export type CtmAnswer = {
  /** Tick (0-based) whose prediction is the answer. */
  haltingTick: number;
  /** Ticks needed to produce that answer (haltingTick + 1 when halted early; all ticks when choosing by argmax). */
  ticksUsed: number;
  /** Certainty (1 − normalised entropy) at every tick. */
  certaintyPerTick: number[];
  /** The answer tick's logits, [G·K] (group-major). */
  logits: Float32Array;
  /** argmax class per group at the answer tick, [G]. */
  classes: Int32Array;
};

export type HaltingRule = {
  /** Halt at the first tick whose certainty ≥ threshold; if none reaches it, answer at the most certain tick. */
  threshold?: number;
};

/**
 * Batched CTM inference for serving. All T ticks run in one jit-compiled forward; the halting tick is then chosen
 * per input on the host. This is exactly early exit: y^t depends only on ticks ≤ t (ctm.md §1.3), so stopping at
 * tick t would give the same prediction — we only spend the compute of the remaining ticks, which batching makes
 * cheaper than per-input loops.
 *
 * Batches are padded up to the next power of two (≤ maxBatch) so that only a few shapes are ever compiled;
 * `warmUp()` compiles them ahead of the first request (seconds each).
 */
export class CtmRunner {
  readonly #model: CtmModel;
  readonly #forward: Compiled<(params: ParamTree, pairs: PairTensors, tokens: Tensor) => CtmOutputs>;
  readonly maxBatch: number;

  constructor(model: CtmModel, options: { maxBatch?: number } = {}) {
    this.#model = model;
    this.maxBatch = options.maxBatch ?? 64;
    const config = model.config;
    this.#forward = jit((params: ParamTree, pairs: PairTensors, tokens: Tensor) => ctmForward(config, params, pairs, tokens));
  }

  /** Compiles the forward for every padded batch size up to `maxBatch` at sequence length `length`. */
  warmUp(length: number): void {
    for (let size = 1; size <= this.maxBatch; size *= 2) this.#run(new Int32Array(size * length), size, length);
  }

  /** tokens: `count` rows of `length` ids, row-major. Returns one answer per row. */
  answer(tokens: Int32Array, count: number, length: number, rule: HaltingRule = {}): CtmAnswer[] {
    if (tokens.length !== count * length) throw new Error(`CtmRunner.answer: ${tokens.length} tokens for ${count}×${length}`);
    const answers: CtmAnswer[] = [];
    for (let start = 0; start < count; start += this.maxBatch) {
      const rows = Math.min(this.maxBatch, count - start);
      const padded = Math.min(this.maxBatch, 2 ** Math.ceil(Math.log2(rows)));
      const chunk = new Int32Array(padded * length);
      chunk.set(tokens.subarray(start * length, (start + rows) * length));
      const { predictions, certainties } = this.#run(chunk, padded, length);
      for (let row = 0; row < rows; row++) answers.push(this.#pick(predictions, certainties, row, rule));
    }
    return answers;
  }

  dispose(): void {
    this.#forward.dispose();
  }

  #run(tokens: Int32Array, size: number, length: number): { predictions: Float32Array; certainties: Float32Array } {
    const out = this.#forward(keepTree(this.#model.params), ctmPairs(this.#model), fromInt32(tokens, [size, length]));
    free(out.synchronisationOut);
    return { predictions: toFloat32(out.predictions), certainties: toFloat32(out.certainties) };
  }

  #pick(predictions: Float32Array, certainties: Float32Array, row: number, rule: HaltingRule): CtmAnswer {
    const { iterations: T, groups: G, classes: K } = this.#model.config;
    const C = G * K;
    const certaintyPerTick = Array.from({ length: T }, (_, t) => certainties[(row * 2 + 1) * T + t] as number);
    let haltingTick = -1;
    if (rule.threshold !== undefined) haltingTick = certaintyPerTick.findIndex((c) => c >= (rule.threshold as number));
    const halted = haltingTick >= 0;
    if (!halted) haltingTick = certaintyPerTick.reduce((best, c, t) => (c > (certaintyPerTick[best] as number) ? t : best), 0);
    const logits = new Float32Array(C);
    for (let i = 0; i < C; i++) logits[i] = predictions[(row * C + i) * T + haltingTick] as number;
    const classes = new Int32Array(G);
    for (let g = 0; g < G; g++) {
      let best = 0;
      for (let k = 1; k < K; k++) if ((logits[g * K + k] as number) > (logits[g * K + best] as number)) best = k;
      classes[g] = best;
    }
    return { haltingTick, ticksUsed: halted ? haltingTick + 1 : T, certaintyPerTick, logits, classes };
  }
}
