import type { ParamTree, Tensor } from './tensor';

/** Total number of scalars in a parameter tree (does not consume it). */
export function countParams(params: ParamTree): number {
  return Object.values(params).reduce((n, t) => n + t.size, 0);
}

/** name → shape, for logging and checkpoint headers (does not consume). */
export function paramShapes(params: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(params).map(([name, t]) => [name, t.shape]));
}

/** Applies `fn` to every tensor (consuming the tree unless `fn` keeps). */
export function mapParams(params: ParamTree, fn: (t: Tensor, name: string) => Tensor): ParamTree {
  return Object.fromEntries(Object.entries(params).map(([name, t]) => [name, fn(t, name)]));
}
