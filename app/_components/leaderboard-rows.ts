/** Sorting and filtering of leaderboard rows: pure, so the browser and the unit tests run the same code. */

export const SORT_KEYS = ['model', 'arch', 'index', 'easy', 'hard', 'j', 'u', 'runs'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The fields of a leaderboard row that sorting and filtering read. */
export interface SortableRow {
  model: { id: string; label: string; arch: string; modelName: string };
  easy: { acc: number | null };
  hard: { acc: number | null };
  jaggedness: { j: number | null };
  /** The jaggedness index (the headline; see How to read). Absent: n/a. */
  index?: number | null;
  unevenness: { u: number | null };
  runs: number;
}

function valueOf(row: SortableRow, key: SortKey): string | number | null {
  switch (key) {
    case 'model': return row.model.label.toLowerCase();
    case 'arch': return row.model.arch;
    case 'easy': return row.easy.acc;
    case 'hard': return row.hard.acc;
    case 'index': return row.index ?? null;
    case 'j': return row.jaggedness.j;
    case 'u': return row.unevenness.u;
    case 'runs': return row.runs;
  }
}

/** The direction a column sorts in when first clicked: names A→Z, J and U most jagged first, accuracies best first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'model' || key === 'arch' ? 'asc' : 'desc';
}

/**
 * Sorted copy. Missing values (n/a: a model without results, or without a solved hard probe) always go last, in
 * either direction, so "most jagged first" never starts with models that have no J. Ties keep label order.
 */
export function sortRows<R extends SortableRow>(rows: readonly R[], key: SortKey, direction: SortDirection): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, key);
    const y = valueOf(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    return a.model.label.localeCompare(b.model.label);
  });
}

/** Rows whose label, id or model name contains `text` (any case), and whose arch is `arch` ('all' keeps every arch). */
export function filterRows<R extends SortableRow>(rows: readonly R[], text: string, arch: string): R[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (arch === 'all' || row.model.arch === arch) &&
      (needle === '' || [row.model.label, row.model.id, row.model.modelName].some((s) => s.toLowerCase().includes(needle))),
  );
}

/** The sort kept in the page's URL (`?sort=hard&dir=asc`), so a shared or reloaded leaderboard keeps its order. */
export function sortFromSearch(search: string): { key: SortKey; direction: SortDirection } | null {
  const params = new URLSearchParams(search);
  const key = params.get('sort');
  if (!key || !(SORT_KEYS as readonly string[]).includes(key)) return null;
  const dir = params.get('dir');
  return { key: key as SortKey, direction: dir === 'asc' || dir === 'desc' ? dir : defaultDirection(key as SortKey) };
}

export function searchWithSort(search: string, sort: { key: SortKey; direction: SortDirection }): string {
  const params = new URLSearchParams(search);
  params.set('sort', sort.key);
  params.set('dir', sort.direction);
  return `?${params.toString()}`;
}
