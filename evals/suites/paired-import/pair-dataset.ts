import { z } from 'zod';
import { FamilyIdSchema, GraderSpecSchema, SuiteIdSchema, type GraderKind, type Tier } from '../../contracts';
import type { SuiteIssue } from '../suite-error';
import { readRecords, type SourceRecord } from './read-records';

/** What the user says about a dataset: which fields hold the key, prompt and answer, and how to grade. */
export const PairedImportOptionsSchema = z.object({
  suiteId: SuiteIdSchema,
  title: z.string().min(1).max(200).optional(),
  /** The field that matches an easy record with its hard twin. Optional for the one-file form (then: the row). */
  key: z.string().min(1).optional(),
  prompt: z.string().min(1).default('prompt'),
  answer: z.string().min(1).default('answer'),
  /** A grader kind without options; absent: numeric when every answer is a number, yesno when all are yes/no, else text. */
  grader: z.enum(['numeric', 'yesno', 'exact', 'text', 'set', 'list', 'symbolic']).optional(),
  family: FamilyIdSchema.optional(),
  template: z.string().includes('{prompt}', { message: 'must contain "{prompt}"' }).optional(),
});
export type PairedImportOptions = z.input<typeof PairedImportOptionsSchema>;

/** A dataset file's name (shown in messages) and text. */
export interface DatasetFile {
  name: string;
  text: string;
}

/** Two files matched by key (`math_easy.jsonl` + `math_hard.jsonl`), or one file whose records hold both tiers. */
export type DatasetInput = { easy: DatasetFile; hard: DatasetFile } | { both: DatasetFile };

/** The suite file the import writes (YAML-ready), its problems (nothing to write) and its warnings (written anyway). */
export interface PairedImport {
  document: Record<string, unknown>;
  pairs: number;
  issues: SuiteIssue[];
  warnings: SuiteIssue[];
}

interface Side {
  file: string;
  line: number;
  prompt: string;
  answer: string;
  answerColumn: string;
  meta: Record<string, unknown>;
}

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;
const isNumber = (text: string) => text.trim() !== '' && NUMBER.test(text.trim().replace(/^\$/, ''));

/** A dataset's key as a pair key (letters, digits, "_" and "-"): "q 12/a" → "q-12-a". */
export function pairKeyOf(value: string): string {
  return value.trim().replace(/[^a-z0-9_-]+/gi, '-').replace(/^-+|-+$/g, '') || 'key';
}

const cellText = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? (value.trim() === '' ? undefined : value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);

/**
 * Where a tier's field lives in a one-file record: `easy: {question}` (nested), `easy_question`, `easy.question` or
 * `question_easy`. Returns the column name to report and the value.
 */
function tierField(values: Record<string, unknown>, tier: Tier, field: string): { column: string; value: unknown } {
  const nested = values[tier];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) return { column: `${tier}.${field}`, value: (nested as Record<string, unknown>)[field] };
  for (const column of [`${tier}_${field}`, `${tier}.${field}`, `${field}_${tier}`]) {
    if (column in values) return { column, value: values[column] };
  }
  return { column: `${tier}_${field}`, value: undefined };
}

/** The fields of a record Sawtooth does not use, kept under `meta` (JSON values only). */
function metaOf(values: Record<string, unknown>, used: ReadonlySet<string>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (used.has(name) || value === undefined || value === '') continue;
    meta[name] = value instanceof Date ? value.toISOString() : value;
  }
  return meta;
}

function side(file: string, record: SourceRecord, prompt: { column: string; value: unknown }, answer: { column: string; value: unknown }, meta: Record<string, unknown>, issues: SuiteIssue[]): Side | null {
  const promptText = cellText(prompt.value);
  const answerText = cellText(answer.value);
  if (promptText === undefined) issues.push({ file, line: record.line, field: prompt.column, message: 'required (an empty or missing prompt)' });
  if (answerText === undefined) issues.push({ file, line: record.line, field: answer.column, message: 'required (an empty or missing answer)' });
  if (promptText === undefined || answerText === undefined) return null;
  return { file, line: record.line, prompt: promptText, answer: answerText.trim(), answerColumn: answer.column, meta };
}

