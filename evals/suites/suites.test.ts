import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOMAINS, pairProbes, SuiteSchema, type Suite } from '../contracts';
import { probeChance } from '../graders/chance';

/** Probes in core: 560 pairs × (easy + hard) plus the contrast twins. */
const CORE_PROBES = 1280;
import { listSuites, loadSuite, parseSuiteFile, serializeSuite, SuiteError, suiteVersion } from '.';

/** Runs `action`, expecting a SuiteError, and returns it. */
function suiteError(action: () => unknown): SuiteError {
  try {
    action();
  } catch (error) {
    if (error instanceof SuiteError) return error;
    throw error;
  }
  throw new Error('expected a SuiteError');
}

describe('the core suite', () => {
  const core = loadSuite('core');

  it('is a valid Suite with at least 24 families, 6 per domain and 15 pairs per family', () => {
    expect(SuiteSchema.safeParse(core).success).toBe(true);
    expect(core.families.length).toBeGreaterThanOrEqual(24);
    for (const domain of BUILT_IN_DOMAINS) {
      expect(core.families.filter((f) => f.domain === domain).length, domain).toBeGreaterThanOrEqual(6);
    }
    for (const family of core.families) {
      expect(core.pairs.filter((p) => p.family === family.id).length, family.id).toBeGreaterThanOrEqual(15);
    }
    expect(core.pairs.length).toBeGreaterThanOrEqual(360);
  });

  it('has unique pair and probe ids and no prompt twice', () => {
    const pairIds = core.pairs.map((p) => p.id);
    expect(new Set(pairIds).size).toBe(pairIds.length);
    const probes = core.pairs.flatMap(pairProbes);
    expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
    expect(new Set(probes.map((p) => p.prompt)).size).toBe(probes.length);
  });

  it('has a version that is the hash of its content, stable across loads', () => {
    expect(core.version).toMatch(/^[0-9a-f]{16}$/);
    expect(core.version).toBe(suiteVersion(core.families, core.pairs));
    expect(loadSuite('core')).toBe(core); // cached per process
  });

  it('has 28 families, 7 per domain, 20 pairs each, and a contrast twin for every binary or few-option easy probe', () => {
    expect(core.families).toHaveLength(28);
    for (const domain of BUILT_IN_DOMAINS) expect(core.families.filter((f) => f.domain === domain), domain).toHaveLength(7);
    expect(core.pairs).toHaveLength(560);
    for (const pair of core.pairs) if (probeChance(pair.easy) >= 0.25) expect(pair.easyTwin, pair.id).toBeDefined();
    expect(core.families.filter((f) => f.reportedFailure).length).toBeGreaterThanOrEqual(16);
    // The probe count every other test and README quotes: 560 easy and hard probes plus the twins.
    expect(core.pairs.flatMap(pairProbes)).toHaveLength(CORE_PROBES);
  });

  it('lists each multiple-choice option in the prompt under its letter, and answers with a listed letter', () => {
    for (const probe of core.pairs.flatMap(pairProbes)) {
      if (probe.grader.kind === 'choice') {
        probe.grader.options.forEach((option, i) => expect(probe.prompt).toContain(`${String.fromCharCode(65 + i)}) ${option}`));
        expect(probe.answer.charCodeAt(0) - 65).toBeLessThan(probe.grader.options.length);
      }
      if (probe.grader.kind === 'yesno') expect(['yes', 'no']).toContain(probe.answer);
    }
  });

  it('round-trips through YAML and JSONL with the same version', () => {
    for (const format of ['yaml', 'jsonl'] as const) {
      const text = serializeSuite(core, format);
      const back = parseSuiteFile(text, `core-copy.${format}`);
      expect(back.version).toBe(core.version);
      expect(back).toEqual(core);
    }
  });

  it('changes version when any answer changes', () => {
    const edited: Suite = structuredClone(core);
    edited.pairs[7]!.hard.answer = `${edited.pairs[7]!.hard.answer}0`;
    expect(suiteVersion(edited.families, edited.pairs)).not.toBe(core.version);
  });
});

