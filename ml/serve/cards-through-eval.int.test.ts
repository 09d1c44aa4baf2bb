import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Family, Pair, Probe, Suite } from '../../evals/contracts';

/**
 * The shipped checkpoints must answer through the product's own path — `sawtooth eval` → real openai SDK →
 * `sawtooth serve` on 127.0.0.1 → graders → SQLite — exactly as their cards say they do. Each card's evaluation set
 * (same seed, same inputs) becomes a suite whose easy probes are one length and hard probes another, so the run's
 * easy and hard accuracy must equal the card's accuracy at those two lengths.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-cards-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const root = fileURLToPath(new URL('../..', import.meta.url));
const checkpointsDir = path.join(root, 'checkpoints');
const { main } = await import('../../scripts/cli');
const { startServer } = await import('./start-server');
const { buildEvalSet, TASKS } = await import('../tasks');
const { suiteVersion } = await import('../../evals/suites');

interface Card {
  name: string;
  task: 'parity' | 'addition';
  evaluation: { seed: number; perLength: number; byLength: Array<{ length: number; n: number; accuracy: number }> };
}

const LENGTHS = { parity: { easy: 8, hard: 16 }, addition: { easy: 2, hard: 5 } } as const;
const cards: Card[] = readdirSync(checkpointsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'sweep')
  .flatMap((d) => {
    try {
      return [JSON.parse(readFileSync(path.join(checkpointsDir, d.name, 'card.json'), 'utf8')) as Card];
    } catch {
      return [];
    }
  });

function suiteFromCard(card: Card): Suite {
  const task = TASKS[card.task];
  const slices = buildEvalSet(task, { seed: card.evaluation.seed, perLength: card.evaluation.perLength });
  const { easy, hard } = LENGTHS[card.task];
  const easyInputs = slices.find((s) => s.length === easy)!.inputs;
  const hardInputs = slices.find((s) => s.length === hard)!.inputs;
  expect(easyInputs.length).toBe(hardInputs.length);
  const familyId = `algorithmic.card-${card.task}`;
  const family: Family = { id: familyId, domain: 'algorithmic', title: `${card.name} evaluation set`, description: 'The card’s own evaluation inputs.', pairRule: 'Easy and hard are the card’s evaluation inputs at two lengths.' };
  const probe = (pairId: string, tier: 'easy' | 'hard', input: unknown): Probe => ({
    id: `${pairId}/${tier}`, family: familyId, tier, prompt: task.prompt(input), answer: task.answer(input), grader: { kind: 'exact' },
  });
  const pairs: Pair[] = easyInputs.map((input, i) => {
    const id = `${familyId}#${String(i).padStart(3, '0')}`;
    return { id, family: familyId, easy: probe(id, 'easy', input), hard: probe(id, 'hard', hardInputs[i]) };
  });
  return { id: `card-${card.name}`, title: card.name, description: '', version: suiteVersion([family], pairs), families: [family], pairs };
}

describe.skipIf(cards.length === 0)('shipped checkpoints reproduce their cards through sawtooth eval + serve', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({ checkpointsDir, port: 0, host: '127.0.0.1' });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships a CTM, a Transformer and an LSTM for each task', () => {
    expect(cards.map((c) => c.name).sort()).toEqual(
      ['ctm-addition', 'ctm-parity', 'lstm-addition', 'lstm-parity', 'transformer-addition', 'transformer-parity'],
    );
  });

  for (const card of cards) {
    it(`${card.name}: easy and hard accuracy equal the card's at lengths ${LENGTHS[card.task].easy} and ${LENGTHS[card.task].hard}`, async () => {
      const file = path.join(dir, `${card.name}.jsonl`);
      const { serializeSuite } = await import('../../evals/suites');
      writeFileSync(file, serializeSuite(suiteFromCard(card), 'jsonl'));
      let out = '';
      const code = await main(['eval', '--suite', file, '--base-url', `${server.url}/v1`, '--model-name', card.name, '--concurrency', '16', '--json'], {
        stdout: (s) => void (out += s),
        stderr: () => undefined,
      });
      expect(code).toBe(0);
      const report = JSON.parse(out.trim().split('\n').at(-1)!);
      expect(report.counts.error).toBe(0);
      const at = (length: number) => card.evaluation.byLength.find((r) => r.length === length)!;
      const family = report.families[0];
      expect(family.easy.n).toBe(at(LENGTHS[card.task].easy).n);
      expect(family.easy.acc).toBeCloseTo(at(LENGTHS[card.task].easy).accuracy, 10);
      expect(family.hard.acc).toBeCloseTo(at(LENGTHS[card.task].hard).accuracy, 10);
    }, 300_000);
  }
});