/** Records of one file by key; a key seen twice is reported at its second line. */
function byKey(file: string, records: SourceRecord[], key: string, issues: SuiteIssue[]): Map<string, SourceRecord> {
  const map = new Map<string, SourceRecord>();
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const value = cellText(record.values[key]);
    if (value === undefined) {
      issues.push({ file, line: record.line, field: key, message: 'required (the key that pairs easy with hard)' });
      continue;
    }
    const slug = pairKeyOf(value);
    if (map.has(slug)) {
      issues.push({ file, line: record.line, field: key, message: `duplicate key "${value}" (first at line ${firstLine.get(slug)})` });
      continue;
    }
    map.set(slug, record);
    firstLine.set(slug, record.line);
  }
  return map;
}

interface Matched {
  key: string;
  sourceKey: string;
  easy: Side;
  hard: Side;
}

function matchTwoFiles(input: { easy: DatasetFile; hard: DatasetFile }, options: z.output<typeof PairedImportOptionsSchema>, issues: SuiteIssue[]): Matched[] {
  if (!options.key) {
    issues.push({ file: input.easy.name, field: 'key', message: 'two files are paired by a key field: give --key <field>' });
    return [];
  }
  const key = options.key;
  const read = (file: DatasetFile) => {
    const result = readRecords(file.text, file.name);
    issues.push(...result.issues);
    return byKey(file.name, result.records, key, issues);
  };
  const easy = read(input.easy);
  const hard = read(input.hard);
  const used = new Set([key, options.prompt, options.answer]);
  const matched: Matched[] = [];
  for (const [slug, easyRecord] of easy) {
    const hardRecord = hard.get(slug);
    const sourceKey = cellText(easyRecord.values[key])!;
    if (!hardRecord) {
      issues.push({ file: input.easy.name, line: easyRecord.line, field: key, message: `no record with key "${sourceKey}" in ${input.hard.name}` });
      continue;
    }
    const field = (record: SourceRecord, name: string) => ({ column: name, value: record.values[name] });
    const e = side(input.easy.name, easyRecord, field(easyRecord, options.prompt), field(easyRecord, options.answer), metaOf(easyRecord.values, used), issues);
    const h = side(input.hard.name, hardRecord, field(hardRecord, options.prompt), field(hardRecord, options.answer), metaOf(hardRecord.values, used), issues);
    if (e && h) matched.push({ key: slug, sourceKey, easy: e, hard: h });
  }
  for (const [slug, hardRecord] of hard) {
    if (!easy.has(slug)) issues.push({ file: input.hard.name, line: hardRecord.line, field: key, message: `no record with key "${cellText(hardRecord.values[key])}" in ${input.easy.name}` });
  }
  return matched;
}

