import type { ArchName, Architecture } from './architecture';
import { ctmArch } from './ctm-arch';
import { lstmArch } from './lstm-arch';
import { transformerArch } from './transformer-arch';

/** Every architecture by name (`unknown` config: callers pass configs only back to the same architecture). */
export const ARCHITECTURES: Partial<Record<ArchName, Architecture<unknown>>> = {
  ctm: ctmArch as Architecture<unknown>,
  transformer: transformerArch as Architecture<unknown>,
  lstm: lstmArch as Architecture<unknown>,
};

export function architecture(name: ArchName): Architecture<unknown> {
  const arch = ARCHITECTURES[name];
  if (!arch) throw new Error(`architecture ${name} is not available`);
  return arch;
}
