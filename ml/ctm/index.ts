/**
 * Continuous Thought Machine (Sakana AI, arXiv 2505.05522), re-implemented from ctm.md and checked against the
 * reference PyTorch numbers. Public surface; see README.md for usage.
 */
export { CtmConfigSchema, configFromReferenceArgs, renameLegacyTicks, outDims, synchSize, unetWidths, NEURON_SELECT_TYPES } from './config';
export type { CtmConfig, CtmConfigInput, NeuronSelectType } from './config';
export { ctmParamSpecs, ctmParamCount, type ParamSpec } from './parameters';
export { initCtm, ctmFromStateDict, ctmToStateDict, ctmPairs, borrowParams, type CtmModel } from './checkpoint';
export { ctmForward, DECAY_CLAMP, type CtmOutputs, type ForwardOptions } from './model';
export { ctmLoss, ctmObjective, perTickLoss, type CtmLossOutput, type CtmStepAux } from './loss';
export { certaintyOf } from './certainty';
export { featurise, halfCircle } from './featuriser';
export { paramReader, type ParamReader } from './params';
export { selectNeurons, pairIndices, pairTensors, pairTensorsFromBuffers, NEURON_INDEX_NAMES, type NeuronIndices, type PairTensors } from './synchronisation';
export { loadCtmFile, saveCtmFile } from './files';
