/**
 * The ML runtime: the ONLY module that imports the tensor library (@jax-js/jax). Models, training and serving import
 * from here. Surface documented in README.md.
 */
export { initRuntime } from './backend';
export {
  type Tensor,
  type ParamTree,
  type FloatDType,
  fromFloat32,
  fromFloat64,
  fromInt32,
  fromNumbers,
  zeros,
  full,
  castFloat,
  dtypeOf,
  toFloat32,
  toFloat64,
  toInt32,
  toScalar,
  keep,
  keepTree,
  free,
} from './tensor';
export * as ops from './ops';
export { grad, valueAndGrad, valueAndGradWithAux, jit, type Compiled } from './autodiff';
export { Prng } from './prng';
export { warmupCosineLr, type WarmupCosine } from './schedule';
export { countParams, mapParams, paramShapes } from './params';
