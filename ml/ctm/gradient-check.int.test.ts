import { beforeAll, describe, expect, it } from 'vitest';
import {
  Prng,
  castFloat,
  free,
  fromFloat64,
  fromInt32,
  initRuntime,
  jit,
  keep,
  keepTree,
  mapParams,
  ops,
  toFloat64,
  toInt32,
  toScalar,
  valueAndGradWithAux,
  type ParamTree,
  type Tensor,
} from '../runtime';
import { ctmPairs, initCtm, type CtmModel } from './checkpoint';
import { CtmConfigSchema, type CtmConfigInput } from './config';
import { ctmLoss, ctmObjective, perTickLoss } from './loss';
import { ctmForward } from './model';
import type { PairTensors } from './synchronisation';

/**
 * Numerical gradient check on tiny CTMs (D=8, M=3, T=4) in float64: for every parameter tensor, the directional
 * derivative along a random direction by finite differences must match ⟨autodiff gradient, direction⟩.
 * jax-js evaluates exp/log at ~float32 accuracy even in float64, with tiny jumps where its piecewise approximations
 * switch: a five-point stencil with a largish ε keeps those jumps from dominating.
 */
const tiny: CtmConfigInput = {
  dModel: 8,
  dInput: 4,
  heads: 2,
  ticks: 4,
  memoryLength: 3,
  memoryHiddenDims: 2,
  synapseDepth: 1,
  nSynchOut: 4,
  nSynchAction: 4,
  neuronSelectType: 'random-pairing',
  nRandomPairingSelf: 1,
  groups: 4,
  classes: 2,
};
const variants: [string, CtmConfigInput][] = [
  ['GLU synapses, random pairing', tiny],
  ['U-Net synapses, dense (first-last) pairs', { ...tiny, synapseDepth: 3, dModel: 10, nSynchOut: 3, nSynchAction: 3, neuronSelectType: 'first-last' }],
];

beforeAll(async () => {
  await initRuntime();
});

describe.each(variants)('CTM gradient check: %s', (_label, input) => {
  it('autodiff matches central differences for every parameter tensor', () => {
    const config = CtmConfigSchema.parse(input);
    const model: CtmModel = initCtm(config, 3);
    const params = mapParams(model.params, (t) => castFloat(t, 'float64'));
    // Non-zero decays so that their gradient path (r = e^{−θ}) is exercised away from the clamp boundary.
    for (const name of ['decay_params_action', 'decay_params_out']) {
      const shape = (params[name] as Tensor).shape;
      free(params[name] as Tensor);
      params[name] = fromFloat64(Float64Array.from({ length: shape[0] as number }, (_, i) => 0.2 + 0.1 * i), shape);
    }
    const prng = new Prng(9);
    const B = 3;
    const L = 4;
    const tokens = prng.ints(B * L, 2);
    const targets = prng.ints(B * config.groups, 2);
    // The real objective and its autodiff gradient at the base point, and the ticks it selected there.
    const [[loss, aux], grads] = valueAndGradWithAux(ctmObjective(config))(
      keepTree(params),
      ctmPairs(model),
      fromInt32(tokens, [B, L]),
      fromInt32(targets, [B, config.groups]),
    );
    toScalar(loss);
    const selected = ctmLoss(aux.outputs.predictions, aux.outputs.certainties, fromInt32(targets, [B, config.groups]), config.groups, config.classes);
    const minLossTick = toInt32(selected.minLossTick);
    const mostCertainTick = toInt32(selected.mostCertainTick);
    free([selected.loss, aux.outputs.synchronisationOut, aux.mostCertainTick]);

    // The same loss with those ticks held fixed: smooth, so finite differences never jump across a tick flip
    // (near-tied certainties of an untrained model flip easily), and equal to the objective near the base point.
    const pinnedLoss = jit((p: ParamTree, pairs: PairTensors, tok: Tensor, tgt: Tensor, t1: Tensor, t2: Tensor) => {
      const out = ctmForward(config, p, pairs, tok);
      free([out.certainties, out.synchronisationOut]);
      const losses = perTickLoss(out.predictions, tgt, config.groups, config.classes); // [B, T]
      const at = (ticks: Tensor) => ops.mean(ops.sum(ops.mul(keep(losses), ops.oneHot(ticks, config.ticks)), 1));
      const total = ops.mul(ops.add(at(t1), at(t2)), 0.5);
      losses.dispose();
      return total;
    });
    const lossAt = (p: ParamTree) =>
      toScalar(
        pinnedLoss(p, ctmPairs(model), fromInt32(tokens, [B, L]), fromInt32(targets, [B, config.groups]), fromInt32(minLossTick, [B]), fromInt32(mostCertainTick, [B])),
      );

    // ε = 1e-2 measured best here: smaller steps amplify the approximation jumps, larger ones the O(ε⁴) truncation.
    // The resulting noise floor is a few 1e-6 absolute, hence the tolerance below; a wrong gradient term shows up
    // at the scale of the gradient itself.
    const eps = 1e-2;
    const tolerance = (analytic: number) => 5e-3 * Math.abs(analytic) + 5e-6;
    let worst = { name: '', error: 0, analytic: 0, ratio: 0 };
    for (const [name, g] of Object.entries(grads as ParamTree)) {
      const base = toFloat64(keep(params[name] as Tensor));
      const shape = (params[name] as Tensor).shape;
      const direction = Float64Array.from(prng.normal(base.length));
      const analytic = toFloat64(g).reduce((acc, gi, i) => acc + gi * (direction[i] as number), 0);
      const shifted = (sign: number) => {
        const p = { ...keepTree(params), [name]: fromFloat64(base.map((x, i) => x + sign * eps * (direction[i] as number)), shape) };
        (params[name] as Tensor).dispose(); // the kept reference replaced above
        return lossAt(p);
      };
      // Five-point stencil: truncation O(ε⁴), so ε can be large enough to drown the tiny jumps of jax-js's
      // piecewise exp/log approximations (~1e-7 relative) that a small ε would amplify.
      const numeric = (8 * (shifted(1) - shifted(-1)) - (shifted(2) - shifted(-2))) / (12 * eps);
      const error = Math.abs(numeric - analytic);
      if (error / tolerance(analytic) > worst.ratio) worst = { name, error, analytic, ratio: error / tolerance(analytic) };
      expect(error, `${name}: numeric ${numeric} vs autodiff ${analytic}`).toBeLessThan(tolerance(analytic));
    }
    console.log(
      `[ctm gradcheck] ${_label}: worst |numeric − autodiff| = ${worst.error.toExponential(2)} on ${worst.name} ` +
        `(gradient ${worst.analytic.toExponential(2)}; ${(100 * worst.ratio).toFixed(0)}% of the tolerance)`,
    );
    pinnedLoss.dispose();
    free(params);
  }, 120_000);
});
