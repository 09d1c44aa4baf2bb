import type { TableCount } from './copy-database';

/** The per-table row counts of a copy as aligned text lines, a mismatch marked at its line. */
export function countsTable(counts: TableCount[]): string {
  const width = Math.max(5, ...counts.map((c) => c.table.length));
  const num = (n: number) => n.toLocaleString('en').padStart(12);
  const lines = [`${'table'.padEnd(width)}  ${'sqlite'.padStart(12)}  ${'postgres'.padStart(12)}`];
  for (const c of counts) lines.push(`${c.table.padEnd(width)}  ${num(c.sqlite)}  ${num(c.postgres)}${c.sqlite === c.postgres ? '' : '  MISMATCH'}`);
  return `${lines.join('\n')}\n`;
}
