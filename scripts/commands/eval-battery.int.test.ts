import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// The battery end to end: simulated models served over loopback, evaluated by `sawtooth eval --suite core --json`,
// whose last line (the profile object) must carry the right verdict. This process gets its own database file.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-eval-battery-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { loadSuite } = await import('../../evals/suites');
const { ProfileSchema, jaggednessVerdict } = await import('../../evals/metrics');
const { answerSheet } = await import('../../testing/simulated-models/models');
const { sheetTallies } = await import('../../testing/simulated-models/tallies');
const { simulatedAnswerer } = await import('../../testing/simulated-models/answerer');
const { isRight } = await import('../../testing/simulated-models/battery');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const SEED = 7;
const suite = loadSuite('core');
const profiles = new Map<string, ReturnType<typeof ProfileSchema.parse>>();
const sheets = { 'coin-flipper': answerSheet(suite, 'coin-flipper', SEED), jagged: answerSheet(suite, 'jagged', SEED) };

describe('the simulated-model battery through sawtooth eval', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    const answerers = {
      'coin-flipper': simulatedAnswerer(suite, sheets['coin-flipper']),
      jagged: simulatedAnswerer(suite, sheets.jagged),
    };
    server = await startOpenAITestServer({
      models: Object.keys(answerers),
      answer: (prompt, { model }) => answerers[model as keyof typeof answerers]?.(prompt) ?? 'The answer is 0.',
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['coin-flipper', 'jagged'] as const)('%s gets its verdict from eval --json', async (name) => {
    const { code, stdout, stderr } = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', name, '--concurrency', '16', '--json']);
    expect(stderr).not.toMatch(/Error:/);
    expect(code).toBe(0);
    const profile = ProfileSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1)!));
    profiles.set(name, profile);
    expect(profile.suite).toEqual({ id: 'core', version: suite.version });
    expect(profile.counts.error + profile.counts.refusal).toBe(0);
    expect(profile.reliability.singleSample).toBe(true);

    const sheet = sheets[name];
    expect(profile.jaggedness.verdict).toBe(name === 'jagged' ? 'jagged' : 'not jagged');
    expect(isRight(name, profile.jaggedness.verdict, sheet.flippedFamilies, profile.jaggedness.invertedFamilies)).toBe(true);
    // What was stored is what the model answered: the verdict equals the one computed from the answer sheet itself.
    const expected = jaggednessVerdict(sheetTallies(suite, sheet));
    expect(profile.jaggedness.invertedFamilies).toEqual(expected.invertedFamilies);
    expect(profile.jaggedness.index).toBeCloseTo(expected.index!, 12);
    if (name === 'jagged') {
      for (const family of sheet.flippedFamilies) expect(profile.families.find((f) => f.id === family)?.inverted).toBe(true);
    }
  });

  // Family by family, the stored discordance must equal the answer sheet's three-state tiers (a partly right twinned
  // tier is neither flipped nor ordered). Without `partial` in the stored tallies (server/explore/profile-tallies.ts)
  // the families with twins read partial fails as outright ones (seed 7, coin-flipper: balanced-brackets 5/4 stored
  // vs 3/1 on the sheet). Reads the profiles the two tests above printed.
  it.each(['coin-flipper', 'jagged'] as const)('%s: stored flipped/ordered pairs per family equal the sheet’s', async (name) => {
    const profile = profiles.get(name)!;
    const expected = jaggednessVerdict(sheetTallies(suite, sheets[name]));
    const stored = profile.families.flatMap((f) => (f.evaluated ? [{ id: f.id, flipped: f.tooth.flipped, ordered: f.tooth.ordered }] : []));
    expect(stored).toEqual(expected.teeth.map((t) => ({ id: t.family, flipped: t.flipped, ordered: t.ordered })));
  });
});
