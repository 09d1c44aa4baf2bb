import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DOMAINS, PAIR_SLOTS, PairSchema } from '../contracts';
import { probeChance } from '../graders/chance';
import { FAMILY_GENERATORS, findFamilyGenerator, generatePairs } from '.';
import { defineFamily } from './define-family';

describe('the family generators', () => {
  it('cite a publicly reported failure in well over half of the families (16 of 28)', () => {
    const cited = FAMILY_GENERATORS.filter((f) => f.reportedFailure);
    expect(cited.length).toBeGreaterThanOrEqual(16);
    for (const family of cited) expect(family.reportedFailure!.source).toMatch(/\d{4}/); // a year, at least
  });

  it('are at least six per built-in domain, with unique ids in their own domain', () => {
    const ids = FAMILY_GENERATORS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const domain of BUILT_IN_DOMAINS) {
      expect(FAMILY_GENERATORS.filter((f) => f.domain === domain).length, domain).toBeGreaterThanOrEqual(6);
    }
    for (const family of FAMILY_GENERATORS) expect(family.id.startsWith(`${family.domain}.`)).toBe(true);
    expect(findFamilyGenerator('algorithmic.parity')?.id).toBe('algorithmic.parity');
    expect(findFamilyGenerator('algorithmic.nope')).toBeUndefined();
  });

  for (const family of FAMILY_GENERATORS) {
    describe(family.id, () => {
      const pairs = generatePairs(family, 2024, 40);

      it('is deterministic for a seed', () => {
        expect(generatePairs(family, 2024, 40)).toEqual(pairs);
      });

      it('gives new prompts for another seed', () => {
        const other = generatePairs(family, 2025, 40);
        const before = new Set(pairs.flatMap((p) => [p.easy.prompt, p.hard.prompt]));
        const fresh = other.flatMap((p) => [p.easy.prompt, p.hard.prompt]).filter((prompt) => !before.has(prompt));
        expect(fresh.length).toBeGreaterThan(other.length); // most of the 80 prompts are new
      });

      it('makes valid pairs with derived ids, provenance and no repeated prompt', () => {
        pairs.forEach((pair, i) => {
          expect(PairSchema.safeParse(pair).success).toBe(true);
          expect(pair.id).toBe(`${family.id}#${String(i).padStart(3, '0')}`);
          expect(pair.easy.source).toBe(`generator:${family.id}@seed=2024`);
          expect(pair.easy.prompt).not.toBe(pair.hard.prompt);
        });
        const prompts = pairs.flatMap((p) => [p.easy.prompt, p.hard.prompt]);
        expect(new Set(prompts).size).toBe(prompts.length);
      });

      it('gives every binary or few-option easy probe (chance of a guess ≥ ¼) a contrast twin with the other answer', () => {
        for (const pair of pairs) {
          const easyChance = probeChance(pair.easy);
          if (easyChance >= 0.25) expect(pair.easyTwin, `${pair.easy.id} (chance ${easyChance}) has no twin`).toBeDefined();
          for (const [probe, twin] of [[pair.easy, pair.easyTwin], [pair.hard, pair.hardTwin]] as const) {
            if (!twin) continue;
            expect(twin.answer, twin.id).not.toBe(probe.answer);
            expect(twin.grader.kind).toBe(probe.grader.kind);
            expect(probeChance(twin)).toBe(probeChance(probe));
          }
        }
      });

      it('asks for a checkable final answer in its prompts', () => {
        for (const pair of pairs) {
          for (const probe of PAIR_SLOTS.flatMap(({ slot }) => (pair[slot] ? [pair[slot]] : []))) {
            expect(probe.prompt).toMatch(/(Answer (with|yes or no|1 if)|Give the answer as)/);
            expect(probe.prompt).not.toMatch(/undefined|NaN|\[object/);
            expect(probe.answer.trim()).toBe(probe.answer);
          }
        }
      });

    });
  }

  it('are all in the README table, with their current pair rule', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const family of FAMILY_GENERATORS) expect(readme).toContain(`| \`${family.id}\` | ${family.domain} | ${family.pairRule} |`);
  });

  it('refuses a family definition that breaks the Family contract', () => {
    expect(() =>
      defineFamily({ id: 'Bad Id', domain: 'arithmetic', title: 't', description: 'd', pairRule: 'short', generate: () => { throw new Error('unused'); } }),
    ).toThrow(/family "Bad Id": id/);
  });

  it('gives up with a clear error when a generator cannot make enough distinct prompts', () => {
    const tiny = defineFamily({
      id: 'arithmetic.tiny',
      domain: 'arithmetic',
      title: 'Tiny',
      description: 'Only two different pairs exist.',
      pairRule: 'A rule long enough for the contract.',
      generate: (rng) => {
        const n = rng.int(1, 2);
        return {
          easy: { prompt: `easy ${n}`, answer: String(n), grader: { kind: 'numeric' } },
          hard: { prompt: `hard ${n}`, answer: String(n), grader: { kind: 'numeric' } },
        };
      },
    });
    expect(generatePairs(tiny, 1, 2)).toHaveLength(2);
    expect(() => generatePairs(tiny, 1, 3)).toThrow(/arithmetic.tiny.*no new prompt.*pair 2/);
  });
});