describe('built-in suites', () => {
  it('lists core and smoke, each loadable under its own id', () => {
    const suites = listSuites();
    expect(suites.map((s) => s.id)).toEqual(expect.arrayContaining(['core', 'smoke']));
    for (const { id, title } of suites) {
      const suite = loadSuite(id);
      expect(suite.id).toBe(id);
      expect(suite.title).toBe(title);
    }
  });

  it('smoke uses the same families as core with its own seeds', () => {
    const core = loadSuite('core');
    const smoke = loadSuite('smoke');
    expect(smoke.families.map((f) => f.id)).toEqual(core.families.map((f) => f.id));
    const corePrompts = new Set(core.pairs.map((p) => p.hard.prompt));
    const shared = smoke.pairs.filter((p) => corePrompts.has(p.hard.prompt));
    expect(shared.length).toBeLessThan(3);
  });

  it('refuses an unknown id with the list of known ones', () => {
    const error = suiteError(() => loadSuite('nope'));
    expect(error.message).toMatch(/unknown suite "nope".*core/);
  });
});

const GOOD_PAIR = {
  type: 'pair',
  family: 'arithmetic.sums',
  easy: { prompt: 'What is 2 + 2? Answer with a number.', answer: '4', grader: 'numeric' },
  hard: { prompt: 'What is (2 + 2) × 3? Answer with a number.', answer: '12', grader: { kind: 'numeric' } },
};
const FAMILY_LINE = {
  type: 'family',
  id: 'arithmetic.sums',
  domain: 'arithmetic',
  title: 'Sums',
  description: 'Small sums.',
  pairRule: 'The hard sum contains the easy sum in brackets.',
};
const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');

