import { z } from 'zod';
import { resultCount } from '../../db/queries/run-lookups';
import { openStore, type Store } from '../../db/store';
import { loadSuite, SuiteError } from '../../evals/suites';
import { databaseTarget } from '../../server/env';
import { seedResults } from '../seed/seed-results';
import { SYNTHETIC_MODELS } from '../seed/synthetic-models';
import { CliError, parseFlags, type Command } from '../command';

const usage = `usage: sawtooth seed --results N [--db FILE|URL] [--suite ID|FILE] [--seed S] [--force]

Fills a database with N realistic made-up results for trying the dashboard at scale: ${SYNTHETIC_MODELS.length} models (LLMs and local
CTM / Transformer / LSTM checkpoints), several runs each on the suite (default "core"), pass rates that vary by
model, domain, family and tier (with jagged families), errors of several kinds, and thinking time for the CTM.
--db is a SQLite file or a postgres:// URL; it defaults to SAWTOOTH_DATABASE_URL when set, else SAWTOOTH_DB
(data/sawtooth.db). A database that already holds results is refused unless --force. On PostgreSQL the whole seed
is one transaction (an error leaves no run or result behind) and holds the results table for itself while it loads.`;

const FlagsSchema = z.object({
  results: z.coerce.number({ error: 'required: how many results to write, e.g. --results 1000000' }).int().min(1).max(50_000_000),
  db: z.string().min(1).optional(),
  suite: z.string().min(1).default('core'),
  seed: z.coerce.number().int().default(1),
  force: z.boolean().optional(),
});

export const seedCommand: Command = {
  name: 'seed',
  summary: 'fill a database with N realistic made-up results (for trying the dashboard at scale)',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      { results: { type: 'string' }, db: { type: 'string' }, suite: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } },
      FlagsSchema,
    );
    let suite;
    try {
      suite = loadSuite(flags.suite);
    } catch (error) {
      if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
      throw error;
    }
    let store: Store;
    try {
      store = await openStore(flags.db ?? databaseTarget());
    } catch (error) {
      throw new CliError(`${flags.db ? '--db' : 'database'}: ${(error as Error).message}`);
    }
    try {
      const existing = await resultCount(store);
      if (existing > 0 && !flags.force) throw new CliError(`${store.location} already holds ${existing} results: give --force to add ${flags.results} more, or another --db`);
      let lastShown = 0;
      const report = await seedResults(store, {
        results: flags.results, suite, seed: flags.seed,
        onProgress: (n) => {
          if (n - lastShown >= 200_000) {
            lastShown = n;
            io.stderr(`  ${n.toLocaleString('en')} results\n`);
          }
        },
      });
      const rate = Math.round(report.results / report.seconds).toLocaleString('en');
      io.stdout(`seeded ${report.results} results (${report.models} models, ${report.runs} runs, suite ${suite.id}; ${report.profiles} default profiles stored) into ${store.location} in ${report.seconds.toFixed(1)} s (${rate} results/s)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
