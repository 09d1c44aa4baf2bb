import { beforeAll, describe, expect, it } from 'vitest';
import { toRuntimeTensors } from '../io/host-tensors';
import { fromInt32, initRuntime, ops } from '../runtime';
import { checkGradients, gradientMismatches } from '../nn/gradient-check';
import { lstmArch } from '../models/lstm-arch';
import { LstmConfigSchema } from './config';
import { lstmForward } from './model';

beforeAll(() => initRuntime());

const config = LstmConfigSchema.parse({ vocab: 3, seqLen: 4, groups: 2, classes: 3, dModel: 6, dInput: 4, heads: 2, ticks: 3 });
const tokens = new Int32Array([0, 1, 2, 1, 2, 2, 0, 1]);
const targets = new Int32Array([1, 0, 2, 2]);

describe('LSTM baseline', () => {
  it('gradients of the final-tick loss match central differences (tiny config, float64)', () => {
    const params = toRuntimeTensors(lstmArch.init(config, 5));
    const samples = checkGradients(params, (p) => {
      const [loss, logits] = lstmArch.loss(p, fromInt32(tokens, [2, 4]), fromInt32(targets, [2, 2]), config);
      logits.dispose();
      return loss;
    });
    expect(samples.some((s) => s.name === 'start_cell_state' && Math.abs(s.analytic) > 1e-4)).toBe(true);
    expect(gradientMismatches(samples)).toEqual([]);
  }, 60_000);

  it('gradients through every tick (mean of all ticks) match too', () => {
    const params = toRuntimeTensors(lstmArch.init(config, 6));
    const samples = checkGradients(params, (p) => {
      const { logits, certainty } = lstmForward(p, fromInt32(tokens, [2, 4]), config);
      return ops.add(ops.mean(ops.square(logits)), ops.mean(certainty));
    });
    expect(gradientMismatches(samples)).toEqual([]);
  }, 60_000);

  it('running fewer ticks gives exactly the first ticks of a full run', () => {
    const params = toRuntimeTensors(lstmArch.init(config, 7));
    const full = lstmForward(params, fromInt32(tokens, [2, 4]), config);
    const short = lstmForward(params, fromInt32(tokens, [2, 4]), config, 2);
    const fullFirst = ops.sliceAxis(full.logits, 1, 0, 2).dataSync();
    expect(Array.from(short.logits.dataSync())).toEqual(Array.from(fullFirst));
    full.certainty.dispose();
    short.certainty.dispose();
  }, 60_000);
});
