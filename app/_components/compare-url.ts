import { z } from 'zod';

/** Everything the compare page shows is in its URL: models (in order; the first is the reference), filters, page. */
export const MAX_COMPARED = 4;
export const DISAGREEMENT_PAGE = 20;

export type OutcomeFilter = 'pass' | 'fail' | 'any';

export interface CompareState {
  models: string[];
  /** One per model, aligned with `models`. */
  filters: OutcomeFilter[];
  family: string | undefined;
  /** 1-based page of the disagreement table. */
  page: number;
}

const list = (value: string | null | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
const FilterSchema = z.enum(['pass', 'fail', 'any']).catch('any');
const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * Reads the state from a query string, forgivingly: a hand-edited URL never breaks the page. Duplicate models are
 * dropped and at most four kept; unknown filter words become 'any'; a bad page becomes 1.
 */
export function parseCompareQuery(params: URLSearchParams): CompareState {
  const models = [...new Set(list(params.get('models')))].slice(0, MAX_COMPARED);
  const rawFilters = list(params.get('filter'));
  const filters = models.map((_, i) => FilterSchema.parse(rawFilters[i]));
  const family = params.get('family') || undefined;
  return { models, filters, family, page: PageSchema.parse(params.get('page') ?? 1) };
}

/** The query string of a state (without "?"): only what differs from the defaults, so URLs stay short. */
export function compareQuery(state: CompareState): string {
  const parts: string[] = [];
  if (state.models.length > 0) parts.push(`models=${state.models.map(encodeURIComponent).join(',')}`);
  if (state.filters.some((f) => f !== 'any')) parts.push(`filter=${state.filters.join(',')}`);
  if (state.family) parts.push(`family=${encodeURIComponent(state.family)}`);
  if (state.page > 1) parts.push(`page=${state.page}`);
  return parts.join('&');
}

/** Adds a model (at the end), removes one, or makes one the reference (first), keeping each model's filter. */
export function withModels(state: CompareState, models: string[]): CompareState {
  const filterOf = new Map(state.models.map((m, i) => [m, state.filters[i] ?? 'any']));
  const kept = [...new Set(models)].slice(0, MAX_COMPARED);
  return { ...state, models: kept, filters: kept.map((m) => filterOf.get(m) ?? 'any'), page: 1 };
}
