import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readSafetensorsFile, writeSafetensorsFile, type HostTensor } from '../io/safetensors';
import type { HostParams } from '../nn/param-init';

/** Where the resumable training state lives inside the output directory (removed when training completes). */
export const STATE_DIR = 'training';
const STATE_FILE = 'state.safetensors';

/** Everything besides tensors that a resumed run must match or restore. */
export const StateMetaSchema = z.object({
  arch: z.string(),
  task: z.string(),
  seed: z.number().int(),
  step: z.number().int().nonnegative(),
  elapsedSeconds: z.number().nonnegative(),
  model: z.record(z.string(), z.unknown()),
});
export type StateMeta = z.infer<typeof StateMetaSchema>;

export interface TrainingState {
  meta: StateMeta;
  params: HostParams;
  m: HostParams;
  v: HostParams;
}

/** Writes the state atomically (temp file + rename), so a kill mid-write leaves the previous checkpoint intact. */
export function writeTrainingState(outDir: string, state: TrainingState): void {
  const dir = join(outDir, STATE_DIR);
  mkdirSync(dir, { recursive: true });
  const tensors: Record<string, HostTensor> = {};
  for (const [n, t] of Object.entries(state.params)) tensors[`param.${n}`] = t;
  for (const [n, t] of Object.entries(state.m)) tensors[`adam.m.${n}`] = t;
  for (const [n, t] of Object.entries(state.v)) tensors[`adam.v.${n}`] = t;
  const tmp = join(dir, `${STATE_FILE}.tmp`);
  writeSafetensorsFile(tmp, tensors, { meta: JSON.stringify(state.meta) });
  renameSync(tmp, join(dir, STATE_FILE));
}

/** The last saved state, or null when the directory has none. */
export function readTrainingState(outDir: string): TrainingState | null {
  const path = join(outDir, STATE_DIR, STATE_FILE);
  if (!existsSync(path)) return null;
  const { tensors, metadata } = readSafetensorsFile(path);
  const meta = StateMetaSchema.parse(JSON.parse(metadata.meta ?? 'null'));
  const state: TrainingState = { meta, params: {}, m: {}, v: {} };
  for (const [name, t] of Object.entries(tensors)) {
    const [kind, ...rest] = name.split('.');
    if (kind === 'param') state.params[rest.join('.')] = t;
    else if (kind === 'adam' && rest[0] === 'm') state.m[rest.slice(1).join('.')] = t;
    else if (kind === 'adam' && rest[0] === 'v') state.v[rest.slice(1).join('.')] = t;
    else throw new Error(`${path}: unexpected tensor ${name}`);
  }
  return state;
}
