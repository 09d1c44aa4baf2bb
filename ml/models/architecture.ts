import type { z } from 'zod';
import type { ParamTree, Tensor } from '../runtime';
import type { Task } from '../tasks';
import type { HostParams } from '../nn/param-init';

export const ARCH_NAMES = ['ctm', 'transformer', 'lstm'] as const;
export type ArchName = (typeof ARCH_NAMES)[number];

/** Per-tick outputs of any architecture: logits [B, T, G, K] and certainty [B, T] (1 − normalised entropy). */
export interface TickOutputs {
  logits: Tensor;
  certainty: Tensor;
}

/** Which tick answers: the CTM halts on certainty; baselines trained on their final tick answer there. */
export type AnswerRule = 'certainty-halting' | 'last-tick';

/** Training defaults an architecture brings (the train command's flags override steps/seed). */
export interface TrainingDefaults {
  steps: number;
  batchSize: number;
  peakLr: number;
  minLr: number;
  warmupSteps: number;
  maxGradNorm?: number;
  /** Share of the run over which the length curriculum ramps up (0 or absent = none). */
  curriculum?: number;
}

/**
 * One model family behind a common shape, so that training, evaluation and serving never branch on the
 * architecture. `Config` is the architecture's own (zod-validated) configuration, stored in config.json.
 */
export interface Architecture<Config> {
  name: ArchName;
  configSchema: z.ZodType<Config>;
  answerRule: AnswerRule;
  /** The recommended configuration for a task; `ticks` overrides the tick count where the architecture has ticks. */
  defaultConfig(task: Task<unknown>, options: { ticks?: number }): Config;
  training(task: Task<unknown>): TrainingDefaults;
  ticks(config: Config): number;
  /** Fresh host-side parameters (and buffers) from a seed. */
  init(config: Config, seed: number): HostParams;
  /** Non-trainable tensors (e.g. the CTM's neuron-index buffers): stored with the weights, never updated. */
  isBuffer(name: string): boolean;
  /** tokens [B, L] int32 → per-tick outputs. Reads params (does not consume them); consumes tokens. */
  forward(params: ParamTree, tokens: Tensor, config: Config, ticks?: number): TickOutputs;
  /**
   * Training loss (scalar) and the logits that count as the answer for accuracy, [B, G, K].
   * Params are trainable ∪ buffers; reads them (does not consume); consumes tokens and targets.
   */
  loss(params: ParamTree, tokens: Tensor, targets: Tensor, config: Config): [Tensor, Tensor];
}
