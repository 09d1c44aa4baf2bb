import { z } from 'zod';

/** How the neurons whose products form the synchronisation vectors are chosen (ctm.md §1.7). */
export const NEURON_SELECT_TYPES = ['first-last', 'random', 'random-pairing'] as const;
export type NeuronSelectType = (typeof NEURON_SELECT_TYPES)[number];

/**
 * Continuous Thought Machine hyper-parameters (ctm.md §1.1; names are the reference constructor's, camelCased).
 * The model reads `vocab` token ids, attends over them for `ticks` ticks and emits `groups × classes` logits
 * per tick (the reference's `out_dims` with `prediction_reshaper = [groups, classes]`).
 */
export const CtmConfigSchema = z
  .object({
    /** D: neurons (width of the post-activations z). */
    dModel: z.number().int().positive(),
    /** d: attention width (keys, values, query, attention output). */
    dInput: z.number().int().positive(),
    heads: z.number().int().positive(),
    /** T: internal ticks. */
    ticks: z.number().int().positive(),
    /** M: pre-activation history each neuron-level model reads. */
    memoryLength: z.number().int().positive(),
    /** H: hidden width of each neuron-level model. */
    memoryHiddenDims: z.number().int().positive(),
    /** 1 = Linear→GLU→LayerNorm synapses; ≥ 2 = U-Net MLP with this many widths (ctm.md §1.5). */
    synapseDepth: z.number().int().positive(),
    nSynchOut: z.number().int().positive(),
    nSynchAction: z.number().int().positive(),
    neuronSelectType: z.enum(NEURON_SELECT_TYPES),
    /** random-pairing only: how many pairs are (i, i) self-pairs. */
    nRandomPairingSelf: z.number().int().nonnegative().default(0),
    /** Token vocabulary (parity: 2; digits and symbols for addition). */
    vocab: z.number().int().positive().default(2),
    /** G: output groups (parity: positions). */
    groups: z.number().int().positive(),
    /** K: classes per group (parity: 2). */
    classes: z.number().int().min(2),
    positionalEmbedding: z.enum(['custom-rotational-1d', 'none']).default('custom-rotational-1d'),
    /**
     * Initial decay parameter θ of the action / output synchronisation (r = e^−θ per tick). The reference starts at
     * 0 (no decay: every tick so far weighs the same); a positive start makes the synchronisation follow the recent
     * ticks from the first step, which our short CPU runs cannot learn their way to (θ moved < 0.25 in 3,500 steps).
     */
    actionDecayInit: z.number().min(0).max(15).default(0),
    outDecayInit: z.number().min(0).max(15).default(0),
  })
  .superRefine((c, ctx) => {
    if (c.dInput % c.heads !== 0) ctx.addIssue({ code: 'custom', path: ['heads'], message: `dInput ${c.dInput} is not divisible by heads ${c.heads}` });
    if (c.neuronSelectType === 'first-last' && c.nSynchOut + c.nSynchAction > c.dModel) {
      ctx.addIssue({ code: 'custom', path: ['dModel'], message: 'first-last needs dModel ≥ nSynchOut + nSynchAction' });
    }
    if (c.neuronSelectType === 'random-pairing' && c.nRandomPairingSelf > Math.min(c.nSynchOut, c.nSynchAction)) {
      ctx.addIssue({ code: 'custom', path: ['nRandomPairingSelf'], message: 'nRandomPairingSelf exceeds nSynchOut or nSynchAction' });
    }
  });
export type CtmConfig = z.infer<typeof CtmConfigSchema>;

/**
 * Configs written before the tick count was named `ticks` (the golden and regression fixtures made by the reference
 * tools, training states of runs started then) call it `iterations`, the reference's name: read it as `ticks`.
 */
export function renameLegacyTicks(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('iterations' in raw) || 'ticks' in raw) return raw;
  const { iterations, ...rest } = raw as Record<string, unknown>;
  return { ...rest, ticks: iterations };
}
export type CtmConfigInput = z.input<typeof CtmConfigSchema>;

/** Flat output size C = groups × classes (reference `out_dims`). */
export const outDims = (c: CtmConfig): number => c.groups * c.classes;

/** Synchronisation vector size for J selected neurons (ctm.md §1.7): J(J+1)/2 for dense/semi-dense, J for random pairing. */
export function synchSize(c: CtmConfig, kind: 'out' | 'action'): number {
  const n = kind === 'out' ? c.nSynchOut : c.nSynchAction;
  return c.neuronSelectType === 'random-pairing' ? n : (n * (n + 1)) / 2;
}

/** U-Net widths ⌊linspace(D, 16, depth)⌋ (the minimum width 16 is fixed upstream). */
export function unetWidths(c: CtmConfig): number[] {
  const k = c.synapseDepth;
  if (k === 1) return [c.dModel];
  // numpy.linspace's arithmetic (i·step + start, last = stop exactly), so ⌊·⌋ lands on the same integers.
  const step = (16 - c.dModel) / (k - 1);
  return Array.from({ length: k }, (_, i) => (i === k - 1 ? 16 : Math.floor(i * step + c.dModel)));
}

/** The reference constructor's arguments (snake_case, as in golden `cases.json` / checkpoint metadata). */
const ReferenceArgsSchema = z.object({
  d_model: z.number(),
  d_input: z.number(),
  heads: z.number(),
  iterations: z.number(),
  memory_length: z.number(),
  memory_hidden_dims: z.number(),
  synapse_depth: z.number(),
  n_synch_out: z.number(),
  n_synch_action: z.number(),
  neuron_select_type: z.enum(NEURON_SELECT_TYPES),
  n_random_pairing_self: z.number().optional(),
  out_dims: z.number().optional(),
  seq_len: z.number(),
});

/** Our config from the reference's parity constructor arguments (parity backbone: vocab 2, [seq_len, 2] outputs). */
export function configFromReferenceArgs(args: unknown): CtmConfig {
  const a = ReferenceArgsSchema.parse(args);
  if (a.out_dims !== undefined && a.out_dims !== 2 * a.seq_len) throw new Error(`out_dims ${a.out_dims} is not 2·seq_len for a parity model`);
  return CtmConfigSchema.parse({
    dModel: a.d_model,
    dInput: a.d_input,
    heads: a.heads,
    ticks: a.iterations,
    memoryLength: a.memory_length,
    memoryHiddenDims: a.memory_hidden_dims,
    synapseDepth: a.synapse_depth,
    nSynchOut: a.n_synch_out,
    nSynchAction: a.n_synch_action,
    neuronSelectType: a.neuron_select_type,
    nRandomPairingSelf: a.n_random_pairing_self ?? 0,
    vocab: 2,
    groups: a.seq_len,
    classes: 2,
  });
}
