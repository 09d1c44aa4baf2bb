import { describe, expect, it } from 'vitest';
import type { Pair } from '../../contracts';
import { FAMILY_GENERATORS } from '..';
import { capture, samplePairs } from '../testing';
import { parseAdditionPrompt, parseParityPrompt } from './templates';

const ones = (bits: string) => (bits.match(/1/g) ?? []).length;

/** Bracket balance by repeatedly deleting adjacent matched pairs: a different method from the generator's stack. */
function balancedByDeletion(text: string): boolean {
  let current = text;
  for (;;) {
    const next = current.replace(/\(\)|\[\]|\{\}/g, '');
    if (next === current) return next === '';
    current = next;
  }
}

function simulateStack(prompt: string): number[] {
  const [steps] = capture(/in order: (.*)\. Which numbers/, prompt) as [string];
  const stack: number[] = [];
  for (const step of steps.split(', ')) {
    const push = /^push (\d+)$/.exec(step);
    if (push) stack.push(Number(push[1]));
    else if (step === 'pop') {
      expect(stack.length, `pop on an empty stack in: ${prompt}`).toBeGreaterThan(0);
      stack.pop();
    } else throw new Error(`unknown step "${step}"`);
  }
  return stack;
}

/** Independent answer checks, one per family, plus the pair-rule properties that can be checked mechanically. */
const verifiers: Record<string, (pair: Pair) => void> = {
  'algorithmic.parity'(pair) {
    const easy = parseParityPrompt(pair.easy.prompt)!.bits;
    const hard = parseParityPrompt(pair.hard.prompt)!.bits;
    expect(easy).toHaveLength(8);
    expect(hard).toHaveLength(16);
    expect(hard.startsWith(easy)).toBe(true);
    expect(pair.easy.answer).toBe(String(ones(easy) % 2));
    expect(pair.hard.answer).toBe(String(ones(hard) % 2));
    for (const bits of [easy, hard]) expect(ones(bits) > 0 && ones(bits) < bits.length).toBe(true);
    // Twins: one bit flipped, the other parity; the hard twin still starts with the easy string.
    const easyTwin = parseParityPrompt(pair.easyTwin!.prompt)!.bits;
    const hardTwin = parseParityPrompt(pair.hardTwin!.prompt)!.bits;
    const distance = (x: string, y: string) => [...x].filter((bit, i) => bit !== y[i]).length;
    expect(distance(easy, easyTwin)).toBe(1);
    expect(distance(hard, hardTwin)).toBe(1);
    expect(hardTwin.startsWith(easy)).toBe(true);
    expect(pair.easyTwin!.answer).toBe(String(ones(easyTwin) % 2));
    expect(pair.hardTwin!.answer).toBe(String(ones(hardTwin) % 2));
  },
  'algorithmic.addition'(pair) {
    const easy = parseAdditionPrompt(pair.easy.prompt)!;
    const hard = parseAdditionPrompt(pair.hard.prompt)!;
    for (const n of [easy.a, easy.b]) expect(String(n)).toMatch(/^[1-9]\d$/);
    for (const n of [hard.a, hard.b]) expect(String(n)).toMatch(/^[1-9]\d{4}$/);
    expect([hard.a % 100, hard.b % 100]).toEqual([easy.a, easy.b]);
    expect(pair.easy.answer).toBe(String(BigInt(easy.a) + BigInt(easy.b)));
    expect(pair.hard.answer).toBe(String(BigInt(hard.a) + BigInt(hard.b)));
    // The easy sum, carry included, is the low part of the hard sum.
    expect((hard.a + hard.b) % 100).toBe((easy.a + easy.b) % 100);
  },
  'algorithmic.reverse-words'(pair) {
    const [word] = capture(/^Write the word "([a-z]+)" backwards/, pair.easy.prompt) as [string];
    const words = capture(/^Join the words "([a-z]+)", "([a-z]+)" and "([a-z]+)" into one word/, pair.hard.prompt);
    expect(words[0]).toBe(word);
    // Reversal by index from the end, not by the generator's array reverse.
    const backwards = (text: string) => Array.from({ length: text.length }, (_, i) => text.charAt(text.length - 1 - i)).join('');
    expect(pair.easy.answer).toBe(backwards(word));
    expect(pair.hard.answer).toBe(backwards(words.join('')));
    expect(pair.hard.answer.endsWith(pair.easy.answer)).toBe(true);
    expect(pair.easy.answer).not.toBe(word); // no palindromes
  },
  'algorithmic.letter-counting'(pair) {
    const [letter, word] = capture(/letter "([a-z])" appear in the word "([a-z]+)"/, pair.easy.prompt) as [string, string];
    const [hardLetter, list] = capture(/letter "([a-z])" appear in this list of words: ([a-z, ]+)\?/, pair.hard.prompt) as [string, string];
    const words = list.split(', ');
    expect(hardLetter).toBe(letter);
    expect(words).toContain(word);
    expect(words).toHaveLength(6);
    const count = (text: string) => text.split(letter).length - 1;
    expect(count(word)).toBeGreaterThanOrEqual(2);
    expect(pair.easy.answer).toBe(String(count(word)));
    expect(pair.hard.answer).toBe(String(count(words.join(''))));
  },
  'algorithmic.balanced-brackets'(pair) {
    const sequence = (prompt: string, pattern: RegExp) => capture(pattern, prompt)[0]!.replace(/ /g, '');
    const easy = sequence(pair.easy.prompt, /bracket sequence ([()[\]{} ]+) from left to right/);
    const hard = sequence(pair.hard.prompt, /bracket sequence ([()[\]{} ]+) balanced/);
    const twin = sequence(pair.hardTwin!.prompt, /bracket sequence ([()[\]{} ]+) balanced/);
    expect(hard).toHaveLength(24);
    expect(hard.startsWith(easy) && twin.startsWith(easy)).toBe(true);
    // Still open at the end of the easy part: delete matched pairs until none is left; a prefix of a balanced
    // sequence then holds only openers.
    let rest = easy;
    for (let next = rest.replace(/\(\)|\[\]|\{\}/g, ''); next !== rest; next = rest.replace(/\(\)|\[\]|\{\}/g, '')) rest = next;
    expect(rest).toMatch(/^[([{]+$/);
    expect(pair.easy.answer).toBe(String(rest.length));
    expect(pair.hard.answer).toBe(balancedByDeletion(hard) ? 'yes' : 'no');
    expect(pair.hardTwin!.answer).toBe(balancedByDeletion(twin) ? 'yes' : 'no');
    expect(pair.hardTwin!.answer).not.toBe(pair.hard.answer);
    // Hard and twin hold the same brackets, in a different order: counting is not enough.
    expect([...hard].sort().join('')).toBe([...twin].sort().join(''));
  },
  'algorithmic.binary-to-decimal'(pair) {
    const bits = (prompt: string) => capture(/binary number ([01]+) in decimal/, prompt)[0]!;
    const easy = bits(pair.easy.prompt);
    const hard = bits(pair.hard.prompt);
    expect(easy).toMatch(/^1[01]{7}$/);
    expect(hard).toMatch(/^1[01]{15}$/);
    expect(hard.endsWith(easy)).toBe(true);
    expect(pair.easy.answer).toBe(String(parseInt(easy, 2)));
    expect(pair.hard.answer).toBe(String(parseInt(hard, 2)));
  },
  'algorithmic.stack-operations'(pair) {
    const easySteps = capture(/in order: (.*)\. Which/, pair.easy.prompt)[0]!;
    const hardSteps = capture(/in order: (.*)\. Which/, pair.hard.prompt)[0]!;
    expect(hardSteps.startsWith(`${easySteps}, `)).toBe(true);
    const easy = simulateStack(pair.easy.prompt);
    const hard = simulateStack(pair.hard.prompt);
    expect(easy.length).toBeGreaterThan(0);
    expect(pair.easy.answer).toBe(easy.join(', '));
    expect(pair.hard.answer).toBe(hard.join(', '));
  },
};

describe('algorithmic families', () => {
  it('have a verifier each', () => {
    const ids = FAMILY_GENERATORS.filter((f) => f.domain === 'algorithmic').map((f) => f.id);
    expect(Object.keys(verifiers).sort()).toEqual([...ids].sort());
  });

  for (const family of FAMILY_GENERATORS.filter((f) => f.domain === 'algorithmic')) {
    it(`${family.id}: every answer matches an independent computation`, () => {
      for (const pair of samplePairs(family)) verifiers[family.id]!(pair);
    });
  }

  it('parity and balanced-brackets balance their answers across pairs', () => {
    for (const [id, slots] of [['algorithmic.parity', ['easy', 'hard']], ['algorithmic.balanced-brackets', ['hard']]] as const) {
      const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === id)!, [11], 40);
      for (const tier of slots) {
        const answers = pairs.map((pair) => pair[tier].answer);
        const first = answers[0]!;
        expect(answers.filter((a) => a === first).length, `${id} ${tier}`).toBe(20);
      }
    }
  });

  it('addition carries out of the easy digits in half of the pairs', () => {
    const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === 'algorithmic.addition')!, [5], 40);
    const carries = pairs.filter((pair) => Number(pair.easy.answer) >= 100).length;
    expect(carries).toBe(20);
  });
});
