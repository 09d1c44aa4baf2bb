import type { z } from 'zod';
import { PAIR_SLOTS, PairSchema, slotSuffix, type Family, type Pair, type PairSlot, type Probe, type Suite, type Tier } from '../contracts';
import { pairKey } from '../families/build-pair';
import { generatePairs } from '../families/generate-pairs';
import { findFamilyGenerator } from '../families';
import type { DocPath, RawSuite } from './raw-suite';
import { SuiteError, type SuiteIssue } from './suite-error';
import {
  FamilyEntrySchema,
  GeneratorEntrySchema,
  ItemsEntrySchema,
  PairEntrySchema,
  SuiteHeaderSchema,
  type PairEntry,
  type ProbeEntry,
} from './suite-file-schema';
import { suiteVersion } from './suite-version';

/** Loads the suite an `items:` entry points at (path relative to the including file). */
export type ItemsLoader = (reference: string, fromFile: string) => Suite;

/** Where a family came from, so a duplicate can be reported at both places. */
interface Collected {
  families: Family[];
  familyPaths: DocPath[];
  pairs: Pair[];
  pairPaths: DocPath[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path inside parsed data (to tell "missing" from "wrong type"). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** zod issues as suite issues, with "required" for a missing field and one issue per unknown field. */
function zodIssues(raw: RawSuite, base: DocPath, input: unknown, error: z.ZodError): SuiteIssue[] {
  const issues: SuiteIssue[] = [];
  const add = (path: DocPath, message: string) => issues.push({ file: raw.file, ...raw.locate([...base, ...path]), message });
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key], 'unknown field');
    } else if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
      add(path, 'required');
    } else {
      add(path, issue.message);
    }
  }
  return issues;
}

function familyOf(generator: Family): Family {
  const { id, domain, title, description, pairRule, reportedFailure } = generator;
  return { id, domain, title, description, pairRule, ...(reportedFailure ? { reportedFailure } : {}) };
}

/** The file's prompt template applied to one prompt ("{prompt}" replaced; no template: the prompt itself). */
export function applyTemplate(template: string | undefined, prompt: string): string {
  return template === undefined ? prompt : template.split('{prompt}').join(prompt);
}

function buildProbe(entry: ProbeEntry, pairId: string, family: string, tier: Tier, template: string | undefined, slot: PairSlot = tier): Probe {
  return {
    id: entry.id ?? `${pairId}/${slotSuffix(slot)}`,
    family: entry.family ?? family,
    tier: entry.tier ?? tier,
    prompt: applyTemplate(template, entry.prompt),
    answer: entry.answer,
    grader: entry.grader,
    ...(entry.source !== undefined ? { source: entry.source } : {}),
    ...(entry.license !== undefined ? { license: entry.license } : {}),
    ...(entry.chance !== undefined ? { chance: entry.chance } : {}),
    ...(entry.meta !== undefined ? { meta: entry.meta } : {}),
  };
}

function collectFamilies(raw: RawSuite, loadItems: ItemsLoader, issues: SuiteIssue[], into: Collected): void {
  raw.families.forEach((entry, i) => {
    const path: DocPath = ['families', i];
    if (!isRecord(entry)) {
      issues.push({ file: raw.file, ...raw.locate(path), message: 'expected a family: {id, domain, …}, {generator, seed, count} or {items}' });
      return;
    }
    if ('generator' in entry) {
      const parsed = GeneratorEntrySchema.safeParse(entry);
      if (!parsed.success) return void issues.push(...zodIssues(raw, path, entry, parsed.error));
      const generator = findFamilyGenerator(parsed.data.generator);
      if (!generator) {
        issues.push({ file: raw.file, ...raw.locate([...path, 'generator']), message: `no built-in generator "${parsed.data.generator}"` });
        return;
      }
      let generated: Pair[];
      try {
        generated = generatePairs(generator, parsed.data.seed, parsed.data.count);
      } catch (error) {
        // A generator with a small space of prompts (e.g. 6-bit numerals) cannot make unlimited distinct pairs.
        issues.push({ file: raw.file, ...raw.locate([...path, 'count']), message: (error as Error).message });
        return;
      }
      into.families.push(familyOf(generator));
      into.familyPaths.push([...path, 'generator']);
      for (const pair of generated) {
        into.pairs.push(pair);
        into.pairPaths.push(path);
      }
    } else if ('items' in entry) {
      const parsed = ItemsEntrySchema.safeParse(entry);
      if (!parsed.success) return void issues.push(...zodIssues(raw, path, entry, parsed.error));
      let included: Suite;
      try {
        included = loadItems(parsed.data.items, raw.file);
      } catch (error) {
        if (!(error instanceof SuiteError)) throw error;
        issues.push(...(error.issues.length > 0 ? error.issues : [{ file: raw.file, ...raw.locate([...path, 'items']), message: error.message }]));
        return;
      }
      for (const family of included.families) {
        into.families.push(family);
        into.familyPaths.push([...path, 'items']);
        const own = included.pairs.filter((pair) => pair.family === family.id);
        for (const pair of own.slice(0, parsed.data.count ?? own.length)) {
          into.pairs.push(pair);
          into.pairPaths.push(path);
        }
      }
    } else {
      const parsed = FamilyEntrySchema.safeParse(entry);
      if (!parsed.success) return void issues.push(...zodIssues(raw, path, entry, parsed.error));
      into.families.push(parsed.data);
      into.familyPaths.push([...path, 'id']);
    }
  });
}

