import { z } from 'zod';

/**
 * The training card of a local checkpoint as the checkpoint server sends it (`GET /v1/models/<id>/card`) and the
 * dashboard reads it: the test-split figures of `checkpoints/<name>/card.json`. One wire contract for both sides, so
 * that ml/serve validates what it sends and server/ validates what it receives with the same schema.
 */

const Proportion = z.number().min(0).max(1);

/** A mean with its 95% interval and the n it rests on (ml/train/thinking-time.ts meanInterval). */
export const MeanIntervalSchema = z.object({ n: z.number().int().min(0), mean: z.number(), low: z.number(), high: z.number() });

/** The card's `evaluation.thinking`: thinking time on the held-out lengths of the test split (ml/train/thinking-time.ts). */
export const ThinkingTimeSchema = z.object({
  /** The halting threshold in force, chosen on the validation split. */
  threshold: Proportion,
  /** The held-out lengths pooled in `byTicks` and the correctness means. */
  lengths: z.array(z.number().int()),
  /** Accuracy if the model is stopped after `ticks` ticks, with its 95% Wilson interval. */
  byTicks: z.array(
    z.object({
      ticks: z.number().int().positive(),
      n: z.number().int().min(0),
      accuracy: Proportion,
      low: Proportion,
      high: Proportion,
      byLength: z.array(z.object({ length: z.number().int(), accuracy: Proportion })),
    }),
  ),
  /** Mean ticks used under adaptive halting, per held-out length. */
  ticksUsedByLength: z.array(MeanIntervalSchema.extend({ length: z.number().int() })),
  /** Mean ticks used under adaptive halting on right and on wrong answers. */
  ticksUsedByCorrectness: z.object({ correct: MeanIntervalSchema, wrong: MeanIntervalSchema }),
});
export type CardThinkingTime = z.infer<typeof ThinkingTimeSchema>;

/** Accuracy at one input length of the test split; `heldOut` false: training saw these inputs too (short lengths). */
export const CardLengthSchema = z.object({
  length: z.number().int(),
  n: z.number().int().min(0),
  accuracy: Proportion,
  low: Proportion,
  high: Proportion,
  meanTicks: z.number(),
  heldOut: z.boolean(),
});

/** One checkpoint's card as served. */
export const CheckpointCardSchema = z.object({
  checkpoint: z.string().min(1),
  arch: z.string().min(1),
  task: z.string().min(1),
  /** The suite family the checkpoint answers. */
  family: z.string().min(1),
  /** What an input's length counts (bits, digits per operand, operations). */
  lengthUnit: z.string().min(1),
  command: z.string(),
  seed: z.number().int(),
  steps: z.number().int(),
  paramCount: z.number().int(),
  ticks: z.number().int().positive(),
  /** certainty-halting (the CTM stops at the first tick this certain) or last-tick (the baselines). */
  answerRule: z.enum(['certainty-halting', 'last-tick']),
  haltThreshold: Proportion,
  evaluation: z.object({
    split: z.literal('test'),
    meanAccuracy: Proportion,
    byLength: z.array(CardLengthSchema),
    /** Null for a one-tick model (nothing to vary). */
    thinking: ThinkingTimeSchema.nullable(),
  }),
  /** What training saw of the evaluated inputs, in the card's words. */
  overlap: z.array(z.string()),
});
export type CheckpointCard = z.infer<typeof CheckpointCardSchema>;

/**
 * The answer of `GET /v1/models/<id>/card`: one entry per checkpoint the model answers with (one for a checkpoint
 * model, one per task for a router such as sawtooth-ctm). A checkpoint without a readable card says why in `problem`.
 */
export const ModelCardsSchema = z.object({
  object: z.literal('sawtooth.model_cards'),
  model: z.string().min(1),
  cards: z.array(
    // One object with a refinement rather than a union: a card out of shape is then reported at its own field.
    z
      .object({ checkpoint: z.string().min(1), card: CheckpointCardSchema.nullable(), problem: z.string().min(1).nullable() })
      .refine((entry) => (entry.card === null) !== (entry.problem === null), { message: 'exactly one of card and problem is set', path: ['problem'] }),
  ),
});
export type ModelCards = z.infer<typeof ModelCardsSchema>;
