import { bareFetchLoop, startBenchServer } from './bench-server';
import { benchDatabase, queueBenchRun, workRun } from './bench-run';
import { fmt, type Benchmark } from './benchmark';

/**
 * runner.efficiency_50ms: at 50 ms latency and concurrency 16, the ideal wall time of N probes is N × 50 ms / 16;
 * efficiency = ideal / measured (1 = the runner adds nothing). Baseline: a bare fetch loop's efficiency on the same
 * server at the same moment (what the loaded machine allows any client).
 */
export const runnerEfficiency: Benchmark = {
  names: ['runner.efficiency_50ms'],
  summary: 'ideal N × latency / concurrency over wall time, 50 ms latency, concurrency 16, 2,000 probes',
  async run(ctx) {
    const probes = 2_000;
    const latencyMs = 50;
    const concurrency = 16;
    const ideal = (probes * latencyMs) / 1000 / concurrency;
    const server = await startBenchServer(latencyMs);
    const bench = await benchDatabase(server.url);
    try {
      await workRun(bench.db, await queueBenchRun(bench.db, 200, { concurrency })); // warm-up
      const baseline = await bareFetchLoop(server.url, probes, concurrency);
      const run = await workRun(bench.db, await queueBenchRun(bench.db, probes, { concurrency }));
      if (run.status !== 'completed' || run.stored !== probes) throw new Error(`bench run ended ${run.status} with ${run.stored}/${probes} results`);
      const efficiency = ideal / run.seconds;
      const baseEfficiency = ideal / baseline.seconds;
      ctx.result('runner.efficiency_50ms', Number(efficiency.toFixed(3)), 'ratio');
      ctx.note(`${fmt(probes)} probes: ideal ${ideal.toFixed(2)} s, runner ${run.seconds.toFixed(2)} s (${fmt(run.cpuSeconds, 2)} CPU-s)`);
      ctx.note(`baseline bare fetch loop: ${baseline.seconds.toFixed(2)} s, efficiency ${baseEfficiency.toFixed(3)}; runner/baseline = ${(efficiency / baseEfficiency).toFixed(3)}`);
    } finally {
      bench.remove();
      await server.close();
    }
  },
};
