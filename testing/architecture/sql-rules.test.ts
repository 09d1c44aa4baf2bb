import { untypedEslint } from './untyped-eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// "SQL lives in db/queries" (issue 14), as ESLint enforces it outside db/: each way of building or running a
// statement is shown to fail on the violating line, and what stays allowed (type imports, our query functions, tests,
// db/ itself) to pass. Fixtures are source text linted as if at the given path, so no violating file sits in the tree.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = untypedEslint(root);

async function violations(filePath: string, code: string): Promise<Array<{ rule: string; line: number }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => ({ rule: m.ruleId ?? m.message, line: m.line }));
}

const ROOMS = ['server/runner/fixture.ts', 'app/api/fixture/route.ts', 'app/runs/fixture.tsx', 'scripts/commands/fixture.ts', 'testing/fixtures/fixture.ts'];
const at = (line: number, rule: string) => [{ rule, line }];

describe('no SQL outside db/', () => {
  // Line 1 declares what the statement needs; the violation is on line 2.
  const syntax: Array<[string, string]> = [
    ['the raw SQLite handle', 'declare const db: { $client: { close(): void } };\nexport const close = () => db.$client.close();\n'],
    ['a prepared statement', 'declare const h: { prepare(s: string): unknown };\nexport const q = h.prepare(`SELECT 1`);\n'],
    ['a pragma', 'declare const h: { pragma(s: string): unknown };\nexport const q = h.pragma("cache_size = -1");\n'],
    ['SQL text run with exec', 'declare const h: { exec(s: string): unknown };\nexport const q = h.exec("DELETE FROM runs");\n'],
    ['a sql`` fragment', 'declare const sql: (s: TemplateStringsArray) => unknown;\nexport const q = sql`(unixepoch() * 1000)`;\n'],
    ['a drizzle query builder', 'declare const db: { select(): unknown };\nexport const q = db.select();\n'],
    ['a drizzle insert on a transaction', 'declare const tx: { insert(t: unknown): unknown };\nexport const q = tx.insert(1);\n'],
    ["drizzle's transaction", 'declare const db: { transaction(f: () => void): void };\nexport const q = db.transaction(() => {});\n'],
    ["drizzle's relational query API", 'declare const db: { query: { models: unknown } };\nexport const q = db.query.models;\n'],
  ];
  it.each(ROOMS.flatMap((file) => syntax.map(([what, code]) => [file, what, code] as const)))('%s: %s fails on its line', async (file, _what, code) => {
    expect(await violations(file, code)).toEqual(at(2, 'no-restricted-syntax'));
  });

  const imports: Array<[string, string]> = [
    ['the SQLite driver', "import Database from 'better-sqlite3';"],
    ['a drizzle operator', "import { eq } from 'drizzle-orm';"],
    ['a drizzle submodule', "import { sqliteTable } from 'drizzle-orm/sqlite-core';"],
  ];
  it.each(ROOMS.flatMap((file) => imports.map(([what, line]) => [file, what, line] as const)))('%s: importing %s fails', async (file, _what, line) => {
    expect(await violations(file, `export const n = 1;\n${line}\nexport const used = [${line.match(/import (?:\{ )?(\w+)/)![1]}];\n`)).toEqual(at(2, 'no-restricted-imports'));
  });

  it('refuses the table objects of db/schema outside db/, not their types or the query functions', async () => {
    expect(await violations('server/runner/fixture.ts', "export const n = 1;\nimport { runs } from '../../db/schema';\nexport const t = runs;\n")).toEqual(
      at(2, 'no-restricted-imports'),
    );
    expect(await violations('scripts/seed/fixture.ts', "import type { models } from '../../db/schema';\nexport type M = typeof models.$inferSelect;\n")).toEqual([]);
    expect(await violations('server/runner/fixture.ts', "import { runTotals } from '../../db/queries/run-totals';\nexport const t = runTotals;\n")).toEqual([]);
    expect(await violations('server/runner/fixture.ts', "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n")).toEqual([]);
  });

  it('lets db/ hold the SQL, tests build fixtures, and a RegExp exec pass', async () => {
    const raw = "import { eq } from 'drizzle-orm';\ndeclare const db: { $client: { prepare(s: string): unknown } };\nexport const q = [eq, db.$client.prepare('SELECT 1')];\n";
    expect(await violations('db/queries/fixture.ts', raw)).toEqual([]);
    expect(await violations('server/runner/fixture.int.test.ts', raw)).toEqual([]);
    expect(await violations('server/runner/fixture.ts', "export const m = /^Bearer (.+)$/.exec('Bearer x');\n")).toEqual([]);
  });
});
