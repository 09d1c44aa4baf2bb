import { createHash } from 'node:crypto';
import type { Family, Pair } from '../contracts';

/** JSON with object keys sorted at every level, so equal content always gives equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** A suite's version: the first 16 hex digits of sha256 over the canonical JSON of its families and pairs. */
export function suiteVersion(families: readonly Family[], pairs: readonly Pair[]): string {
  return createHash('sha256').update(canonicalJson({ families, pairs })).digest('hex').slice(0, 16);
}
