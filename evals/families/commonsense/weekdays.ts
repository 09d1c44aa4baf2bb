import { defineFamily, type Draft } from '../define-family';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const dayAfter = (start: number, offset: number) => WEEKDAYS[(((start + offset) % 7) + 7) % 7]!;

function weekdayDraft(start: number, offset: number): Draft {
  const today = WEEKDAYS[start]!;
  const question =
    offset >= 0
      ? `What day of the week will it be ${offset} days from today?`
      : `What day of the week was it ${-offset} days ago?`;
  return {
    prompt: `Today is ${today}. ${question} Answer with the name of the day.`,
    answer: dayAfter(start, offset),
    grader: { kind: 'text' },
    // One of seven day names: a guess passes one time in seven.
    chance: 1 / WEEKDAYS.length,
  };
}

export const weekdays = defineFamily({
  id: 'commonsense.weekdays',
  domain: 'commonsense',
  title: 'Days of the week',
  description: 'Count forward or back from today: 2 to 12 days (easy), the same plus many whole weeks (hard).',
  reportedFailure: {
    source: 'Fatemi et al. 2024, "Test of Time: A Benchmark for Evaluating LLMs on Temporal Reasoning" (arXiv:2406.09170), the ToT-Arithmetic set',
    note: 'Frontier models (GPT-4, Claude 3, Gemini 1.5) make errors on plain date and weekday arithmetic that people solve with a calendar.',
  },
  pairRule:
    'The hard offset is the easy offset plus whole weeks, which do not change the weekday, so the easy answer is the hard answer.',
  generate(rng) {
    const start = rng.int(0, 6);
    const direction = rng.chance(0.7) ? 1 : -1;
    let offset: number;
    do offset = rng.int(2, 12);
    while (offset === 7);
    const weeks = rng.int(3, 52);
    return {
      easy: weekdayDraft(start, direction * offset),
      hard: weekdayDraft(start, direction * (offset + 7 * weeks)),
    };
  },
});
