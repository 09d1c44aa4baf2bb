import { toRuntimeTensors } from '../io/host-tensors';
import { fromInt32, initRuntime, jit, keep, toFloat32, toScalar, valueAndGradWithAux, type ParamTree, type Tensor } from '../runtime';
import { createBatchGenerator, parityTask } from '../tasks';
import { ARCH_NAMES, type ArchName } from '../models/architecture';
import { architecture } from '../models/architectures';
import { ResumableAdamW } from './optimizer';

const WARM = 2;
const TIMED = 8;

/**
 * Training speed per architecture at its default parity configuration (batch 64): ms per full step (forward,
 * backward, AdamW), and — the baseline measured in the same run — ms per forward pass alone, as a ratio.
 * Prints `bench train.<arch>.*` lines.
 */
export async function benchTrain(print: (line: string) => void, archs: readonly ArchName[] = ARCH_NAMES): Promise<void> {
  await initRuntime();
  for (const name of archs) {
    const arch = architecture(name);
    const config = arch.defaultConfig(parityTask, {});
    const defaults = arch.training(parityTask);
    const all = toRuntimeTensors(arch.init(config, 1));
    let trainable: ParamTree = {};
    const buffers: ParamTree = {};
    for (const [n, t] of Object.entries(all)) (arch.isBuffer(n) ? buffers : trainable)[n] = t;
    const keepAll = (tree: ParamTree) => Object.fromEntries(Object.entries(tree).map(([n, t]) => [n, keep(t)]));
    const step = jit(
      valueAndGradWithAux((p: ParamTree, b: ParamTree, tokens: Tensor, targets: Tensor): [Tensor, Tensor] => {
        const out = arch.loss({ ...p, ...b }, tokens, targets, config);
        for (const t of [...Object.values(p), ...Object.values(b)]) t.dispose();
        return out;
      }),
    );
    const forward = jit((p: ParamTree, tokens: Tensor): [Tensor, Tensor] => {
      const out = arch.forward(p, tokens, config);
      for (const t of Object.values(p)) t.dispose();
      return [out.logits, out.certainty];
    });
    const optimizer = new ResumableAdamW({ schedule: { peakLr: 1e-3, warmupSteps: 10, totalSteps: 100 }, maxGradNorm: 1 }, Object.keys(trainable));
    const nextBatch = createBatchGenerator(parityTask, { seed: 1, batchSize: defaults.batchSize });
    const shape = (n: number) => [defaults.batchSize, n];
    let stepMs = 0;
    let forwardMs = 0;
    for (let i = 0; i < WARM + TIMED; i++) {
      const batch = nextBatch();
      let t0 = performance.now();
      const [[loss, logits], grads] = step(keepAll(trainable), keepAll(buffers), fromInt32(batch.tokens, shape(parityTask.seqLen)), fromInt32(batch.targets, shape(parityTask.groups)));
      toScalar(loss);
      toFloat32(logits);
      trainable = optimizer.step(trainable, grads);
      toFloat32(keep(Object.values(trainable)[0]!));
      if (i >= WARM) stepMs += performance.now() - t0;
      t0 = performance.now();
      const [l, c] = forward(keepAll({ ...trainable, ...buffers }), fromInt32(batch.tokens, shape(parityTask.seqLen)));
      toFloat32(l);
      toFloat32(c);
      if (i >= WARM) forwardMs += performance.now() - t0;
    }
    step.dispose();
    forward.dispose();
    optimizer.dispose();
    for (const t of [...Object.values(trainable), ...Object.values(buffers)]) t.dispose();
    print(`bench train.${name}.step_ms ${(stepMs / TIMED).toFixed(1)} ms`);
    print(`bench train.${name}.forward_ms ${(forwardMs / TIMED).toFixed(1)} ms`);
    print(`bench train.${name}.step_vs_forward ${(stepMs / forwardMs).toFixed(2)} x`);
  }
}
