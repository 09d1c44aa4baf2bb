import { defineConfig } from 'drizzle-kit';

// PostgreSQL migrations, generated from db/pg/schema and committed (npm run db:generate:pg). The app still runs on
// SQLite only (drizzle.config.ts); these are applied by `sawtooth db copy` (db/pg/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema/index.ts',
  out: './db/pg/migrations',
});
