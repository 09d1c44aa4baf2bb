import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { groupConcat, greatest, inList, jsonText, jsonValue, least, listTable, objectsTable } from './dialect-sql';
import type { Store } from './store';

describeEachBackend('the store', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = database.store;
    await store.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('f', 'F', 'arithmetic', '', '')`);
  });
  afterEach(async () => database.drop());

  const count = async (s = store) => (await s.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM families`))!.n;

  it('reads rows alike: quoted camelCase aliases, counts as numbers, JSON as its text', async () => {
    await store.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES (${'g'}, ${'G'}, ${'commonsense'}, ${'two'}, '')`);
    const rows = await store.all<{ familyId: string; n: number }>(
      sql`SELECT id AS "familyId", count(*) AS "n" FROM families GROUP BY id ORDER BY id`,
    );
    expect(rows).toEqual([{ familyId: 'f', n: 1 }, { familyId: 'g', n: 1 }]);
    expect(await store.get(sql`SELECT id FROM families WHERE id = ${'absent'}`)).toBeUndefined();
    expect(await store.run(sql`UPDATE families SET title = 'X' WHERE id IN ('f', 'g')`)).toBe(2);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await store.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('a', 'A', 'arithmetic', '', '')`);
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('b', 'B', 'arithmetic', '', '')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(2);
  });

  it('rolls a nested transaction back to its savepoint only', async () => {
    await store.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('a', 'A', 'arithmetic', '', '')`);
      await tx.transaction(async (inner) => {
        await inner.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('b', 'B', 'arithmetic', '', '')`);
        throw new Error('inner');
      }).catch(() => undefined);
    });
    const ids = await store.all<{ id: string }>(sql`SELECT id FROM families ORDER BY id`);
    expect(ids.map((r) => r.id)).toEqual(['a', 'f']);
  });

  it('keeps statements from outside out of an open transaction (they wait, and survive its rollback)', async () => {
    let outside: Promise<number> | undefined;
    await expect(
      store.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('a', 'A', 'arithmetic', '', '')`);
        outside = store.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('o', 'O', 'arithmetic', '', '')`);
        await tx.get(sql`SELECT 1 AS "one"`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await outside).toBe(1);
    const ids = await store.all<{ id: string }>(sql`SELECT id FROM families ORDER BY id`);
    expect(ids.map((r) => r.id)).toEqual(['f', 'o']);
  });

  it('runs concurrent transactions one after another, each whole', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(
      ids.map((id) =>
        store.transaction(async (tx) => {
          await tx.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES (${id}, 'X', 'arithmetic', '', '')`);
          await tx.get(sql`SELECT 1 AS "one"`);
          await tx.run(sql`UPDATE families SET title = ${id.toUpperCase()} WHERE id = ${id}`);
        }),
      ),
    );
    const rows = await store.all<{ id: string; title: string }>(sql`SELECT id, title FROM families WHERE id <> 'f' ORDER BY id`);
    expect(rows).toEqual(ids.map((id) => ({ id, title: id.toUpperCase() })));
  });

  it('renders the dialect helpers to the same answers', async () => {
    await store.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('g', 'G', 'commonsense', '', '')`);
    const inIds = await store.all<{ id: string }>(sql`SELECT id FROM families WHERE ${inList(store, sql`id`, ['g', 'zz'], 'text')}`);
    expect(inIds).toEqual([{ id: 'g' }]);
    const none = await store.all(sql`SELECT id FROM families WHERE ${inList(store, sql`id`, [], 'text')}`);
    expect(none).toEqual([]);
    const table = await store.all<{ value: number }>(sql`SELECT c.value AS "value" FROM ${listTable(store, [3, 1, 2], 'int', 'c')} ORDER BY c.value`);
    expect(table.map((r) => Number(r.value))).toEqual([1, 2, 3]);
    const objects = await store.all<{ modelId: string; probeKey: number }>(
      sql`SELECT w."modelId", w."probeKey" FROM ${objectsTable(store, [{ modelId: 'm', probeKey: 7 }], { modelId: 'text', probeKey: 'int' }, 'w')}`,
    );
    expect(objects).toEqual([{ modelId: 'm', probeKey: 7 }]);
    const json = jsonValue(store, JSON.stringify({ families: ['f'], label: 'x' }));
    const extracted = await store.get<{ label: string }>(sql`SELECT ${jsonText(store, sql`${json}`, 'label')} AS "label"`);
    expect(extracted).toEqual({ label: 'x' });
    const bounds = await store.get<{ hi: number; lo: number }>(sql`SELECT ${greatest(store, sql`2`, sql`5`)} AS "hi", ${least(store, sql`2`, sql`5`)} AS "lo"`);
    expect(bounds).toEqual({ hi: 5, lo: 2 });
    const joined = await store.get<{ ids: string }>(sql`SELECT ${groupConcat(store, sql`id`, ',')} AS "ids" FROM (SELECT id FROM families ORDER BY id) t`);
    expect(joined!.ids.split(',').sort()).toEqual(['f', 'g']);
  });
});
