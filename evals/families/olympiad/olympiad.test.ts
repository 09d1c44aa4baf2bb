import { describe, expect, it } from 'vitest';
import type { Pair } from '../../contracts';
import { FAMILY_GENERATORS } from '..';
import { capture, samplePairs } from '../testing';

/** Every ordering of `items`, by brute force (at most 8! = 40,320 here). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The orderings of 0..n−1 (as positions), computed once per n: the arrangement tests ask for 8! many times. */
const orderings = new Map<number, number[][]>();
function indexPermutations(n: number): number[][] {
  if (!orderings.has(n)) orderings.set(n, permutations(Array.from({ length: n }, (_, i) => i)));
  return orderings.get(n)!;
}

/** Primes up to `limit` by the sieve of Eratosthenes (the generator uses trial division). */
function sieve(limit: number): boolean[] {
  const prime = Array.from({ length: limit + 1 }, (_, n) => n >= 2);
  for (let p = 2; p * p <= limit; p++) if (prime[p]) for (let k = p * p; k <= limit; k += p) prime[k] = false;
  return prime;
}
const PRIME = sieve(2000);

/**
 * Fewest one-way crossings by breadth-first search over (people still waiting, boat side): a trip over carries
 * 1..k, a trip back 1..k of those already across. No formula, unlike the generator.
 */
function crossingsBySearch(n: number, k: number): number {
  let frontier = [`${n}:start`];
  const seen = new Set(frontier);
  for (let trips = 1; ; trips++) {
    const next: string[] = [];
    for (const state of frontier) {
      const [waiting, side] = [Number(state.split(':')[0]), state.split(':')[1]];
      for (let m = 1; m <= k; m++) {
        const moved = side === 'start' ? waiting - m : waiting + m;
        if (moved < 0 || moved > n) continue;
        if (side === 'start' && moved === 0) return trips;
        const key = `${moved}:${side === 'start' ? 'far' : 'start'}`;
        if (!seen.has(key)) {
          seen.add(key);
          next.push(key);
        }
      }
    }
    frontier = next;
  }
}

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
    expect(pair.easy.answer).toBe(String(indexPermutations(easy.length).length));
    const before = /if the (\w+) \w+ must be somewhere to the left of the (\w+) \w+/.exec(pair.hard.prompt);
    const [x, y, not] = before ? [before[1]!, before[2]!, ''] : (capture(/if the (\w+) \w+ and the (\w+) \w+ must (not )?be next to each other/, pair.hard.prompt) as [string, string, string]);
    const [ix, iy] = [hard.indexOf(x), hard.indexOf(y)];
    // order[p] is the object at position p; where is x, where is y?
    const count = indexPermutations(hard.length).filter((order) => {
      const px = order.indexOf(ix);
      const py = order.indexOf(iy);
      return before ? px < py : (Math.abs(px - py) === 1) !== Boolean(not);
    }).length;
    expect(pair.hard.answer).toBe(String(count));
  },
  'olympiad.primes'(pair) {
    const [n] = capture(/^Is (\d+) a prime number\?/, pair.easy.prompt).map(Number) as [number];
    expect(pair.easy.answer).toBe(PRIME[n] ? 'yes' : 'no');
    if (!PRIME[n]) for (const p of [2, 3, 5]) expect(n % p).not.toBe(0);
    // The twin: a number close by of the other kind, a composite that also passes the checks for 2, 3 and 5.
    const [twin] = capture(/^Is (\d+) a prime number\?/, pair.easyTwin!.prompt).map(Number) as [number];
    expect(pair.easyTwin!.answer).toBe(PRIME[twin] ? 'yes' : 'no');
    expect(pair.easyTwin!.answer).not.toBe(pair.easy.answer);
    if (!PRIME[twin]) for (const p of [2, 3, 5]) expect(twin % p).not.toBe(0);
    expect(Math.abs(twin - n)).toBeLessThan(60);
    const [low, high] = capture(/from (\d+) to (\d+), both included/, pair.hard.prompt).map(Number) as [number, number];
    expect(low < n && n < high).toBe(true);
    let count = 0;
    for (let k = low; k <= high; k++) if (PRIME[k]) count++;
    expect(pair.hard.answer).toBe(String(count));
  },
  'olympiad.river-crossing'(pair) {
    expect(pair.easy.answer).toBe('1');
    const [capacity] = capture(/boat (?:can carry|holds) (\d+)/, pair.easy.prompt).map(Number) as [number];
    const cast = /^(.+) need to cross/.exec(pair.easy.prompt)![1]!;
    const travellers = /^\d+ /.test(cast) ? Number(cast.split(' ')[0]) : cast.split(/, | and /).length;
    expect(travellers).toBeLessThanOrEqual(capacity);
    const [people, boat] = capture(/^(\d+) [a-z]+ need to cross .* holds at most (\d+) people/, pair.hard.prompt).map(Number) as [number, number];
    expect(people).toBeGreaterThan(boat);
    expect(pair.hard.answer).toBe(String(crossingsBySearch(people, boat)));
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
  it('arrangements give many different hard answers (the old family had six)', () => {
    const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === 'olympiad.arrangements')!, [1, 2, 3], 20);
    expect(new Set(pairs.map((pair) => pair.hard.answer)).size).toBeGreaterThanOrEqual(10);
  });

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
