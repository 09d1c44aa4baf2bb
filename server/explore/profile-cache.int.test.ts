import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client';
import { cachedProfileCount } from '../../db/queries/profile-cache';
import { deleteModelRows, deleteRunRows } from '../../db/queries/removals';
import { runStamps } from '../../db/queries/profile-runs';
import { suitePairRows } from '../../db/queries/suite-catalog';
import { suiteKeyOf } from '../../db/queries/suite-lookups';
import { alpha, beta } from '../../testing/explore-fixtures/patterns';
import { seedRun } from '../../testing/explore-fixtures/seed-results';
import { syntheticSuite } from '../../testing/explore-fixtures/synthetic-suite';
import { createRun } from '../runner/create-run';
import { ResultRecorder } from '../runner/result-recorder';
import { PROFILE_FORMAT } from './persisted-profile';
import { storedProfile, type StoredProfile } from './stored-profile';
import { warmDefaultProfile } from './warm-profile';

// The persistent profile cache on a real SQLite file. "Read from the table, not rebuilt" is shown without spies or
// clocks: the test overwrites a stored row with a valid profile that differs in one number (a value the metrics
// would never give); a handle that returns that number read the row, one that returns the true number rebuilt it.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-profile-cache-'));
const file = path.join(dir, 'sawtooth.db');
const suite = syntheticSuite({ families: 3, pairsPerFamily: 6 });
const MARK = 0.123456;
const handles: Db[] = [];
/** A fresh connection: nothing of the earlier handles' memory cache reaches it. */
const fresh = () => {
  const db = openDb(file);
  handles.push(db);
  return db;
};
const setup = fresh();
let runId = 0;
let truth: StoredProfile;

interface Row { format: number; stamp: string; profile: string; tallies: string; runIds: string }
/** The number arrays of a stored tallies row (persisted-profile.ts). */
interface StoredArrays { keys: number[]; counts: number[]; chance: number[] }
const rowOf = (modelId: string) =>
  setup.$client.prepare('SELECT format, stamp, profile, tallies, run_ids AS runIds FROM profile_cache WHERE model_id = ?').get(modelId) as Row | undefined;
const setRow = (modelId: string, column: 'profile' | 'tallies' | 'format', value: string | number) =>
  setup.$client.prepare(`UPDATE profile_cache SET ${column} = ? WHERE model_id = ?`).run(value, modelId);
/** The stored profile of alpha with one number changed: still valid, never what the metrics compute here. */
const marked = () => JSON.stringify({ ...truth, unevenness: { ...truth.unevenness, u: MARK } });
const alphaProfile = (db: Db) => storedProfile(db, { modelId: 'alpha', suiteId: suite.id })!.profile;

