export type { Dialect, SqlRunner, Store } from './store';
export { openStore } from './open-store';
export { openSqliteStore, sqliteStore, sqliteDbOf } from './sqlite-store';
export { isPostgresUrl, openPgStore, pgPoolOf, redactPostgresUrl } from './pg-store';
export * as dialectSql from './dialect-sql';
