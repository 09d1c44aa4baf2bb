import { keep, ops, type Tensor } from '../runtime';

/**
 * Certainty of one tick's logits (ctm.md §1.3 step 9): reshape [B, C] → [B, G, K]; per group normalised entropy
 * ne_g = −Σ_k π_k log π_k / log K (π = softmax, computed from log-softmax so it is stable); ne = mean_g ne_g.
 * Returns [B, 2] = [ne, 1 − ne]. Consumes `logits`.
 */
export function certaintyOf(logits: Tensor, groups: number, classes: number): Tensor {
  const B = logits.shape[0] as number;
  const grouped = ops.reshape(logits, [B, groups, classes]);
  // softmax and log-softmax computed separately, as the reference does (same float32 rounding, fewer tie flips).
  const entropy = ops.neg(ops.sum(ops.mul(ops.softmax(keep(grouped), -1), ops.logSoftmax(grouped, -1)), -1)); // [B, G]
  const normalised = ops.mean(ops.div(entropy, Math.log(classes)), -1, true); // [B, 1]
  return ops.concat([keep(normalised), ops.sub(1, normalised)], -1);
}
