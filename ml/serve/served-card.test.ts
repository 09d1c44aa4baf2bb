import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readModelFiles } from '../models/checkpoint-files';
import { TASKS } from '../tasks';
import { readServedCard } from './served-card';

// Every card shipped in checkpoints/ (and the parity runs beside them) must fit the served contract, whatever its
// figures: a retrained checkpoint whose card drifted from evals/contracts/checkpoint-card.ts fails here, not on the page.
const root = fileURLToPath(new URL('../../checkpoints/', import.meta.url));
const dirs = [
  ...readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'parity-runs').map((e) => join(root, e.name)),
  // Runs still training have no card yet; the served checkpoints above must all have one.
  ...readdirSync(join(root, 'parity-runs'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'parity-runs', e.name, 'card.json')))
    .map((e) => join(root, 'parity-runs', e.name)),
];

describe('shipped cards as served', () => {
  it.each(dirs)('%s', (dir) => {
    const file = readModelFiles(dir).config;
    const served = readServedCard({ dir, file, task: TASKS[file.task] });
    expect(served.problem).toBeNull();
    const card = served.card!;
    expect(card.checkpoint).toBe(file.name);
    expect(card.evaluation.byLength.length).toBeGreaterThan(0);
    // Adaptive halting has its thinking time; a one-tick model has none.
    if (file.answerRule === 'certainty-halting') expect(card.evaluation.thinking?.byTicks.length).toBeGreaterThan(1);
    if (file.ticks === 1) expect(card.evaluation.thinking).toBeNull();
  });
});
