import { free, keep, ops, type ParamTree, type Tensor } from '../runtime';
import type { CtmConfig } from './config';
import { ctmForward, type CtmOutputs } from './model';
import type { PairTensors } from './synchronisation';

/**
 * Per-sample, per-tick task loss: cross-entropy of each group's logits against its target class, averaged over
 * the groups (parity: positions). predictions [B, G·K, T], targets [B, G] int32 → [B, T]. Consumes both.
 */
export function perTickLoss(predictions: Tensor, targets: Tensor, groups: number, classes: number): Tensor {
  const [B, , T] = predictions.shape as [number, number, number];
  const logits = ops.transpose(ops.reshape(predictions, [B, groups, classes, T]), [0, 3, 1, 2]); // [B, T, G, K]
  const target = ops.expandDims(ops.oneHot(targets, classes), 1); // [B, 1, G, K]
  const crossEntropy = ops.neg(ops.sum(ops.mul(ops.logSoftmax(logits, -1), target), -1)); // [B, T, G]
  return ops.mean(crossEntropy, -1); // [B, T]
}

/** Index along the last axis selected per row, as a one-hot float mask: [B] int32 → [B, T]. */
const selectTick = (ticks: Tensor, T: number): Tensor => ops.oneHot(ticks, T);

export type CtmLossOutput = { loss: Tensor; mostCertainTick: Tensor; minLossTick: Tensor };

/**
 * The CTM training loss (ctm.md §2.1): per sample the min-loss tick t1 and the most certain tick t2 (first index on
 * ties); loss = ½·mean_b L[b, t1_b] + ½·mean_b L[b, t2_b]. Gradients flow only through the two selected losses.
 * Consumes predictions, certainties and targets. Returns the scalar loss and both tick choices ([B] int32).
 * `pinnedTick` ([B] int32, consumed) replaces t2: e.g. the last tick (the reference's use_most_certain=False), or a
 * reference run's choice when two ticks' certainties tie to float32 rounding.
 */
export function ctmLoss(
  predictions: Tensor,
  certainties: Tensor,
  targets: Tensor,
  groups: number,
  classes: number,
  pinnedTick?: Tensor,
): CtmLossOutput {
  const T = predictions.shape[2] as number;
  const losses = perTickLoss(predictions, targets, groups, classes); // [B, T]
  const minLossTick = ops.argmin(ops.stopGradient(keep(losses)), 1); // [B]
  let mostCertainTick = pinnedTick;
  if (mostCertainTick) free(certainties);
  else mostCertainTick = ops.argmax(ops.stopGradient(ops.squeeze(ops.sliceAxis(certainties, 1, 1, 2), 1)), 1); // [B]
  const atMinLoss = ops.mean(ops.sum(ops.mul(keep(losses), selectTick(keep(minLossTick), T)), 1));
  const atMostCertain = ops.mean(ops.sum(ops.mul(losses, selectTick(keep(mostCertainTick), T)), 1));
  return { loss: ops.mul(ops.add(atMinLoss, atMostCertain), 0.5), mostCertainTick, minLossTick };
}

/** What a training step needs besides the loss (no gradient flows into these). */
export type CtmStepAux = { outputs: CtmOutputs; mostCertainTick: Tensor };

/**
 * Loss as a function of the parameters, for `valueAndGradWithAux`: (params, pairs, tokens [B, L], targets [B, G],
 * pinnedTick?) → [loss, aux]. Consumes all arguments.
 */
export function ctmObjective(c: CtmConfig) {
  return (params: ParamTree, pairs: PairTensors, tokens: Tensor, targets: Tensor, pinnedTick?: Tensor): [Tensor, CtmStepAux] => {
    const outputs = ctmForward(c, params, pairs, tokens);
    const { loss, mostCertainTick, minLossTick } = ctmLoss(
      keep(outputs.predictions),
      keep(outputs.certainties),
      targets,
      c.groups,
      c.classes,
      pinnedTick,
    );
    minLossTick.dispose();
    return [loss, { outputs, mostCertainTick }];
  };
}
