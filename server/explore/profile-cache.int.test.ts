import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openDb } from '../../db/client';
import { cachedProfileCount } from '../../db/queries/profile-cache';
import { deleteModelRows, deleteRunRows } from '../../db/queries/removals';
import { runStamps } from '../../db/queries/profile-runs';
import { suitePairRows } from '../../db/queries/suite-catalog';
import { suiteKeyOf } from '../../db/queries/suite-lookups';
import { openPgStore, sqliteDbOf, sqliteStore, type Store } from '../../db/store';
import { alpha, beta } from '../../testing/explore-fixtures/patterns';
import { seedRun } from '../../testing/explore-fixtures/seed-results';
import { seededDatabase } from '../../testing/explore-fixtures/seeded-database';
import { syntheticSuite } from '../../testing/explore-fixtures/synthetic-suite';
import { describeEachBackend, type TestDatabase } from '../../testing/store-backends/backends';
import { createRun } from '../runner/create-run';
import { ResultRecorder } from '../runner/result-recorder';
import { PROFILE_FORMAT } from './persisted-profile';
import { storedProfile, type StoredProfile } from './stored-profile';
import { warmDefaultProfile } from './warm-profile';

// The persistent profile cache on both engines. "Read from the table, not rebuilt" is shown without spies or clocks:
// the test overwrites a stored row with a valid profile that differs in one number (a value the metrics would never
// give); a handle that returns that number read the row, one that returns the true number rebuilt it.
const suite = syntheticSuite({ families: 3, pairsPerFamily: 6 });
const MARK = 0.123456;

interface Row { format: number; stamp: string; profile: string; tallies: string; runIds: string }
/** The number arrays of a stored tallies row (persisted-profile.ts). */
interface StoredArrays { keys: number[]; counts: number[]; chance: number[] }

