import { beforeAll, describe, expect, it } from 'vitest';
import { toRuntimeTensors } from '../io/host-tensors';
import { initRuntime } from '../runtime';
import { parityTask } from '../tasks';
import { ctmArch } from './ctm-arch';
import { Predictor } from './predict';

beforeAll(async () => {
  await initRuntime();
});

describe('Predictor (the one prediction path for evaluation and serving)', () => {
  const config = ctmArch.configSchema.parse({
    ...ctmArch.defaultConfig(parityTask, { ticks: 5 }),
    dModel: 16,
    dInput: 8,
    heads: 2,
    memoryLength: 3,
    nSynchOut: 16,
    nSynchAction: 16,
  });
  const inputs = [{ bits: '1011' }, { bits: '0110100111010001' }, { bits: '1' }];

  it('answers each row as it would alone, whatever the batch padding', () => {
    const params = toRuntimeTensors(ctmArch.init(config, 3));
    const batched = new Predictor(ctmArch, parityTask, config, params, 4);
    const single = new Predictor(ctmArch, parityTask, config, params, 1);
    const together = batched.predict(inputs, 1);
    inputs.forEach((input, i) => {
      const [alone] = single.predict([input], 1);
      expect(together[i]!.answer).toBe(alone!.answer);
      expect(together[i]!.ticksUsed).toBe(alone!.ticksUsed);
      together[i]!.certaintyPerTick.forEach((c, t) => expect(c).toBeCloseTo(alone!.certaintyPerTick[t]!, 5));
    });
    batched.dispose();
    single.dispose();
  });

  it('halts at the first tick whose certainty reaches the threshold, and stopping early is exact', () => {
    const params = toRuntimeTensors(ctmArch.init(config, 3));
    const predictor = new Predictor(ctmArch, parityTask, config, params, 4);
    const raw = predictor.run(inputs);
    expect(predictor.answers(raw, 0).map((p) => p.ticksUsed)).toEqual([1, 1, 1]);
    const full = predictor.answers(raw, 1);
    for (const p of full) expect(p.ticksUsed).toBe(p.certaintyPerTick.indexOf(Math.max(...p.certaintyPerTick)) + 1);
    // Stopped after 2 ticks: the answer of a 2-tick run, i.e. chosen among the first two ticks only.
    const stopped = predictor.answers(raw, 1, 2);
    const short = new Predictor(ctmArch, parityTask, config, params, 4, 2);
    const shortAnswers = short.answers(short.run(inputs), 1);
    stopped.forEach((p, i) => {
      expect(p.ticksUsed).toBeLessThanOrEqual(2);
      expect(p.answer).toBe(shortAnswers[i]!.answer);
      expect(p.ticksUsed).toBe(shortAnswers[i]!.ticksUsed);
    });
    expect(full.length).toBe(3);
    predictor.dispose();
    short.dispose();
  });
});
