import { defineFamily, NUMERIC } from '../define-family';

const DAY = 24 * 60;

/** "HH:MM" on a 24-hour clock; minutes past midnight wrap into the next day. */
export function clock(minutes: number): string {
  const m = ((minutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const clockDurations = defineFamily({
  id: 'commonsense.clock-durations',
  domain: 'commonsense',
  title: 'Clock times and durations',
  description:
    'Minutes between two clock times across an hour (or midnight) boundary (easy); total time of two meetings around a break (hard).',
  reportedFailure: {
    source: 'Fatemi et al. 2024, "Test of Time: A Benchmark for Evaluating LLMs on Temporal Reasoning" (arXiv:2406.09170), the duration questions of ToT-Arithmetic',
    note: 'Durations between clock times, especially across the hour or midnight, are among the time-arithmetic questions frontier models get wrong most.',
  },
  pairRule:
    'The first meeting of the hard question runs between the two easy times, so the easy duration is one of the two parts of the hard total.',
  generate(rng) {
    // Start a few minutes before an hour so that the easy interval crosses it (10:45 → 11:20 is 35, not 75 or 25).
    const crossMidnight = rng.chance(0.2);
    const hour = crossMidnight ? 23 : rng.int(6, 21);
    const minute = rng.int(31, 58);
    const start = hour * 60 + minute;
    const first = rng.int(Math.max(10, 61 - minute), 59);
    const firstEnd = start + first;
    const pause = rng.pick([5, 10, 15, 20, 25, 30, 45]);
    const second = rng.int(25, 150);
    const secondEnd = firstEnd + pause + second;
    return {
      easy: {
        prompt: `A meeting starts at ${clock(start)} and ends at ${clock(firstEnd)} (times on a 24-hour clock). How many minutes does it last? Answer with a number.`,
        answer: String(first),
        grader: NUMERIC,
      },
      hard: {
        prompt: `A meeting starts at ${clock(start)} and ends at ${clock(firstEnd)}. After a ${pause}-minute break, a second meeting starts and runs until ${clock(secondEnd)}. Times are on a 24-hour clock. How many minutes are spent in meetings altogether? Answer with a number.`,
        answer: String(first + second),
        grader: NUMERIC,
      },
    };
  },
});
