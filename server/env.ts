import { z } from 'zod';

/**
 * The one module that reads process.env (ESLint refuses it elsewhere). Validated once, so a bad environment fails
 * at start with a message naming the variable. API keys are the exception: they are read at call time, by name,
 * through `readApiKey`, so that a key is never copied into config objects, the database or logs.
 */
const EnvSchema = z.object({
  SAWTOOTH_DB: z.string().min(1).default('data/sawtooth.db'),
  SAWTOOTH_CONFIG: z.string().min(1).default('sawtooth.config.json'),
  /** When set, every page and API route requires it (cookie, bearer header or ?token=). */
  SAWTOOTH_AUTH_TOKEN: z.string().min(8, 'SAWTOOTH_AUTH_TOKEN must be at least 8 characters').optional(),
  /** "0" turns off the worker that runs inside the dashboard server. */
  SAWTOOTH_WORKER: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Reads an API key by the NAME of its env var, at call time. Returns undefined when the variable is unset or empty. */
export function readApiKey(varName: string | null | undefined): string | undefined {
  if (!varName) return undefined;
  const value = process.env[varName];
  return value && value.length > 0 ? value : undefined;
}

/** The environment for a child process we start (our own servers), with overrides. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
