import { z } from 'zod';
import { dashboardQueries, dashboardQueries10m } from '../bench/dashboard';
import { dashboardQueriesPg, dashboardQueriesPg10m } from '../bench/dashboard-pg';
import { machineLoad, type Benchmark, type BenchContext } from '../bench/benchmark';
import { mlBenchmarks } from '../bench/ml';
import { runnerEfficiency } from '../bench/runner-efficiency';
import { runnerPeakRss } from '../bench/runner-peak-rss';
import { runnerThroughput } from '../bench/runner-throughput';
import { runnerPgWorkers } from '../bench/runner-pg-workers';
import { upFirstAnswer } from '../bench/up-first-answer';
import { CliError, parseFlags, type Command } from '../command';

/** Every benchmark, in the order `sawtooth bench` runs them. Add one: a file in scripts/bench/, then a line here. */
const BENCHMARKS: Benchmark[] = [
  runnerThroughput, runnerEfficiency, runnerPeakRss, runnerPgWorkers, dashboardQueries, dashboardQueries10m, dashboardQueriesPg, dashboardQueriesPg10m, mlBenchmarks, upFirstAnswer,
];

const usage = `usage: sawtooth bench [name ...] [--quick] [--db FILE] [--db-10m FILE] [--pg-dir DIR] [--pg-dir-10m DIR]

Runs the benchmarks (all, or those whose result names start with one of the given names, e.g. "runner" or
"dashboard.compare4_1m") and prints one line per result:  bench <name> <value> <unit>
followed by indented notes with the baseline measured in the same run. The machine's load average is printed
first: figures from a loaded machine are only comparable through their baselines.
--quick uses smaller sizes. --db is the seeded million-result database of the dashboard benchmarks
(default .tmp/bench-dashboard-1m.db, created by seeding when absent), --db-10m the ten-million one
(default .tmp/bench-dashboard-10m.db; seeding it takes minutes and about 3 GB, once). The dashboard lines on
PostgreSQL (*_pg) run in a cluster whose data folder is kept: --pg-dir (default .tmp/bench-pg-1m) and --pg-dir-10m
(default .tmp/bench-pg-10m), created and seeded when absent, started for the run and stopped after it; without
PostgreSQL's server binaries they are skipped, saying so.

${BENCHMARKS.map((b) => `  ${b.names.join(', ')}\n      ${b.summary}`).join('\n')}`;

export const benchCommand: Command = {
  name: 'bench',
  summary: 'run the runner, dashboard and ML benchmarks (bench <name> <value> <unit> lines)',
  usage,
  async run(args, io) {
    const { flags, positionals } = parseFlags(
      args,
      { quick: { type: 'boolean' }, db: { type: 'string' }, 'db-10m': { type: 'string' }, 'pg-dir': { type: 'string' }, 'pg-dir-10m': { type: 'string' } },
      z.object({
        quick: z.boolean().optional(), db: z.string().min(1).optional(), 'db-10m': z.string().min(1).optional(),
        'pg-dir': z.string().min(1).optional(), 'pg-dir-10m': z.string().min(1).optional(),
      }),
      true,
    );
    const chosen = positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => b.names.some((n) => positionals.some((p) => n.startsWith(p))));
    if (chosen.length === 0) {
      throw new CliError(`no benchmark matches ${positionals.join(', ')} (known: ${BENCHMARKS.flatMap((b) => b.names).join(', ')})`, 2);
    }
    const ctx: BenchContext = {
      quick: Boolean(flags.quick),
      dashboardDb: flags.db ?? '.tmp/bench-dashboard-1m.db',
      dashboardDb10m: flags['db-10m'] ?? '.tmp/bench-dashboard-10m.db',
      dashboardPgDir: flags['pg-dir'] ?? '.tmp/bench-pg-1m',
      dashboardPgDir10m: flags['pg-dir-10m'] ?? '.tmp/bench-pg-10m',
      result: (name, value, unit) => io.stdout(`bench ${name} ${value} ${unit}\n`),
      note: (text) => io.stdout(`  ${text}\n`),
    };
    io.stdout(`# sawtooth bench, node ${process.version}, ${machineLoad()}${ctx.quick ? ', --quick sizes' : ''}\n`);
    let failed = 0;
    for (const benchmark of chosen) {
      try {
        await benchmark.run(ctx);
      } catch (error) {
        failed += 1;
        io.stdout(`bench ${benchmark.names.join(',')} failed: ${(error as Error).message}\n`);
      }
      io.stdout(`  (${machineLoad()})\n`);
    }
    return failed === 0 ? 0 : 1;
  },
};
