import { ops } from '../runtime';
import { LstmConfigSchema, type LstmConfig } from '../lstm/config';
import { initLstm, lstmForward } from '../lstm/model';
import type { Architecture } from './architecture';
import { crossEntropy } from '../nn/certainty';

/** The CTM paper's LSTM baseline: trained on its final tick (the certainty loss made it unstable upstream). */
export const lstmArch: Architecture<LstmConfig> = {
  name: 'lstm',
  configSchema: LstmConfigSchema,
  answerRule: 'last-tick',
  defaultConfig: (task, { ticks }) =>
    LstmConfigSchema.parse({
      vocab: task.vocab,
      seqLen: task.seqLen,
      groups: task.groups,
      classes: task.classes,
      dModel: 128,
      dInput: 32,
      heads: 4,
      ticks: ticks ?? (task.name === 'parity' ? 24 : 12),
    }),
  training: () => ({ steps: 4000, batchSize: 64, peakLr: 1e-3, minLr: 1e-4, warmupSteps: 200, maxGradNorm: 1 }),
  ticks: (config) => config.ticks,
  init: initLstm,
  isBuffer: () => false,
  forward: (params, tokens, config, ticks) => lstmForward(params, tokens, config, ticks),
  loss(params, tokens, targets, config) {
    const { logits, certainty } = lstmForward(params, tokens, config);
    certainty.dispose();
    const last = ops.squeeze(ops.sliceAxis(logits, 1, config.ticks - 1, config.ticks), 1); // [B, G, K]
    return [crossEntropy(last.ref, targets), last];
  },
};
