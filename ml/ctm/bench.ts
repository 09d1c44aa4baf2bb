/**
 * One-off timing of the CTM on this machine (numbers go into ml/ctm/README.md):
 *   npx tsx ml/ctm/bench.ts [--quick]
 * For each configuration and batch size: jit compile time (first call), then the median of several calls of the
 * compiled forward (with read-back). The full training step is timed through the real training path by
 * `sawtooth bench train` (ml/train/bench.ts).
 */
import { Prng, free, fromInt32, initRuntime, jit, keepTree, toFloat32, type ParamTree, type Tensor } from '../runtime';
import { ctmPairs, initCtm } from './checkpoint';
import { CtmConfigSchema, type CtmConfig, type CtmConfigInput } from './config';
import { ctmForward } from './model';
import { ctmParamCount } from './parameters';
import type { PairTensors } from './synchronisation';

const quick = process.argv.includes('--quick');
const repeats = quick ? 3 : 8;

const parity = (input: Omit<CtmConfigInput, 'groups' | 'classes'>, length: number): [CtmConfig, number] => [
  CtmConfigSchema.parse({ ...input, groups: length, classes: 2 }),
  length,
];
const cases: [string, [CtmConfig, number], number[]][] = [
  ['golden parity8-glu-randompairing (D32 T6)', parity({ dModel: 32, dInput: 16, heads: 2, ticks: 6, memoryLength: 5, memoryHiddenDims: 4, synapseDepth: 1, nSynchOut: 16, nSynchAction: 8, neuronSelectType: 'random-pairing', nRandomPairingSelf: 2 }, 8), [4, 32]],
  ['golden parity8-unet-firstlast (D32 T5)', parity({ dModel: 32, dInput: 16, heads: 4, ticks: 5, memoryLength: 4, memoryHiddenDims: 3, synapseDepth: 3, nSynchOut: 6, nSynchAction: 6, neuronSelectType: 'first-last' }, 8), [4, 32]],
  ['golden parity16-glu-random (D48 T10)', parity({ dModel: 48, dInput: 16, heads: 2, ticks: 10, memoryLength: 6, memoryHiddenDims: 4, synapseDepth: 1, nSynchOut: 8, nSynchAction: 8, neuronSelectType: 'random' }, 16), [4, 32]],
  ['parity-8 D64 d16 T12 M6 (ctm.md §5.3)', parity({ dModel: 64, dInput: 16, heads: 2, ticks: 12, memoryLength: 6, memoryHiddenDims: 4, synapseDepth: 1, nSynchOut: 64, nSynchAction: 64, neuronSelectType: 'random-pairing' }, 8), [1, 8, 32, 64]],
];

type Timing = { wall: number; cpu: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** Wall-clock and process CPU time: on a shared, loaded machine CPU time is the stabler number. */
const time = (fn: () => void): Timing => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
};
const medianOf = (fn: () => void): string => {
  const runs = Array.from({ length: repeats }, () => time(fn));
  return `${median(runs.map((r) => r.cpu)).toFixed(0)} / ${median(runs.map((r) => r.wall)).toFixed(0)}`;
};

await initRuntime();
console.log(`node ${process.version}; ${repeats} timed calls per cell (median), after one compile call`);
console.log('| configuration | params | batch | forward compile ms (wall) | forward ms cpu / wall |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, [config, length], batches] of cases) {
  for (const batch of batches) {
    const prng = new Prng(1);
    const model = initCtm(config, 1);
    const tokens = () => prng.ints(batch * length, 2);
    const forward = jit((params: ParamTree, pairs: PairTensors, t: Tensor) => ctmForward(config, params, pairs, t));
    const runForward = () => {
      const out = forward(keepTree(model.params), ctmPairs(model), fromInt32(tokens(), [batch, length]));
      free([out.certainties, out.synchronisationOut]);
      toFloat32(out.predictions);
    };
    const forwardCompile = time(runForward).wall;
    const forwardMs = medianOf(runForward);
    forward.dispose();

    free(model.params);
    console.log(
      `| ${label} | ${ctmParamCount(config)} | ${batch} | ${forwardCompile.toFixed(0)} | ${forwardMs} |`,
    );
  }
}
