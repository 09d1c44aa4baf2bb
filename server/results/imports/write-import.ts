import path from 'node:path';
import type { Db } from '../../../db/client';
import { GraderSpecSchema, type GraderSpec, type Outcome, type Tier } from '../../../evals/contracts';
import { grade } from '../../../evals/graders';
import { contentHash } from '../../suites/content-hash';
import { RunSettingsSchema } from '../../runner/run-settings';
import type { ImportIssue, ImportRecord } from './import-record';

interface StoredProbe {
  key: number;
  id: string;
  prompt: string;
  familyId: string;
  domain: string;
  tier: Tier;
  answer: string;
  grader: string;
}

/** A record with everything needed to store it: the probe it answers (stored or new) and its verdict. */
interface Resolved {
  record: ImportRecord;
  match: StoredProbe | undefined;
  outcome: Outcome;
  extracted: string | null;
  reason: string;
  answer: string;
  grader: GraderSpec;
}

export interface ImportedRun {
  runId: number;
  modelId: string;
  results: number;
  pass: number;
  fail: number;
  error: number;
}

export interface ImportSummary {
  runs: ImportedRun[];
  /** Records that answered a probe already stored (by id or prompt): these join its pairs. */
  matched: number;
  /** Records whose probe was new: stored in an "imported.<task>" family, without a pair. */
  unpaired: number;
}

const where = (r: ImportRecord) => ({ line: r.line, field: r.path });

/** Matches every record to a stored probe (id first, then exact prompt) and settles its verdict, or says why not. */
function resolve(db: Db, file: string, records: ImportRecord[]): { resolved: Resolved[]; issues: ImportIssue[] } {
  const byId = new Map<string, StoredProbe>();
  const byPrompt = new Map<string, StoredProbe>();
  // One pass over the probe catalog (thousands of rows, not results); later versions win.
  for (const p of db.$client.prepare('SELECT key, id, prompt, family_id AS familyId, domain, tier, answer, grader FROM probes ORDER BY key').iterate() as IterableIterator<StoredProbe>) {
    byId.set(p.id, p);
    byPrompt.set(p.prompt, p);
  }
  const resolved: Resolved[] = [];
  const issues: ImportIssue[] = [];
  for (const record of records) {
    const at = (field: string, message: string) => issues.push({ file, ...where(record), field: record.path ? `${record.path}.${field}` : field, message });
    const match = (record.probeId ? byId.get(record.probeId) : undefined) ?? (record.prompt !== undefined ? byPrompt.get(record.prompt) : undefined);
    if (!match && record.prompt === undefined) {
      at('probe', `no stored probe has id "${record.probeId}": give its "prompt" too, to import it as a new probe`);
      continue;
    }
    const answer = record.answer ?? match?.answer ?? '';
    const grader = record.grader ?? (match ? GraderSpecSchema.parse(JSON.parse(match.grader)) : { kind: 'text' as const });
    if (record.outcome) {
      resolved.push({ record, match, outcome: record.outcome, extracted: record.extracted ?? null, reason: record.reason ?? `imported verdict: ${record.outcome}`, answer, grader });
      continue;
    }
    if (answer === '') {
      at('answer', 'no verdict: give "correct" (true/false) or an "answer" to grade the response against');
      continue;
    }
    const verdict = grade(record.response ?? '', answer, grader);
    resolved.push({ record, match, outcome: verdict.pass ? 'pass' : 'fail', extracted: verdict.extracted, reason: verdict.reason, answer, grader });
  }
  return { resolved, issues };
}

/**
 * Stores imported results as runs that chart like native ones, in ONE transaction (all or nothing): new probes for
 * unmatched prompts, an "imported" suite version holding the pairs the matched probes belong to, a model per
 * model name (created when unknown), one completed run per model, and the results (repeats become samples 2, 3…).
 * Importing the same content for the same model twice is refused. On any problem nothing is written.
 */
