import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng, free, fromInt32, initRuntime, keepTree, toFloat32, toInt32 } from '../runtime';
import {
  CtmConfigSchema,
  ctmForward,
  ctmPairs,
  ctmParamCount,
  initCtm,
  loadCtmFile,
  pairIndices,
  pairTensors,
  pairTensorsFromBuffers,
  saveCtmFile,
  selectNeurons,
  type CtmConfigInput,
  type CtmModel,
} from './index';

beforeAll(async () => {
  await initRuntime();
});

const parity = (input: Omit<CtmConfigInput, 'groups' | 'classes'>, length: number) =>
  CtmConfigSchema.parse({ ...input, groups: length, classes: 2 });

describe('parameter count', () => {
  // Counts verified by instantiating the reference model (ctm.md §3.1, §5.3, §9).
  it.each([
    ['paper parity-64, T=75 M=25', parity({ dModel: 1024, dInput: 512, heads: 8, ticks: 75, memoryLength: 25, memoryHiddenDims: 16, synapseDepth: 1, nSynchOut: 32, nSynchAction: 32, neuronSelectType: 'random' }, 64), 5_719_714],
    ['paper parity-64, T=100 M=50', parity({ dModel: 1024, dInput: 512, heads: 8, ticks: 100, memoryLength: 50, memoryHiddenDims: 16, synapseDepth: 1, nSynchOut: 32, nSynchAction: 32, neuronSelectType: 'random' }, 64), 6_564_514],
    ['tutorial parity-16 (U-Net depth 8)', parity({ dModel: 256, dInput: 32, heads: 8, ticks: 50, memoryLength: 25, memoryHiddenDims: 16, synapseDepth: 8, nSynchOut: 256, nSynchAction: 256, neuronSelectType: 'random-pairing' }, 16), 652_106],
    ['smoke parity-8', parity({ dModel: 64, dInput: 16, heads: 2, ticks: 12, memoryLength: 6, memoryHiddenDims: 4, synapseDepth: 1, nSynchOut: 64, nSynchAction: 64, neuronSelectType: 'random-pairing' }, 8), 18_850],
    ['smoke parity-16', parity({ dModel: 128, dInput: 32, heads: 4, ticks: 24, memoryLength: 10, memoryHiddenDims: 4, synapseDepth: 1, nSynchOut: 128, nSynchAction: 128, neuronSelectType: 'random-pairing' }, 16), 69_442],
  ])('%s', (_name, config, expected) => {
    expect(ctmParamCount(config)).toBe(expected);
  });
});

describe('neuron pair selection', () => {
  const base = { dModel: 10, dInput: 4, heads: 1, ticks: 2, memoryLength: 2, memoryHiddenDims: 2, synapseDepth: 1, nSynchOut: 3, nSynchAction: 2 };

  it('first-last: out = first J neurons, action = last J, dense upper-triangle pairs in row-major order', () => {
    const config = parity({ ...base, neuronSelectType: 'first-last' }, 2);
    const neurons = selectNeurons(config, new Prng(1));
    expect(Array.from(neurons.out_neuron_indices_left)).toEqual([0, 1, 2]);
    expect(Array.from(neurons.action_neuron_indices_right)).toEqual([8, 9]);
    const pairs = pairIndices(config, neurons, 'out');
    expect(Array.from(pairs.left)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(pairs.right)).toEqual([0, 1, 2, 1, 2, 2]);
  });

  it('random-pairing: the first n_self right indices copy the left ones', () => {
    const config = parity({ ...base, nSynchOut: 6, nSynchAction: 4, neuronSelectType: 'random-pairing', nRandomPairingSelf: 2 }, 2);
    const neurons = selectNeurons(config, new Prng(4));
    expect(Array.from(neurons.out_neuron_indices_right.subarray(0, 2))).toEqual(Array.from(neurons.out_neuron_indices_left.subarray(0, 2)));
    expect(pairIndices(config, neurons, 'out').left.length).toBe(6);
    for (const i of neurons.out_neuron_indices_left) expect(i).toBeLessThan(10);
  });

  it('rejects a first-last config without room for both neuron sets', () => {
    expect(() => parity({ ...base, nSynchOut: 6, nSynchAction: 6, neuronSelectType: 'first-last' }, 2)).toThrow(/first-last needs dModel/);
  });
});

