import { z } from 'zod';

/**
 * A pre-LayerNorm Transformer encoder with a per-position head (ctm.md §8). Inputs and outputs are the task's:
 * `seqLen` tokens → `groups` × `classes` logits, one group per position (so groups must equal seqLen).
 */
export const TransformerConfigSchema = z
  .object({
    vocab: z.number().int().positive(),
    seqLen: z.number().int().positive(),
    groups: z.number().int().positive(),
    classes: z.number().int().min(2),
    dModel: z.number().int().positive(),
    heads: z.number().int().positive(),
    layers: z.number().int().positive(),
    /** FFN width = ffnMult · dModel. */
    ffnMult: z.number().int().positive().default(4),
    /** Causal self-attention (position i sees positions ≤ i); default bidirectional, like the CTM's view. */
    causal: z.boolean().default(false),
  })
  .refine((c) => c.dModel % c.heads === 0, { message: 'dModel must be divisible by heads', path: ['heads'] })
  .refine((c) => c.groups === c.seqLen, { message: 'the per-position head needs groups === seqLen', path: ['groups'] });
export type TransformerConfig = z.infer<typeof TransformerConfigSchema>;
