import { bench, describe } from 'vitest';
import { loadCases } from './cases/load-cases';
import { grade } from './index';

// Grading runs as each answer arrives, so it must stay far cheaper than a model call: target well under 1 ms per
// typical response. Run: npx vitest bench --run --project unit evals/graders/grade.bench.ts
const cases = loadCases();
const longResponse = `${'Let me think about 17 × 23 step by step, carefully. '.repeat(400)}\n\nThe answer is **391**.`;

describe('grading', () => {
  bench(`the case table (${cases.length} responses, all kinds)`, () => {
    for (const item of cases) grade(item.response, item.answer, item.grader);
  }, { iterations: 5, warmupIterations: 1 });

  bench('one 20 kB chain-of-thought response (numeric)', () => void grade(longResponse, '391', { kind: 'numeric' }), { iterations: 50, warmupIterations: 5 });
});
