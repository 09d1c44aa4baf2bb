import type { HostTensor } from '../io/safetensors';
import { Prng, free, fromInt32, jit, keepTree, toFloat32, toInt32, toScalar, valueAndGradWithAux, type ParamTree } from '../runtime';
import { ctmPairs, type CtmModel } from './checkpoint';
import { CtmConfigSchema, type CtmConfig } from './config';
import { ctmObjective } from './loss';

/**
 * Our own regression case (ml/ctm/fixtures/): a tiny CTM that also exercises what the golden cases do not — a
 * 3-token vocabulary, 3 classes per group and fewer groups than tokens — on a U-Net (24→20→16) with semi-dense pairs. Weights come from `initCtm(config, seed)`, so the fixture also pins our Prng and init.
 */
export const REGRESSION = {
  seed: 20250601,
  batch: 3,
  length: 5,
  config: CtmConfigSchema.parse({
    dModel: 24,
    dInput: 8,
    heads: 2,
    ticks: 5,
    memoryLength: 3,
    memoryHiddenDims: 2,
    synapseDepth: 3,
    nSynchOut: 4,
    nSynchAction: 3,
    neuronSelectType: 'random',
    vocab: 3,
    groups: 4,
    classes: 3,
  }),
  /** Gradients stored in the fixture (a few, to keep it small): scalars, vectors and one matrix. */
  gradients: [
    'start_activated_state',
    'decay_params_out',
    'backbone.embedding.weight',
    'q_proj.bias',
    'synapses.first_projection.0.bias',
    'synapses.skip_lns.1.weight',
    'trace_processor.0.0.T',
    'trace_processor.0.2.b1',
    'output_projector.0.weight',
  ],
} as const;

/** The fixture's inputs, drawn from their own seeded stream. */
export function regressionInputs(config: CtmConfig): { tokens: Int32Array; targets: Int32Array } {
  const prng = new Prng(REGRESSION.seed + 1);
  return {
    tokens: prng.ints(REGRESSION.batch * REGRESSION.length, config.vocab),
    targets: prng.ints(REGRESSION.batch * config.groups, config.classes),
  };
}

/** Runs the objective on the fixture inputs; returns everything the fixture stores (as host tensors). */
export function regressionOutputs(model: CtmModel, tokens: Int32Array, targets: Int32Array): Record<string, HostTensor> {
  const { batch: B, length: L } = REGRESSION;
  const { config } = model;
  // jit: compiling once is faster than jax-js's eager op-by-op dispatch for a full backward pass.
  const objective = jit(valueAndGradWithAux(ctmObjective(config)));
  const [[loss, aux], grads] = objective(
    keepTree(model.params),
    ctmPairs(model),
    fromInt32(tokens, [B, L]),
    fromInt32(targets, [B, config.groups]),
  );
  const out: Record<string, HostTensor> = {
    tokens: { dtype: 'I32', shape: [B, L], data: tokens },
    targets: { dtype: 'I32', shape: [B, config.groups], data: targets },
    predictions: { dtype: 'F32', shape: aux.outputs.predictions.shape, data: toFloat32(aux.outputs.predictions) },
    certainties: { dtype: 'F32', shape: aux.outputs.certainties.shape, data: toFloat32(aux.outputs.certainties) },
    synchronisation_out: { dtype: 'F32', shape: aux.outputs.synchronisationOut.shape, data: toFloat32(aux.outputs.synchronisationOut) },
    most_certain_tick: { dtype: 'I32', shape: [B], data: toInt32(aux.mostCertainTick) },
    loss: { dtype: 'F32', shape: [1], data: new Float32Array([toScalar(loss)]) },
  };
  const tree = grads as ParamTree;
  for (const name of REGRESSION.gradients) {
    const g = tree[name];
    if (!g) throw new Error(`regression: no gradient for ${name}`);
    out[`grad.${name}`] = { dtype: 'F32', shape: g.shape, data: toFloat32(g) };
    delete tree[name];
  }
  free(tree);
  objective.dispose();
  return out;
}
