import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// This file's process gets its own database file and config (env is read once per process).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-health-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { loadSuite } = await import('../../evals/suites');
const { probeHealth } = await import('../../evals/metrics');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const smoke = loadSuite('smoke');
const MODELS = ['m-alpha', 'm-beta', 'm-gamma', 'm-delta', 'm-epsilon', 'm-zeta'];
const [misTiered, unsolved, ...rest] = smoke.pairs;

/**
 * Who passes what, by design: on the first pair four of six models fail the easy probe and all pass the hard one
 * (mis-tiered); nobody passes the second pair's hard probe; elsewhere model i fails the hard probe of every
 * (i + 2)-th pair, so most probes separate models and every easy probe is passed by everybody.
 */
function passes(model: number, pairIndex: number, tier: 'easy' | 'hard'): boolean {
  if (pairIndex === 0) return tier === 'hard' || model >= 4;
  if (pairIndex === 1) return tier === 'easy';
  return tier === 'easy' || pairIndex % (model + 2) !== 0;
}

function resultLines(models: readonly string[]): string {
  const lines = models.flatMap((model) => {
    const m = MODELS.indexOf(model);
    return smoke.pairs.flatMap((pair, i) =>
      (['easy', 'hard'] as const).map((tier) => ({ model, probe: pair[tier].id, response: 'see label', correct: passes(m, i, tier) })),
    );
  });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

async function importModels(models: readonly string[], name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, resultLines(models));
  const imported = await cli(['import', file]);
  expect(imported.code, imported.stderr).toBe(0);
}

describe('sawtooth probes health (results of several models in a real SQLite file)', () => {
  it('waits until five models have results', async () => {
    // Before any result (this also stores the suite in the catalog, so that results can name its probes).
    expect((await cli(['probes', 'health', '--suite', 'smoke'])).stdout).toContain('suite smoke: 0 models with results');
    await importModels(MODELS.slice(0, 4), 'four.jsonl');
    const { code, stdout } = await cli(['probes', 'health', '--suite', 'smoke']);
    expect(code).toBe(0);
    expect(stdout).toContain('suite smoke: 4 models with results (probe health is judged from 5)');
    expect(stdout).toContain('not judged yet: run 1 more model(s)');
    const json = JSON.parse((await cli(['probes', 'health', '--suite', 'smoke', '--json'])).stdout) as { ready: boolean; probes: unknown[] };
    expect(json).toMatchObject({ ready: false, probes: [] });
  });

  it('with six models, flags the mis-tiered pair and the probes nobody or everybody passes, and gives difficulties', async () => {
    await importModels(MODELS.slice(4), 'two-more.jsonl');
    const { code, stdout } = await cli(['probes', 'health', '--suite', 'smoke', '--json']);
    expect(code).toBe(0);
    const health = JSON.parse(stdout) as ReturnType<typeof probeHealth> & { suiteId: string };
    expect(health).toMatchObject({ suiteId: 'smoke', ready: true, models: 6 });
    expect(health.pairs.filter((p) => p.misTiered).map((p) => p.pairId)).toEqual([misTiered!.id]);
    expect(health.pairs.find((p) => p.pairId === misTiered!.id)).toMatchObject({ easyFailed: 4, hardFailed: 0, models: 6 });
    const flagged = (flag: string) => health.probes.filter((p) => p.flag === flag).map((p) => p.probeId).sort();
    expect(flagged('nobody')).toEqual([unsolved!.hard.id]);
    // The mis-tiered pair's hard probe, every other easy probe, and the hard probes no model's rule fails.
    const alwaysPassed = rest.flatMap((pair) => {
      const i = smoke.pairs.indexOf(pair);
      return [pair.easy.id, ...(MODELS.every((_, m) => passes(m, i, 'hard')) ? [pair.hard.id] : [])];
    });
    expect(flagged('everybody')).toEqual([misTiered!.hard.id, unsolved!.easy.id, ...alwaysPassed].sort());
    // The same numbers as the pure computation on the labels themselves: the SQL loses nothing.
    const expected = probeHealth(
      MODELS.flatMap((model, m) =>
        smoke.pairs.flatMap((pair, i) =>
          (['easy', 'hard'] as const).map((slot) => ({ model, pairId: pair.id, family: pair.family, probeId: pair[slot].id, slot, passes: passes(m, i, slot) ? 1 : 0, trials: 1 })),
        ),
      ),
    );
    const byId = (list: { probeId: string }[]) => [...list].sort((a, b) => a.probeId.localeCompare(b.probeId));
    expect(byId(health.probes)).toEqual(byId(expected.probes));
  });

  it('prints a readable report and refuses an unknown suite', async () => {
    const { stdout } = await cli(['probes', 'health', '--suite', 'smoke']);
    expect(stdout).toContain('likely mis-tiered pairs (easy tier failed by more models than the hard tier): 1 of 56');
    expect(stdout).toMatch(new RegExp(`${misTiered!.id.replace(/[.#]/g, '\\$&')}\\s+easy failed by 4/6, hard by 0/6`));
    expect(stdout).toContain(`probes nobody passes: 1 of 112`);
    expect(stdout).toMatch(/method: difficulty = ln\(\(fails \+ ½\) \/ \(passes \+ ½\)\)/);
    const unknown = await cli(['probes', 'health', '--suite', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--suite: .*unknown suite "nope"/);
  });
});
