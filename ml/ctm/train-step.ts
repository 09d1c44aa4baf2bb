import { AdamW, free, fromInt32, jit, keepTree, ops, toFloat32, toInt32, toScalar, valueAndGradWithAux, type ParamTree, type Tensor } from '../runtime';
import { ctmPairs, type CtmModel } from './checkpoint';
import { ctmObjective, type CtmStepAux } from './loss';
import { DECAY_CLAMP } from './model';
import type { PairTensors } from './synchronisation';

export type CtmStepResult = {
  loss: number;
  /** [B, C] logits at each row's most certain tick (the reference's answer), for accuracy. */
  answerLogits: Float32Array;
  /** [B] most certain tick per row. */
  mostCertainTick: Int32Array;
};

/**
 * One compiled training step for a CTM: forward + loss (ctm.md §2.1) + gradients + AdamW, then the decay
 * parameters are projected back into [0, 15] (what the reference does in place at every forward). Compiles on the
 * first call per batch shape (seconds); reuse one trainer per model.
 */
export class CtmTrainer {
  readonly model: CtmModel;
  readonly optimiser: AdamW;
  readonly #step: (params: ParamTree, pairs: PairTensors, tokens: Tensor, targets: Tensor) => [[Tensor, CtmStepAux], ParamTree];
  readonly #project: (params: ParamTree) => ParamTree;

  constructor(model: CtmModel, optimiser: AdamW) {
    this.model = model;
    this.optimiser = optimiser;
    this.#step = jit(valueAndGradWithAux(ctmObjective(model.config)));
    this.#project = jit((params: ParamTree) => ({
      ...params,
      decay_params_action: ops.clip(params.decay_params_action as Tensor, ...DECAY_CLAMP),
      decay_params_out: ops.clip(params.decay_params_out as Tensor, ...DECAY_CLAMP),
    }));
  }

  /** tokens [B, L], targets [B, G] (row-major int32). Updates `model.params` in place. */
  step(tokens: Int32Array, targets: Int32Array, batch: number): CtmStepResult {
    const { config } = this.model;
    const length = tokens.length / batch;
    const [[loss, aux], grads] = this.#step(
      keepTree(this.model.params),
      ctmPairs(this.model),
      fromInt32(tokens, [batch, length]),
      fromInt32(targets, [batch, config.groups]),
    );
    this.model.params = this.#project(this.optimiser.step(this.model.params, grads));
    const mostCertainTick = toInt32(aux.mostCertainTick);
    const predictions = toFloat32(aux.outputs.predictions); // [B, C, T]
    free([aux.outputs.certainties, aux.outputs.synchronisationOut]);
    const C = config.groups * config.classes;
    const T = predictions.length / (batch * C);
    const answerLogits = new Float32Array(batch * C);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < C; i++) answerLogits[b * C + i] = predictions[(b * C + i) * T + (mostCertainTick[b] as number)] as number;
    }
    return { loss: toScalar(loss), answerLogits, mostCertainTick };
  }
}
