import { z } from 'zod';
import { apiKeyVarProblem } from '../evals/contracts/model-endpoint';

/**
 * The one module that reads process.env (ESLint refuses it elsewhere). Validated once, so a bad environment fails
 * at start with a message naming the variable. API keys are the exception: they are read at call time, by name,
 * through `readApiKey`, so that a key is never copied into config objects, the database or logs.
 */
const EnvSchema = z.object({
  SAWTOOTH_DB: z.string().min(1).default('data/sawtooth.db'),
  /** A shared PostgreSQL database (postgres://user:password@host:port/db): when set, it replaces the SQLite file everywhere. */
  SAWTOOTH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, 'SAWTOOTH_DATABASE_URL must be a postgres:// (or postgresql://) URL')
    .optional(),
  SAWTOOTH_CONFIG: z.string().min(1).default('sawtooth.config.json'),
  /** When set, every page and API route requires it (cookie, bearer header or ?token=). */
  SAWTOOTH_AUTH_TOKEN: z.string().min(8, 'SAWTOOTH_AUTH_TOKEN must be at least 8 characters').optional(),
  /** "0" turns off the worker that runs inside the dashboard server. */
  SAWTOOTH_WORKER: z.enum(['0', '1']).default('1'),
  /** Extra variable names that may be sent as API keys besides *_API_KEY / *_API_TOKEN, comma-separated (e.g. HF_TOKEN). */
  SAWTOOTH_API_KEY_VARS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== ''))
    .pipe(z.array(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'SAWTOOTH_API_KEY_VARS: comma-separated variable NAMES (e.g. HF_TOKEN)'))),
  /** Host names (besides loopback) the dashboard answers to without a token, comma-separated; `up --host` adds its own. */
  SAWTOOTH_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '')),
  /** `npm start` conventions (as for `next start`): the dashboard's port and host when no flag gives them. */
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  HOSTNAME: z.string().min(1).optional(),
  /** The local checkpoint server's port, overriding localServer.port of the config (`up --checkpoint-port` sets it). */
  SAWTOOTH_CHECKPOINT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});
export type Env = z.infer<typeof EnvSchema>;

/** The environment is invalid: the message names the variable and what is wrong (one line, no stack). */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

let cached: Env | undefined;

/** The database every command, worker and the dashboard open: the PostgreSQL URL when set, else the SQLite file. */
export function databaseTarget(): string {
  return env().SAWTOOTH_DATABASE_URL ?? env().SAWTOOTH_DB;
}

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`invalid environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** Why this variable may not be used as an API key (see apiKeyVarProblem), or null when it may. */
export function apiKeyVarRefusal(varName: string): string | null {
  return apiKeyVarProblem(varName, env().SAWTOOTH_API_KEY_VARS);
}

/**
 * Reads an API key by the NAME of its env var, at call time. Returns undefined when the variable is unset or empty,
 * and for a name that is not plainly an API key's (so no path can send PATH or SAWTOOTH_AUTH_TOKEN to an endpoint).
 */
export function readApiKey(varName: string | null | undefined): string | undefined {
  if (!varName || apiKeyVarRefusal(varName) !== null) return undefined;
  const value = process.env[varName];
  return value && value.length > 0 ? value : undefined;
}

/** The environment for a child process we start (our own servers), with overrides. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
