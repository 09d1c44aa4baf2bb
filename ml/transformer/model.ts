import { fromFloat32, keep, ops, Prng, type ParamTree, type Tensor } from '../runtime';
import { ParamBuilder, type HostParams } from '../nn/param-init';
import { multiheadAttention, param } from '../nn/attention';
import type { TransformerConfig } from './config';

/**
 * Parameters (PyTorch-style names):
 *   embedding.weight [V, d]            token embedding, N(0, 1)
 *   position.weight  [L, d]            learned absolute positions, N(0, 0.02)
 *   blocks.i.ln1.*, blocks.i.attn.*    pre-LN self-attention (nn.MultiheadAttention layout)
 *   blocks.i.ln2.*, blocks.i.ffn1.*, blocks.i.ffn2.*   pre-LN GELU MLP d → ffnMult·d → d
 *   ln_f.*                             final LayerNorm
 *   head.weight [K, d], head.bias [K]  per-position classifier
 */
export function initTransformer(config: TransformerConfig, seed: number): HostParams {
  const b = new ParamBuilder(new Prng(seed));
  const d = config.dModel;
  b.normal('embedding.weight', [config.vocab, d], 1);
  b.normal('position.weight', [config.seqLen, d], 0.02);
  for (let i = 0; i < config.layers; i++) {
    b.layerNorm(`blocks.${i}.ln1`, d);
    b.multiheadAttention(`blocks.${i}.attn`, d);
    b.layerNorm(`blocks.${i}.ln2`, d);
    b.linear(`blocks.${i}.ffn1`, d, config.ffnMult * d);
    b.linear(`blocks.${i}.ffn2`, config.ffnMult * d, d);
  }
  b.layerNorm('ln_f', d);
  b.linear('head', d, config.classes);
  return b.params;
}

/** Additive causal mask [L, L]: 0 on and below the diagonal, -1e9 above. */
function causalMask(length: number): Tensor {
  const data = new Float32Array(length * length);
  for (let i = 0; i < length; i++) for (let j = i + 1; j < length; j++) data[i * length + j] = -1e9;
  return fromFloat32(data, [length, length]);
}

function layerNorm(params: ParamTree, name: string, x: Tensor): Tensor {
  return ops.layerNorm(x, keep(param(params, `${name}.weight`)), keep(param(params, `${name}.bias`)));
}

function linear(params: ParamTree, name: string, x: Tensor): Tensor {
  return ops.linear(x, keep(param(params, `${name}.weight`)), keep(param(params, `${name}.bias`)));
}

/**
 * tokens [B, L] int32 → logits [B, L, K]. Reads the parameters without consuming them; consumes `tokens`.
 * Shapes in comments: B batch, L positions, d width.
 */
export function transformerForward(params: ParamTree, tokens: Tensor, config: TransformerConfig): Tensor {
  const tokenEmb = ops.take(keep(param(params, 'embedding.weight')), tokens, 0); // [B, L, d]
  let x = ops.add(tokenEmb, keep(param(params, 'position.weight'))); // + [L, d] broadcast
  for (let i = 0; i < config.layers; i++) {
    const pre = `blocks.${i}`;
    const h = layerNorm(params, `${pre}.ln1`, keep(x));
    const mask = config.causal ? causalMask(config.seqLen) : undefined;
    x = ops.add(x, multiheadAttention(params, `${pre}.attn`, keep(h), h, config.heads, mask));
    const f = linear(params, `${pre}.ffn2`, ops.gelu(linear(params, `${pre}.ffn1`, layerNorm(params, `${pre}.ln2`, keep(x)))));
    x = ops.add(x, f);
  }
  return linear(params, 'head', layerNorm(params, 'ln_f', x)); // [B, L, K]
}
