import { defineFamily, LIST } from '../define-family';
import type { Rng } from '../random';
import { simulateStack as simulate, stackPrompt, type StackOperation as Operation } from './templates';

const EASY = { operations: 6, minPops: 2, minDepth: 1 };
const HARD_EXTRA = { operations: 9, minPops: 3, minDepth: 2 };

/**
 * `start` followed by `extra.operations` random ones: valid only (never a pop on an empty stack), with at least
 * `minPops` pops among the new ones (a stack that is only pushed is just the list) and `minDepth` numbers left.
 */
function extendOperations(rng: Rng, start: readonly Operation[], extra: typeof EASY): Operation[] {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const operations = [...start];
    let depth = simulate(operations).length;
    for (let i = 0; i < extra.operations; i++) {
      const pop = depth > 0 && rng.chance(0.4);
      operations.push(pop ? { kind: 'pop' } : { kind: 'push', value: rng.int(1, 99) });
      depth += pop ? -1 : 1;
    }
    const pops = operations.slice(start.length).filter((op) => op.kind === 'pop').length;
    if (depth >= extra.minDepth && pops >= extra.minPops) return operations;
  }
  throw new Error(`stack-operations: no valid sequence of ${extra.operations} operations`);
}

export const stackOperations = defineFamily({
  id: 'algorithmic.stack-operations',
  domain: 'algorithmic',
  title: 'Stack operations',
  description: 'Track a stack through push and pop operations and list what is left: 6 operations (easy), 15 (hard).',
  pairRule:
    'The hard operation list starts with the easy operations, so the stack after the easy list is the starting point of the rest.',
  generate(rng) {
    const easy = extendOperations(rng, [], EASY);
    const hard = extendOperations(rng, easy, HARD_EXTRA);
    return {
      easy: { prompt: stackPrompt(easy), answer: simulate(easy).join(', '), grader: LIST },
      hard: { prompt: stackPrompt(hard), answer: simulate(hard).join(', '), grader: LIST },
    };
  },
});
