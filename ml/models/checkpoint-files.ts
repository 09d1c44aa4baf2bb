import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readSafetensorsFile, writeSafetensorsFile } from '../io/safetensors';
import { TASK_NAMES } from '../tasks';
import { ARCH_NAMES } from './architecture';
import type { HostParams } from '../nn/param-init';

export const CHECKPOINT_FORMAT = 'sawtooth-checkpoint/1';

/** config.json of a checkpoint directory: what the server needs to rebuild the model. */
export const CheckpointConfigSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  /** The served model id, `<arch>-<task>` for shipped checkpoints. */
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  arch: z.enum(ARCH_NAMES),
  task: z.enum(TASK_NAMES),
  /** The architecture's own configuration (validated again by its schema when loaded). */
  model: z.record(z.string(), z.unknown()),
  paramCount: z.number().int().positive(),
  ticks: z.number().int().positive(),
  answerRule: z.enum(['certainty-halting', 'last-tick']),
  /** Certainty at which the model stops thinking (CTM); baselines answer at their last tick. */
  haltThreshold: z.number().min(0).max(1),
});
export type CheckpointConfig = z.infer<typeof CheckpointConfigSchema>;

export const MODEL_FILE = 'model.safetensors';
export const CONFIG_FILE = 'config.json';
export const CARD_JSON = 'card.json';
export const CARD_MD = 'card.md';

/** Writes model.safetensors and config.json. */
export function writeModelFiles(dir: string, config: CheckpointConfig, params: HostParams): void {
  mkdirSync(dir, { recursive: true });
  writeSafetensorsFile(join(dir, MODEL_FILE), params, { format: CHECKPOINT_FORMAT, name: config.name });
  writeFileSync(join(dir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** Reads a checkpoint directory's config.json and weights; errors name the directory and the problem. */
export function readModelFiles(dir: string): { config: CheckpointConfig; params: HostParams } {
  const configPath = join(dir, CONFIG_FILE);
  if (!existsSync(configPath)) throw new Error(`${dir}: no ${CONFIG_FILE}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    throw new Error(`${configPath}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = CheckpointConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${configPath}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const { tensors } = readSafetensorsFile(join(dir, MODEL_FILE));
  return { config: parsed.data, params: tensors };
}
