import { ops, type Tensor } from '../runtime';
import type { ParamReader } from './params';

/**
 * Neuron-level models (deep NLMs, ctm.md §1.6): each neuron d owns a 2-layer MLP over its own pre-activation
 * history A_d ∈ R^M (oldest → newest). PyTorch layout, kept as is so gradients compare key by key:
 *   trace_processor.0.0: w1 [M, 2H, D], b1 [1, D, 2H], T [1]  →  h = GLU((A_d·W1[:, :, d] + b1[d]) / T1)  [B, D, H]
 *   trace_processor.0.2: w1 [H, 2, D],  b1 [1, D, 2],  T [1]  →  z = GLU((h_d·W2[:, :, d] + b2[d]) / T2)  [B, D]
 * (the reference's `SuperLinear`, einsum 'BDM,MHD->BDH'; no input LayerNorm, no dropout).
 */
export function neuronLevelModels(p: ParamReader, history: Tensor): Tensor {
  const layer = (input: Tensor, prefix: string): Tensor => {
    const mixed = ops.add(ops.einsum('bdm,mhd->bdh', input, p(`${prefix}.w1`)), p(`${prefix}.b1`));
    return ops.glu(ops.div(mixed, p(`${prefix}.T`)), -1);
  };
  const hidden = layer(history, 'trace_processor.0.0'); // [B, D, H]
  const out = layer(hidden, 'trace_processor.0.2'); // [B, D, 1]
  return ops.squeeze(out, -1);
}
