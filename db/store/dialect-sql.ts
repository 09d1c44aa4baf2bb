import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from './store';

/**
 * The few places where SQLite's and PostgreSQL's SQL differ, each named once. Everything else in db/queries is
 * written once, in the SQL both engines share.
 */

type ListType = 'int' | 'text';

const PG_ARRAY: Record<ListType, SQL> = { int: sql.raw('bigint[]'), text: sql.raw('text[]') };

/**
 * `column IN (values)` for a list of any length, bound as ONE parameter (SQLite: a JSON array read by json_each;
 * PostgreSQL: an array), so a long list neither hits the parameter limit nor makes a new statement per length.
 */
export function inList(db: SqlRunner, column: SQL, values: readonly (number | string)[], type: ListType = 'int'): SQL {
  return db.dialect === 'pg'
    ? sql`${column} = ANY(${sql.param([...values])}::${PG_ARRAY[type]})`
    : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/** A list as a table with one column `value`, to join or select from: `FROM ${listTable(db, ids, 'int', 'chosen')}`. */
export function listTable(db: SqlRunner, values: readonly (number | string)[], type: ListType, alias: string): SQL {
  const name = sql.identifier(alias);
  return db.dialect === 'pg'
    ? sql`unnest(${sql.param([...values])}::${PG_ARRAY[type]}) AS ${name}(value)`
    : sql`json_each(${JSON.stringify(values)}) AS ${name}`;
}

type FieldType = 'int' | 'text' | 'real';

const PG_FIELD: Record<FieldType, string> = { int: 'bigint', text: 'text', real: 'double precision' };

/**
 * Rows of objects passed as one parameter, as a table with the named fields as columns:
 * `FROM ${objectsTable(db, wanted, { modelId: 'text', probeKey: 'int' }, 'w')}` then `w."modelId"`.
 */
export function objectsTable(db: SqlRunner, rows: readonly object[], fields: Record<string, FieldType>, alias: string): SQL {
  const json = JSON.stringify(rows);
  const name = sql.identifier(alias);
  const entries = Object.entries(fields);
  if (db.dialect === 'pg') {
    const columns = sql.raw(entries.map(([field, type]) => `"${field}" ${PG_FIELD[type]}`).join(', '));
    return sql`jsonb_to_recordset(${json}::jsonb) AS ${name}(${columns})`;
  }
  const columns = sql.raw(entries.map(([field]) => `json_extract(value, '$.${field}') AS "${field}"`).join(', '));
  return sql`(SELECT ${columns} FROM json_each(${json})) AS ${name}`;
}

/** The text of one top-level key of a JSON column (null when absent). */
export function jsonText(db: SqlRunner, column: SQL, key: string): SQL {
  // A literal, not a parameter: PostgreSQL cannot pick between ->>(text) and ->>(int) for an untyped parameter.
  if (!/^\w+$/.test(key)) throw new Error(`jsonText: key must be a plain name, got ${JSON.stringify(key)}`);
  return db.dialect === 'pg' ? sql`(${column}->>${sql.raw(`'${key}'`)})` : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)})`;
}

/** A JSON text parameter stored into a JSON column (PostgreSQL: jsonb; SQLite: the text as is). */
export function jsonValue(db: SqlRunner, text: string | null): SQL {
  return db.dialect === 'pg' ? sql`${text}::jsonb` : sql`${text}`;
}

/** The larger of two values (SQLite's two-argument max; PostgreSQL's greatest). */
export function greatest(db: SqlRunner, a: SQL, b: SQL): SQL {
  return db.dialect === 'pg' ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}

/** The smaller of two values (SQLite's two-argument min; PostgreSQL's least). */
export function least(db: SqlRunner, a: SQL, b: SQL): SQL {
  return db.dialect === 'pg' ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`;
}

/** Values of a group joined into one text (SQLite's group_concat; PostgreSQL's string_agg). */
export function groupConcat(db: SqlRunner, value: SQL, separator: string): SQL {
  return db.dialect === 'pg' ? sql`string_agg(${value}::text, ${separator})` : sql`group_concat(${value}, ${separator})`;
}

/** A 0/1 flag column compared with a JS boolean (SQLite stores 0/1; PostgreSQL has booleans). */
export function flagIs(db: SqlRunner, column: SQL, value: boolean): SQL {
  return db.dialect === 'pg' ? sql`${column} = ${value}` : sql`${column} = ${value ? 1 : 0}`;
}
