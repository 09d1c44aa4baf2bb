import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

// Issue 12 items 6 and 8 through `sawtooth import`: a 130,000-probe file (the stack overflowed above ~125k), two
// imports of one file at once (a raw UNIQUE-constraint stack trace), a byte-order mark (refused) and invalid UTF-8
// (silently turned into U+FFFD). The real CLI as child processes, on each backend.
describeEachBackend('sawtooth import, hardened', (dialect) => {
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[]) => runCli(args, env);
  const jsonl = (name: string, model: string, n: number): string => {
    const file = path.join(dir, name);
    writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ model, prompt: `Question ${i}?`, response: 'a', correct: i % 2 === 0 })).join('\n'));
    return file;
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-import-hard-'));
    database = await freshDatabase(dialect);
    env = { ...database.env, SAWTOOTH_CONFIG: path.join(dir, 'none.json') };
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 130,000 distinct probes for one model', async () => {
    const res = await cli(['import', jsonl('huge.jsonl', 'many', 130_000), '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout.trim().split('\n').at(-1)!).runs[0]).toMatchObject({ results: 130_000, pass: 65_000, fail: 65_000 });
  }, 900_000); // ~20 s on an idle machine; ten times that when the machine is busy (a bound, not an assertion)

  it('two imports of one file at once: one imports, the other says it was already imported (no stack trace)', async () => {
    const file = jsonl('twice.jsonl', 'twice', 20_000);
    const [a, b] = [spawnCli(['import', file], env), spawnCli(['import', file], env)];
    const codes = await Promise.all([a.exited, b.exited]);
    expect([...codes].sort()).toEqual([0, 1]);
    const loser = codes[0] === 1 ? a : b;
    expect(loser.stderr()).toMatch(/^\S*twice\.jsonl: this file was already imported for model "twice" as run \d+\nsawtooth import: 1 problem\(s\) in .*; nothing was imported\n$/m);
    expect(loser.stderr()).not.toMatch(/\n\s+at /);
  }, 600_000);

  it('accepts a byte-order mark and refuses invalid UTF-8 with its line', async () => {
    const bom = path.join(dir, 'bom.jsonl');
    writeFileSync(bom, `\uFEFF${JSON.stringify({ model: 'bom', prompt: 'Q?', response: 'a', correct: true })}\n`);
    expect((await cli(['import', bom])).code).toBe(0);

    const latin1 = path.join(dir, 'latin1.jsonl');
    const good = Buffer.from(`${JSON.stringify({ model: 'latin', prompt: 'Q1?', response: 'a', correct: true })}\n`);
    const bad = Buffer.concat([Buffer.from('{"model":"latin","prompt":"Caf'), Buffer.from([0xe9]), Buffer.from('?","response":"a","correct":true}\n')]);
    writeFileSync(latin1, Buffer.concat([good, bad]));
    const res = await cli(['import', latin1]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('latin1.jsonl:2: not valid UTF-8');
  });
});