describe('forward pass', () => {
  const config = parity({ dModel: 12, dInput: 8, heads: 2, ticks: 6, memoryLength: 3, memoryHiddenDims: 2, synapseDepth: 1, nSynchOut: 6, nSynchAction: 6, neuronSelectType: 'random-pairing' }, 4);
  let model: CtmModel;
  const B = 3;
  const tokens = new Prng(2).ints(B * 4, 2);
  beforeAll(() => {
    model = initCtm(config, 7);
  });
  afterAll(() => free(model.params));

  const run = (ticks?: number) => {
    const out = ctmForward(config, keepTree(model.params), ctmPairs(model), fromInt32(tokens, [B, 4]), { ticks });
    expect(out.predictions.shape).toEqual([B, 8, ticks ?? 6]);
    expect(out.certainties.shape).toEqual([B, 2, ticks ?? 6]);
    free(out.synchronisationOut);
    return { predictions: toFloat32(out.predictions), certainties: toFloat32(out.certainties) };
  };

  it('early exit is exact: stopping after 3 ticks gives the first 3 ticks of a 6-tick run', () => {
    const full = run();
    const short = run(3);
    for (let row = 0; row < B * 8; row++) {
      for (let t = 0; t < 3; t++) expect(short.predictions[row * 3 + t]).toBe(full.predictions[row * 6 + t]);
    }
  });

  it('certainty pairs sum to one and lie in [0, 1]', () => {
    const { certainties } = run();
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < 6; t++) {
        const entropy = certainties[(b * 2) * 6 + t] as number;
        const certainty = certainties[(b * 2 + 1) * 6 + t] as number;
        expect(entropy + certainty).toBeCloseTo(1, 6);
        expect(certainty).toBeGreaterThanOrEqual(0);
        expect(certainty).toBeLessThanOrEqual(1);
      }
    }
  });

  it('saves and loads a model losslessly (safetensors with config metadata)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-'));
    try {
      saveCtmFile(join(dir, 'model.safetensors'), model);
      const loaded = loadCtmFile(join(dir, 'model.safetensors'));
      expect(loaded.config).toEqual(config);
      expect(loaded.neurons).toEqual(model.neurons);
      const a = ctmForward(config, keepTree(model.params), ctmPairs(model), fromInt32(tokens, [B, 4]));
      const b = ctmForward(config, loaded.params, ctmPairs(loaded), fromInt32(tokens, [B, 4]));
      free([a.certainties, a.synchronisationOut, b.certainties, b.synchronisationOut]);
      expect(Array.from(toFloat32(b.predictions))).toEqual(Array.from(toFloat32(a.predictions)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pair tensors from buffer tensors (in-graph)', () => {
  it.each(['first-last', 'random', 'random-pairing'] as const)('%s: same pairs as the host expansion', (neuronSelectType) => {
    const config = parity({ dModel: 10, dInput: 4, heads: 1, ticks: 2, memoryLength: 2, memoryHiddenDims: 2, synapseDepth: 1, nSynchOut: 4, nSynchAction: 3, neuronSelectType }, 2);
    const neurons = selectNeurons(config, new Prng(3));
    const buffers = Object.fromEntries(Object.entries(neurons).map(([name, data]) => [name, fromInt32(data, [data.length])]));
    const inGraph = pairTensorsFromBuffers(config, buffers);
    const host = pairTensors(config, neurons);
    for (const key of ['actionLeft', 'actionRight', 'outLeft', 'outRight'] as const) {
      expect(Array.from(toInt32(inGraph[key]))).toEqual(Array.from(toInt32(host[key])));
    }
    free(Object.values(buffers));
  });
});
