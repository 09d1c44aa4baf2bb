import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSafetensorsFile } from '../io/safetensors';
import { trainCommand } from '../../scripts/commands/train';
import { CardFileSchema } from './card-schema';
import { loadCheckpoint } from '../models/load-checkpoint';
import { runTraining, type TrainOptions } from './run-training';
import { STATE_DIR } from './training-state';

const root = mkdtempSync(join(tmpdir(), 'sawtooth-train-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = (outDir: string): TrainOptions => ({
  arch: 'transformer',
  task: 'addition',
  seed: 4,
  outDir,
  steps: 6,
  resume: false,
  checkpointEvery: 1000,
  suiteKeys: ['47+85'],
  suiteNote: 'test suite',
  command: 'test',
  progress: () => {},
});

describe('training', () => {
  it('resuming from a saved state gives exactly the weights of an uninterrupted run', async () => {
    const straight = join(root, 'straight');
    const resumed = join(root, 'resumed');
    const { card } = await runTraining(base(straight));
    expect(card).not.toBeNull();

    const stopped = await runTraining({ ...base(resumed), stopAfterSteps: 3 });
    expect(stopped.card).toBeNull();
    expect(existsSync(join(resumed, STATE_DIR, 'state.safetensors'))).toBe(true);
    expect(existsSync(join(resumed, 'model.safetensors'))).toBe(false);
    await runTraining({ ...base(resumed), resume: true });

    const a = readSafetensorsFile(join(straight, 'model.safetensors')).tensors;
    const b = readSafetensorsFile(join(resumed, 'model.safetensors')).tensors;
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(Array.from(b[name]!.data), name).toEqual(Array.from(a[name]!.data));
    expect(existsSync(join(resumed, STATE_DIR))).toBe(false); // removed once training completes
  }, 600_000);

  it('writes a loadable checkpoint and a card with accuracy for every length', async () => {
    const dir = join(root, 'straight');
    const card = CardFileSchema.parse(JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8')));
    expect(card.evaluation.byLength.map((r) => r.length)).toEqual([1, 2, 3, 4, 5]);
    expect(card.steps).toBe(6);
    expect(card.overlap[0]).toBe('test suite');
    expect(readFileSync(join(dir, 'card.md'), 'utf8')).toMatch(/\| 5 \| 256 \|/);
    const loaded = await loadCheckpoint(dir);
    expect(loaded.file).toMatchObject({ name: 'transformer-addition', arch: 'transformer', task: 'addition', ticks: 1 });
    expect(loaded.file.paramCount).toBe(card.paramCount);
  }, 120_000);

  it('--eval-only re-evaluates a checkpoint to the numbers of its card', async () => {
    const dir = join(root, 'straight');
    const card = CardFileSchema.parse(JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8')));
    let out = '';
    const code = await trainCommand.run(['--eval-only', '--out', dir, '--json'], { stdout: (t) => (out += t), stderr: () => {} });
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.byLength).toEqual(card.evaluation.byLength);
  }, 120_000);

  it('refuses to resume a state of another run', async () => {
    const dir = join(root, 'other');
    await runTraining({ ...base(dir), stopAfterSteps: 2 });
    await expect(runTraining({ ...base(dir), seed: 5, resume: true })).rejects.toThrow(/seed 4 run, not transformer\/addition seed 5/);
  }, 120_000);
});
