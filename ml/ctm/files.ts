import { readSafetensorsFile, writeSafetensorsFile } from '../io/safetensors';
import { ctmFromStateDict, ctmToStateDict, type CtmModel } from './checkpoint';
import { CtmConfigSchema, renameLegacyTicks } from './config';

/**
 * A CTM as one safetensors file: the state_dict (reference names; PyTorch can load it) and our config as JSON in
 * `__metadata__.ctm_config`.
 */
export function saveCtmFile(path: string, model: CtmModel, metadata: Record<string, string> = {}): void {
  writeSafetensorsFile(path, ctmToStateDict(model), { ...metadata, format: 'pt', ctm_config: JSON.stringify(model.config) });
}

export function loadCtmFile(path: string): CtmModel {
  const file = readSafetensorsFile(path);
  const raw = file.metadata.ctm_config;
  if (raw === undefined) throw new Error(`${path}: no __metadata__.ctm_config (not a CTM file written by saveCtmFile)`);
  const config = CtmConfigSchema.safeParse(renameLegacyTicks(JSON.parse(raw)));
  if (!config.success) throw new Error(`${path}: invalid ctm_config: ${config.error.message}`);
  return ctmFromStateDict(config.data, file.tensors, path);
}
