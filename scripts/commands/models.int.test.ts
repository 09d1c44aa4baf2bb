import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

// `sawtooth models list|rename|remove` as child processes on each backend; the model comes from an import (the one
// way in that needs no endpoint), the config file adds one more that the commands must refuse to change.
describeEachBackend('sawtooth models', (dialect) => {
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(args, env);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-models-cli-'));
    database = await freshDatabase(dialect);
    const config = path.join(dir, 'sawtooth.config.json');
    writeFileSync(config, JSON.stringify({ models: [{ id: 'from-config', baseURL: 'http://127.0.0.1:9/v1', model: 'x' }] }));
    env = { ...database.env, SAWTOOTH_CONFIG: config };
    const file = path.join(dir, 'ext.jsonl');
    writeFileSync(file, Array.from({ length: 30 }, (_, i) => JSON.stringify({ model: 'ext', prompt: `Q${i}?`, response: 'a', correct: i % 3 === 0 })).join('\n'));
    const imported = await cli('import', file);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the stored models with their origin and run count', async () => {
    const listed = await cli('models', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: 'ext', label: 'ext', origin: 'import', runs: 1, baseUrl: null, modelName: 'ext' },
      { id: 'from-config', label: 'from-config', origin: 'config', runs: 0, baseUrl: 'http://127.0.0.1:9/v1', modelName: 'x' },
    ]);
  });

  it('renames and removes an imported model with its runs and results, but not one from the config file', async () => {
    expect((await cli('models', 'rename', 'ext', 'External', 'model')).code).toBe(0);
    expect(JSON.parse((await cli('models', 'list', '--json')).stdout)[0]).toMatchObject({ id: 'ext', label: 'External model' });
    const refused = await cli('models', 'rename', 'from-config', 'Other');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/comes from the config file/);

    expect((await cli('models', 'remove', 'ext')).stderr).toMatch(/add --yes to confirm/);
    const removed = await cli('models', 'remove', 'ext', '--yes');
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe('removed model ext: 1 run, 30 results\n');
    expect(JSON.parse((await cli('models', 'list', '--json')).stdout).map((m: { id: string }) => m.id)).toEqual(['from-config']);
    const gone = await cli('export', '--model', 'ext', '--format', 'csv');
    expect(gone.stderr).toMatch(/--model: unknown model "ext"/);
  });
});
