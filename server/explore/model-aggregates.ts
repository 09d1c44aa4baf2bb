import type { Db } from '../../db/client';
import { catalogStamp } from '../../db/queries/suite-lookups';
import {
  modelStamps,
  pairCatalog,
  pairsFromCounts,
  probeCountsByModel,
  stampKey,
  type CatalogPair,
  type ModelStamp,
  type PairCounts,
} from '../../db/queries/pair-tallies';
import { modelSummary, type ModelSummary } from '../../evals/metrics';

/** One model's pair tallies and (lazily) its summary, as of its run counters `stamp`. */
export interface ModelAggregate {
  modelId: string;
  stamp: ModelStamp | undefined;
  pairs: readonly PairCounts[];
  summary: () => ModelSummary;
}

interface CachedModel {
  key: string;
  pairs: readonly PairCounts[];
  summary?: ModelSummary;
}

interface DbCache {
  catalogKey: string;
  catalog: CatalogPair[];
  models: Map<string, CachedModel>;
  /** Results derived from several models' data (comparisons, thinking time), keyed by what and whose. */
  derived: Map<string, { key: string; value: unknown }>;
}

/** Derived results kept per database; the oldest is dropped beyond this (each is a few KB). */
const MAX_DERIVED = 64;

/**
 * Per-database cache of every model's pair tallies and summary. A model's entry is reused while its run counters
 * (runs, last run id, pass/fail/error totals) are unchanged: every write path (recorder, retry, import) moves them, so
 * a stale entry cannot survive a new result. The pair catalogue is reloaded when a suite version is added. Keyed by
 * the Db object, so tests with several databases never see each other's numbers.
 */
const caches = new WeakMap<Db, DbCache>();

const catalogKey = catalogStamp;

function cacheOf(db: Db): DbCache {
  const key = catalogKey(db);
  let cache = caches.get(db);
  if (!cache || cache.catalogKey !== key) {
    cache = { catalogKey: key, catalog: pairCatalog(db), models: new Map(), derived: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The aggregates of the given models, computed once per request: one stamp query for all models, then one
 * index-only scan per model whose counters moved since it was last computed. Unknown ids get empty tallies.
 */
export function modelAggregates(db: Db, modelIds: readonly string[]): Map<string, ModelAggregate> {
  const cache = cacheOf(db);
  const stamps = modelStamps(db);
  const stale = modelIds.filter((id) => cache.models.get(id)?.key !== stampKey(stamps.get(id)));
  const counts = probeCountsByModel(db, stale);
  for (const id of stale) {
    cache.models.set(id, { key: stampKey(stamps.get(id)), pairs: pairsFromCounts(cache.catalog, counts.get(id) ?? new Map()) });
  }
  const result = new Map<string, ModelAggregate>();
  for (const id of modelIds) {
    const entry = cache.models.get(id)!;
    result.set(id, { modelId: id, stamp: stamps.get(id), pairs: entry.pairs, summary: () => (entry.summary ??= modelSummary(entry.pairs)) });
  }
  return result;
}

/** One model's aggregate (see modelAggregates). */
export function modelAggregate(db: Db, modelId: string): ModelAggregate {
  return modelAggregates(db, [modelId]).get(modelId)!;
}

/**
 * Memoises `compute` on the run counters of `modelIds`: recomputed only when one of those models got a new result
 * (or a suite version was added). For the expensive derived numbers: bootstrapped comparisons, thinking time.
 */
export function memoByModels<T>(db: Db, what: string, modelIds: readonly string[], compute: () => T): T {
  const cache = cacheOf(db);
  const stamps = modelStamps(db);
  const name = `${what}\u0000${modelIds.join('\u0000')}`;
  const key = modelIds.map((id) => stampKey(stamps.get(id))).join('/');
  const hit = cache.derived.get(name);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  cache.derived.delete(name);
  cache.derived.set(name, { key, value });
  if (cache.derived.size > MAX_DERIVED) cache.derived.delete(cache.derived.keys().next().value!);
  return value;
}
