import { ops, type Tensor } from '../runtime';

/**
 * The CTM's certainty (ctm.md §1.3 step 9): 1 − mean over groups of the normalised entropy of softmax(logits).
 * logits [..., G, K] → [...]. Used for every architecture so that their per-tick certainties compare.
 * Consumes `logits`.
 */
export function certaintyOf(logits: Tensor): Tensor {
  const classes = logits.shape[logits.ndim - 1]!;
  const logProbs = ops.logSoftmax(logits, -1);
  const entropy = ops.neg(ops.sum(ops.mul(ops.exp(logProbs.ref), logProbs), -1)); // [..., G]
  return ops.sub(1, ops.mean(ops.mul(entropy, 1 / Math.log(classes)), -1));
}

/** Mean cross-entropy over groups and rows: logits [B, G, K], targets [B, G] int32 → scalar. Consumes both. */
export function crossEntropy(logits: Tensor, targets: Tensor): Tensor {
  const classes = logits.shape[logits.ndim - 1]!;
  return ops.neg(ops.mean(ops.sum(ops.mul(ops.logSoftmax(logits, -1), ops.oneHot(targets, classes)), -1)));
}
