import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const { buildSplits, TASKS, TASK_NAMES } = await import('../tasks');
const { suiteVersion } = await import('../../evals/suites');
const { CardFileSchema } = await import('../train/card-schema');
const { findCheckpointDirs } = await import('./served-models');

type TaskName = (typeof TASK_NAMES)[number];
type Card = ReturnType<typeof CardFileSchema.parse> & { task: TaskName };

/**
 * Two test-split lengths per task with the same number of inputs (each 256), so they pair up as easy and hard.
 * Stack operations: odd lengths, where the stack is never empty (a probe's answer must not be empty).
 */
const LENGTHS: Record<TaskName, { easy: number; hard: number }> = {
  parity: { easy: 12, hard: 16 },
  addition: { easy: 2, hard: 5 },
  'binary-to-decimal': { easy: 12, hard: 16 },
  'stack-operations': { easy: 7, hard: 15 },
};

/** Every served checkpoint's card, read strictly: a missing or malformed card fails here, loudly, not as a skip. */
const cards: Card[] = findCheckpointDirs(checkpointsDir).map((dir) => {
  const file = path.join(dir, 'card.json');
  const parsed = CardFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (!(TASK_NAMES as readonly string[]).includes(parsed.data.task)) throw new Error(`${file}: unknown task ${parsed.data.task}`);
  return parsed.data as Card;
});

/**
 * Graders as strict as the card's whole-answer equality: `exact` accepts the expected text as a token inside a
 * longer reply ("7" inside "7, 12"), so a stack answer with extra items would pass; `list` compares the items.
 */
const GRADERS: Record<TaskName, Probe['grader']> = {
  parity: { kind: 'exact' },
  addition: { kind: 'exact' },
  'binary-to-decimal': { kind: 'exact' },
  'stack-operations': { kind: 'list' },
};

function suiteFromCard(card: Card): Suite {
  const task = TASKS[card.task];
  const slices = buildSplits(task, { seed: card.evaluation.seed, perLength: card.evaluation.perLength }).test;
  const { easy, hard } = LENGTHS[card.task];
  const easyInputs = slices.find((s) => s.length === easy)!.inputs;
  const hardInputs = slices.find((s) => s.length === hard)!.inputs;
  expect(easyInputs.length).toBe(hardInputs.length);
  // The model's own family id: the checkpoint server lists it in /v1/models, and eval sends a scoped model only
  // the families it lists.
  const familyId = task.family;
  const family: Family = { id: familyId, domain: 'algorithmic', title: `${card.name} evaluation set`, description: 'The card’s own evaluation inputs.', pairRule: 'Easy and hard are the card’s evaluation inputs at two lengths.' };
  const probe = (pairId: string, tier: 'easy' | 'hard', input: unknown): Probe => ({
    id: `${pairId}/${tier}`, family: familyId, tier, prompt: task.prompt(input), answer: task.answer(input), grader: GRADERS[card.task],
  });
  const pairs: Pair[] = easyInputs.map((input, i) => {
    const id = `${familyId}#${String(i).padStart(3, '0')}`;
    return { id, family: familyId, easy: probe(id, 'easy', input), hard: probe(id, 'hard', hardInputs[i]) };
  });
  return { id: `card-${card.name}`, title: card.name, description: '', version: suiteVersion([family], pairs), families: [family], pairs };
}

describe('shipped checkpoints reproduce their cards through sawtooth eval + serve', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({ checkpointsDir, port: 0, host: '127.0.0.1' });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships a CTM, a Transformer and an LSTM for each task', () => {
    const expected = ['ctm', 'lstm', 'transformer'].flatMap((arch) => TASK_NAMES.map((task) => `${arch}-${task}`));
    expect(cards.map((c) => c.name).sort()).toEqual(expected.sort());
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
