import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Benchmark } from './benchmark';

// ML BENCHMARKS GO HERE. The ML helper's ml/serve/bench.ts (`benchServe`) and ml/train/bench.ts (`benchTrain`) are
// loaded when they exist. Expected contract: an async function taking { quick: boolean } and returning the lines to
// print, [{ name, value, unit, note? }]. Until those files exist this benchmark prints a note and no result.

const Lines = z.array(z.object({ name: z.string().min(1), value: z.number(), unit: z.string().min(1), note: z.string().optional() }));

const SOURCES = [
  { file: '../../ml/serve/bench.ts', exportName: 'benchServe' },
  { file: '../../ml/train/bench.ts', exportName: 'benchTrain' },
] as const;

export const mlBenchmarks: Benchmark = {
  names: ['ml.serve', 'ml.train'],
  summary: 'checkpoint server and training benchmarks of ml/ (when ml/serve/bench.ts and ml/train/bench.ts exist)',
  async run(ctx) {
    for (const source of SOURCES) {
      const path = fileURLToPath(new URL(source.file, import.meta.url));
      if (!existsSync(path)) {
        ctx.note(`${source.exportName}: ${source.file.replace('../../', '')} does not exist yet (nothing measured)`);
        continue;
      }
      const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const bench = module[source.exportName];
      if (typeof bench !== 'function') throw new Error(`${source.file} does not export ${source.exportName}()`);
      const lines = Lines.safeParse(await (bench as (o: { quick: boolean }) => Promise<unknown>)({ quick: ctx.quick }));
      if (!lines.success) throw new Error(`${source.exportName}() returned something other than [{ name, value, unit }]`);
      for (const line of lines.data) {
        ctx.result(line.name, line.value, line.unit);
        if (line.note) ctx.note(line.note);
      }
    }
  },
};
