import { z } from 'zod';
import { RateLimitSchema } from '../budget/rate-limit';

/** Everything that shapes a run besides model and suite. Recorded on the run, so every result is reproducible. */
export const RunSettingsSchema = z
  .object({
    samples: z.number().int().min(1).max(100).default(1),
    temperature: z.number().min(0).max(2).optional(),
    seed: z.number().int().optional(),
    maxTokens: z.number().int().positive().max(1_000_000).optional(),
    concurrency: z.number().int().min(1).max(512).default(8),
    timeoutMs: z.number().int().min(100).max(3_600_000).default(120_000),
    maxRetries: z.number().int().min(0).max(20).default(4),
    /** Serve repeated requests (same endpoint, model, parameters, sample and prompt) from the response cache. */
    cache: z.boolean().default(false),
    /** The endpoint's shared request budget (server/budget/): at most `requests` starts per `perSeconds`, over every worker. */
    rateLimit: RateLimitSchema.optional(),
  })
  .strict();
export type RunSettings = z.infer<typeof RunSettingsSchema>;
