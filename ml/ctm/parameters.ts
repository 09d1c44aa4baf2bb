import type { CtmConfig } from './config';
import { outDims, synchSize, unetWidths } from './config';

/** How a parameter is initialised (ctm.md §1.8). Bounds are for U(−b, b). */
export type ParamInit =
  | { kind: 'uniform'; bound: number }
  | { kind: 'normal'; std: number }
  | { kind: 'constant'; value: number };

export type ParamSpec = { name: string; shape: number[]; init: ParamInit };

const uniform = (bound: number): ParamInit => ({ kind: 'uniform', bound });
const constant = (value: number): ParamInit => ({ kind: 'constant', value });

/**
 * Every trainable tensor of a CTM, in the reference state_dict's order and with its names and layouts
 * (PyTorch Linear weights [out, in]; NLM weights [M, 2H, D] / [H, 2, D]). The neuron-index buffers are not
 * parameters (see synchronisation.ts). Single source of truth for init, loading checks and the parameter count.
 */
export function ctmParamSpecs(c: CtmConfig): ParamSpec[] {
  const { dModel: D, dInput: d, memoryLength: M, memoryHiddenDims: H, vocab } = c;
  const Sa = synchSize(c, 'action');
  const So = synchSize(c, 'out');
  const specs: ParamSpec[] = [];
  const add = (name: string, shape: number[], init: ParamInit) => specs.push({ name, shape, init });
  // PyTorch nn.Linear default: W, b ~ U(±1/√fan_in).
  const linear = (name: string, inDim: number, outDim: number) => {
    add(`${name}.weight`, [outDim, inDim], uniform(1 / Math.sqrt(inDim)));
    add(`${name}.bias`, [outDim], uniform(1 / Math.sqrt(inDim)));
  };
  const layerNorm = (name: string, dim: number) => {
    add(`${name}.weight`, [dim], constant(1));
    add(`${name}.bias`, [dim], constant(0));
  };

  add('start_activated_state', [D], uniform(Math.sqrt(1 / D)));
  add('start_trace', [D, M], uniform(Math.sqrt(1 / (D + M))));
  add('decay_params_action', [Sa], constant(c.actionDecayInit));
  add('decay_params_out', [So], constant(c.outDecayInit));
  add('backbone.embedding.weight', [vocab, d], { kind: 'normal', std: 1 });
  if (c.positionalEmbedding === 'custom-rotational-1d') linear('positional_embedding.projection', 2, d);
  linear('kv_proj.0', d, d);
  layerNorm('kv_proj.1', d);
  linear('q_proj', Sa, d);
  // nn.MultiheadAttention: Xavier-uniform in-projection [3d, d], zero biases, default-Linear out-projection weight.
  add('attention.in_proj_weight', [3 * d, d], uniform(Math.sqrt(6 / (d + 3 * d))));
  add('attention.in_proj_bias', [3 * d], constant(0));
  add('attention.out_proj.weight', [d, d], uniform(1 / Math.sqrt(d)));
  add('attention.out_proj.bias', [d], constant(0));
  if (c.synapseDepth === 1) {
    linear('synapses.1', d + D, 2 * D);
    layerNorm('synapses.3', D);
  } else {
    const w = unetWidths(c);
    linear('synapses.first_projection.0', d + D, w[0] as number);
    layerNorm('synapses.first_projection.1', w[0] as number);
    for (let i = 0; i < w.length - 1; i++) {
      linear(`synapses.down_projections.${i}.1`, w[i] as number, w[i + 1] as number);
      layerNorm(`synapses.down_projections.${i}.2`, w[i + 1] as number);
    }
    for (let i = 0; i < w.length - 1; i++) {
      linear(`synapses.up_projections.${i}.1`, w[i + 1] as number, w[i] as number);
      layerNorm(`synapses.up_projections.${i}.2`, w[i] as number);
    }
    for (let i = 0; i < w.length - 1; i++) layerNorm(`synapses.skip_lns.${i}`, w[i] as number);
  }
  // Neuron-level models (SuperLinear): W ~ U(±1/√(in+out)), b = 0, temperature T = 1.
  add('trace_processor.0.0.w1', [M, 2 * H, D], uniform(1 / Math.sqrt(M + 2 * H)));
  add('trace_processor.0.0.b1', [1, D, 2 * H], constant(0));
  add('trace_processor.0.0.T', [1], constant(1));
  add('trace_processor.0.2.w1', [H, 2, D], uniform(1 / Math.sqrt(H + 2)));
  add('trace_processor.0.2.b1', [1, D, 2], constant(0));
  add('trace_processor.0.2.T', [1], constant(1));
  linear('output_projector.0', So, outDims(c));
  return specs;
}

/** Number of trainable scalars (buffers excluded), as PyTorch's sum(p.numel() for p in model.parameters()). */
export function ctmParamCount(c: CtmConfig): number {
  return ctmParamSpecs(c).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
}
