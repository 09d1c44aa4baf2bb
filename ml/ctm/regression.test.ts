import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSafetensorsFile } from '../io/safetensors';
import { free, initRuntime, toFloat32 } from '../runtime';
import { initCtm } from './checkpoint';
import { discrepancy, scaledError } from './compare';
import { loadCtmFile } from './files';
import { REGRESSION, regressionOutputs } from './regression';

/**
 * Regression fixtures of our own (ml/ctm/fixtures/, regenerate with `npx tsx ml/ctm/fixtures/generate.ts`): they
 * were produced by this implementation once it matched the reference golden cases, and travel with every clone.
 */
const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));

beforeAll(async () => {
  await initRuntime();
});

describe('CTM regression fixture', () => {
  it('initCtm(config, seed) reproduces the stored weights bit for bit (Prng stream and init order unchanged)', () => {
    const stored = loadCtmFile(`${dir}regression.weights.safetensors`);
    expect(stored.config).toEqual(REGRESSION.config);
    const fresh = initCtm(REGRESSION.config, REGRESSION.seed);
    expect(fresh.neurons).toEqual(stored.neurons);
    for (const [name, t] of Object.entries(stored.params)) {
      expect(Array.from(toFloat32(t)), name).toEqual(Array.from(toFloat32(fresh.params[name] as never)));
    }
  });

  it('outputs, loss and gradients match the stored ones', { timeout: 60_000 }, () => {
    const model = loadCtmFile(`${dir}regression.weights.safetensors`);
    const expected = readSafetensorsFile(`${dir}regression.expected.safetensors`).tensors;
    const get = (key: string) => {
      const t = expected[key];
      if (!t) throw new Error(`regression fixture: ${key} missing`);
      return t.data;
    };
    const actual = regressionOutputs(model, Int32Array.from(get('tokens')), Int32Array.from(get('targets')));
    free(model.params);
    for (const key of ['predictions', 'certainties', 'synchronisation_out']) {
      expect(discrepancy(actual[key]?.data ?? [], get(key)).maxAbs, key).toBeLessThan(1e-6);
    }
    expect(Array.from(actual.most_certain_tick?.data ?? [])).toEqual(Array.from(get('most_certain_tick')));
    expect(actual.loss?.data[0]).toBeCloseTo(get('loss')[0] as number, 6);
    for (const name of REGRESSION.gradients) {
      expect(scaledError(discrepancy(actual[`grad.${name}`]?.data ?? [], get(`grad.${name}`))), name).toBeLessThan(1e-5);
    }
  });
});
