import { defineFamily, NUMERIC } from '../define-family';
import { lcm } from '../format';

type Question = 'or' | 'but not' | 'neither';

export const inclusionExclusion = defineFamily({
  id: 'olympiad.inclusion-exclusion',
  domain: 'olympiad',
  title: 'Counting multiples (inclusion–exclusion)',
  description:
    'Count the multiples of one number up to N (easy); count those divisible by a or b, by a but not b, or by neither (hard).',
  pairRule:
    'Every hard count starts from the number of multiples of a up to N (the easy count) and corrects it with the multiples of b and of lcm(a, b).',
  generate(rng) {
    const a = rng.int(3, 12);
    let b: number;
    do b = rng.int(2, 15);
    while (b === a || b % a === 0 || a % b === 0);
    const n = rng.int(100, 1000);
    const ofA = Math.floor(n / a);
    const ofB = Math.floor(n / b);
    const ofBoth = Math.floor(n / lcm(a, b));
    const question = rng.pick<Question>(['or', 'but not', 'neither']);
    const answers: Record<Question, number> = {
      or: ofA + ofB - ofBoth,
      'but not': ofA - ofBoth,
      neither: n - (ofA + ofB - ofBoth),
    };
    const phrase: Record<Question, string> = {
      or: `divisible by ${a} or by ${b} (or both)`,
      'but not': `divisible by ${a} but not by ${b}`,
      neither: `divisible by neither ${a} nor ${b}`,
    };
    return {
      easy: {
        prompt: `How many integers from 1 to ${n} are divisible by ${a}? Answer with a number.`,
        answer: String(ofA),
        grader: NUMERIC,
      },
      hard: {
        prompt: `How many integers from 1 to ${n} are ${phrase[question]}? Answer with a number.`,
        answer: String(answers[question]),
        grader: NUMERIC,
      },
    };
  },
});
