import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../testing/store-backends/backends';
import { syncConfigModels } from '../../models/sync-models';
import { SawtoothConfigSchema } from '../../models/model-config';
import { startOpenAITestServer, type OpenAITestServer } from '../../../testing/openai-test-server';
import { freePort } from '../../../testing/browser/next-server';
import { createCaller } from '../root';

const KEY_VAR = 'ADMIN_TEST_API_KEY';
const KEY = 'sk-admin-test-0123456789abcdef';

const endpoint = (over: Record<string, unknown> = {}) => ({
  id: 'ui-model', label: 'UI model', arch: 'llm' as const, baseUrl: 'http://127.0.0.1:9/v1', modelName: 'test-model', apiKeyEnv: null,
  temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null, ...over,
});

describeEachBackend('adminModels router', (dialect) => {
  let database: TestDatabase;
  let server: OpenAITestServer;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    process.env[KEY_VAR] = KEY;
    database = await freshDatabase(dialect);
    await syncConfigModels(database.store, SawtoothConfigSchema.parse({ models: [{ id: 'from-config', baseURL: 'http://127.0.0.1:9/v1', model: 'x' }] }));
    caller = createCaller({ store: database.store });
    server = await startOpenAITestServer({ answer: () => 'ok', requireApiKey: KEY });
  });
  afterAll(async () => {
    delete process.env[KEY_VAR];
    await server.close();
    await database.drop();
  });

  it('adds a model with the NAME of its key variable and lists whether that variable is set', async () => {
    await caller.adminModels.create(endpoint({ baseUrl: server.url, apiKeyEnv: KEY_VAR, temperature: 0.2, priceInput: 1, priceOutput: 2 }));
    const listed = (await caller.adminModels.list()).find((m) => m.id === 'ui-model');
    expect(listed).toMatchObject({ origin: 'ui', apiKeyEnv: KEY_VAR, keyVarSet: true, temperature: 0.2, runs: 0 });
    expect(JSON.stringify(await caller.adminModels.list())).not.toContain(KEY);
    await expect(caller.adminModels.create(endpoint())).rejects.toThrow(/already exists/);
  });

  it('refuses a key value where the variable name belongs, without echoing it', async () => {
    const attempt = caller.adminModels.create(endpoint({ id: 'leaky', apiKeyEnv: KEY }));
    await expect(attempt).rejects.toThrow(/looks like an API key/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain(KEY));
    await expect(caller.adminModels.create(endpoint({ id: 'lower', apiKeyEnv: 'openai_key' }))).rejects.toThrow(/NAME of an environment variable/);
  });

  it('edits a dashboard model but not one from the config file', async () => {
    await caller.adminModels.update(endpoint({ baseUrl: server.url, apiKeyEnv: KEY_VAR, label: 'Renamed', maxTokens: 64 }));
    expect(await caller.adminModels.get({ id: 'ui-model' })).toMatchObject({ label: 'Renamed', maxTokens: 64 });
    await expect(caller.adminModels.update(endpoint({ id: 'from-config' }))).rejects.toThrow(/config file/);
  });

  it('tests a connection: ok with latency through the key variable, classified errors otherwise', async () => {
    const ok = await caller.adminModels.testConnection({ id: 'ui-model' });
    expect(ok).toMatchObject({ ok: true, keyVarSet: true });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    const noKey = await caller.adminModels.testConnection({ baseUrl: server.url, modelName: 'test-model', apiKeyEnv: 'UNSET_TEST_API_KEY', reasoning: false });
    expect(noKey).toMatchObject({ ok: false, kind: 'auth', keyVarSet: false });
    const port = await freePort();
    const refused = await caller.adminModels.testConnection({ baseUrl: `http://127.0.0.1:${port}/v1`, modelName: 'm', apiKeyEnv: null, reasoning: false });
    expect(refused).toMatchObject({ ok: false, kind: 'connection' });
    expect(JSON.stringify([ok, noKey, refused])).not.toContain(KEY);
  });

  it('checks the model name against GET /v1/models and a URL without /v1, each in one message', async () => {
    const wrongName = await caller.adminModels.testConnection({ baseUrl: server.url, modelName: 'Test-Model', apiKeyEnv: KEY_VAR, reasoning: false });
    expect(wrongName).toMatchObject({ ok: false, kind: 'not_found', servedModels: ['test-model'] });
    if (wrongName.ok) throw new Error('expected a failure');
    expect(wrongName.message).toBe('this endpoint does not serve "Test-Model" (did you mean "test-model"?); it serves: test-model');
    const noVersion = server.url.replace(/\/v1$/, '');
    const missingV1 = await caller.adminModels.testConnection({ baseUrl: noVersion, modelName: 'test-model', apiKeyEnv: KEY_VAR, reasoning: false });
    expect(missingV1).toMatchObject({ ok: false, kind: 'not_found', urlProblem: { suggestion: `${noVersion}/v1` } });
    if (missingV1.ok) throw new Error('expected a failure');
    expect(missingV1.message).toBe(`nothing at ${noVersion} (HTTP 404): has no version segment: OpenAI-compatible servers usually answer under /v1; try ${noVersion}/v1`);
  });

  it('renames and removes a dashboard model, but not one from the config file', async () => {
    await caller.adminModels.rename({ id: 'ui-model', label: 'Kept name' });
    expect((await caller.adminModels.get({ id: 'ui-model' })).label).toBe('Kept name');
    await expect(caller.adminModels.remove({ id: 'from-config' })).rejects.toThrow(/sawtooth\.config\.json/);
    await expect(caller.adminModels.rename({ id: 'from-config', label: 'x' })).rejects.toThrow(/config file/);
    expect(await caller.adminModels.remove({ id: 'ui-model' })).toEqual({ runs: 0, results: 0 });
    expect((await caller.adminModels.list()).map((m) => m.id)).toEqual(['from-config']);
    await expect(caller.adminModels.remove({ id: 'ui-model' })).rejects.toThrow(/not found/);
  });
});
