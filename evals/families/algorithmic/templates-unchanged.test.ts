import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePairs } from '../generate-pairs';
import { addition } from './addition';
import { binaryToDecimal } from './binary-to-decimal';
import { parity } from './parity';
import { stackOperations } from './stack-operations';

/**
 * The four families whose prompts the local checkpoints parse, generated with the core suite's seeds and counts,
 * must give exactly the prompts and answers recorded in fixtures/template-prompts.json — written by the code from
 * before their wording moved into templates.ts. A change here is a change of the checkpoints' contract.
 */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/template-prompts.json', import.meta.url), 'utf8')) as Record<
  string,
  { easy: string; hard: string; easyAnswer: string; hardAnswer: string }[]
>;

describe('the checkpoint families generate the same text as before the templates moved', () => {
  for (const [family, seed] of [
    [parity, 1020],
    [addition, 1021],
    [binaryToDecimal, 1025],
    [stackOperations, 1026],
  ] as const) {
    it(`${family.id} (seed ${seed}, 20 pairs)`, () => {
      const generated = generatePairs(family, seed, 20).map((p) => ({
        easy: p.easy.prompt,
        hard: p.hard.prompt,
        easyAnswer: p.easy.answer,
        hardAnswer: p.hard.answer,
      }));
      expect(fixture[family.id]).toHaveLength(20);
      expect(generated).toEqual(fixture[family.id]);
    });
  }
});
