import { discoverListedScope, type ListedScope } from './model-scope';

/** How long a worker reuses what an endpoint listed on /models. */
const LISTED_SCOPE_TTL_MS = 60_000;

/**
 * What endpoints list on /models, asked once per endpoint and model per minute by a worker, not once per run: a
 * chunked run (PostgreSQL) starts its work loop once per chunk of ~48 requests, and asking /models each time cost
 * one extra round trip per chunk (at 300 ms latency, 1 in 7 of a chunk's time).
 */
export function cachedListedScope(
  discover: (baseUrl: string, modelName: string) => Promise<ListedScope> = discoverListedScope,
  now: () => number = Date.now,
): (baseUrl: string, modelName: string) => Promise<ListedScope> {
  const cache = new Map<string, { at: number; scope: Promise<ListedScope> }>();
  return (baseUrl, modelName) => {
    const key = `${baseUrl}\n${modelName}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < LISTED_SCOPE_TTL_MS) return hit.scope;
    const scope = discover(baseUrl, modelName);
    cache.set(key, { at: now(), scope });
    return scope;
  };
}
