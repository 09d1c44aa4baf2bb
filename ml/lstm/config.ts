import { z } from 'zod';

/**
 * The CTM paper's LSTM baseline (ctm.md §8): the CTM's token featuriser and per-tick cross-attention, with an
 * LSTM cell in place of synapses + neuron-level models + synchronisation.
 */
export const LstmConfigSchema = z
  .object({
    vocab: z.number().int().positive(),
    seqLen: z.number().int().min(2),
    groups: z.number().int().positive(),
    classes: z.number().int().min(2),
    /** Hidden (and cell) width. */
    dModel: z.number().int().positive(),
    /** Attention width (keys, values, query, attention output = LSTM input). */
    dInput: z.number().int().positive(),
    heads: z.number().int().positive(),
    ticks: z.number().int().positive(),
  })
  .refine((c) => c.dInput % c.heads === 0, { message: 'dInput must be divisible by heads', path: ['heads'] });
export type LstmConfig = z.infer<typeof LstmConfigSchema>;
