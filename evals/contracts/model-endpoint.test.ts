import { describe, expect, it } from 'vitest';
import { ApiKeyEnvSchema, ModelConfigSchema, ModelEndpointSchema, modelRecordFromConfig } from './model-endpoint';

describe('the one model-endpoint contract', () => {
  it('applies the same env-var-name rule to the form, the config file and the CLI', () => {
    expect(ApiKeyEnvSchema.safeParse('OPENAI_API_KEY').success).toBe(true);
    expect(ApiKeyEnvSchema.safeParse('openai_key').success).toBe(false);
    const entry = { id: 'm', baseURL: 'http://127.0.0.1:9/v1', model: 'x' };
    expect(ModelConfigSchema.safeParse({ ...entry, apiKeyEnv: 'OPENAI_API_KEY' }).success).toBe(true);
    expect(ModelConfigSchema.safeParse({ ...entry, apiKeyEnv: 'openai_key' }).success).toBe(false);
  });

  it('turns a config entry into the stored row the form would also produce', () => {
    const row = modelRecordFromConfig({ id: 'm', baseURL: 'http://127.0.0.1:9/v1', model: 'x', price: { inputPerMTok: 1, outputPerMTok: 2 } }, 'cli');
    expect(row).toEqual({
      id: 'm', label: 'm', arch: 'llm', baseUrl: 'http://127.0.0.1:9/v1', modelName: 'x', apiKeyEnv: null, temperature: null,
      maxTokens: null, systemPrompt: null, reasoning: false, priceInput: 1, priceOutput: 2, scope: null, origin: 'cli',
    });
    const scoped = modelRecordFromConfig({ id: 'c', baseURL: 'http://127.0.0.1:9/v1', model: 'c', families: ['algorithmic.parity'], domains: ['arithmetic'] });
    expect(scoped.scope).toEqual({ families: ['algorithmic.parity'], domains: ['arithmetic'] });
    const { origin: _origin, ...endpoint } = row;
    expect(ModelEndpointSchema.safeParse(endpoint).success).toBe(true);
  });
});
