import { beforeAll, describe, expect, it } from 'vitest';
import { toRuntimeTensors } from '../io/host-tensors';
import { fromInt32, initRuntime } from '../runtime';
import { checkGradients, gradientMismatches } from '../nn/gradient-check';
import { transformerArch } from '../models/transformer-arch';
import { TransformerConfigSchema } from './config';

beforeAll(() => initRuntime());

describe('Transformer gradients', () => {
  for (const causal of [false, true]) {
    it(`match central differences (${causal ? 'causal' : 'bidirectional'}, tiny config, float64)`, () => {
      const config = TransformerConfigSchema.parse({ vocab: 3, seqLen: 4, groups: 4, classes: 3, dModel: 8, heads: 2, layers: 2, ffnMult: 2, causal });
      const params = toRuntimeTensors(transformerArch.init(config, 3));
      const tokens = new Int32Array([0, 1, 2, 1, 2, 2, 0, 1]);
      const targets = new Int32Array([1, 0, 2, 2, 0, 1, 1, 2]);
      const samples = checkGradients(params, (p) => {
        const [loss, logits] = transformerArch.loss(p, fromInt32(tokens, [2, 4]), fromInt32(targets, [2, 4]), config);
        logits.dispose();
        return loss;
      });
      expect(samples.length).toBeGreaterThan(40);
      expect(samples.some((s) => Math.abs(s.analytic) > 1e-3)).toBe(true);
      expect(gradientMismatches(samples)).toEqual([]);
    }, 60_000);
  }
});

describe('Transformer masking', () => {
  it('causal: changing the last token leaves earlier positions unchanged; bidirectional: it does not', () => {
    const outputs = (causal: boolean, last: number) => {
      const config = TransformerConfigSchema.parse({ vocab: 3, seqLen: 4, groups: 4, classes: 2, dModel: 8, heads: 2, layers: 1, causal });
      const params = toRuntimeTensors(transformerArch.init(config, 9));
      const { logits, certainty } = transformerArch.forward(params, fromInt32(new Int32Array([1, 0, 2, last]), [1, 4]), config);
      certainty.dispose();
      return Array.from(logits.dataSync()).slice(0, 6); // positions 0..2, 2 classes each
    };
    expect(outputs(true, 0)).toEqual(outputs(true, 1));
    expect(outputs(false, 0)).not.toEqual(outputs(false, 1));
  }, 60_000);
});
