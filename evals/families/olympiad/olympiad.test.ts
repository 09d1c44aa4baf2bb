import { describe, expect, it } from 'vitest';
import type { Pair } from '../../contracts';
import { FAMILY_GENERATORS } from '..';
import { capture, samplePairs } from '../testing';

/** Every ordering of `items`, by brute force (at most 7! = 5040 here). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Primes up to `limit` by the sieve of Eratosthenes (the generator uses trial division). */
function sieve(limit: number): boolean[] {
  const prime = Array.from({ length: limit + 1 }, (_, n) => n >= 2);
  for (let p = 2; p * p <= limit; p++) if (prime[p]) for (let k = p * p; k <= limit; k += p) prime[k] = false;
  return prime;
}
const PRIME = sieve(2000);

/** a^e mod m by e multiplications, no cycle reasoning. */
function powModSlow(a: number, e: number, m: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r = (r * a) % m;
  return r;
}

/** "3x + 2 < 20" or "−4 − 3x ≤ 15" as a predicate on x, read from the text. */
function inequality(text: string): (x: number) => boolean {
  const ascii = text.replace(/\u2212/g, '-').replace(/\s+/g, '');
  const compare = (op: string, bound: number) => (value: number) => (op === '<' ? value < bound : value <= bound);
  const forward = /^(\d*)x([+-]\d+)?(<|≤)(-?\d+)$/.exec(ascii);
  if (forward) {
    const [, coefficient, shift, op, bound] = forward;
    const test = compare(op!, Number(bound));
    return (x) => test((coefficient ? Number(coefficient) : 1) * x + Number(shift ?? 0));
  }
  const reversed = /^(-?\d+)-(\d*)x(<|≤)(-?\d+)$/.exec(ascii);
  if (reversed) {
    const [, constant, coefficient, op, bound] = reversed;
    const test = compare(op!, Number(bound));
    return (x) => test(Number(constant) - (coefficient ? Number(coefficient) : 1) * x);
  }
  throw new Error(`cannot read inequality "${text}"`);
}