beforeAll(() => {
  runId = seedRun(setup, { modelId: 'alpha', suite, answer: alpha });
});
afterAll(() => {
  for (const db of handles) if (db.$client.open) closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('profile cache (profile_cache table)', () => {
  it('stores a profile built in one handle; a fresh handle reads the row instead of building it', () => {
    expect(cachedProfileCount(setup, 'alpha')).toBe(0);
    const built = storedProfile(fresh(), { modelId: 'alpha', suiteId: suite.id })!;
    truth = built.profile;
    expect(truth.unevenness.u).not.toBe(MARK);
    const row = rowOf('alpha')!;
    expect(row).toMatchObject({ format: PROFILE_FORMAT, stamp: runStamps(setup, [runId]), runIds: JSON.stringify([runId]) });
    const read = storedProfile(fresh(), { modelId: 'alpha', suiteId: suite.id })!;
    expect(read.profile).toEqual(truth);
    expect(read.tallies).toEqual(built.tallies); // the column-wise stored form reads back as the tallies built

    setRow('alpha', 'profile', marked());
    expect(alphaProfile(fresh()).unevenness.u).toBe(MARK);
    expect(cachedProfileCount(setup, 'alpha')).toBe(1);
  });

  it('a new result of the run changes its stamp: the profile is rebuilt and the row replaced', () => {
    setRow('alpha', 'profile', marked());
    const before = rowOf('alpha')!.stamp;
    const probeKey = suitePairRows(setup, suiteKeyOf(setup, suite.id, suite.version)!)[0]!.easy;
    const recorder = new ResultRecorder(setup, { maxBatch: 10, maxDelayMs: 1 });
    recorder.add({
      runId, modelId: 'alpha', probeKey, familyId: suite.pairs[0]!.family, domain: suite.pairs[0]!.family.split('.')[0]!, tier: 'easy',
      sample: 2, outcome: 'fail', errorKind: null, response: 'no', extracted: null, reason: 'no number found', latencyMs: 1,
      promptTokens: 1, completionTokens: 1, costUsd: null, ticks: null, telemetry: null,
    });
    recorder.storeNow();
    const after = runStamps(setup, [runId]);
    expect(after).not.toBe(before);

    expect(alphaProfile(fresh()).unevenness.u).toBe(truth.unevenness.u); // sample 2 lies outside a 1-sample run
    expect(rowOf('alpha')!.stamp).toBe(after);
    expect(JSON.parse(rowOf('alpha')!.profile)).toEqual(truth);
  });

  it.each([
    ['profile', 'not json {'],
    ['profile', JSON.stringify({ model: 'alpha' })],
    ['tallies', JSON.stringify({ pairs: 'nope' })],
    ['tallies', JSON.stringify({ pairId: ['a'], family: [], domain: [], keys: [], counts: [], chance: [], families: [], notEvaluated: [] })],
  ] as const)('a corrupt row (%s = %s) is a miss: rebuilt and overwritten, never an error', (column, value) => {
    setRow('alpha', column, value);
    expect(alphaProfile(fresh())).toEqual(truth);
    expect(JSON.parse(rowOf('alpha')!.profile)).toEqual(truth);
    expect(JSON.parse(rowOf('alpha')!.tallies).pairId).toHaveLength(suite.pairs.length);
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
  it.each(spoilers)('stored tallies with %s are a miss: rebuilt and overwritten', (_what, spoil) => {
    const tallies = JSON.parse(rowOf('alpha')!.tallies) as StoredArrays;
    spoil(tallies);
    setRow('alpha', 'tallies', JSON.stringify(tallies));
    expect(alphaProfile(fresh())).toEqual(truth);
    expect(JSON.parse(rowOf('alpha')!.tallies)).not.toEqual(tallies);
  });

  it('a row of another PROFILE_FORMAT is ignored and overwritten', () => {
    setRow('alpha', 'profile', marked());
    setRow('alpha', 'format', PROFILE_FORMAT + 1);
    expect(alphaProfile(fresh())).toEqual(truth);
    expect(rowOf('alpha')).toMatchObject({ format: PROFILE_FORMAT });
    expect(JSON.parse(rowOf('alpha')!.profile)).toEqual(truth);
  });

  it('a run that has not ended is profiled but not stored', () => {
    const queued = createRun(setup, { modelId: 'alpha', suite, settings: { samples: 1 } });
    const found = storedProfile(fresh(), { modelId: 'alpha', suiteId: suite.id, runIds: [queued] })!;
    expect(found.profile.runs).toEqual([queued]);
    expect(cachedProfileCount(setup, 'alpha')).toBe(1);
  });

  it('warmDefaultProfile stores the profile a completed run makes the default; pages then read it', () => {
    const betaRun = seedRun(setup, { modelId: 'beta', suite, answer: beta });
    expect(cachedProfileCount(setup, 'beta')).toBe(0);
    expect(warmDefaultProfile(fresh(), betaRun)).toBe(true);
    expect(rowOf('beta')).toMatchObject({ runIds: JSON.stringify([betaRun]), format: PROFILE_FORMAT });
    const built = storedProfile(fresh(), { modelId: 'beta', suiteId: suite.id })!.profile;
    setRow('beta', 'profile', JSON.stringify({ ...built, unevenness: { ...built.unevenness, u: MARK } }));
    expect(storedProfile(fresh(), { modelId: 'beta', suiteId: suite.id })!.profile.unevenness.u).toBe(MARK);
    expect(warmDefaultProfile(fresh(), 999_999)).toBe(false); // no such run: nothing stored, nothing thrown
  });

  it('a database that refuses the write still answers, and says so once', () => {
    setup.$client.exec(`DELETE FROM profile_cache;
      CREATE TRIGGER refuse_profile_insert BEFORE INSERT ON profile_cache BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const db = fresh();
      expect(alphaProfile(db)).toEqual(truth);
      expect(storedProfile(db, { modelId: 'beta', suiteId: suite.id })!.profile.model).toBe('beta');
      expect(cachedProfileCount(setup, 'alpha') + cachedProfileCount(setup, 'beta')).toBe(0);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/profile cache: could not store .*readonly/);
    } finally {
      warn.mockRestore();
      setup.$client.exec('DROP TRIGGER refuse_profile_insert');
    }
  });

  it("deleting a run or a model deletes the profiles resting on it", () => {
    const gammaRun = seedRun(setup, { modelId: 'gamma', suite, answer: beta });
    const olderAlpha = runId;
    expect(warmDefaultProfile(setup, gammaRun)).toBe(true);
    storedProfile(setup, { modelId: 'alpha', suiteId: suite.id, runIds: [olderAlpha] });
    expect(cachedProfileCount(setup, 'gamma')).toBe(1);
    expect(cachedProfileCount(setup, 'alpha')).toBe(1);
    deleteRunRows(setup, gammaRun);
    expect(cachedProfileCount(setup, 'gamma')).toBe(0);
    deleteModelRows(setup, 'alpha');
    expect(cachedProfileCount(setup, 'alpha')).toBe(0);
  });
});
