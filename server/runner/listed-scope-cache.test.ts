import { expect, it } from 'vitest';
import { cachedListedScope } from './listed-scope-cache';

it('asks an endpoint\'s /models once a minute per model, not once per run', async () => {
  let now = 0;
  const asked: string[] = [];
  const listed = cachedListedScope(async (url, model) => (asked.push(`${url} ${model}`), { families: [model] }), () => now);
  expect(await listed('http://a/v1', 'm')).toEqual({ families: ['m'] });
  await listed('http://a/v1', 'm');
  await listed('http://a/v1', 'other');
  now += 60_000;
  await listed('http://a/v1', 'm');
  expect(asked).toEqual(['http://a/v1 m', 'http://a/v1 other', 'http://a/v1 m']);
});