describe('user-written suite files', () => {
  it('reads a minimal YAML file: ids derived, short grader form, numeric answers as text', () => {
    const suite = parseSuiteFile(
      [
        'title: My probes',
        'families:',
        '  - id: arithmetic.sums',
        '    domain: arithmetic',
        '    title: Sums',
        '    description: Small sums.',
        '    pairRule: The hard sum contains the easy sum in brackets.',
        'pairs:',
        '  - family: arithmetic.sums',
        '    easy: { prompt: "What is 2 + 2?", answer: 4, grader: numeric }',
        '    hard: { prompt: "What is (2 + 2) × 3?", answer: 12, grader: numeric }',
        '  - family: arithmetic.sums',
        '    key: custom',
        '    easy: { prompt: "What is 1 + 2?", answer: 3, grader: numeric }',
        '    hard: { prompt: "What is (1 + 2) × 5?", answer: 15, grader: numeric }',
      ].join('\n'),
      'My Probes.yaml',
    );
    expect(suite.id).toBe('my-probes');
    expect(suite.title).toBe('My probes');
    expect(suite.pairs.map((p) => p.id)).toEqual(['arithmetic.sums#000', 'arithmetic.sums#custom']);
    expect(suite.pairs[0]!.hard).toEqual({
      id: 'arithmetic.sums#000/hard',
      family: 'arithmetic.sums',
      tier: 'hard',
      prompt: 'What is (2 + 2) × 3?',
      answer: '12',
      grader: { kind: 'numeric' },
    });
  });

  it('reads JSONL, and mixes generated families with written pairs', () => {
    const suite = parseSuiteFile(
      jsonl({ type: 'suite', id: 'mixed', title: 'Mixed' }, FAMILY_LINE, { type: 'family', generator: 'algorithmic.parity', seed: 5, count: 3 }, GOOD_PAIR),
      'mixed.jsonl',
    );
    expect(suite.families.map((f) => f.id)).toEqual(['arithmetic.sums', 'algorithmic.parity']);
    expect(suite.pairs).toHaveLength(4);
  });

  it('names file, line and field for a missing field in JSONL', () => {
    const broken = { ...GOOD_PAIR, hard: { prompt: 'What is (3 + 2) × 3?', grader: 'numeric' } };
    const error = suiteError(() => parseSuiteFile(jsonl(FAMILY_LINE, GOOD_PAIR, broken), 'my-suite.jsonl'));
    expect(error.message).toBe('my-suite.jsonl:3: hard.answer: required');
    expect([error.file, error.line, error.field]).toEqual(['my-suite.jsonl', 3, 'hard.answer']);
  });

  it('reports every problem, each at its line', () => {
    const text = jsonl(
      FAMILY_LINE,
      { ...GOOD_PAIR, easy: { ...GOOD_PAIR.easy, grader: { kind: 'choise' } } },
      { ...GOOD_PAIR, family: 'arithmetic.unknown' },
      { ...GOOD_PAIR, hard: { ...GOOD_PAIR.hard, promt: 'typo' } },
    );
    const error = suiteError(() => parseSuiteFile(`${text}\nnot json`, 'many.jsonl'));
    // A JSON syntax error stops the reading before validation: it is the one problem reported.
    expect(error.issues).toEqual([expect.objectContaining({ file: 'many.jsonl', line: 5, message: expect.stringMatching(/not valid JSON/) })]);
    const all = suiteError(() => parseSuiteFile(text, 'many.jsonl')).issues.map((i) => `${i.line}: ${i.field}: ${i.message}`);
    expect(all).toEqual([
      expect.stringMatching(/^2: easy\.grader\.kind: Invalid discriminator value/),
      expect.stringMatching(/^3: family: family "arithmetic\.unknown" is not declared/),
      '4: hard.promt: unknown field',
    ]);
  });

  it('names the line of the field in YAML: a missing field at its parent key, a bad value at its own line', () => {
    const text = [
      'families:', //                                   1
      '  - id: arithmetic.sums', //                     2
      '    domain: arithmetic', //                      3
      '    title: Sums', //                             4
      '    description: Small sums.', //                5
      '    pairRule: The hard sum contains the easy sum in brackets.', // 6
      'pairs:', //                                      7
      '  - family: arithmetic.sums', //                 8
      '    easy:', //                                   9
      '      prompt: What is 2 + 2?', //               10
      '      answer: [4]', //                          11
      '      grader: numeric', //                      12
      '    hard:', //                                  13
      '      prompt: What is (2 + 2) × 3?', //         14
      '      grader: numeric', //                      15
    ].join('\n');
    const issues = suiteError(() => parseSuiteFile(text, 'sums.yaml')).issues;
    expect(issues).toEqual([
      expect.objectContaining({ file: 'sums.yaml', line: 11, field: 'pairs[0].easy.answer' }),
      { file: 'sums.yaml', line: 13, field: 'pairs[0].hard.answer', message: 'required' },
    ]);
  });

  it('reports YAML syntax errors and duplicate keys at their line', () => {
    const syntax = suiteError(() => parseSuiteFile('families:\n  - id: a.b\n    title: [unclosed\n', 'bad.yaml'));
    expect(syntax.line).toBeGreaterThanOrEqual(3);
    expect(syntax.message).toMatch(/^bad\.yaml:\d+: YAML: /);
    const duplicate = suiteError(() => parseSuiteFile('title: a\ntitle: b\nfamilies: []\n', 'dup.yaml'));
    expect(duplicate.message).toMatch(/^dup\.yaml:2: YAML: Map keys must be unique/);
  });

  it('refuses duplicate prompts in a family, undeclared and empty families, and unknown generators', () => {
    const duplicate = suiteError(() => parseSuiteFile(jsonl(FAMILY_LINE, GOOD_PAIR, GOOD_PAIR), 'dup.jsonl'));
    expect(duplicate.issues.map((i) => `${i.line}: ${i.field}: ${i.message}`)).toEqual([
      '3: easy.prompt: same prompt as arithmetic.sums#000/easy in this family',
      '3: hard.prompt: same prompt as arithmetic.sums#000/hard in this family',
    ]);
    const empty = suiteError(() => parseSuiteFile(jsonl(FAMILY_LINE), 'empty.jsonl'));
    expect(empty.message).toBe('empty.jsonl:1: id: family "arithmetic.sums" has no pairs');
    const unknown = suiteError(() => parseSuiteFile('families:\n  - { generator: arithmetic.nope, seed: 1, count: 2 }\n', 'gen.yaml'));
    expect(unknown.message).toBe('gen.yaml:2: families[0].generator: no built-in generator "arithmetic.nope"');
    const tooMany = suiteError(() => parseSuiteFile('families:\n  - { generator: commonsense.weekdays, seed: 1, count: 500 }\n', 'gen.yaml'));
    expect(tooMany.field).toBe('families[0].count');
    expect(tooMany.message).toMatch(/no new prompt/);
  });

  it('refuses a file that is neither YAML nor JSONL', () => {
    expect(suiteError(() => parseSuiteFile('{}', 'suite.json')).message).toMatch(/suite\.json: unknown suite file type "\.json"/);
  });
});
