import { free, fromInt32, full, keep, ops, type Prng, type Tensor } from '../runtime';
import type { CtmConfig } from './config';
import { synchSize } from './config';

/**
 * Neuron-pair selection and the synchronisation recursion (ctm.md §1.7).
 *
 * The selected neurons are fixed at construction and stored like the reference's int64 buffers
 * `{action,out}_neuron_indices_{left,right}` (J entries each; for random pairing, S = J entries).
 */
export type NeuronIndices = {
  action_neuron_indices_left: Int32Array;
  action_neuron_indices_right: Int32Array;
  out_neuron_indices_left: Int32Array;
  out_neuron_indices_right: Int32Array;
};
export const NEURON_INDEX_NAMES = [
  'action_neuron_indices_left',
  'action_neuron_indices_right',
  'out_neuron_indices_left',
  'out_neuron_indices_right',
] as const;

/** Draws the neuron indices as the reference does: with replacement; out and action independently. */
export function selectNeurons(c: CtmConfig, prng: Prng): NeuronIndices {
  const D = c.dModel;
  const pick = (kind: 'out' | 'action'): [Int32Array, Int32Array] => {
    const J = kind === 'out' ? c.nSynchOut : c.nSynchAction;
    switch (c.neuronSelectType) {
      case 'first-last': {
        // Dense: out = the first J neurons, action = the last J.
        const start = kind === 'out' ? 0 : D - J;
        const range = Int32Array.from({ length: J }, (_, i) => start + i);
        return [range, range.slice()];
      }
      case 'random':
        return [prng.ints(J, D), prng.ints(J, D)];
      case 'random-pairing': {
        const left = prng.ints(J, D);
        const right = new Int32Array(J);
        const self = c.nRandomPairingSelf;
        right.set(left.subarray(0, self));
        right.set(prng.ints(J - self, D), self);
        return [left, right];
      }
    }
  };
  const [outLeft, outRight] = pick('out');
  const [actionLeft, actionRight] = pick('action');
  return {
    action_neuron_indices_left: actionLeft,
    action_neuron_indices_right: actionRight,
    out_neuron_indices_left: outLeft,
    out_neuron_indices_right: outRight,
  };
}

/**
 * One neuron index per synchronisation entry, for both sides: entry s is z[left[s]]·z[right[s]].
 * Dense/semi-dense entries are the row-major upper triangle incl. the diagonal of left ⊗ right:
 * (0,0), (0,1) … (0,J−1), (1,1) … — the order trained reference weights expect.
 */
export function pairIndices(c: CtmConfig, indices: NeuronIndices, kind: 'out' | 'action'): { left: Int32Array; right: Int32Array } {
  const left = kind === 'out' ? indices.out_neuron_indices_left : indices.action_neuron_indices_left;
  const right = kind === 'out' ? indices.out_neuron_indices_right : indices.action_neuron_indices_right;
  const J = kind === 'out' ? c.nSynchOut : c.nSynchAction;
  if (left.length !== J || right.length !== J) throw new Error(`${kind} neuron indices: expected ${J} each, got ${left.length}/${right.length}`);
  for (const i of [...left, ...right]) if (i < 0 || i >= c.dModel) throw new Error(`${kind} neuron index ${i} outside [0, ${c.dModel})`);
  if (c.neuronSelectType === 'random-pairing') return { left: left.slice(), right: right.slice() };
  const S = synchSize(c, kind);
  const pairLeft = new Int32Array(S);
  const pairRight = new Int32Array(S);
  let s = 0;
  for (let i = 0; i < J; i++) {
    for (let j = i; j < J; j++) {
      pairLeft[s] = left[i] as number;
      pairRight[s] = right[j] as number;
      s++;
    }
  }
  return { left: pairLeft, right: pairRight };
}

/** The pair index tensors the forward pass gathers with (int32 [S_a] / [S_o]). */
export type PairTensors = { actionLeft: Tensor; actionRight: Tensor; outLeft: Tensor; outRight: Tensor };

export function pairTensors(c: CtmConfig, indices: NeuronIndices): PairTensors {
  const action = pairIndices(c, indices, 'action');
  const out = pairIndices(c, indices, 'out');
  return {
    actionLeft: fromInt32(action.left, [action.left.length]),
    actionRight: fromInt32(action.right, [action.right.length]),
    outLeft: fromInt32(out.left, [out.left.length]),
    outRight: fromInt32(out.right, [out.right.length]),
  };
}

/** Running synchronisation accumulators: α [B, S] (batch-dependent), β [S] (depends only on decays and t). */
export type SynchState = { alpha: Tensor; beta: Tensor };

/** z [B, D] → pairwise products [B, S]. Consumes z (borrow the index tensors with keep()). */
export function pairProducts(z: Tensor, left: Tensor, right: Tensor): Tensor {
  return ops.mul(ops.take(keep(z), left, 1), ops.take(z, right, 1));
}

/**
 * One synchronisation update: α ← r⊙α + p, β ← r⊙β + 1 (or α = p, β = 1 when `state` is undefined), and
 * S = α ⊘ √β. Returns [S [B, S], new state]. Consumes `products`, `state` and `decay` (r [S]).
 */
export function synchronise(products: Tensor, state: SynchState | undefined, decay: Tensor): [Tensor, SynchState] {
  let alpha: Tensor;
  let beta: Tensor;
  if (state === undefined) {
    alpha = products;
    beta = full(decay.shape, 1);
    free(decay);
  } else {
    alpha = ops.add(ops.mul(keep(decay), state.alpha), products);
    beta = ops.add(ops.mul(decay, state.beta), 1);
  }
  const synch = ops.div(keep(alpha), ops.sqrt(keep(beta)));
  return [synch, { alpha, beta }];
}

/**
 * In-graph `pairTensors` for index buffers held as int32 tensors (e.g. inside a jit-traced parameter tree that
 * carries the buffers by their state_dict names). Reads the buffers (keeps them); works for every selection type:
 * dense/semi-dense pairs are gathered through fixed upper-triangle positions, which depend only on the config.
 */
export function pairTensorsFromBuffers(c: CtmConfig, buffers: Record<string, Tensor>): PairTensors {
  const read = (name: (typeof NEURON_INDEX_NAMES)[number]): Tensor => {
    const t = buffers[name];
    if (t === undefined) throw new Error(`CTM neuron-index buffer ${name} is missing`);
    return keep(t);
  };
  const side = (kind: 'out' | 'action'): [Tensor, Tensor] => {
    const left = read(`${kind}_neuron_indices_left`);
    const right = read(`${kind}_neuron_indices_right`);
    if (c.neuronSelectType === 'random-pairing') return [left, right];
    const J = kind === 'out' ? c.nSynchOut : c.nSynchAction;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let i = 0; i < J; i++) {
      for (let j = i; j < J; j++) {
        rows.push(i);
        cols.push(j);
      }
    }
    return [ops.take(left, fromInt32(Int32Array.from(rows), [rows.length]), 0), ops.take(right, fromInt32(Int32Array.from(cols), [cols.length]), 0)];
  };
  const [outLeft, outRight] = side('out');
  const [actionLeft, actionRight] = side('action');
  return { actionLeft, actionRight, outLeft, outRight };
}
