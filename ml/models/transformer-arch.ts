import { ops } from '../runtime';
import { TransformerConfigSchema, type TransformerConfig } from '../transformer/config';
import { initTransformer, transformerForward } from '../transformer/model';
import type { Architecture } from './architecture';
import { certaintyOf, crossEntropy } from '../nn/certainty';

/** The Transformer baseline: one "tick" (a single forward pass). */
export const transformerArch: Architecture<TransformerConfig> = {
  name: 'transformer',
  configSchema: TransformerConfigSchema,
  answerRule: 'last-tick',
  defaultConfig: (task) =>
    TransformerConfigSchema.parse({
      vocab: task.vocab,
      seqLen: task.seqLen,
      groups: task.groups,
      classes: task.classes,
      dModel: 64,
      heads: 4,
      layers: 2,
    }),
  training: () => ({ steps: 4000, batchSize: 64, peakLr: 1e-3, minLr: 1e-5, warmupSteps: 200, maxGradNorm: 1 }),
  ticks: () => 1,
  init: initTransformer,
  isBuffer: () => false,
  forward(params, tokens, config) {
    const logits = ops.expandDims(transformerForward(params, tokens, config), 1); // [B, 1, G, K]
    return { logits: logits.ref, certainty: certaintyOf(logits) };
  },
  loss(params, tokens, targets, config) {
    const logits = transformerForward(params, tokens, config);
    return [crossEntropy(logits.ref, targets), logits];
  },
};
