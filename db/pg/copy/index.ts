export { copySqliteToPg, type CopyOptions, type CopyReport, type TableCount } from './copy-database';
export { CopyError } from './copy-error';
export { countsTable } from './counts-table';
export { redactUrl } from '../pg-errors';
