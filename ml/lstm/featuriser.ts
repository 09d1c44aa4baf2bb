import type { CtmConfig } from '../ctm';
import { featurise as ctmFeaturise } from '../ctm/featuriser';
import { paramReader } from '../ctm/params';
import type { ParamTree, Tensor } from '../runtime';
import type { ParamBuilder } from '../nn/param-init';

/**
 * The CTM's token featuriser (ctm.md §1.2) with the CTM's parameter names, so the LSTM baseline sees its input
 * exactly as the CTM does and the comparison is about the recurrent core alone: a learned token table, a learned
 * map of the "custom-rotational-1d" half-circle positions, then kv = LayerNorm(Linear(e + pos)).
 */
export function addFeaturiserParams(b: ParamBuilder, vocab: number, dInput: number): void {
  b.normal('backbone.embedding.weight', [vocab, dInput], 1);
  b.linear('positional_embedding.projection', 2, dInput);
  b.linear('kv_proj.0', dInput, dInput);
  b.layerNorm('kv_proj.1', dInput);
}

/** The CTM featuriser reads only this field of its config. */
const ROTATIONAL = { positionalEmbedding: 'custom-rotational-1d' } as Pick<CtmConfig, 'positionalEmbedding'> as CtmConfig;

/** tokens [B, L] int32 → kv [B, L, d]. Reads the parameters; consumes `tokens`. */
export function featurise(params: ParamTree, tokens: Tensor): Tensor {
  return ctmFeaturise(ROTATIONAL, paramReader(params), tokens);
}