export function writeImport(
  db: Db,
  file: string,
  contentKey: string,
  records: ImportRecord[],
): { ok: true; summary: ImportSummary } | { ok: false; issues: ImportIssue[] } {
  const { resolved, issues } = resolve(db, file, records);
  if (records.length === 0) issues.push({ file, message: 'no results in the file' });
  if (issues.length > 0) return { ok: false, issues };
  const sqlite = db.$client;
  const version = contentHash({ contentKey });
  const modelIds = [...new Set(resolved.map((r) => r.record.model))];
  // One IMMEDIATE transaction from the duplicate check to the last row: a second import of the same file started at
  // the same time waits for the first, then finds it and says so (it used to race into a UNIQUE constraint crash).
  return sqlite.transaction((): ReturnType<typeof writeImport> => {
    const existingSuite = sqlite.prepare(`SELECT key FROM suites WHERE id = 'imported' AND version = ?`).get(version) as { key: number } | undefined;
    if (existingSuite) {
      const dup = sqlite.prepare(`SELECT id, model_id AS modelId FROM runs WHERE origin = 'import' AND suite_key = ? AND model_id IN (SELECT value FROM json_each(?))`).get(existingSuite.key, JSON.stringify(modelIds)) as { id: number; modelId: string } | undefined;
      if (dup) return { ok: false, issues: [{ file, message: `this file was already imported for model "${dup.modelId}" as run ${dup.id}` }] };
    }

    const summary = ((): ImportSummary => {
      const insertFamily = sqlite.prepare(`INSERT INTO families (id, domain, title, description, pair_rule) VALUES (?, 'imported', ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
      const insertProbe = sqlite.prepare(`INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, source) VALUES ('imported', @id, @hash, @family, 'imported', @tier, @prompt, @answer, @grader, @source) ON CONFLICT (suite_id, id, content_hash) DO NOTHING`);
      const probeKeyOf = sqlite.prepare(`SELECT key FROM probes WHERE suite_id = 'imported' AND id = ? AND content_hash = ?`);
      const newKeys = new Map<string, { key: number; familyId: string; tier: Tier }>();
      const probeOf = (r: Resolved): { key: number; familyId: string; domain: string; tier: Tier } => {
        if (r.match) return r.match;
        const familyId = `imported.${r.record.task}`;
        const tier = r.record.tier ?? 'easy';
        const hash = contentHash({ prompt: r.record.prompt, answer: r.answer, grader: r.grader, family: familyId, tier });
        const cacheKey = `${r.record.newProbeId}\u0000${hash}`;
        let known = newKeys.get(cacheKey);
        if (!known) {
          insertFamily.run(familyId, `Imported: ${r.record.task}`, `Results imported from ${path.basename(file)}.`, 'Imported probes stand alone: they have no easy/hard twin.');
          insertProbe.run({ id: r.record.newProbeId, hash, family: familyId, tier, prompt: r.record.prompt!, answer: r.answer, grader: JSON.stringify(r.grader), source: `import: ${path.basename(file)}` });
          known = { key: (probeKeyOf.get(r.record.newProbeId, hash) as { key: number }).key, familyId, tier };
          newKeys.set(cacheKey, known);
        }
        return { ...known, domain: 'imported' };
      };
      const rows = resolved.map((r) => ({ r, probe: probeOf(r) }));

      const suiteKey = existingSuite?.key ?? (sqlite.prepare(`INSERT INTO suites (id, version, title, description) VALUES ('imported', ?, ?, ?) RETURNING key`).get(version, `Imported: ${path.basename(file)}`, 'Results imported from another tool.') as { key: number }).key;
      if (!existingSuite) {
        const matchedKeys = JSON.stringify([...new Set(rows.filter((x) => x.r.match).map((x) => x.probe.key))]);
        const pairs = sqlite
          .prepare(`SELECT pair_id AS pairId, family_id AS familyId, easy_probe_key AS easyKey, hard_probe_key AS hardKey FROM suite_pairs
                    WHERE easy_probe_key IN (SELECT value FROM json_each(@keys)) OR hard_probe_key IN (SELECT value FROM json_each(@keys)) ORDER BY suite_key, position`)
          .all({ keys: matchedKeys }) as Array<{ pairId: string; familyId: string; easyKey: number; hardKey: number }>;
        const insertPair = sqlite.prepare('INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
        pairs.forEach((p, i) => insertPair.run(suiteKey, p.pairId, p.familyId, p.easyKey, p.hardKey, i));
      }

      const insertModel = sqlite.prepare(`INSERT INTO models (id, label, arch, model_name, origin) VALUES (?, ?, 'llm', ?, 'import') ON CONFLICT (id) DO NOTHING`);
      const insertRun = sqlite.prepare(`INSERT INTO runs (model_id, suite_key, status, settings, samples, expected, pass_count, fail_count, error_count, origin, message, started_at, finished_at)
        VALUES (@modelId, @suiteKey, 'completed', @settings, @samples, @expected, @pass, @fail, @error, 'import', @message, @now, @now) RETURNING id`);
      const insertResult = sqlite.prepare(`INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind, response, extracted, reason, latency_ms)
        VALUES (@runId, @modelId, @probeKey, @familyId, @domain, @tier, @sample, @outcome, @errorKind, @response, @extracted, @reason, @latencyMs)`);
      const runs: ImportedRun[] = [];
      for (const modelId of modelIds) {
        insertModel.run(modelId, modelId, modelId);
        const mine = rows.filter((x) => x.r.record.model === modelId);
        const samples = new Map<number, number>();
        const withSample = mine.map((x) => {
          const sample = (samples.get(x.probe.key) ?? 0) + 1;
          samples.set(x.probe.key, sample);
          return { ...x, sample };
        });
        const count = (o: Outcome) => mine.filter((x) => x.r.outcome === o).length;
        // A loop, not Math.max(...values): spreading 125,000+ values overflows the stack.
        let maxSample = 0;
        for (const n of samples.values()) if (n > maxSample) maxSample = n;
        const run = { pass: count('pass'), fail: count('fail'), error: count('error') };
        const runId = (insertRun.get({
          modelId, suiteKey, settings: JSON.stringify(RunSettingsSchema.parse({ samples: Math.min(maxSample, 100) })), samples: maxSample,
          expected: mine.length, ...run, message: `imported from ${path.basename(file)}`, now: Date.now(),
        }) as { id: number }).id;
        for (const { r, probe, sample } of withSample) {
          insertResult.run({
            runId, modelId, probeKey: probe.key, familyId: probe.familyId, domain: probe.domain, tier: probe.tier, sample,
            outcome: r.outcome, errorKind: r.outcome === 'error' ? (r.record.errorKind ?? 'unknown') : null, response: r.record.response,
            extracted: r.extracted, reason: r.reason, latencyMs: r.record.latencyMs === undefined ? null : Math.round(r.record.latencyMs),
          });
        }
        runs.push({ runId, modelId, results: mine.length, ...run });
      }
      return { runs, matched: rows.filter((x) => x.r.match).length, unpaired: rows.filter((x) => !x.r.match).length };
    })();
    return { ok: true, summary };
  }).immediate();
}
