/** Percentages and numbers as every page shows them; null (undefined metric) is "n/a", never 0. */
export const pct = (x: number | null | undefined, digits = 0): string => (x == null ? 'n/a' : `${(100 * x).toFixed(digits)}%`);
export const num = (x: number | null | undefined, digits = 2): string => (x == null ? 'n/a' : x.toFixed(digits));
export const interval = (lo: number | null | undefined, hi: number | null | undefined): string =>
  lo == null || hi == null ? '' : `${pct(lo)}–${pct(hi)}`;
export const when = (ms: number | null | undefined): string => (ms == null ? '—' : new Date(ms).toLocaleString());
