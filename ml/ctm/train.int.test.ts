import { beforeAll, describe, expect, it } from 'vitest';
import { AdamW, Prng, initRuntime } from '../runtime';
import { CtmConfigSchema, CtmTrainer, initCtm } from './index';

beforeAll(async () => {
  await initRuntime();
});

describe('CtmTrainer', () => {
  it('learns 4-bit cumulative parity: loss falls and accuracy rises within 80 steps', () => {
    const L = 4;
    const B = 32;
    const config = CtmConfigSchema.parse({
      dModel: 32,
      dInput: 16,
      heads: 2,
      iterations: 6,
      memoryLength: 4,
      memoryHiddenDims: 4,
      synapseDepth: 1,
      nSynchOut: 32,
      nSynchAction: 32,
      neuronSelectType: 'random-pairing',
      groups: L,
      classes: 2,
    });
    const trainer = new CtmTrainer(initCtm(config, 1), new AdamW({ schedule: { peakLr: 3e-3, warmupSteps: 5, totalSteps: 80 } }));
    const prng = new Prng(3);
    const losses: number[] = [];
    const accuracies: number[] = [];
    for (let step = 0; step < 80; step++) {
      const tokens = prng.ints(B * L, 2);
      const targets = new Int32Array(B * L);
      for (let b = 0; b < B; b++) {
        let parity = 0;
        for (let i = 0; i < L; i++) targets[b * L + i] = parity ^= tokens[b * L + i] as number;
      }
      const { loss, answerLogits } = trainer.step(tokens, targets, B);
      let correct = 0;
      for (let i = 0; i < B * L; i++) correct += Number(((answerLogits[2 * i + 1] as number) > (answerLogits[2 * i] as number)) === (targets[i] === 1));
      losses.push(loss);
      accuracies.push(correct / (B * L));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)) - 0.04);
    expect(mean(accuracies.slice(-10))).toBeGreaterThan(0.6);
    expect(trainer.optimiser.stepCount).toBe(80);
    trainer.optimiser.dispose();
  }, 120_000);
});