const verifiers: Record<string, (pair: Pair) => void> = {
  'olympiad.modular-powers'(pair) {
    const read = (prompt: string) => capture(/when (\d+)\^(\d+) is divided by (\d+)\?/, prompt).map(Number) as [number, number, number];
    const [a, e, m] = read(pair.easy.prompt);
    const [hardA, hardE, hardM] = read(pair.hard.prompt);
    expect([hardA, hardM]).toEqual([a, m]);
    expect(a ** e).toBeGreaterThanOrEqual(m);
    expect(hardE).toBeGreaterThanOrEqual(100);
    expect(pair.easy.answer).toBe(String(a ** e % m));
    expect(pair.hard.answer).toBe(String(powModSlow(a, hardE, m)));
    expect(pair.hard.answer).toBe(pair.easy.answer);
  },
  'olympiad.arrangements'(pair) {
    const colours = (prompt: string) => capture(/: (.+?)\. In how many/, prompt)[0]!.match(/\b(?:a|an) (\w+) one/g)!.map((s) => s.split(' ')[1]!);
    const easy = colours(pair.easy.prompt);
    const hard = colours(pair.hard.prompt);
    expect(hard.slice(0, easy.length)).toEqual(easy);
    expect(hard).toHaveLength(easy.length + 1);
    expect(pair.easy.answer).toBe(String(permutations(easy).length));
    const [x, y, not] = capture(/if the (\w+) \w+ and the (\w+) \w+ must (not )?be next to each other/, pair.hard.prompt) as [string, string, string];
    const count = permutations(hard).filter((order) => (Math.abs(order.indexOf(x) - order.indexOf(y)) === 1) !== Boolean(not)).length;
    expect(pair.hard.answer).toBe(String(count));
  },
  'olympiad.primes'(pair) {
    const [n] = capture(/^Is (\d+) a prime number\?/, pair.easy.prompt).map(Number) as [number];
    expect(pair.easy.answer).toBe(PRIME[n] ? 'yes' : 'no');
    if (!PRIME[n]) for (const p of [2, 3, 5]) expect(n % p).not.toBe(0);
    const [low, high] = capture(/from (\d+) to (\d+), both included/, pair.hard.prompt).map(Number) as [number, number];
    expect(low < n && n < high).toBe(true);
    let count = 0;
    for (let k = low; k <= high; k++) if (PRIME[k]) count++;
    expect(pair.hard.answer).toBe(String(count));
  },
  'olympiad.sequences'(pair) {
    const shown = capture(/sequence ([-\d, ]+), …/, pair.easy.prompt)[0]!.split(', ').map(Number);
    expect(capture(/sequence ([-\d, ]+), …/, pair.hard.prompt)[0]).toBe(shown.join(', '));
    const step = shown[1]! - shown[0]!;
    for (let i = 1; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBe(step);
    expect(pair.easy.answer).toBe(String(shown[shown.length - 1]! + step));
    const terms = (count: number) => Array.from({ length: count }).reduce<number[]>((list) => [...list, list.length === 0 ? shown[0]! : list[list.length - 1]! + step], []);
    const sum = /sum of the first (\d+) terms/.exec(pair.hard.prompt);
    if (sum) expect(pair.hard.answer).toBe(String(terms(Number(sum[1])).reduce((a, b) => a + b, 0)));
    else {
      const [nth] = capture(/What is the (\d+)(?:st|nd|rd|th) term/, pair.hard.prompt).map(Number) as [number];
      expect(pair.hard.answer).toBe(String(terms(nth)[nth - 1]));
    }
  },
  'olympiad.inclusion-exclusion'(pair) {
    const [n, a] = capture(/from 1 to (\d+) are divisible by (\d+)\?/, pair.easy.prompt).map(Number) as [number, number];
    const upTo = Array.from({ length: n }, (_, i) => i + 1);
    expect(pair.easy.answer).toBe(String(upTo.filter((k) => k % a === 0).length));
    const text = capture(/from 1 to \d+ are (.+)\? Answer/, pair.hard.prompt)[0]!;
    const [x, y] = (text.match(/\d+/g) ?? []).map(Number) as [number, number];
    expect(x).toBe(a);
    const test = text.startsWith('divisible by neither')
      ? (k: number) => k % x !== 0 && k % y !== 0
      : text.includes('but not')
        ? (k: number) => k % x === 0 && k % y !== 0
        : (k: number) => k % x === 0 || k % y === 0;
    expect(pair.hard.answer).toBe(String(upTo.filter(test).length));
  },
  'olympiad.inequalities'(pair) {
    const [easyText] = capture(/such that (.+)\? Answer/, pair.easy.prompt) as [string];
    const [first, second] = capture(/satisfy both (.+) and (.+)\? Answer/, pair.hard.prompt) as [string, string];
    expect(first).toBe(easyText);
    const range = Array.from({ length: 2001 }, (_, i) => i - 1000);
    const easy = inequality(easyText);
    expect(pair.easy.answer).toBe(String(Math.max(...range.filter(easy))));
    const hard = inequality(second);
    const solutions = range.filter((x) => easy(x) && hard(x));
    expect(solutions.length).toBeGreaterThan(0);
    expect(pair.hard.answer).toBe(String(solutions.length));
    expect(Math.max(...solutions)).toBe(Number(pair.easy.answer));
  },
  'olympiad.gcd-tiling'(pair) {
    const [a, b] = capture(/divisor of (\d+) and (\d+)\?/, pair.easy.prompt).map(Number) as [number, number];
    let g = 1;
    for (let d = 1; d <= Math.min(a, b); d++) if (a % d === 0 && b % d === 0) g = d;
    expect(pair.easy.answer).toBe(String(g));
    expect(g).toBeGreaterThan(1);
    const [w, h] = capture(/floor is (\d+) cm by (\d+) cm/, pair.hard.prompt).map(Number) as [number, number];
    expect([w, h]).toEqual([a, b]);
    let fewest = Infinity;
    for (let side = 1; side <= Math.min(w, h); side++) if (w % side === 0 && h % side === 0) fewest = Math.min(fewest, (w / side) * (h / side));
    expect(pair.hard.answer).toBe(String(fewest));
  },
};

describe('olympiad families', () => {
  it('have a verifier each', () => {
    const ids = FAMILY_GENERATORS.filter((f) => f.domain === 'olympiad').map((f) => f.id);
    expect(Object.keys(verifiers).sort()).toEqual([...ids].sort());
  });

  for (const family of FAMILY_GENERATORS.filter((f) => f.domain === 'olympiad')) {
    it(`${family.id}: every answer is confirmed by brute force`, () => {
      // Enumerating up to 7! orders per pair is the slow check: fewer pairs, still every setting many times.
      const count = family.id === 'olympiad.arrangements' ? 20 : 60;
      for (const pair of samplePairs(family, [1, 2, 3], count)) verifiers[family.id]!(pair);
    });
  }

  it('primes asks about primes and prime-looking composites equally often', () => {
    const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === 'olympiad.primes')!, [9], 40);
    expect(pairs.filter((pair) => pair.easy.answer === 'yes')).toHaveLength(20);
  });
});
