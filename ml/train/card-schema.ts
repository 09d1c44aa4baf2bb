import { z } from 'zod';

/** card.json as read back (dashboard, README tables, tests): the fields readers rely on. */
export const CardFileSchema = z.looseObject({
  name: z.string(),
  arch: z.string(),
  task: z.string(),
  command: z.string(),
  seed: z.number().int(),
  steps: z.number().int(),
  wallTimeSeconds: z.number(),
  paramCount: z.number().int(),
  ticks: z.number().int(),
  haltThreshold: z.number(),
  evaluation: z.looseObject({
    meanAccuracy: z.number(),
    split: z.literal('test'),
    seed: z.number().int(),
    perLength: z.number().int(),
    byLength: z.array(
      z.object({ length: z.number(), n: z.number(), accuracy: z.number(), low: z.number(), high: z.number(), meanTicks: z.number(), heldOut: z.boolean() }),
    ),
  }),
  overlap: z.array(z.string()),
});