function matchOneFile(file: DatasetFile, options: z.output<typeof PairedImportOptionsSchema>, issues: SuiteIssue[]): Matched[] {
  const result = readRecords(file.text, file.name);
  issues.push(...result.issues);
  const matched: Matched[] = [];
  const seen = new Map<string, number>();
  result.records.forEach((record, i) => {
    let sourceKey = String(i + 1).padStart(3, '0');
    if (options.key) {
      const value = cellText(record.values[options.key]);
      if (value === undefined) return void issues.push({ file: file.name, line: record.line, field: options.key, message: 'required (the pair key)' });
      sourceKey = value;
    }
    const slug = pairKeyOf(sourceKey);
    if (seen.has(slug)) return void issues.push({ file: file.name, line: record.line, field: options.key ?? 'key', message: `duplicate key "${sourceKey}" (first at line ${seen.get(slug)})` });
    seen.set(slug, record.line);
    const fields = (tier: Tier) => ({ prompt: tierField(record.values, tier, options.prompt), answer: tierField(record.values, tier, options.answer) });
    const easyFields = fields('easy');
    const hardFields = fields('hard');
    const used = new Set([options.key ?? '', easyFields.prompt.column, easyFields.answer.column, hardFields.prompt.column, hardFields.answer.column]);
    const nestedMeta = (tier: Tier) => {
      const nested = record.values[tier];
      return nested && typeof nested === 'object' && !Array.isArray(nested) ? metaOf(nested as Record<string, unknown>, new Set([options.prompt, options.answer])) : {};
    };
    const shared = metaOf(record.values, new Set([...used, 'easy', 'hard']));
    const e = side(file.name, record, easyFields.prompt, easyFields.answer, { ...shared, ...nestedMeta('easy') }, issues);
    const h = side(file.name, record, hardFields.prompt, hardFields.answer, nestedMeta('hard'), issues);
    if (e && h) matched.push({ key: slug, sourceKey, easy: e, hard: h });
  });
  return matched;
}

/**
 * Turns a paired easy/hard dataset into a suite file: two files matched by a key field, or one file with both tiers
 * per record. Unmatched keys, duplicate keys and missing fields are problems (`file:line: field: message`, nothing is
 * written); a pair whose easy and hard answers are equal is a warning (rarely a real easy/hard pair, but possible).
 * Fields the suite does not use are kept under each probe's `meta`.
 */
export function pairDataset(input: DatasetInput, rawOptions: PairedImportOptions): PairedImport {
  const options = PairedImportOptionsSchema.parse(rawOptions);
  const issues: SuiteIssue[] = [];
  const warnings: SuiteIssue[] = [];
  const matched = 'both' in input ? matchOneFile(input.both, options, issues) : matchTwoFiles(input, options, issues);
  for (const pair of matched) {
    if (pair.easy.answer === pair.hard.answer) {
      warnings.push({ file: pair.hard.file, line: pair.hard.line, field: pair.hard.answerColumn, message: `same answer as its easy twin ("${pair.easy.answer}", ${pair.easy.file}:${pair.easy.line}): is this really a harder version?` });
    }
  }
  const family = options.family ?? `imported.${options.suiteId}`;
  const answers = matched.flatMap((p) => [p.easy.answer, p.hard.answer]);
  const kind: GraderKind = options.grader ?? (answers.every(isNumber) ? 'numeric' : answers.every((a) => /^(yes|no)$/i.test(a)) ? 'yesno' : 'text');
  const grader = GraderSpecSchema.parse({ kind }).kind;
  const probe = (s: Side, sourceKey: string, slug: string) => ({
    prompt: s.prompt,
    answer: s.answer,
    grader,
    ...(Object.keys(s.meta).length > 0 || sourceKey !== slug ? { meta: { ...s.meta, ...(sourceKey !== slug ? { sourceKey } : {}) } } : {}),
  });
  const base = (name: string) => name.split(/[\\/]/).pop() ?? name;
  const files = 'both' in input ? base(input.both.name) : `${base(input.easy.name)} + ${base(input.hard.name)}`;
  const document: Record<string, unknown> = {
    id: options.suiteId,
    title: options.title ?? options.suiteId,
    description: `Imported from ${files}.`,
    ...(options.template !== undefined ? { template: options.template } : {}),
    families: [
      {
        id: family,
        domain: family.split('.')[0]!,
        title: (options.title ?? family).slice(0, 80),
        description: `Pairs imported from ${files}.`.slice(0, 400),
        pairRule: 'Each hard probe is the dataset\'s harder version of the easy probe with the same key.',
      },
    ],
    pairs: matched.map((pair) => ({ key: pair.key, family, easy: probe(pair.easy, pair.sourceKey, pair.key), hard: probe(pair.hard, pair.sourceKey, pair.key) })),
  };
  return { document, pairs: matched.length, issues, warnings };
}
