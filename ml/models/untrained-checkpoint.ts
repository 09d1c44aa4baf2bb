import { join } from 'node:path';
import { TASKS, type TaskName } from '../tasks';
import type { ArchName } from './architecture';
import { architecture } from './architectures';
import { CHECKPOINT_FORMAT, writeModelFiles } from './checkpoint-files';
import { countHostParams } from '../nn/param-init';

/**
 * Writes a freshly initialised (untrained) checkpoint: real files the server loads like any other, small and quick
 * to compile. For tests and benchmarks of the serving path, where what matters is the plumbing, not the accuracy.
 */
export function writeUntrainedCheckpoint(
  parent: string,
  arch: ArchName,
  task: TaskName,
  options: { ticks?: number; seed?: number; model?: Record<string, unknown>; haltThreshold?: number } = {},
): string {
  const a = architecture(arch);
  const t = TASKS[task];
  const base = a.defaultConfig(t, { ticks: options.ticks }) as Record<string, unknown>;
  const config = a.configSchema.parse({ ...base, ...options.model });
  const params = a.init(config, options.seed ?? 1);
  const name = `${arch}-${task}`;
  const dir = join(parent, name);
  writeModelFiles(
    dir,
    {
      format: CHECKPOINT_FORMAT,
      name,
      arch,
      task,
      model: config as Record<string, unknown>,
      paramCount: countHostParams(params),
      ticks: a.ticks(config),
      answerRule: a.answerRule,
      haltThreshold: options.haltThreshold ?? (a.answerRule === 'certainty-halting' ? 0.9 : 1),
    },
    params,
  );
  return dir;
}
