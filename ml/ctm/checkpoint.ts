import type { HostTensor } from '../io/safetensors';
import { toHostTensors, toRuntimeTensors } from '../io/host-tensors';
import { Prng, keepTree, type ParamTree } from '../runtime';
import type { CtmConfig } from './config';
import { ctmParamSpecs } from './parameters';
import { NEURON_INDEX_NAMES, pairIndices, pairTensors, selectNeurons, type NeuronIndices, type PairTensors } from './synchronisation';

/** A CTM: its config, its trainable parameters (state_dict names) and its fixed neuron selection. */
export type CtmModel = { config: CtmConfig; params: ParamTree; neurons: NeuronIndices };

/**
 * A freshly initialised CTM (ctm.md §1.8) from a seed. The Prng stream order is: neuron selection, then every
 * parameter in state_dict order — changing it changes every seeded model and the regression fixtures.
 */
export function initCtm(config: CtmConfig, seed: number): CtmModel {
  const prng = new Prng(seed);
  const neurons = selectNeurons(config, prng);
  const host: Record<string, HostTensor> = {};
  for (const { name, shape, init } of ctmParamSpecs(config)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const data =
      init.kind === 'uniform'
        ? prng.uniform(size, -init.bound, init.bound)
        : init.kind === 'normal'
          ? prng.normal(size, 0, init.std)
          : new Float32Array(size).fill(init.value);
    host[name] = { dtype: 'F32', shape, data };
  }
  return { config, params: toRuntimeTensors(host), neurons };
}

/**
 * A CTM from a PyTorch-style state_dict (reference names and layouts, e.g. a golden weights file or our own
 * checkpoint): checks that every parameter is present with the expected shape, and reads the neuron-index buffers.
 */
export function ctmFromStateDict(config: CtmConfig, tensors: Record<string, HostTensor>, where = 'state_dict'): CtmModel {
  const host: Record<string, HostTensor> = {};
  for (const { name, shape } of ctmParamSpecs(config)) {
    const t = tensors[name];
    if (!t) throw new Error(`${where}: CTM parameter ${name} is missing`);
    if (t.dtype !== 'F32') throw new Error(`${where}: ${name} is ${t.dtype}, expected F32`);
    if (t.shape.join(',') !== shape.join(',')) throw new Error(`${where}: ${name} has shape [${t.shape}], expected [${shape}] for this config`);
    host[name] = t;
  }
  const indices: Partial<NeuronIndices> = {};
  for (const name of NEURON_INDEX_NAMES) {
    const t = tensors[name];
    if (!t || (t.dtype !== 'I64' && t.dtype !== 'I32')) throw new Error(`${where}: neuron-index buffer ${name} is missing or not an integer tensor`);
    indices[name] = t.data;
  }
  const neurons = indices as NeuronIndices;
  // Validates lengths and ranges now rather than at the first forward.
  pairIndices(config, neurons, 'out');
  pairIndices(config, neurons, 'action');
  return { config, params: toRuntimeTensors(host), neurons };
}

/** The model as a state_dict (parameters as F32, neuron indices as I64 like PyTorch's buffers). Does not consume. */
export function ctmToStateDict(model: CtmModel): Record<string, HostTensor> {
  const out: Record<string, HostTensor> = {};
  const params = toHostTensors(model.params);
  for (const { name } of ctmParamSpecs(model.config)) {
    out[name] = params[name] as HostTensor;
    // The reference registers the index buffers right after the decay parameters; keep its order.
    if (name === 'decay_params_out') {
      for (const index of NEURON_INDEX_NAMES) out[index] = { dtype: 'I64', shape: [model.neurons[index].length], data: model.neurons[index] };
    }
  }
  return out;
}

/** Pair index tensors for the forward pass (consumed by it: make them per call, or keepTree them). */
export function ctmPairs(model: CtmModel): PairTensors {
  return pairTensors(model.config, model.neurons);
}

/** Fresh references to the parameters, for passing to a consuming call while keeping the model usable. */
export function borrowParams(model: CtmModel): ParamTree {
  return keepTree(model.params);
}
