import { sqliteStore } from '../../db/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client';
import { catalogSuite } from '../../server/suites/catalog-suite';
import { pendingWork, type WorkItem } from '../../server/runner/work-items';
import { arithmeticSuite, writeArithmeticSuite } from './index';

// The bulk writer behind the runner benchmarks (db/queries/seed-suite.ts), on a real SQLite file: what it stores
// reads back as the generated suite, idempotently, with probe rows of its own per suite id (probes are suite-scoped
// since migration 0005; the writer lost suite_id then and every runner benchmark failed on it).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-arith-write-'));
const db = openDb(path.join(dir, 'sawtooth.db'));
afterAll(() => {
  closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

const shape = (pairs: ReturnType<typeof arithmeticSuite>['pairs']) =>
  pairs.map((p) => ({ id: p.id, family: p.family, easy: [p.easy.id, p.easy.prompt, p.easy.answer], hard: [p.hard.id, p.hard.prompt, p.hard.answer] }));

/** Every pending work item of a (never started) run 0 on suite `key`. */
async function pendingOf(key: number, samples: number): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  for await (const item of pendingWork(sqliteStore(db), 0, key, samples)) items.push(item);
  return items;
}

describe('writeArithmeticSuite', () => {
  it('stores the generated pairs in order, and again gives the same key', async () => {
    const key = await writeArithmeticSuite(sqliteStore(db), 40);
    expect(await writeArithmeticSuite(sqliteStore(db), 40)).toBe(key);
    const stored = (await catalogSuite(sqliteStore(db), key))!;
    expect(stored.id).toBe('arith-40');
    expect(shape(stored.pairs)).toEqual(shape(arithmeticSuite(40).pairs));
    expect(stored.pairs[0]!.easy.grader).toEqual({ kind: 'numeric' });
    expect(await pendingOf(key, 2)).toHaveLength(40 * 2 * 2);
  });

  it('gives another suite id probe rows of its own', async () => {
    const probeKeys = async (key: number) => (await pendingOf(key, 1)).map((w) => w.probeKey);
    const a = await probeKeys(await writeArithmeticSuite(sqliteStore(db), 10, 'arith-a'));
    const b = await probeKeys(await writeArithmeticSuite(sqliteStore(db), 10, 'arith-b'));
    expect(a).toHaveLength(20);
    expect(b).toHaveLength(20);
    expect(a.filter((k) => b.includes(k))).toEqual([]);
  });
});
