import { fromInt32, jit, keep, Prng, toFloat32, type ParamTree, type Tensor } from '../runtime';
import { decodeLogits, encodeBatch, type Task } from '../tasks';
import type { Architecture } from './architecture';
import { chooseTick } from './halting';

/** One answered prompt, with the thinking-time telemetry the server reports. */
export interface Prediction {
  answer: string;
  /** 1-based tick whose output is the answer. */
  ticksUsed: number;
  /** Ticks the model has (all of them are computed; halting is applied afterwards, which is exact). */
  ticks: number;
  certaintyPerTick: number[];
}

/** Raw per-tick outputs of a batch: logits [n, T, G, K] and certainty [n, T], host side. */
export interface RawOutputs {
  n: number;
  logits: Float32Array;
  certainty: Float32Array;
}

/**
 * A loaded model ready to answer batches: one compiled forward for a fixed batch size (shorter batches are padded,
 * so the compiled kernels are reused; compile once at start with `warmUp`).
 */
export class Predictor<Config = unknown> {
  readonly #forward: ((params: ParamTree, tokens: Tensor) => [Tensor, Tensor]) & { dispose(): void };

  constructor(
    readonly arch: Architecture<Config>,
    readonly task: Task<unknown>,
    readonly config: Config,
    readonly params: ParamTree,
    readonly batchSize: number,
    /** Run fewer ticks than the model has (exact: a tick depends only on earlier ones). */
    readonly tickLimit?: number,
  ) {
    this.#forward = jit((p: ParamTree, tokens: Tensor): [Tensor, Tensor] => {
      const out = arch.forward(p, tokens, config, this.ticks);
      for (const t of Object.values(p)) t.dispose();
      return [out.logits, out.certainty];
    });
  }

  get ticks(): number {
    const trained = this.arch.ticks(this.config);
    return Math.min(trained, this.tickLimit ?? trained);
  }

  /** Compiles the forward (seconds for many ticks) so that the first real request is fast. */
  warmUp(): void {
    this.run([this.task.sample(new Prng(0), this.task.lengths[0]!)]);
  }

  /** One forward pass over up to `batchSize` inputs. */
  run(inputs: readonly unknown[]): RawOutputs {
    if (inputs.length === 0 || inputs.length > this.batchSize)
      throw new Error(`a batch holds 1..${this.batchSize} inputs, got ${inputs.length}`);
    const padded = [...inputs];
    while (padded.length < this.batchSize) padded.push(inputs[0]);
    const batch = encodeBatch(this.task, padded);
    const tokens = fromInt32(batch.tokens, [this.batchSize, this.task.seqLen]);
    const params = Object.fromEntries(Object.entries(this.params).map(([n, t]) => [n, keep(t)]));
    const [logits, certainty] = this.#forward(params, tokens);
    return { n: inputs.length, logits: toFloat32(logits), certainty: toFloat32(certainty) };
  }

  /**
   * Answers from raw outputs under a halting threshold. `stopAt` answers as if the model had been stopped after
   * that many ticks (exact, since a tick depends only on earlier ones): the thinking-time curves use it.
   */
  answers(raw: RawOutputs, threshold: number, stopAt?: number): Prediction[] {
    const T = this.ticks;
    const limit = Math.min(T, stopAt ?? T);
    const perTick = this.task.groups * this.task.classes;
    return Array.from({ length: raw.n }, (_, row) => {
      const certaintyPerTick = Array.from(raw.certainty.subarray(row * T, (row + 1) * T));
      const { ticksUsed } = chooseTick(certaintyPerTick.slice(0, limit), this.arch.answerRule, threshold);
      const start = (row * T + ticksUsed - 1) * perTick;
      const [answer] = decodeLogits(this.task, raw.logits.subarray(start, start + perTick), 1);
      return { answer: answer!, ticksUsed, ticks: T, certaintyPerTick };
    });
  }

  predict(inputs: readonly unknown[], threshold: number): Prediction[] {
    return this.answers(this.run(inputs), threshold);
  }

  dispose(): void {
    this.#forward.dispose();
  }
}
