import { describe, expect, it } from 'vitest';
import type { Pair, Probe } from '../../contracts';
import { FAMILY_GENERATORS } from '..';
import { capture, samplePairs } from '../testing';
import { FEMALE_NAMES } from './names';

const isFemale = (name: string) => (FEMALE_NAMES as readonly string[]).includes(name);

/** The option text a choice probe's answer letter points at. */
function chosenOption(probe: Probe): string {
  if (probe.grader.kind !== 'choice') throw new Error(`${probe.id}: not multiple choice`);
  const option = probe.grader.options[probe.answer.charCodeAt(0) - 65];
  if (option === undefined) throw new Error(`${probe.id}: answer ${probe.answer} is not an option letter`);
  // The prompt shows the same options with the same letters.
  expect(probe.prompt).toContain(`${probe.answer}) ${option}\n`);
  return option;
}

/** Builds the family as a list of children and counts, instead of using the generator's formula. */
function siblingAnswers(pair: Pair): { easy: number; hard: number } {
  const [name, brothers, sisters] = capture(/^(\w+) has (\d+) brothers? and (\d+) sisters?\./, pair.easy.prompt) as [string, string, string];
  const children = [
    { name, female: isFemale(name) },
    ...Array.from({ length: Number(brothers) }, (_, i) => ({ name: `brother${i}`, female: false })),
    ...Array.from({ length: Number(sisters) }, (_, i) => ({ name: `sister${i}`, female: true })),
  ];
  const [easyAsk] = capture(/How many (daughters|sons) do the parents have\?/, pair.easy.prompt) as [string];
  const easy = children.filter((c) => c.female === (easyAsk === 'daughters')).length;
  const [siblingName, siblingKind, hardAsk] = capture(/(\w+) is one of \w+'s (brothers|sisters)\. How many (sisters|brothers) does \1 have\?/, pair.hard.prompt) as [string, string, string];
  expect(isFemale(siblingName)).toBe(siblingKind === 'sisters');
  const sibling = children.find((c) => c.name !== name && c.female === (siblingKind === 'sisters'))!;
  const hard = children.filter((c) => c !== sibling && c.female === (hardAsk === 'sisters')).length;
  expect(hardAsk === 'sisters').toBe(easyAsk === 'daughters');
  return { easy, hard };
}

/** The weekday by the calendar: count days on a real date (1 January 2024 was a Monday). */
function weekdayAfter(today: string, days: number): string {
  const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const date = new Date(Date.UTC(2024, 0, 1 + names.indexOf(today) + days));
  return date.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

function weekdayAnswer(prompt: string): string {
  const [today, ahead, ago] = capture(/^Today is (\w+)\. What day of the week (?:will it be (\d+) days from today|was it (\d+) days ago)\?/, prompt) as [string, string, string];
  return weekdayAfter(today, ahead ? Number(ahead) : -Number(ago));
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
const between = (from: string, to: string) => (minutes(to) - minutes(from) + 1440) % 1440;

/** Turns as rotations of a unit vector (x east, y north), instead of index arithmetic on the compass. */
function facing(prompt: string): string {
  const vectors: Record<string, [number, number]> = { north: [0, 1], east: [1, 0], south: [0, -1], west: [-1, 0] };
  const [start, steps] = capture(/facing (\w+)\. You (.+?)\. Which compass/, prompt) as [string, string];
  let [x, y] = vectors[start]!;
  for (const turn of steps.match(/turn (?:right|left|around)/g)!) {
    if (turn === 'turn right') [x, y] = [y, -x];
    else if (turn === 'turn left') [x, y] = [-y, x];
    else [x, y] = [-x, -y];
  }
  return Object.entries(vectors).find(([, [vx, vy]]) => vx === x && vy === y)![0];
}

/** Reads the container story sentence by sentence and tracks what is inside what. */
function containerAnswer(prompt: string): string {
  const sentences = prompt.split(/(?<=\.) /);
  const inside = new Map<string, string>();
  const roomOfThing = new Map<string, string>();
  const [, , thing, box] = capture(/^(\w+) is in the ([a-z ]+) with an? (\w+) and an? (\w+)\./, prompt) as [string, string, string, string];
  let here = capture(/^\w+ is in the ([a-z ]+) with/, prompt)[0]!;
  roomOfThing.set(thing, here);
  roomOfThing.set(box, here);
  const where = (item: string): string => (inside.has(item) ? where(inside.get(item)!) : roomOfThing.get(item)!);
  for (const sentence of sentences.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^An? (\w+) is in the ([a-z ]+)\.$/.exec(sentence))) roomOfThing.set(m[1]!, m[2]!);
    else if ((m = /^(?:She|He) puts the (\w+) in the (\w+)\.$/.exec(sentence))) {
      expect(where(m[1]!)).toBe(here);
      expect(where(m[2]!)).toBe(here);
      inside.set(m[1]!, m[2]!);
    } else if ((m = /^(?:She|He) carries the (\w+) to the ([a-z ]+)\.$/.exec(sentence))) {
      expect(inside.has(m[1]!)).toBe(false);
      expect(where(m[1]!)).toBe(here);
      roomOfThing.set(m[1]!, m[2]!);
      here = m[2]!;
    } else if ((m = /^(?:She|He) takes the (\w+) out of the (\w+) and sets it down\.$/.exec(sentence))) {
      expect(inside.get(m[1]!)).toBe(m[2]);
      inside.delete(m[1]!);
      roomOfThing.set(m[1]!, here);
    } else if ((m = /^(?:She|He) walks to the ([a-z ]+)\.$/.exec(sentence))) here = m[1]!;
    else if ((m = /^Where is the (\w+) now\?/.exec(sentence))) return where(m[1]!);
    else if (!sentence.startsWith('Answer with')) throw new Error(`unread sentence "${sentence}"`);
  }
  throw new Error('no question in the story');
}

/** Relation of `subject` to `other` from parent links: distances up to their closest common ancestor. */
function relation(prompt: string): { term: string; subject: string; other: string } {
  const parentOf = new Map<string, string>();
  for (const [, a, b, word] of prompt.matchAll(/(\w+) is (\w+)'s (mother|father|son|daughter)\./g)) {
    if (word === 'mother' || word === 'father') parentOf.set(b!, a!);
    else parentOf.set(a!, b!);
  }
  const [subject, other] = capture(/What is (\w+) to (\w+)\?/, prompt) as [string, string];
  const ancestry = (person: string) => {
    const chain = [person];
    while (parentOf.has(chain[chain.length - 1]!)) chain.push(parentOf.get(chain[chain.length - 1]!)!);
    return chain;
  };
  const up = ancestry(subject);
  const otherUp = ancestry(other);
  const dSubject = up.findIndex((p) => otherUp.includes(p));
  const dOther = otherUp.indexOf(up[dSubject]!);
  const female = isFemale(subject);
  const g = (woman: string, man: string) => (female ? woman : man);
  const greats = (n: number) => (n >= 3 ? 'great-' : '') + (n >= 2 ? 'grand' : '');
  let term: string;
  if (dSubject === 0) term = greats(dOther) + g('mother', 'father');
  else if (dOther === 0) term = greats(dSubject) + g('daughter', 'son');
  else if (dSubject === 1 && dOther === 2) term = g('aunt', 'uncle');
  else if (dSubject === 2 && dOther === 1) term = g('niece', 'nephew');
  else if (dSubject === 2 && dOther === 2) term = 'cousin';
  else throw new Error(`unexpected relation distance ${dSubject}/${dOther}`);
  return { term, subject, other };
}

/** Grams of an option text: "3 kilograms of feathers" → 3000, "2,550 grams of sand" → 2550. */
function gramsOf(option: string): number {
  const [amount, unit] = capture(/^([\d,]+) (kilograms?|grams) of /, option) as [string, string];
  return Number(amount.replace(/,/g, '')) * (unit.startsWith('kilogram') ? 1000 : 1);
}

const verifiers: Record<string, (pair: Pair) => void> = {
  'commonsense.weighs-more'(pair) {
    for (const probe of [pair.easy, pair.easyTwin!]) {
      if (probe.grader.kind !== 'choice') throw new Error('weighs-more is multiple choice');
      const [first, second, same] = probe.grader.options as [string, string, string];
      expect(same).toBe('They weigh the same');
      const heavier = gramsOf(first) > gramsOf(second) ? first : second;
      expect(gramsOf(first)).not.toBe(gramsOf(second));
      expect(chosenOption(probe)).toBe(heavier);
      // The grams number is always the bigger number, whichever side is heavier.
      const number = (option: string) => Number(/^[\d,]+/.exec(option)![0].replace(/,/g, ''));
      const [inKg, inGrams] = /kilogram/.test(first) ? [first, second] : [second, first];
      expect(number(inGrams)).toBeGreaterThan(number(inKg));
    }
    // Exactly one of easy and twin is the trap, where the kilograms of light stuff win.
    const lightWins = [pair.easy, pair.easyTwin!].filter((probe) => /kilogram/.test(chosenOption(probe)));
    expect(lightWins).toHaveLength(1);
    // The twin keeps the light side and makes the other side win.
    expect(chosenOption(pair.easyTwin!)).not.toBe(chosenOption(pair.easy));
    const [kg, dense] = capture(/sack of (\d+ kilograms? of [a-z ]+) is on the left pan .* a bag of ([\d,]+ grams of [a-z ]+) is on the right/, pair.hard.prompt) as [string, string];
    if (pair.easy.grader.kind !== 'choice') throw new Error('unreachable');
    expect(pair.easy.grader.options).toEqual(expect.arrayContaining([kg, dense]));
    const [sand] = capture(/(\d+) grams of sand are poured/, pair.hard.prompt).map(Number) as [number];
    expect(pair.hard.answer).toBe(String(Math.abs(gramsOf(kg) - gramsOf(dense)) + sand));
  },
  'commonsense.siblings'(pair) {
    const { easy, hard } = siblingAnswers(pair);
    expect(pair.easy.answer).toBe(String(easy));
    expect(pair.hard.answer).toBe(String(hard));
  },
  'commonsense.weekdays'(pair) {
    expect(pair.easy.answer).toBe(weekdayAnswer(pair.easy.prompt));
    expect(pair.hard.answer).toBe(weekdayAnswer(pair.hard.prompt));
    expect(pair.hard.prompt.slice(0, 20)).toBe(pair.easy.prompt.slice(0, 20));
  },
  'commonsense.clock-durations'(pair) {
    const [start, end] = capture(/starts at (\d\d:\d\d) and ends at (\d\d:\d\d)/, pair.easy.prompt) as [string, string];
    expect(pair.easy.answer).toBe(String(between(start, end)));
    // The easy meeting crosses the hour (or midnight): a plain subtraction of minutes would be wrong.
    expect(start.slice(0, 2)).not.toBe(end.slice(0, 2));
    const [hardStart, hardEnd, pause, until] = capture(/starts at (\d\d:\d\d) and ends at (\d\d:\d\d)\. After a (\d+)-minute break, a second meeting starts and runs until (\d\d:\d\d)\./, pair.hard.prompt) as [string, string, string, string];
    expect([hardStart, hardEnd]).toEqual([start, end]);
    const secondStart = (minutes(hardEnd) + Number(pause)) % 1440;
    const second = (minutes(until) - secondStart + 1440) % 1440;
    expect(pair.hard.answer).toBe(String(between(start, end) + second));
  },
  'commonsense.turning-directions'(pair) {
    expect(pair.easy.answer).toBe(facing(pair.easy.prompt));
    expect(pair.hard.answer).toBe(facing(pair.hard.prompt));
    expect(pair.easyTwin!.answer).toBe(facing(pair.easyTwin!.prompt));
    expect(pair.easyTwin!.answer).not.toBe(pair.easy.answer);
    const steps = (prompt: string) => capture(/You (.+?)\. Which/, prompt)[0]!.match(/turn \w+/g)!;
    const easy = steps(pair.easy.prompt);
    expect(steps(pair.hard.prompt).slice(0, easy.length)).toEqual(easy);
    expect(pair.hard.prompt).not.toMatch(/turn around, then turn around|turn around and then turn around/);
  },
  'commonsense.containers'(pair) {
    expect(pair.easy.answer).toBe(containerAnswer(pair.easy.prompt));
    expect(pair.hard.answer).toBe(containerAnswer(pair.hard.prompt));
    expect(pair.easyTwin!.answer).toBe(containerAnswer(pair.easyTwin!.prompt));
    expect(pair.easyTwin!.answer).not.toBe(pair.easy.answer);
    const story = pair.easy.prompt.slice(0, pair.easy.prompt.indexOf(' Where is'));
    expect(pair.hard.prompt.startsWith(story)).toBe(true);
  },
  'commonsense.family-relations'(pair) {
    const easy = relation(pair.easy.prompt);
    const hard = relation(pair.hard.prompt);
    expect(chosenOption(pair.easy)).toBe(easy.term);
    expect(chosenOption(pair.hard)).toBe(hard.term);
    expect(easy.term).toMatch(/^grand/);
    // The surgeon riddle with one word changed: the surgeon is the grandparent, says so, and the facts agree.
    const [kid, surgeon, young, child] = capture(/^(\w+) and \w+ \w+ \w+ are in a car accident, .*The surgeon on duty, (\w+), .*this (boy|girl), \w+'s my (\w+)!"/, pair.easy.prompt) as [string, string, string, string];
    expect(new Set([easy.subject, easy.other])).toEqual(new Set([kid, surgeon]));
    expect(relation(`${pair.easy.prompt.replace(/What is \w+ to \w+\?/, `What is ${kid} to ${surgeon}?`)}`).term).toBe(child);
    expect(young).toBe(isFemale(kid) ? 'girl' : 'boy');
    // The famous riddle's answer is offered and wrong: "mother" when the surgeon is asked about, "son"/"daughter" otherwise.
    const famous = easy.subject === surgeon ? 'mother' : isFemale(kid) ? 'daughter' : 'son';
    if (pair.easy.grader.kind !== 'choice') throw new Error('easy probe must be multiple choice');
    expect(pair.easy.grader.options).toContain(famous);
    expect(easy.term).not.toBe(famous);
    // The easy facts are all among the hard facts.
    const facts = (prompt: string) => prompt.match(/\w+ is \w+'s \w+\./g)!;
    for (const fact of facts(pair.easy.prompt)) expect(facts(pair.hard.prompt)).toContain(fact);
  },
};

describe('commonsense families', () => {
  it('have a verifier each', () => {
    const ids = FAMILY_GENERATORS.filter((f) => f.domain === 'commonsense').map((f) => f.id);
    expect(Object.keys(verifiers).sort()).toEqual([...ids].sort());
  });

  for (const family of FAMILY_GENERATORS.filter((f) => f.domain === 'commonsense')) {
    it(`${family.id}: every answer matches an independent computation`, () => {
      for (const pair of samplePairs(family)) verifiers[family.id]!(pair);
    });
  }

  it('siblings asks, mostly, about a sibling of the other sex (where the named child must be counted)', () => {
    const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === 'commonsense.siblings')!, [4], 80);
    const traps = pairs.filter((pair) => {
      const [name] = capture(/^(\w+) has/, pair.easy.prompt) as [string];
      const [kind] = capture(/one of \w+'s (brothers|sisters)/, pair.hard.prompt) as [string];
      return isFemale(name) !== (kind === 'sisters');
    });
    expect(traps.length).toBeGreaterThan(40);
  });

  it('containers tells every kind of hard story (nesting, unpacking, leaving behind)', () => {
    const pairs = samplePairs(FAMILY_GENERATORS.find((f) => f.id === 'commonsense.containers')!, [8], 60);
    const moved = pairs.filter((pair) => pair.hard.answer !== pair.easy.answer).length;
    expect(moved).toBeGreaterThan(10);
    expect(pairs.some((pair) => pair.hard.prompt.includes('sets it down'))).toBe(true);
    expect(pairs.some((pair) => pair.hard.answer === pair.easy.answer)).toBe(true);
  });
});
