import { untypedEslint } from './untyped-eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each layer rule of eslint.config.js, shown to fire on a deliberate violation. The fixtures are source text linted
// as if it lived at the given path (ESLint's lintText with filePath), so no violating file sits in the tree.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = untypedEslint(root);

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('layer rules', () => {
  it.each([
    ['evals/metrics/fixture.ts', '../../db/client', 'evals imports db'],
    ['evals/contracts/fixture.ts', '../../server/env', 'evals imports server'],
    ['db/queries/fixture.ts', '../../server/env', 'db imports server'],
    ['db/queries/fixture.ts', '../../scripts/cli', 'db imports scripts'],
    ['server/runner/fixture.ts', '../../scripts/cli', 'server imports scripts'],
    ['server/runner/fixture.ts', '../../app/page', 'server imports app'],
    ['server/runner/fixture.ts', '../../ml/serve/start-server', 'server imports ml'],
    ['app/runs/fixture.tsx', '../../server/runner/create-run', 'app imports a server value'],
    ['app/runs/fixture.tsx', '../../db/queries/runs', 'app imports db'],
    ['app/api/fixture/route.ts', '../../../ml/tasks', 'a route handler imports ml'],
    ['scripts/commands/fixture.ts', '../../app/page', 'scripts import app'],
    ['testing/fixture.ts', '../ml/tasks', 'a test helper imports ml'],
    ['server/runner/fixture.test.ts', '../../ml/tasks', 'a server test imports ml'],
  ])('%s importing %s fails (%s)', async (file, spec) => {
    expect(await ruleIds(file, use(spec))).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['db/queries/fixture.ts', '../../evals/contracts'],
    ['server/runner/fixture.ts', '../../db/client'],
    ['scripts/commands/fixture.ts', '../../ml/tasks'],
    ['app/api/fixture/route.ts', '../../../server/db'],
    ['server/runner/fixture.int.test.ts', '../../scripts/cli'],
  ])('%s importing %s passes', async (file, spec) => {
    expect(await ruleIds(file, use(spec))).toEqual([]);
  });

  it('lets app import the router type, not its values', async () => {
    expect(await ruleIds('app/fixture.tsx', "import type { AppRouter } from '../server/trpc/root';\nexport type R = AppRouter;\n")).toEqual([]);
    expect(await ruleIds('app/fixture.tsx', "import { createCaller } from '../server/trpc/root';\nexport const c = createCaller;\n")).toEqual(['no-restricted-imports']);
  });
});

describe('size and env rules', () => {
  it('refuses a file past 300 lines', async () => {
    const long = Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect(await ruleIds('server/runner/fixture.ts', long)).toEqual(['max-lines']);
  });

  it('refuses process.env outside server/env.ts', async () => {
    const read = 'export const home = process.env.HOME;\n';
    expect(await ruleIds('server/runner/fixture.ts', read)).toEqual(['no-restricted-properties']);
    expect(await ruleIds('server/env.ts', read)).toEqual([]);
  });
});
