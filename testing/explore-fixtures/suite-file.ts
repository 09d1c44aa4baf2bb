import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Suite } from '../../evals/contracts';

/** Writes a resolved suite as a YAML suite file `sawtooth eval --suite <file>` reads (families in full, then pairs). */
export function writeSuiteFile(suite: Suite, file: string): void {
  const probe = (p: Suite['pairs'][number]['easy']) => ({ prompt: p.prompt, answer: p.answer, grader: p.grader });
  const doc = {
    id: suite.id,
    title: suite.title,
    families: suite.families,
    pairs: suite.pairs.map((pair) => ({ family: pair.family, key: pair.id.split('#')[1], easy: probe(pair.easy), hard: probe(pair.hard) })),
  };
  writeFileSync(file, stringify(doc));
}

/** Finds which probe a prompt is, so a test server can answer it by a SyntheticModel pattern. */
export function promptIndex(suite: Suite): Map<string, { familyIndex: number; pairIndex: number; tier: 'easy' | 'hard'; answer: string }> {
  const index = new Map<string, { familyIndex: number; pairIndex: number; tier: 'easy' | 'hard'; answer: string }>();
  const familyIndex = new Map(suite.families.map((f, i) => [f.id, i]));
  const perFamily = new Map<string, number>();
  for (const pair of suite.pairs) {
    const pairIndex = perFamily.get(pair.family) ?? 0;
    perFamily.set(pair.family, pairIndex + 1);
    for (const tier of ['easy', 'hard'] as const) {
      index.set(pair[tier].prompt, { familyIndex: familyIndex.get(pair.family)!, pairIndex, tier, answer: pair[tier].answer });
    }
  }
  return index;
}
