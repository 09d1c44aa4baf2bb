import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed; the app applies them on first use (db/client.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
