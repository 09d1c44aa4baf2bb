import type { Benchmark, BenchContext } from './benchmark';

/** The ML helper's benchmarks print their own lines; `bench <name> <value> <unit>` lines become results, the rest notes. */
function printer(ctx: BenchContext): (line: string) => void {
  return (line) => {
    for (const text of line.split('\n')) {
      const result = /^bench (\S+) (-?[\d.]+(?:e[+-]?\d+)?) (\S+)\s*$/i.exec(text.trim());
      if (result) ctx.result(result[1]!, Number(result[2]), result[3]!);
      else if (text.trim()) ctx.note(text.trim());
    }
  };
}

/**
 * The checkpoint server's and the trainer's benchmarks (ml/serve/bench.ts `benchServe`, ml/train/bench.ts
 * `benchTrain`, written by the ML side; each measures its own same-run baseline). Loaded only when run: they bring
 * the tensor runtime with them.
 */
export const mlBenchmarks: Benchmark = {
  names: ['serve.', 'train.'],
  summary: 'checkpoint server throughput (batched vs unbatched) and training step time per architecture (ml/)',
  async run(ctx) {
    const { benchServe } = await import('../../ml/serve/bench');
    await benchServe(printer(ctx));
    const { benchTrain } = await import('../../ml/train/bench');
    await benchTrain(printer(ctx));
  },
};