function collectPairs(raw: RawSuite, template: string | undefined, issues: SuiteIssue[], into: Collected): void {
  const positionInFamily = new Map<string, number>();
  raw.pairs.forEach((entry, j) => {
    const path: DocPath = ['pairs', j];
    const parsed = PairEntrySchema.safeParse(entry);
    if (!parsed.success) return void issues.push(...zodIssues(raw, path, entry, parsed.error));
    const data: PairEntry = parsed.data;
    const position = positionInFamily.get(data.family) ?? 0;
    positionInFamily.set(data.family, position + 1);
    const id = data.id ?? `${data.family}#${data.key ?? pairKey(position)}`;
    if (data.id !== undefined && data.key !== undefined && data.id !== `${data.family}#${data.key}`) {
      issues.push({ file: raw.file, ...raw.locate([...path, 'key']), message: `does not match id "${data.id}"` });
      return;
    }
    if (!id.startsWith(`${data.family}#`)) {
      issues.push({ file: raw.file, ...raw.locate([...path, 'id']), message: `must start with "${data.family}#"` });
      return;
    }
    const candidate: Record<string, unknown> = { id, family: data.family };
    for (const { slot, tier } of PAIR_SLOTS) {
      const probe = data[slot];
      if (probe) candidate[slot] = buildProbe(probe, id, data.family, tier, template, slot);
    }
    const checked = PairSchema.safeParse(candidate);
    if (!checked.success) return void issues.push(...zodIssues(raw, path, candidate, checked.error));
    into.pairs.push(checked.data);
    into.pairPaths.push(path);
  });
}

/** Suite-wide rules: unique family ids, pair ids and prompts; every pair's family declared; no empty family. */
function crossCheck(raw: RawSuite, issues: SuiteIssue[], collected: Collected): void {
  // "Has no pairs" and "no families" are usually echoes of an error already reported (a pair or family that did not
  // parse); report them only when they are the whole story.
  const echoesOnly = issues.length > 0;
  const at = (path: DocPath, message: string) => issues.push({ file: raw.file, ...raw.locate(path), message });
  const familyIds = new Set<string>();
  collected.families.forEach((family, i) => {
    if (familyIds.has(family.id)) at(collected.familyPaths[i]!, `family "${family.id}" is declared twice`);
    familyIds.add(family.id);
  });
  const pairIds = new Set<string>();
  const prompts = new Map<string, string>();
  const pairsPerFamily = new Map<string, number>();
  collected.pairs.forEach((pair, j) => {
    const path = collected.pairPaths[j]!;
    const fromPairList = path[0] === 'pairs';
    if (!familyIds.has(pair.family))
      at(fromPairList ? [...path, 'family'] : path, `family "${pair.family}" is not declared under families`);
    if (pairIds.has(pair.id)) at(fromPairList ? [...path, 'id'] : path, `pair id "${pair.id}" is used twice`);
    pairIds.add(pair.id);
    pairsPerFamily.set(pair.family, (pairsPerFamily.get(pair.family) ?? 0) + 1);
    for (const tier of ['easy', 'hard'] as const) {
      const key = `${pair.family}\u0000${pair[tier].prompt}`;
      const earlier = prompts.get(key);
      if (earlier !== undefined) at(fromPairList ? [...path, tier, 'prompt'] : path, `same prompt as ${earlier} in this family`);
      else prompts.set(key, pair[tier].id);
    }
  });
  if (echoesOnly) return;
  collected.families.forEach((family, i) => {
    if (!pairsPerFamily.has(family.id)) at(collected.familyPaths[i]!, `family "${family.id}" has no pairs`);
  });
  if (collected.families.length === 0) at([], 'a suite needs at least one family (under "families")');
}

/** A file name's stem as a suite id: "My Suite.v2.yaml" → "my-suite-v2". */
export function suiteIdFromFile(file: string): string {
  const stem = (file.split(/[\\/]/).pop() ?? file).replace(/\.(ya?ml|jsonl)$/i, '');
  const slug = stem.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `suite-${slug || 'unnamed'}`;
}

/**
 * Validates a parsed suite file and resolves it into a `Suite`: generated families are generated, included item
 * files loaded, ids derived, and the version computed. Every problem found is reported, each with file and line.
 */
export function assembleSuite(raw: RawSuite, loadItems: ItemsLoader): Suite {
  const issues: SuiteIssue[] = [];
  const header = SuiteHeaderSchema.safeParse(raw.header);
  if (!header.success) issues.push(...zodIssues(raw, [], raw.header, header.error));
  const collected: Collected = { families: [], familyPaths: [], pairs: [], pairPaths: [] };
  collectFamilies(raw, loadItems, issues, collected);
  collectPairs(raw, header.success ? header.data.template : undefined, issues, collected);
  crossCheck(raw, issues, collected);
  if (issues.length > 0 || !header.success) {
    // In file order, as an editor shows them (checks run in phases, not top to bottom).
    const rank = (issue: SuiteIssue) => (issue.file === raw.file ? 0 : 1);
    issues.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
    throw new SuiteError(issues);
  }
  const stem = raw.file.split(/[\\/]/).pop() ?? raw.file;
  return {
    id: header.data.id ?? suiteIdFromFile(raw.file),
    title: header.data.title ?? stem,
    description: header.data.description ?? '',
    version: suiteVersion(collected.families, collected.pairs),
    families: collected.families,
    pairs: collected.pairs,
  };
}
