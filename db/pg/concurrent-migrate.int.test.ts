import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openPgStore } from '../store/pg-store';
import { adminQuery as admin } from '../../testing/store-backends/backends';

const templateUrl = inject('pgTemplateUrl');

describe.skipIf(!templateUrl)('migrating an empty PostgreSQL database', () => {
  it('three processes opening it at once (three workers starting together) all succeed, and migrate it once', async () => {
    const name = `empty_${randomBytes(5).toString('hex')}`;
    await admin(templateUrl!, `CREATE DATABASE ${name} TEMPLATE template0`);
    const url = new URL(templateUrl!);
    url.pathname = `/${name}`;
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openPgStore(url.toString())));
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const tables = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'run_chunks'");
      await client.end();
      await Promise.all(stores.map((s) => s.close()));
      expect(tables.rows[0].n).toBe(1);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await admin(templateUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
