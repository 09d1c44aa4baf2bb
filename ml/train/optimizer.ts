import { fromFloat32, jit, keep, ops, warmupCosineLr, zeros, type ParamTree, type Tensor, type WarmupCosine } from '../runtime';

export interface OptimizerOptions {
  schedule: WarmupCosine;
  maxGradNorm?: number;
}

/** Optimiser state as saved in a training checkpoint: first/second moments and the step count. */
export interface OptimizerState {
  step: number;
  m: ParamTree;
  v: ParamTree;
}

/**
 * AdamW (β 0.9/0.999, eps 1e-8, weight decay 0 as upstream) with global-norm clipping, whose moments can be saved
 * and restored. Why not the runtime's AdamW: its moments and step are private, so a run could not resume from a
 * checkpoint with its optimiser state; the maths is the same (bias-corrected moments, one compiled update).
 */
export class ResumableAdamW {
  #state: OptimizerState | undefined;
  #update: ((p: ParamTree, g: ParamTree, m: ParamTree, v: ParamTree, s: Tensor) => [ParamTree, ParamTree, ParamTree]) & {
    dispose(): void;
  };

  constructor(
    readonly options: OptimizerOptions,
    names: string[],
  ) {
    this.#update = jit(buildUpdate(names, options.maxGradNorm ?? Infinity));
  }

  get stepCount(): number {
    return this.#state?.step ?? 0;
  }

  get currentLr(): number {
    return warmupCosineLr(this.options.schedule, this.stepCount);
  }

  /** Consumes params and grads; returns the updated params. */
  step(params: ParamTree, grads: ParamTree): ParamTree {
    this.#state ??= { step: 0, m: zerosLike(params), v: zerosLike(params) };
    const t = this.#state.step + 1;
    const scalars = fromFloat32(new Float32Array([this.currentLr, 1 - 0.9 ** t, 1 - 0.999 ** t]), [3]);
    const [next, m, v] = this.#update(params, grads, this.#state.m, this.#state.v, scalars);
    this.#state = { step: t, m, v };
    return next;
  }

  /** The current state (not consumed: the optimiser keeps using it). Null before the first step. */
  state(): OptimizerState | null {
    return this.#state ?? null;
  }

  /** Takes ownership of a saved state (from a checkpoint). */
  load(state: OptimizerState): void {
    this.#state = state;
  }

  dispose(): void {
    this.#update.dispose();
    if (this.#state) for (const t of [...Object.values(this.#state.m), ...Object.values(this.#state.v)]) t.dispose();
  }
}

function zerosLike(params: ParamTree): ParamTree {
  return Object.fromEntries(Object.entries(params).map(([n, t]) => [n, zeros(t.shape)]));
}

function buildUpdate(names: string[], maxGradNorm: number) {
  return (p: ParamTree, g: ParamTree, m: ParamTree, v: ParamTree, s: Tensor): [ParamTree, ParamTree, ParamTree] => {
    const [lr, bc1, bc2] = [0, 1, 2].map((i) => keep(s).slice(i)) as [Tensor, Tensor, Tensor];
    s.dispose();
    let scale: Tensor | undefined;
    if (Number.isFinite(maxGradNorm)) {
      const norm = ops.sqrt(names.map((n) => ops.sum(ops.square(keep(g[n]!)))).reduce((a, b) => ops.add(a, b)));
      scale = ops.minimum(1, ops.div(maxGradNorm, ops.add(norm, 1e-6)));
    }
    const out: [ParamTree, ParamTree, ParamTree] = [{}, {}, {}];
    for (const n of names) {
      const gn = scale ? ops.mul(g[n]!, keep(scale)) : g[n]!;
      const mn = ops.add(ops.mul(m[n]!, 0.9), ops.mul(keep(gn), 0.1));
      const vn = ops.add(ops.mul(v[n]!, 0.999), ops.mul(ops.square(gn), 0.001));
      const mHat = ops.div(keep(mn), keep(bc1));
      const vHat = ops.div(keep(vn), keep(bc2));
      out[0][n] = ops.sub(p[n]!, ops.div(ops.mul(mHat, keep(lr)), ops.add(ops.sqrt(vHat), 1e-8)));
      out[1][n] = mn;
      out[2][n] = vn;
    }
    for (const t of [lr, bc1, bc2]) t.dispose();
    scale?.dispose();
    return out;
  };
}
