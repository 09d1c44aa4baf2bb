import { z } from 'zod';

/**
 * A per-endpoint request budget: at most `requests` requests start in any window of `perSeconds` seconds, summed over
 * every worker process on every machine that shares the database. Part of a run's settings (`eval --rate-limit
 * 600/60`), so that it travels with the run to whichever worker claims it.
 */
export const RateLimitSchema = z
  .object({
    requests: z.number().int('requests must be a whole number').min(1, 'requests must be at least 1').max(100_000, 'requests must be at most 100000'),
    perSeconds: z.number().positive('perSeconds must be more than 0').max(86_400, 'perSeconds must be at most 86400 (a day)'),
  })
  .strict();
export type RateLimit = z.infer<typeof RateLimitSchema>;

/** Parses the CLI form `<requests>/<seconds>` (e.g. `600/60`: 600 requests a minute); throws one line naming what is wrong. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not <requests>/<seconds>, e.g. 600/60 for 600 requests a minute`);
  const parsed = RateLimitSchema.safeParse({ requests: Number(match[1]), perSeconds: Number(match[2]) });
  if (!parsed.success) throw new Error(`"${text}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
