import { toRuntimeTensors } from '../io/host-tensors';
import { initRuntime, type ParamTree } from '../runtime';
import { TASKS, type Task } from '../tasks';
import type { Architecture } from './architecture';
import { architecture } from './architectures';
import { readModelFiles, type CheckpointConfig } from './checkpoint-files';

/** A checkpoint directory, loaded and validated, with its weights as runtime tensors. */
export interface LoadedCheckpoint {
  dir: string;
  file: CheckpointConfig;
  arch: Architecture<unknown>;
  task: Task<unknown>;
  config: unknown;
  params: ParamTree;
}

export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  await initRuntime();
  const { config: file, params } = readModelFiles(dir);
  const arch = architecture(file.arch);
  const parsed = arch.configSchema.safeParse(file.model);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${dir}/config.json: model.${issue.path.join('.')}: ${issue.message}`);
  }
  const expected = Object.keys(arch.init(parsed.data, 0)).sort();
  const missing = expected.filter((n) => !(n in params));
  if (missing.length) throw new Error(`${dir}/model.safetensors: missing ${missing.slice(0, 3).join(', ')}`);
  return { dir, file, arch, task: TASKS[file.task], config: parsed.data, params: toRuntimeTensors(params) };
}
