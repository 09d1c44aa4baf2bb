import { z } from 'zod';
import { copySqliteToPg, CopyError, countsTable, redactUrl } from '../../db/pg/copy';
import { CliError, parseFlags, type Command } from '../command';
import { didYouMean } from '../did-you-mean';

const usage = `usage: sawtooth db copy --from <sqlite file> --to <postgres url> [--batch N]

copy  moves a Sawtooth SQLite database into an EMPTY PostgreSQL database: applies the PostgreSQL migrations
      (db/pg/migrations), copies every table in foreign-key order in batches of --batch rows (default 5000) inside
      one transaction (secondary indexes and foreign keys dropped during the load and rebuilt and checked at its end,
      inside the same transaction), resets the generated-key sequences, then prints each table's row count on both sides and
      fails naming the table if any differ. A target that already holds data is refused with nothing written.
      The URL: postgres://user:password@host:port/database (the password is never printed).
      The dashboard and workers still run on SQLite only; this prepares a PostgreSQL copy.`;

const ACTIONS = ['copy'] as const;

const FlagsSchema = z.object({
  from: z.string({ error: 'required: the SQLite file to copy from, e.g. --from data/sawtooth.db' }).min(1),
  to: z
    .string({ error: 'required: the PostgreSQL database to copy into, e.g. --to postgres://user:password@127.0.0.1:5432/sawtooth' })
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL, e.g. postgres://user:password@127.0.0.1:5432/sawtooth'),
  batch: z.coerce.number().int().min(1).max(100_000).default(5000),
});

export const dbCommand: Command = {
  name: 'db',
  summary: 'copy a SQLite database into an empty PostgreSQL database (counts checked)',
  usage,
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } }, FlagsSchema, true);
    const [action, extra] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new CliError(action ? `unknown action "${action}"${didYouMean(action, ACTIONS) || ` (use ${ACTIONS.join(', ')})`}` : `give an action: ${ACTIONS.join(', ')}`, 2);
    }
    if (extra !== undefined) throw new CliError(`copy: unexpected argument "${extra}"`, 2);
    let lastShown = 0;
    let report;
    try {
      report = await copySqliteToPg({
        from: flags.from,
        to: flags.to,
        batchRows: flags.batch,
        onProgress: (table, copied, total) => {
          if (copied === total || copied - lastShown >= 200_000) {
            lastShown = copied === total ? 0 : copied;
            io.stderr(`  ${table}: ${copied.toLocaleString('en')} of ${total.toLocaleString('en')} rows\n`);
          }
        },
        onStep: (what) => io.stderr(`  ${what}\n`),
      });
    } catch (error) {
      if (error instanceof CopyError) throw new CliError(error.message);
      throw error;
    }
    io.stdout(countsTable(report.tables));
    if (report.mismatched.length > 0) {
      throw new CliError(`row counts differ after the copy in ${report.mismatched.join(', ')}: the PostgreSQL database is not a whole copy`);
    }
    const rate = Math.round(report.rows / Math.max(report.seconds, 1e-3)).toLocaleString('en');
    io.stdout(`copied ${report.rows.toLocaleString('en')} rows from ${flags.from} to ${redactUrl(flags.to)} in ${report.seconds.toFixed(1)} s (${rate} rows/s)\n`);
    return 0;
  },
};
