import { z } from 'zod';
import { liveWorkers } from '../../db/queries/worker-registry';
import { PRESENCE_TTL_MS } from '../../server/queue/worker-presence';
import { parseFlags, type Command } from '../command';
import { openCliStore } from '../open-db';

const usage = `usage: sawtooth workers [--json]

Lists the live workers of every machine sharing the database (SAWTOOTH_DATABASE_URL, else the SQLite file): host,
pid, the run and chunk each works on, and how long ago it last heartbeated. A worker silent for ${PRESENCE_TTL_MS / 1000} s is gone.
With --json: one JSON array on stdout.`;

export const workersCommand: Command = {
  name: 'workers',
  summary: 'list the live workers of every machine sharing the database',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, { json: { type: 'boolean' } }, z.object({ json: z.boolean().optional() }));
    const { store } = await openCliStore();
    try {
      const rows = await liveWorkers(store, PRESENCE_TTL_MS);
      if (flags.json) {
        io.stdout(`${JSON.stringify(rows)}\n`);
        return 0;
      }
      if (rows.length === 0) {
        io.stdout(`no live workers (start one with: npx sawtooth worker)\n`);
        return 0;
      }
      const table = [['host', 'pid', 'run', 'chunk', 'heartbeat', 'id'], ...rows.map((r) => [
        r.host, String(r.pid), r.runId === null ? '-' : String(r.runId), r.chunk === null ? '-' : String(r.chunk),
        `${(r.heartbeatAgeMs / 1000).toFixed(1)} s ago`, r.id,
      ])];
      const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
      for (const row of table) io.stdout(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
