import type { PgColumn } from 'drizzle-orm/pg-core';

/** Turns one SQLite value into what the PostgreSQL column takes (null stays null). */
export type ToPg = (value: unknown) => unknown;

function asText(value: unknown): string {
  const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  // PostgreSQL's text cannot hold U+0000 at all: say so, rather than let the server reject a whole batch vaguely.
  if (text.includes('\u0000')) throw new Error('holds a NUL character (U+0000), which PostgreSQL text and jsonb cannot store');
  return text;
}

/**
 * The conversion for one column, by its PostgreSQL type, into a value of the batch's JSON: SQLite stores booleans as
 * 0/1 and JSON as text, and its
 * `unixepoch('subsec') * 1000` default can leave a float a hair off a whole millisecond, which bigint refuses (rounded
 * to the millisecond it is). Numbers and text otherwise pass as they are.
 */
export function toPgConverter(column: PgColumn): ToPg {
  switch (column.columnType) {
    case 'PgBoolean':
      return (v) => (v === null ? null : Number(v) !== 0);
    case 'PgBigInt53':
      return (v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v) : v);
    case 'PgText':
      return (v) => (v === null ? null : asText(v));
    case 'PgJsonb':
      // Parsed, so that the batch's JSON carries the value itself (a JSON string would be stored as a string).
      return (v) => (v === null ? null : JSON.parse(asText(v)));
    default:
      return (v) => v;
  }
}
