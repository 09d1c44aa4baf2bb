import path from 'node:path';
import type { SqlRunner } from '../../../db/store';
import { everyProbeVersion, importedRunOf, lockImports, importedSuiteKey, importWriteQueries, type ImportableProbe, type ImportedProbeRow } from '../../../db/queries/import-writes';
import { GraderSpecSchema, type GraderSpec, type Outcome } from '../../../evals/contracts';
import { grade } from '../../../evals/graders';
import { contentHash } from '../../suites/content-hash';
import { RunSettingsSchema } from '../../runner/run-settings';
import type { ImportIssue, ImportRecord } from './import-record';

type StoredProbe = ImportableProbe;

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
async function resolve(db: SqlRunner, file: string, records: ImportRecord[]): Promise<{ resolved: Resolved[]; issues: ImportIssue[] }> {
  const byId = new Map<string, StoredProbe>();
  const byPrompt = new Map<string, StoredProbe>();
  // One pass over the probe catalog (thousands of rows, not results); later versions win.
  for (const p of await everyProbeVersion(db)) {
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
export async function writeImport(
  store: SqlRunner,
  file: string,
  contentKey: string,
  records: ImportRecord[],
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; issues: ImportIssue[] }> {
  const { resolved, issues } = await resolve(store, file, records);
  if (records.length === 0) issues.push({ file, message: 'no results in the file' });
  if (issues.length > 0) return { ok: false, issues };
  const version = contentHash({ contentKey });
  const modelIds = [...new Set(resolved.map((r) => r.record.model))];
  // One transaction from the duplicate check to the last row, imports one at a time (lockImports): a second import
  // of the same file started at the same time waits for the first, then finds it and says so.
  return store.transaction(async (tx): Promise<Awaited<ReturnType<typeof writeImport>>> => {
    await lockImports(tx);
    const existingSuite = await importedSuiteKey(tx, version);
    if (existingSuite !== undefined) {
      const dup = await importedRunOf(tx, existingSuite, modelIds);
      if (dup) return { ok: false, issues: [{ file, message: `this file was already imported for model "${dup.modelId}" as run ${dup.id}` }] };
    }

    const summary = await (async (): Promise<ImportSummary> => {
      const writes = importWriteQueries(tx);
      // New probes (records that matched no stored probe): each distinct one once, with its family, in bulk.
      const newProbes = new Map<string, ImportedProbeRow>();
      const newOf = new Map<Resolved, string>();
      const families = new Map<string, string>();
      for (const r of resolved) {
        if (r.match) continue;
        const familyId = `imported.${r.record.task}`;
        const tier = r.record.tier ?? 'easy';
        const hash = contentHash({ prompt: r.record.prompt, answer: r.answer, grader: r.grader, family: familyId, tier });
        const cacheKey = `${r.record.newProbeId}\u0000${hash}`;
        newOf.set(r, cacheKey);
        families.set(familyId, r.record.task);
        if (!newProbes.has(cacheKey)) {
          newProbes.set(cacheKey, { id: r.record.newProbeId, hash, family: familyId, tier, prompt: r.record.prompt!, answer: r.answer, grader: JSON.stringify(r.grader), source: `import: ${path.basename(file)}` });
        }
      }
      for (const [id, task] of families) {
        await writes.insertImportedFamily({ id, title: `Imported: ${task}`, description: `Results imported from ${path.basename(file)}.`, pairRule: 'Imported probes stand alone: they have no easy/hard twin.' });
      }
      const specs = [...newProbes.values()];
      const keys = await writes.storeImportedProbes(specs);
      const keyOf = new Map([...newProbes.keys()].map((cacheKey, i) => [cacheKey, { key: keys[i]!, familyId: specs[i]!.family, tier: specs[i]!.tier }]));
      const rows = resolved.map((r) => ({ r, probe: r.match ?? { ...keyOf.get(newOf.get(r)!)!, domain: 'imported' } }));

      const suiteKey = existingSuite ?? await writes.insertImportedSuite(version, `Imported: ${path.basename(file)}`, 'Results imported from another tool.');
      if (existingSuite === undefined) {
        const pairs = await writes.pairsHoldingProbes([...new Set(rows.filter((x) => x.r.match).map((x) => x.probe.key))]);
        for (const [i, p] of pairs.entries()) await writes.insertImportedPair(suiteKey, p, i);
      }

      const runs: ImportedRun[] = [];
      for (const modelId of modelIds) {
        await writes.insertImportedModel(modelId);
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
        const runId = await writes.insertImportedRun({
          modelId, suiteKey, settings: JSON.stringify(RunSettingsSchema.parse({ samples: Math.min(maxSample, 100) })), samples: maxSample,
          expected: mine.length, ...run, message: `imported from ${path.basename(file)}`, now: Date.now(),
        });
        await writes.insertImportedResults(withSample.map(({ r, probe, sample }) => ({
          runId, modelId, probeKey: probe.key, familyId: probe.familyId, domain: probe.domain, tier: probe.tier, sample,
          outcome: r.outcome, errorKind: r.outcome === 'error' ? (r.record.errorKind ?? 'unknown') : null, response: r.record.response ?? null,
          extracted: r.extracted, reason: r.reason, latencyMs: r.record.latencyMs === undefined ? null : Math.round(r.record.latencyMs),
        })));
        runs.push({ runId, modelId, results: mine.length, ...run });
      }
      return { runs, matched: rows.filter((x) => x.r.match).length, unpaired: rows.filter((x) => !x.r.match).length };
    })();
    return { ok: true, summary };
  });
}
