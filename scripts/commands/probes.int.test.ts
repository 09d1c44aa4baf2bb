import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSuite, serializeSuite } from '../../evals/suites';
import { main } from '../cli';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-probes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['probes', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const FAMILY = `  - id: commonsense.kitchen
    domain: commonsense
    title: Kitchen
    description: Kitchen facts.
    pairRule: The hard question needs the easy kitchen fact as its first step.
`;

describe('sawtooth probes list', () => {
  it('lists the families of core by default, with domain, id, pair count and title', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    const core = loadSuite('core');
    expect(stdout).toContain(`suite core (version ${core.version}): ${core.families.length} families, ${core.pairs.length} pairs`);
    expect(stdout).toMatch(/^algorithmic\s+algorithmic\.parity\s+20\s+Parity of a bit string$/m);
    expect(stdout.trim().split('\n')).toHaveLength(core.families.length + 2);
  });

  it('lists one family\'s pairs on short lines, and in full as JSON', async () => {
    const { code, stdout } = await cli('list', '--family', 'algorithmic.addition', '--suite', 'smoke');
    expect(code).toBe(0);
    const pairs = loadSuite('smoke').pairs.filter((p) => p.family === 'algorithmic.addition');
    for (const pair of pairs) {
      expect(stdout).toContain(pair.id);
      expect(stdout).toContain(`  easy  ${pair.easy.prompt.replace(' Answer with the number only.', '')}  => ${pair.easy.answer}`);
    }
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(140);

    const json = await cli('list', '--family', 'commonsense.containers', '--json');
    const parsed = JSON.parse(json.stdout) as { pairs: { easy: { prompt: string } }[] };
    expect(parsed.pairs[0]!.easy.prompt).toBe(loadSuite('core').pairs.find((p) => p.family === 'commonsense.containers')!.easy.prompt);
  });

  it('shows each family\'s reported failure, contrast twins and chance of a guess', async () => {
    const json = JSON.parse((await cli('list', '--json')).stdout) as {
      families: { id: string; twins: number; chance: { easy: number; hard: number }; reportedFailure?: { source: string } }[];
    };
    const primes = json.families.find((f) => f.id === 'olympiad.primes')!;
    expect(primes.reportedFailure?.source).toMatch(/Chen, Zaharia & Zou 2023/);
    expect(primes).toMatchObject({ twins: 20, chance: { easy: 0.25, hard: 0 } });
    expect(json.families.filter((f) => f.reportedFailure).length).toBeGreaterThanOrEqual(16);
    const { stdout } = await cli('list', '--family', 'olympiad.primes');
    const first = loadSuite('core').pairs.find((p) => p.family === 'olympiad.primes')!;
    expect(stdout).toContain(`  twin  ${first.easyTwin!.prompt.replace(' Answer yes or no.', '')}  => ${first.easyTwin!.answer}`);
    expect(stdout).toMatch(/^reported failure: Chen, Zaharia & Zou 2023/m);
  });

  it('lists a suite given as a file, with items included relative to it', async () => {
    write('items/kitchen.yaml', `families:\n${FAMILY}pairs:\n  - family: commonsense.kitchen\n    easy: { prompt: "Is a freezer colder than a fridge?", answer: "yes", grader: yesno }\n    hard: { prompt: "Milk is moved from the fridge to the freezer. Does it get colder?", answer: "yes", grader: yesno }\n`);
    const file = write('mine.yaml', 'id: mine\ntitle: Mine\nfamilies:\n  - { items: items/kitchen.yaml }\n  - { generator: olympiad.primes, seed: 3, count: 2 }\n');
    const { code, stdout } = await cli('list', '--suite', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^commonsense\s+commonsense\.kitchen\s+1\s+Kitchen$/m);
    expect(stdout).toMatch(/^olympiad\s+olympiad\.primes\s+2\s+Primes and divisibility$/m);
  });

  it('fails with one line for an unknown suite, family or action', async () => {
    const suite = await cli('list', '--suite', 'nope');
    expect(suite.code).toBe(2);
    expect(suite.stderr).toBe('sawtooth probes: --suite: unknown suite "nope" (built-in suites: core, smoke; or give a .yaml/.jsonl file)\n');
    const family = await cli('list', '--family', 'arithmetic.nope');
    expect(family.code).toBe(2);
    expect(family.stderr.trim().split('\n')).toHaveLength(1);
    expect(family.stderr).toMatch(/no family "arithmetic\.nope" in suite core/);
    const action = await cli('frobnicate');
    expect([action.code, action.stderr]).toEqual([2, 'sawtooth probes: unknown action "frobnicate" (use list, validate, health or import)\n']);
  });
});

describe('sawtooth probes validate', () => {
  it('says ok with counts for a good file, YAML or JSONL', async () => {
    const core = loadSuite('core');
    for (const format of ['yaml', 'jsonl'] as const) {
      const file = write(`core-copy.${format}`, serializeSuite(core, format));
      const { code, stdout } = await cli('validate', file);
      expect(code).toBe(0);
      expect(stdout).toBe(`ok: ${core.families.length} families, ${core.pairs.length} pairs (suite core, version ${core.version})\n`);
    }
  });

  it('prints every problem as file:line: field: message and exits 1', async () => {
    const file = write(
      'broken.jsonl',
      [
        JSON.stringify({ type: 'family', id: 'commonsense.kitchen', domain: 'commonsense', title: 'Kitchen', description: 'Kitchen facts.', pairRule: 'The hard question needs the easy kitchen fact.' }),
        JSON.stringify({ type: 'pair', family: 'commonsense.kitchen', easy: { prompt: 'Is ice cold?', answer: 'yes', grader: 'yesno' }, hard: { prompt: 'Is ice in a warm room cold for long?', grader: 'yesno' } }),
        JSON.stringify({ type: 'pair', family: 'commonsense.kitchn', easy: { prompt: 'Is steam hot?', answer: 'yes', grader: 'yesno' }, hard: { prompt: 'Does steam burn?', answer: 'yes', grader: 'yesno' } }),
      ].join('\n'),
    );
    const { code, stdout, stderr } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${file}:2: hard.answer: required\n${file}:3: family: family "commonsense.kitchn" is not declared under families\n`);
  });

  it('reports a problem inside an included items file at that file\'s line', async () => {
    write('items/bad.yaml', `families:\n${FAMILY}pairs:\n  - family: commonsense.kitchen\n    easy: { prompt: "Is a freezer cold?", answer: "yes", grader: yesno }\n    hard: { prompt: "Does a freezer freeze water?", answer: "yes", grader: yesnoo }\n`);
    const file = write('with-bad-items.yaml', 'families:\n  - { items: items/bad.yaml }\n');
    const { code, stderr } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${path.join(dir, 'items/bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:10: pairs\\[0\\]\\.hard\\.grader\\.kind: `));
  });

  it('reports a missing file and a missing argument', async () => {
    const missing = await cli('validate', path.join(dir, 'nothing.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${path.join(dir, 'nothing.yaml')}: file not found\n`);
    const none = await cli('validate');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give exactly one suite file/);
  });
});
