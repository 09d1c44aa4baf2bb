import { z } from 'zod';
import type { SqlRunner } from '../../db/store';
import { setRunScope, storedRunScope, type SuiteFamily } from '../../db/queries/run-scope';
import { ModelScopeSchema, type ModelScope } from '../../evals/contracts/model-endpoint';

export { ModelScopeSchema, type ModelScope };

/**
 * One entry of an OpenAI-compatible `/v1/models` list as far as scope goes. Our checkpoint server lists `families`
 * (family ids) or, in older builds, `tasks` (task names such as "parity", matched to the family ids ending in them);
 * any other endpoint lists neither, which means "no declared scope".
 */
const ListedModelSchema = z.looseObject({
  id: z.string(),
  families: z.array(z.string()).optional(),
  tasks: z.array(z.string()).optional(),
});
const ModelListSchema = z.looseObject({ data: z.array(z.unknown()) });

/** A scope read from a `/v1/models` body: families, tasks, or null when the model lists neither (or is absent). */
export type ListedScope = { families: string[] } | { tasks: string[] } | null;

export function scopeFromModelList(body: unknown, modelName: string): ListedScope {
  const list = ModelListSchema.safeParse(body);
  if (!list.success) return null;
  for (const raw of list.data.data) {
    const entry = ListedModelSchema.safeParse(raw);
    if (!entry.success || entry.data.id !== modelName) continue;
    if (entry.data.families && entry.data.families.length > 0) return { families: entry.data.families };
    if (entry.data.tasks && entry.data.tasks.length > 0) return { tasks: entry.data.tasks };
    return null;
  }
  return null;
}

/**
 * Asks the endpoint's `/models` for the model's declared scope. Any failure (no such route, a cloud API that lists
 * thousands of models, a timeout) means "no declared scope": the whole suite is sent, and refusals are still kept
 * out of accuracy by the graders.
 */
export async function discoverListedScope(baseUrl: string, modelName: string, fetchImpl: typeof fetch = fetch): Promise<ListedScope> {
  try {
    const response = await fetchImpl(`${baseUrl.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return null;
    return scopeFromModelList(await response.json(), modelName);
  } catch {
    return null;
  }
}

/**
 * The suite's families a model answers, or null when it answers all of them. The configured scope (families and
 * domains in sawtooth.config.json or the Models form) wins over what the endpoint lists. A listed task matches the
 * families whose skill (the id after the domain) is the task or ends in "-<task>".
 */
export function familiesInScope(
  suiteFamilies: readonly SuiteFamily[],
  configured: ModelScope | null,
  listed: ListedScope,
): string[] | null {
  let keep: (f: SuiteFamily) => boolean;
  if (configured && (configured.families || configured.domains)) {
    const families = new Set(configured.families ?? []);
    const domains = new Set(configured.domains ?? []);
    keep = (f) => families.has(f.id) || domains.has(f.domain);
  } else if (listed && 'families' in listed) {
    const families = new Set(listed.families);
    keep = (f) => families.has(f.id);
  } else if (listed && 'tasks' in listed) {
    const tasks = listed.tasks;
    // The skill part of a family id names the task: "algorithmic.parity", or a variant such as "algorithmic.card-parity".
    const skill = (id: string) => id.slice(id.indexOf('.') + 1);
    keep = (f) => tasks.some((t) => f.id === t || skill(f.id) === t || skill(f.id).endsWith(`-${t}`));
  } else {
    return null;
  }
  const inScope = suiteFamilies.filter(keep).map((f) => f.id);
  return inScope.length === suiteFamilies.length ? null : inScope;
}

/**
 * Records a run's scope before its work is read: the families it evaluates (null: all) and the expected count
 * without the probes it will never send. Once stored, a resumed run keeps the scope it started with.
 */
export async function storeRunScope(
  db: SqlRunner,
  runId: number,
  suiteKey: number,
  families: string[] | null,
  samples: number,
): Promise<string[] | null> {
  const stored = await storedRunScope(db, runId);
  if (stored !== null) return stored;
  if (families !== null) await setRunScope(db, runId, suiteKey, families, samples);
  return families;
}
