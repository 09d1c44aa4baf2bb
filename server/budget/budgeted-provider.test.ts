import { expect, it } from 'vitest';
import type { ModelRow } from '../../db/queries/models';
import type { Provider } from '../providers/types';
import { RunSettingsSchema } from '../runner/run-settings';
import { withRateBudget } from './budgeted-provider';
import type { RateBudget } from './rate-budget';

const model = { id: 'm', baseUrl: 'http://api.example/v1' } as ModelRow;
const answered: Provider = { chat: async () => ({ ok: true, text: 'ok', finishReason: 'stop', latencyMs: 1 }) };

it('asks the budget of the model\'s endpoint before every attempt of a run with a rate limit, and not otherwise', async () => {
  const asked: string[] = [];
  const budget: RateBudget = { acquire: async (endpoint, limit) => (asked.push(`${endpoint} ${limit.requests}/${limit.perSeconds}`), 0) };
  const limited = withRateBudget(() => answered, budget)(model, RunSettingsSchema.parse({ rateLimit: { requests: 5, perSeconds: 60 } }));
  expect((await limited.chat({ model: 'x', messages: [] })).ok).toBe(true);
  expect((await limited.chat({ model: 'x', messages: [] })).ok).toBe(true);
  expect(asked).toEqual(['http://api.example/v1 5/60', 'http://api.example/v1 5/60']);
  const free = withRateBudget(() => answered, budget)(model, RunSettingsSchema.parse({}));
  expect(free).toBe(answered);
});

it('a wait cancelled by the run is a cancelled request; a budget that fails is a retryable connection error', async () => {
  const abort = new AbortController();
  abort.abort(new Error('stop'));
  const refusing: RateBudget = { acquire: async (_e, _l, signal) => Promise.reject(signal?.reason ?? new Error('database is down')) };
  const provider = withRateBudget(() => answered, refusing)(model, RunSettingsSchema.parse({ rateLimit: { requests: 1, perSeconds: 1 } }));
  const cancelled = await provider.chat({ model: 'x', messages: [], signal: abort.signal });
  expect(cancelled.ok === false && cancelled.error).toMatchObject({ aborted: true, retryable: false });
  const failed = await provider.chat({ model: 'x', messages: [] });
  expect(failed.ok === false && failed.error).toMatchObject({ kind: 'connection', retryable: true });
  expect(failed.ok === false && failed.error.message).toContain('database is down');
});

it('rejects a bad rate limit in run settings with the field named', () => {
  const bad = RunSettingsSchema.safeParse({ rateLimit: { requests: 0, perSeconds: 60 } });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]?.message).toBe('requests must be at least 1');
  expect(bad.error?.issues[0]?.path).toEqual(['rateLimit', 'requests']);
});
