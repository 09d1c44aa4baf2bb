import { keep, type ParamTree, type Tensor } from '../runtime';

/**
 * Borrowing parameters by their state_dict name inside a forward pass: every `get` returns a fresh reference
 * (so a weight can be used once per tick), and the caller frees the tree once at the end.
 */
export type ParamReader = (name: string) => Tensor;

export function paramReader(params: ParamTree): ParamReader {
  return (name) => {
    const t = params[name];
    if (t === undefined) throw new Error(`CTM parameter ${name} is missing`);
    return keep(t);
  };
}
