import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { startBenchServer } from './bench-server';
import { benchDatabase, queueBenchRun } from './bench-run';
import { fmt, type Benchmark } from './benchmark';

const ChildReport = z.object({ peakRssMb: z.number(), heapUsedMb: z.number(), seconds: z.number(), status: z.string(), stored: z.number() });
type ChildReport = z.infer<typeof ChildReport>;

/** Runs `rss-child.ts` on one run in a fresh process and reads its report. */
async function measureInChild(file: string, runId: number): Promise<ChildReport> {
  const child = fileURLToPath(new URL('./rss-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, file, String(runId)], { maxBuffer: 1 << 20 });
  return ChildReport.parse(JSON.parse(stdout.trim().split('\n').at(-1)!));
}

/**
 * runner.peak_rss_100k: the peak RSS of a worker process that answers a run of 100,000 probes (a generated suite) at
 * 0 ms latency. Also measured: the same process answering 10,000 probes (the figure must not grow with run size) and,
 * as the baseline, the same process loading everything and answering nothing.
 */
export const runnerPeakRss: Benchmark = {
  names: ['runner.peak_rss_100k'],
  summary: 'peak RSS of a worker process running 100,000 probes (and 10,000, and none, for comparison)',
  async run(ctx) {
    const large = ctx.quick ? 20_000 : 100_000;
    const small = large / 10;
    const server = await startBenchServer(0);
    const bench = await benchDatabase(server.url);
    try {
      const smallRun = await queueBenchRun(bench.db, small, { concurrency: 32 });
      const largeRun = await queueBenchRun(bench.db, large, { concurrency: 32 });
      const idle = await measureInChild(bench.file, 0);
      const smallReport = await measureInChild(bench.file, smallRun);
      const largeReport = await measureInChild(bench.file, largeRun);
      for (const [n, r] of [[small, smallReport], [large, largeReport]] as const) {
        if (r.status !== 'completed' || r.stored !== n) throw new Error(`bench run of ${n} ended ${r.status} with ${r.stored} results`);
      }
      const label = large === 100_000 ? 'runner.peak_rss_100k' : `runner.peak_rss_${large / 1000}k`;
      ctx.result(label, Math.round(largeReport.peakRssMb), 'MB');
      ctx.note(`${fmt(large)} probes: peak RSS ${fmt(largeReport.peakRssMb)} MB (${fmt(large / largeReport.seconds)} probes/s); ${fmt(small)} probes: ${fmt(smallReport.peakRssMb)} MB`);
      ctx.note(`baseline (same process, everything loaded, no run): ${fmt(idle.peakRssMb)} MB; growth from ${fmt(small)} to ${fmt(large)} probes: ${fmt(largeReport.peakRssMb - smallReport.peakRssMb)} MB`);
    } finally {
      bench.remove();
      await server.close();
    }
  },
};
