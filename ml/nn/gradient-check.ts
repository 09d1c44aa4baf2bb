import { castFloat, fromFloat64, grad, jit, keep, Prng, toFloat64, toScalar, type ParamTree, type Tensor } from '../runtime';

/** One compared coordinate: analytic (autodiff) vs central-difference gradient. */
export interface GradientSample {
  name: string;
  index: number;
  analytic: number;
  numeric: number;
}

/**
 * Central differences (f(θ+h) − f(θ−h)) / 2h against the runtime's reverse-mode gradient, in float64, on
 * `perTensor` random coordinates of every parameter. `loss` reads the params without consuming them.
 */
export function checkGradients(
  params: ParamTree,
  loss: (params: ParamTree) => Tensor,
  options: { perTensor?: number; step?: number; seed?: number } = {},
): GradientSample[] {
  const perTensor = options.perTensor ?? 3;
  // jax-js computes exp/log at about float32 precision even on float64 tensors, so a tiny step drowns in rounding
  // noise (~1e-7/h); 1e-2 keeps that noise near 1e-5 while the O(h²) truncation error of central differences
  // stays far below the tolerance.
  const h = options.step ?? 1e-2;
  const prng = new Prng(options.seed ?? 1);
  const host: Record<string, { shape: number[]; data: Float64Array }> = {};
  for (const [name, t] of Object.entries(params)) host[name] = { shape: t.shape, data: toFloat64(castFloat(keep(t), 'float64')) };
  const build = (): ParamTree => Object.fromEntries(Object.entries(host).map(([n, t]) => [n, fromFloat64(t.data, t.shape)]));
  // Compiled once: hundreds of perturbed evaluations would take minutes op by op.
  const compiled = jit((p: ParamTree) => {
    const out = loss(p);
    for (const t of Object.values(p)) t.dispose();
    return out;
  });
  const evaluate = (): number => toScalar(compiled(build()));
  const gradients = grad((p: ParamTree) => {
    const out = loss(p);
    for (const t of Object.values(p)) t.dispose();
    return out;
  })(build());
  const samples: GradientSample[] = [];
  for (const [name, t] of Object.entries(host)) {
    const analyticAll = toFloat64(gradients[name]!);
    for (let k = 0; k < Math.min(perTensor, t.data.length); k++) {
      const index = prng.int(t.data.length);
      const original = t.data[index]!;
      t.data[index] = original + h;
      const up = evaluate();
      t.data[index] = original - h;
      const down = evaluate();
      t.data[index] = original;
      samples.push({ name, index, analytic: analyticAll[index]!, numeric: (up - down) / (2 * h) });
    }
  }
  compiled.dispose();
  return samples;
}

/** |a − n| ≤ atol + rtol·max(|a|, |n|) for every sample; returns the ones that fail. */
export function gradientMismatches(samples: GradientSample[], rtol = 1e-3, atol = 1e-5): GradientSample[] {
  return samples.filter((s) => Math.abs(s.analytic - s.numeric) > atol + rtol * Math.max(Math.abs(s.analytic), Math.abs(s.numeric)));
}