describeEachBackend('profile cache (profile_cache table)', (dialect) => {
  let database: TestDatabase;
  let setup: Store;
  const handles: Store[] = [];
  const runs: Record<'alpha' | 'beta' | 'gamma', number> = { alpha: 0, beta: 0, gamma: 0 };
  let truth: StoredProfile;
  /** A fresh connection: nothing of the earlier handles' memory cache reaches it. */
  const fresh = async (): Promise<Store> => {
    const store = dialect === 'sqlite' ? sqliteStore(openDb(database.target)) : await openPgStore(database.target, { migrate: false });
    handles.push(store);
    return store;
  };
  /** The SQLite connection under the setup store: a SQLite trigger is created with exec (the PostgreSQL side uses the store). */
  const setupDb = () => sqliteDbOf(setup, 'a SQLite trigger');
  const rowOf = (modelId: string) =>
    setup.get<Row>(sql`SELECT format, stamp, profile, tallies, run_ids AS "runIds" FROM profile_cache WHERE model_id = ${modelId}`);
  const setRow = (modelId: string, column: 'profile' | 'tallies' | 'format', value: string | number) =>
    setup.run(sql`UPDATE profile_cache SET ${sql.identifier(column)} = ${value} WHERE model_id = ${modelId}`);
  /** The stored profile of alpha with one number changed: still valid, never what the metrics compute here. */
  const marked = () => JSON.stringify({ ...truth, unevenness: { ...truth.unevenness, u: MARK } });
  const alphaProfile = async (db: Store) => (await storedProfile(db, { modelId: 'alpha', suiteId: suite.id }))!.profile;

  beforeAll(async () => {
    database = await seededDatabase(dialect, async (db) => {
      runs.alpha = await seedRun(db, { modelId: 'alpha', suite, answer: alpha });
      runs.beta = await seedRun(db, { modelId: 'beta', suite, answer: beta });
      runs.gamma = await seedRun(db, { modelId: 'gamma', suite, answer: beta });
    });
    setup = database.store;
  });
  afterAll(async () => {
    for (const store of handles) await store.close();
    await database.drop();
  });

    it('stores a profile built in one handle; a fresh handle reads the row instead of building it', async () => {
    expect(await cachedProfileCount(setup, 'alpha')).toBe(0);
    const built = (await storedProfile(await fresh(), { modelId: 'alpha', suiteId: suite.id }))!;
    truth = built.profile;
    expect(truth.unevenness.u).not.toBe(MARK);
    const row = (await rowOf('alpha'))!;
    expect(row).toMatchObject({ format: PROFILE_FORMAT, stamp: await runStamps(setup, [runs.alpha]), runIds: JSON.stringify([runs.alpha]) });
    const read = (await storedProfile(await fresh(), { modelId: 'alpha', suiteId: suite.id }))!;
    expect(read.profile).toEqual(truth);
    expect(read.tallies).toEqual(built.tallies); // the column-wise stored form reads back as the tallies built

    await setRow('alpha', 'profile', marked());
    expect((await alphaProfile(await fresh())).unevenness.u).toBe(MARK);
    expect(await cachedProfileCount(setup, 'alpha')).toBe(1);
  });

  it('a new result of the run changes its stamp: the profile is rebuilt and the row replaced', async () => {
    await setRow('alpha', 'profile', marked());
    const before = (await rowOf('alpha'))!.stamp;
    const probeKey = (await suitePairRows(setup, (await suiteKeyOf(setup, suite.id, suite.version))!))[0]!.easy;
    const recorder = new ResultRecorder(setup, { maxBatch: 10, maxDelayMs: 1 });
    recorder.add({
      runId: runs.alpha, modelId: 'alpha', probeKey, familyId: suite.pairs[0]!.family, domain: suite.pairs[0]!.family.split('.')[0]!, tier: 'easy',
      sample: 2, outcome: 'fail', errorKind: null, response: 'no', extracted: null, reason: 'no number found', latencyMs: 1,
      promptTokens: 1, completionTokens: 1, costUsd: null, ticks: null, telemetry: null,
    });
    await recorder.storeNow();
    const after = await runStamps(setup, [runs.alpha]);
    expect(after).not.toBe(before);

    expect((await alphaProfile(await fresh())).unevenness.u).toBe(truth.unevenness.u); // sample 2 lies outside a 1-sample run
    expect((await rowOf('alpha'))!.stamp).toBe(after);
    expect(JSON.parse((await rowOf('alpha'))!.profile)).toEqual(truth);
  });

  it.each([
    ['profile', 'not json {'],
    ['profile', JSON.stringify({ model: 'alpha' })],
    ['tallies', JSON.stringify({ pairs: 'nope' })],
    ['tallies', JSON.stringify({ pairId: ['a'], family: [], domain: [], keys: [], counts: [], chance: [], families: [], notEvaluated: [] })],
  ] as const)('a corrupt row (%s = %s) is a miss: rebuilt and overwritten, never an error', async (column, value) => {
    await setRow('alpha', column, value);
    expect(await alphaProfile(await fresh())).toEqual(truth);
    expect(JSON.parse((await rowOf('alpha'))!.profile)).toEqual(truth);
    expect(JSON.parse((await rowOf('alpha'))!.tallies).pairId).toHaveLength(suite.pairs.length);
  });

  // The tallies' number arrays are checked in one loop each (persisted-profile.ts): each rule still holds.
  const spoilers: Array<[string, (t: StoredArrays) => void]> = [
    ['a negative count', (t) => void (t.counts[3] = -1)],
    ['a fractional count', (t) => void (t.counts[0] = 0.5)],
    ['a count that is a string', (t) => void ((t.counts as unknown[])[1] = '2')],
    ['a chance above 1', (t) => void (t.chance[2] = 1.5)],
    ['a negative chance', (t) => void (t.chance[0] = -0.1)],
    ['a fractional probe key', (t) => void (t.keys[1] = 1.5)],
    ['counts that are not an array', (t) => void ((t as { counts: unknown }).counts = { 0: 1 })],
  ];
  it.each(spoilers)('stored tallies with %s are a miss: rebuilt and overwritten', async (_what, spoil) => {
    const tallies = JSON.parse((await rowOf('alpha'))!.tallies) as StoredArrays;
    spoil(tallies);
    await setRow('alpha', 'tallies', JSON.stringify(tallies));
    expect(await alphaProfile(await fresh())).toEqual(truth);
    expect(JSON.parse((await rowOf('alpha'))!.tallies)).not.toEqual(tallies);
  });

  it('a row of another PROFILE_FORMAT is ignored and overwritten', async () => {
    await setRow('alpha', 'profile', marked());
    await setRow('alpha', 'format', PROFILE_FORMAT + 1);
    expect(await alphaProfile(await fresh())).toEqual(truth);
    expect(await rowOf('alpha')).toMatchObject({ format: PROFILE_FORMAT });
    expect(JSON.parse((await rowOf('alpha'))!.profile)).toEqual(truth);
  });

  it('a run that has not ended is profiled but not stored', async () => {
    const queued = await createRun(setup, { modelId: 'alpha', suite, settings: { samples: 1 } });
    const found = (await storedProfile(await fresh(), { modelId: 'alpha', suiteId: suite.id, runIds: [queued] }))!;
    expect(found.profile.runs).toEqual([queued]);
    expect(await cachedProfileCount(setup, 'alpha')).toBe(1);
  });

  it('warmDefaultProfile stores the profile a completed run makes the default; pages then read it', async () => {
    expect(await cachedProfileCount(setup, 'beta')).toBe(0);
    expect(await warmDefaultProfile(await fresh(), runs.beta)).toBe(true);
    expect(await rowOf('beta')).toMatchObject({ runIds: JSON.stringify([runs.beta]), format: PROFILE_FORMAT });
    const built = (await storedProfile(await fresh(), { modelId: 'beta', suiteId: suite.id }))!.profile;
    await setRow('beta', 'profile', JSON.stringify({ ...built, unevenness: { ...built.unevenness, u: MARK } }));
    expect((await storedProfile(await fresh(), { modelId: 'beta', suiteId: suite.id }))!.profile.unevenness.u).toBe(MARK);
    expect(await warmDefaultProfile(await fresh(), 999_999)).toBe(false); // no such run: nothing stored, nothing thrown
  });

  /** A trigger that refuses every insert into profile_cache, as a read-only database would (each engine's syntax). */
  const refuseWrites = async (on: boolean) => {
    if (dialect === 'sqlite') {
      const client = setupDb().$client;
      client.exec(on
        ? `CREATE TRIGGER refuse_profile_insert BEFORE INSERT ON profile_cache BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;`
        : 'DROP TRIGGER refuse_profile_insert');
      return;
    }
    if (on) {
      await setup.run(sql.raw(`CREATE FUNCTION refuse_profile_insert() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'attempt to write a readonly database'; END $$`));
      await setup.run(sql.raw('CREATE TRIGGER refuse_profile_insert BEFORE INSERT ON profile_cache FOR EACH ROW EXECUTE FUNCTION refuse_profile_insert()'));
    } else {
      await setup.run(sql.raw('DROP TRIGGER refuse_profile_insert ON profile_cache'));
      await setup.run(sql.raw('DROP FUNCTION refuse_profile_insert()'));
    }
  };

  it('a database that refuses the write still answers, and says so once', async () => {
    await setup.run(sql`DELETE FROM profile_cache`);
    await refuseWrites(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const db = await fresh();
      expect(await alphaProfile(db)).toEqual(truth);
      expect((await storedProfile(db, { modelId: 'beta', suiteId: suite.id }))!.profile.model).toBe('beta');
      expect((await cachedProfileCount(setup, 'alpha')) + (await cachedProfileCount(setup, 'beta'))).toBe(0);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/profile cache: could not store .*readonly/);
    } finally {
      warn.mockRestore();
      await refuseWrites(false);
    }
  });

  it('deleting a run or a model deletes the profiles resting on it', async () => {
    expect(await warmDefaultProfile(setup, runs.gamma)).toBe(true);
    await storedProfile(setup, { modelId: 'alpha', suiteId: suite.id, runIds: [runs.alpha] });
    expect(await cachedProfileCount(setup, 'gamma')).toBe(1);
    expect(await cachedProfileCount(setup, 'alpha')).toBe(1);
    await deleteRunRows(setup, runs.gamma);
    expect(await cachedProfileCount(setup, 'gamma')).toBe(0);
    await deleteModelRows(setup, 'alpha');
    expect(await cachedProfileCount(setup, 'alpha')).toBe(0);
  });
});
