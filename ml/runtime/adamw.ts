import { jit, type Compiled } from './autodiff';
import { add, div, mul, sqrt, square, sub, sum, minimum } from './ops';
import { fromFloat32, keep, zeros, free, type ParamTree, type Tensor } from './tensor';
import { warmupCosineLr, type WarmupCosine } from './schedule';

/** AdamW settings (PyTorch semantics: decoupled weight decay p ← p·(1 − lr·wd), bias-corrected moments). */
export type AdamWOptions = {
  schedule: WarmupCosine;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Decoupled weight decay (default 0, as the upstream CTM runs). */
  weightDecay?: number;
  /** Which parameters get weight decay (default: all, as PyTorch's single param group). */
  decays?: (name: string) => boolean;
  /** Clip the global gradient L2 norm to this value before the update (default: no clipping). */
  maxGradNorm?: number;
};

type Moments = { m: ParamTree; v: ParamTree };

/**
 * AdamW over a parameter tree. `step(params, grads)` consumes both and returns the new parameters; the moment
 * estimates live inside the optimiser. The whole update is one compiled function (compiled on the first step).
 */
export class AdamW {
  readonly options: Required<Omit<AdamWOptions, 'maxGradNorm'>> & { maxGradNorm: number };
  #moments: Moments | undefined;
  #step = 0;
  #update: Compiled<(p: ParamTree, g: ParamTree, m: ParamTree, v: ParamTree, s: Tensor) => [ParamTree, ParamTree, ParamTree]> | undefined;

  constructor(options: AdamWOptions) {
    this.options = {
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
      weightDecay: 0,
      decays: () => true,
      ...options,
      maxGradNorm: options.maxGradNorm ?? Infinity,
    };
  }

  /** Optimiser steps taken so far. */
  get stepCount(): number {
    return this.#step;
  }

  /** Learning rate the next `step` will use. */
  get currentLr(): number {
    return warmupCosineLr(this.options.schedule, this.#step);
  }

  step(params: ParamTree, grads: ParamTree): ParamTree {
    const names = Object.keys(params);
    this.#moments ??= {
      m: Object.fromEntries(names.map((n) => [n, zeros(shapeOf(params, n))])),
      v: Object.fromEntries(names.map((n) => [n, zeros(shapeOf(params, n))])),
    };
    this.#update ??= jit(this.#buildUpdate(names));
    const { beta1, beta2 } = this.options;
    const t = this.#step + 1;
    const scalars = fromFloat32(new Float32Array([this.currentLr, 1 - beta1 ** t, 1 - beta2 ** t]), [3]);
    const [nextParams, m, v] = this.#update(params, grads, this.#moments.m, this.#moments.v, scalars);
    this.#moments = { m, v };
    this.#step = t;
    return nextParams;
  }

  /** Frees the moments and the compiled update. */
  dispose(): void {
    if (this.#moments) {
      free(this.#moments.m);
      free(this.#moments.v);
    }
    this.#update?.dispose();
    this.#moments = undefined;
    this.#update = undefined;
  }

  #buildUpdate(names: string[]) {
    const { beta1, beta2, eps, weightDecay, decays, maxGradNorm } = this.options;
    return (p: ParamTree, g: ParamTree, m: ParamTree, v: ParamTree, s: Tensor): [ParamTree, ParamTree, ParamTree] => {
      const [lr, bc1, bc2] = [0, 1, 2].map((i) => s.ref.slice(i));
      s.dispose();
      let scale: Tensor | undefined;
      if (Number.isFinite(maxGradNorm)) {
        const squares = names.map((n) => sum(square(keep(g[n] as Tensor))));
        const norm = sqrt(squares.reduce((a, b) => add(a, b)));
        scale = minimum(1, div(maxGradNorm, add(norm, 1e-6)));
      }
      const out: [ParamTree, ParamTree, ParamTree] = [{}, {}, {}];
      for (const n of names) {
        let gn = g[n] as Tensor;
        if (scale) gn = mul(gn, keep(scale));
        const mn = add(mul(m[n] as Tensor, beta1), mul(keep(gn), 1 - beta1));
        const vn = add(mul(v[n] as Tensor, beta2), mul(square(gn), 1 - beta2));
        let pn = p[n] as Tensor;
        if (weightDecay > 0 && decays(n)) pn = mul(pn, sub(1, mul(keep(lr as Tensor), weightDecay)));
        const mHat = div(keep(mn), keep(bc1 as Tensor));
        const vHat = div(keep(vn), keep(bc2 as Tensor));
        pn = sub(pn, div(mul(mHat, keep(lr as Tensor)), add(sqrt(vHat), eps)));
        out[0][n] = pn;
        out[1][n] = mn;
        out[2][n] = vn;
      }
      free([lr as Tensor, bc1 as Tensor, bc2 as Tensor]);
      if (scale) free(scale);
      return out;
    };
  }
}

function shapeOf(params: ParamTree, name: string): number[] {
  const t = params[name];
  if (!t) throw new Error(`AdamW: parameter ${name} missing`);
  return t.shape;
}
