import { grad as jaxGrad, jit as jaxJit, valueAndGrad as jaxValueAndGrad } from '@jax-js/jax';
import type { ParamTree, Tensor } from './tensor';

/**
 * Reverse-mode gradients and compilation. Functions must follow the ownership rule (tensor.ts): consume each
 * argument exactly once (`keep()` for extra uses), and be pure JavaScript over tensors (no reads of tensor
 * values inside, no data-dependent JS branching) so that `jit` can trace them.
 */

/** Gradient of a scalar loss with respect to its first argument (a parameter tree). */
export function grad<Rest extends unknown[]>(
  loss: (params: ParamTree, ...rest: Rest) => Tensor,
): (params: ParamTree, ...rest: Rest) => ParamTree {
  return jaxGrad(loss as never) as never;
}

/** [loss value, gradient w.r.t. the first argument]. */
export function valueAndGrad<Rest extends unknown[]>(
  loss: (params: ParamTree, ...rest: Rest) => Tensor,
): (params: ParamTree, ...rest: Rest) => [Tensor, ParamTree] {
  return jaxValueAndGrad(loss as never) as never;
}

/**
 * [[loss, aux], gradient]: like `valueAndGrad` for a function returning `[loss, aux]` where aux is a tree of
 * tensors that receive no gradient (predictions, certainties…).
 */
export function valueAndGradWithAux<Aux, Rest extends unknown[]>(
  loss: (params: ParamTree, ...rest: Rest) => [Tensor, Aux],
): (params: ParamTree, ...rest: Rest) => [[Tensor, Aux], ParamTree] {
  return jaxValueAndGrad(loss as never, { hasAux: true }) as never;
}

/** A compiled function: call `.dispose()` when no longer needed. */
export type Compiled<F> = F & { dispose(): void };

/**
 * Traces `fn` on its first call for each set of argument shapes and replays fused kernels afterwards.
 * Compilation takes seconds (grows with the number of ticks): warm up once per input shape, then reuse.
 * `staticArgnums` marks plain-JS arguments (numbers, strings) that become compile-time constants.
 */
export function jit<F extends (...args: never[]) => unknown>(fn: F, opts: { staticArgnums?: number[] } = {}): Compiled<F> {
  return jaxJit(fn as never, opts) as unknown as Compiled<F>;
}
