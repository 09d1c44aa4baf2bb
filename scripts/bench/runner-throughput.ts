import { bareFetchLoop, startBenchServer } from './bench-server';
import { benchDatabase, queueBenchRun, workRun } from './bench-run';
import { fmt, type Benchmark } from './benchmark';

/**
 * runner.throughput_0ms: probes requested, graded and stored per second at 0 ms model latency (the test server in a
 * child process, the runner in this one, exactly the worker's code path). Baseline, same server, same moment: a bare
 * fetch loop at the same concurrency (no SDK, no grading, no storage).
 */
export const runnerThroughput: Benchmark = {
  names: ['runner.throughput_0ms'],
  summary: 'probes graded and stored per second at 0 ms latency, against a bare fetch loop',
  async run(ctx) {
    const probes = ctx.quick ? 4_000 : 20_000;
    const concurrency = 32;
    const server = await startBenchServer(0);
    const bench = await benchDatabase(server.url);
    try {
      // Warm both paths (JIT, sockets, SQLite pages) on a small run first.
      await bareFetchLoop(server.url, 1_000, concurrency);
      await workRun(bench.db, await queueBenchRun(bench.db, 1_000, { concurrency }));

      const baseline = await bareFetchLoop(server.url, probes, concurrency);
      const runId = await queueBenchRun(bench.db, probes, { concurrency });
      const serverBefore = await server.stats();
      const run = await workRun(bench.db, runId);
      const serverAfter = await server.stats();
      if (run.status !== 'completed' || run.stored !== probes) throw new Error(`bench run ended ${run.status} with ${run.stored}/${probes} results`);

      const rate = probes / run.seconds;
      const baseRate = probes / baseline.seconds;
      ctx.result('runner.throughput_0ms', Math.round(rate), 'probes/s');
      ctx.note(`${fmt(probes)} probes, concurrency ${concurrency}: runner ${fmt(rate)} probes/s wall, ${fmt(probes / run.cpuSeconds)} per CPU-second of the runner process`);
      ctx.note(`baseline bare fetch loop: ${fmt(baseRate)} req/s wall, ${fmt(probes / baseline.cpuSeconds)} per CPU-second; runner/baseline = ${(rate / baseRate).toFixed(2)}`);
      ctx.note(`test server (own process): ${fmt((serverAfter.requests - serverBefore.requests) / ((serverAfter.cpuMs - serverBefore.cpuMs) / 1000))} req per CPU-second`);
    } finally {
      bench.remove();
      await server.close();
    }
  },
};
