import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import type { Pair } from '../../contracts';
import { FAMILY_GENERATORS } from '..';
import { asciiMath, capture, samplePairs } from '../testing';

// mathjs is the independent calculator: exact fractions for fraction arithmetic, floats and units otherwise.
const exact = create(all!, { number: 'Fraction' });
const math = create(all!);

/** The expression between "Calculate " (or "What is ") and the closing question. */
const expressionOf = (prompt: string) => capture(/^(?:Calculate|What is) (.+?)[.?] (?:Answer|Give)/, prompt)[0]!;


const verifiers: Record<string, (pair: Pair) => void> = {
  'arithmetic.order-of-operations'(pair) {
    const easy = expressionOf(pair.easy.prompt);
    const hard = expressionOf(pair.hard.prompt);
    expect(hard).toContain(easy);
    expect(pair.easy.answer).toBe(String(math.evaluate(asciiMath(easy))));
    expect(pair.hard.answer).toBe(String(math.evaluate(asciiMath(hard))));
    // Reading left to right would give another number: the probe really tests precedence.
    const [a, op, b, , c] = easy.split(' ');
    const leftToRight = op === '+' ? (Number(a) + Number(b)) * Number(c) : (Number(a) - Number(b)) * Number(c);
    expect(leftToRight).not.toBe(Number(pair.easy.answer));
  },
  'arithmetic.decimal-comparison'(pair) {
    if (pair.easy.grader.kind !== 'choice') throw new Error('easy probe must be multiple choice');
    const options = pair.easy.grader.options;
    const larger = options.reduce((x, y) => (Number(x) > Number(y) ? x : y));
    expect(pair.easy.answer).toBe(String.fromCharCode(65 + options.indexOf(larger)));
    // The trap: the larger number has fewer decimal digits.
    const smaller = options.find((o) => o !== larger)!;
    expect(larger.split('.')[1]!.length).toBeLessThan(smaller.split('.')[1]!.length);
    const listed = capture(/smallest to largest: ([\d., ]+)\. Answer/, pair.hard.prompt)[0]!.split(', ');
    for (const option of options) expect(listed).toContain(option);
    expect(new Set(listed.map(Number)).size).toBe(listed.length);
    expect(pair.hard.answer).toBe([...listed].sort((x, y) => Number(x) - Number(y)).join(', '));
    // The twin asks for the smaller of the same two options: its answer is the other letter.
    expect(pair.easyTwin?.prompt).toBe(pair.easy.prompt.replace('Which number is larger?', 'Which number is smaller?'));
    expect(pair.easyTwin?.grader).toEqual(pair.easy.grader);
    expect(pair.easyTwin?.answer).toBe(String.fromCharCode(65 + options.indexOf(smaller)));
  },
  'arithmetic.multiplication'(pair) {
    const [a, b] = capture(/What is (\d+) × (\d+)\?/, pair.easy.prompt) as [string, string];
    const [c, d] = capture(/What is (\d+) × (\d+)\?/, pair.hard.prompt) as [string, string];
    expect(c.startsWith(a) && d.startsWith(b)).toBe(true);
    expect([a.length, b.length, c.length, d.length]).toEqual([3, 3, 5, 4]);
    expect(pair.easy.answer).toBe(String(BigInt(a) * BigInt(b)));
    expect(pair.hard.answer).toBe(String(BigInt(c) * BigInt(d)));
  },
  'arithmetic.fractions'(pair) {
    const easy = expressionOf(pair.easy.prompt);
    const hard = expressionOf(pair.hard.prompt);
    expect(hard).toContain(`(${easy})`);
    for (const [expression, answer] of [[easy, pair.easy.answer], [hard, pair.hard.answer]] as const) {
      const value = exact.evaluate(asciiMath(expression)) as ReturnType<typeof exact.fraction>;
      // The answer is exactly the value, and in lowest terms (as the prompt asks).
      expect(exact.fraction(answer).equals(value)).toBe(true);
      expect(answer).toBe(value.d === 1n ? String(value.s * value.n) : `${value.s * value.n}/${value.d}`);
    }
  },
  'arithmetic.percentages'(pair) {
    const [p, n] = capture(/What is (\d+)% of (\d+)\?/, pair.easy.prompt).map(Number) as [number, number];
    expect(exact.fraction(pair.easy.answer).equals(exact.evaluate(`${p}/100 * ${n}`))).toBe(true);
    const [price, discount, tax] = capture(/costs \$(\d+)\. The shop takes (\d+)% off that price, and then (\d+)% sales tax/, pair.hard.prompt).map(Number) as [number, number, number];
    expect([price, discount]).toEqual([n, p]);
    const final = exact.evaluate(`${price} * (1 - ${discount}/100) * (1 + ${tax}/100)`);
    expect(exact.fraction(pair.hard.answer).equals(final)).toBe(true);
    expect(pair.hard.answer).toMatch(/^\d+(\.\d{1,2})?$/);
  },
  'arithmetic.irrelevant-details'(pair) {
    // Read the story as numbers in order: the two amounts, the distractor; the hard story adds gift, group size and
    // perhaps a second distractor. The answer must ignore both distractors.
    const [a, b] = capture(/ (\d+) [a-z]+(?: [a-z ]+)? on [A-Z][a-z]+day and (\d+) more on [A-Z][a-z]+day\./, pair.easy.prompt).map(Number) as [number, number];
    const [distractor] = capture(/(?:^|\. |, )(\d+) (?:of the|were found)|Of the [a-z]+ from [A-Z][a-z]+day, (\d+)/, pair.easy.prompt.replace(/^.*?day and \d+ more on [A-Z][a-z]+day\. /, '')).filter(Boolean).map(Number) as [number];
    expect(distractor).toBeGreaterThan(0);
    expect(pair.easy.answer).toBe(String(a + b));
    expect(Number(pair.easy.answer)).not.toBe(a + b - distractor);
    expect(pair.hard.prompt.startsWith(pair.easy.prompt.replace(/ How many [^?]+\? Answer with a number\.$/, ''))).toBe(true);
    const [gift, size] = capture(/gives (\d+) of them to a neighbour and packs the rest into [a-z]+ of (\d+)\./, pair.hard.prompt).map(Number) as [number, number];
    const packed = exact.evaluate(`(${a} + ${b} - ${gift}) / ${size}`);
    expect(packed.d).toBe(1n);
    expect(pair.hard.answer).toBe(String(packed.n));
  },
  'arithmetic.negative-numbers'(pair) {
    const easy = expressionOf(pair.easy.prompt);
    const hard = expressionOf(pair.hard.prompt);
    expect(hard).toContain(`(${easy})`);
    // Exact decimals (mathjs fractions), so that 9.11 − 9.9 is −0.79 and not −0.7900000000000009.
    for (const [expression, answer] of [[easy, pair.easy.answer], [hard, pair.hard.answer]] as const) {
      expect(exact.fraction(answer).equals(exact.evaluate(asciiMath(expression)))).toBe(true);
      expect(answer).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
    // The reported trap: same whole part, the number with more digits after the point has the larger number written
    // there, yet it is the smaller one; so the result is negative exactly when it comes first.
    const [x, y] = capture(/^(\d+\.\d+) − (\d+\.\d+)$/, easy) as [string, string];
    const [[xWhole, xDigits], [yWhole, yDigits]] = [x.split('.'), y.split('.')] as [[string, string], [string, string]];
    expect(xWhole).toBe(yWhole);
    expect(xDigits.length).not.toBe(yDigits.length);
    const [longer, shorter] = xDigits.length > yDigits.length ? [x, y] : [y, x];
    expect(Number(longer.split('.')[1])).toBeGreaterThan(Number(shorter.split('.')[1]));
    expect(Number(longer)).toBeLessThan(Number(shorter));
    expect(Number(pair.easy.answer) < 0).toBe(longer === x);
  },
};

describe('arithmetic families', () => {
  it('have a verifier each', () => {
    const ids = FAMILY_GENERATORS.filter((f) => f.domain === 'arithmetic').map((f) => f.id);
    expect(Object.keys(verifiers).sort()).toEqual([...ids].sort());
  });

  for (const family of FAMILY_GENERATORS.filter((f) => f.domain === 'arithmetic')) {
    it(`${family.id}: every answer matches an independent computation`, () => {
      for (const pair of samplePairs(family)) verifiers[family.id]!(pair);
    });
  }
});
