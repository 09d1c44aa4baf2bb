import { describe, expect, it } from 'vitest';
import { Prng } from '../runtime';
import {
  additionTask,
  binaryToDecimalTask,
  buildSplits,
  curriculumLength,
  createBatchGenerator,
  decodeLogits,
  encodeBatch,
  parityTask,
  splitExclusion,
  stackOperationsTask,
  type Task,
} from './index';

const parityPrompt = (bits: string) =>
  `What is the parity of the bit string ${bits}? Answer 1 if it has an odd number of 1s and 0 if it has an even number.`;
const additionPrompt = (a: string, b: string) => `What is ${a} + ${b}? Answer with the number only.`;

/** One-hot logits that select the given class per group, to drive the decoder. */
function oneHot<I>(task: Task<I>, classes: ArrayLike<number>): Float32Array {
  const logits = new Float32Array(task.groups * task.classes);
  for (let g = 0; g < task.groups; g++) logits[g * task.classes + classes[g]!] = 1;
  return logits;
}

describe('parity task', () => {
  it('parses the probe template, with surrounding whitespace and text', () => {
    expect(parityTask.parse(parityPrompt('10110010'))).toEqual({ bits: '10110010' });
    expect(parityTask.parse(`\n  You are terse.\n${parityPrompt('1011001011110000')}  \n`)).toEqual({
      bits: '1011001011110000',
    });
  });

  it('refuses other prompts and strings longer than 16 bits', () => {
    expect(parityTask.parse('What is 2 + 2?')).toBeNull();
    expect(parityTask.parse(parityPrompt('10102'))).toBeNull();
    expect(parityTask.parse(parityPrompt('1'.repeat(17)))).toBeNull();
  });

  it('targets are prefix parities and the decoded last position is the answer', () => {
    const input = { bits: '1101' };
    expect(Array.from(parityTask.targets(input))).toEqual([1, 0, 0, 1, ...Array(12).fill(1)]);
    expect(parityTask.answer(input)).toBe('1');
    expect(parityTask.decode(parityTask.targets(input))).toBe('1');
    expect(parityTask.answer({ bits: '1111' })).toBe('0');
  });

  it('a zero-extended string is the same model input', () => {
    expect(parityTask.key({ bits: '101' })).toBe(parityTask.key({ bits: '10100000' }));
    expect(Array.from(parityTask.encode({ bits: '101' }))).toEqual(Array.from(parityTask.encode({ bits: '1010' })));
  });
});

describe('addition task', () => {
  it('parses the probe template and refuses operands over 5 digits', () => {
    expect(additionTask.parse(additionPrompt('47', '85'))).toEqual({ a: 47, b: 85 });
    expect(additionTask.parse(` ${additionPrompt('99999', '1')}\n`)).toEqual({ a: 99999, b: 1 });
    expect(additionTask.parse(additionPrompt('123456', '1'))).toBeNull();
    expect(additionTask.parse('What is the parity of the bit string 101?')).toBeNull();
  });

  it('encodes columns least-significant first and decodes without leading zeros', () => {
    const input = { a: 47, b: 85 };
    expect(Array.from(additionTask.encode(input))).toEqual([75, 48, 0, 0, 0, 0]);
    expect(Array.from(additionTask.targets(input))).toEqual([2, 3, 1, 0, 0, 0]);
    expect(additionTask.decode(additionTask.targets(input))).toBe('132');
    expect(additionTask.decode([0, 0, 0, 0, 0, 0])).toBe('0');
    expect(additionTask.decode(additionTask.targets({ a: 99999, b: 99999 }))).toBe('199998');
  });

  it('samples operands of exactly the requested length', () => {
    const gen = createBatchGenerator(additionTask, { seed: 1, batchSize: 200, lengths: [3] });
    const batch = gen();
    expect(Array.from(new Set(batch.lengths))).toEqual([3]);
  });
});

describe('binary-to-decimal task', () => {
  const prompt = (bits: string) => `What is the binary number ${bits} in decimal? Answer with a number.`;
  it('parses the probe template, refuses other prompts and more than 16 significant bits', () => {
    expect(binaryToDecimalTask.parse(prompt('10110010'))).toEqual({ bits: '10110010' });
    expect(binaryToDecimalTask.parse(prompt('1'.repeat(17)))).toBeNull();
    expect(binaryToDecimalTask.parse('What is 2 + 2? Answer with the number only.')).toBeNull();
  });
  it('reads bits least-significant first and answers in decimal', () => {
    const input = { bits: '1011001011110000' };
    expect(binaryToDecimalTask.answer(input)).toBe('45808');
    expect(binaryToDecimalTask.decode(binaryToDecimalTask.targets(input))).toBe('45808');
    expect(Array.from(binaryToDecimalTask.encode({ bits: '110' })).slice(0, 4)).toEqual([0, 1, 1, 0]);
    expect(binaryToDecimalTask.key({ bits: '0110' })).toBe(binaryToDecimalTask.key({ bits: '110' }));
    expect(binaryToDecimalTask.lengthOf(binaryToDecimalTask.sample(new Prng(2), 9))).toBe(9);
  });
});

describe('stack-operations task', () => {
  const prompt = (steps: string) =>
    `Start with an empty stack and apply these operations in order: ${steps}. Which numbers are on the stack at the end, from bottom to top? Answer with the numbers separated by commas.`;
  it('parses the probe template and refuses what it cannot answer', () => {
    expect(stackOperationsTask.parse(prompt('push 12, push 7, pop, push 99'))).toEqual({
      operations: [{ kind: 'push', value: 12 }, { kind: 'push', value: 7 }, { kind: 'pop' }, { kind: 'push', value: 99 }],
    });
    expect(stackOperationsTask.parse(prompt('pop, push 3'))).toBeNull(); // pop on an empty stack
    expect(stackOperationsTask.parse(prompt('push 100'))).toBeNull();
    expect(stackOperationsTask.parse(prompt(Array(16).fill('push 1').join(', ')))).toBeNull();
  });
  it('encodes one token per operation and decodes the stack bottom first', () => {
    const input = stackOperationsTask.parse(prompt('push 12, push 7, pop, push 99'))!;
    expect(Array.from(stackOperationsTask.encode(input)).slice(0, 5)).toEqual([13, 8, 101, 100, 0]);
    expect(stackOperationsTask.answer(input)).toBe('12, 99');
    expect(stackOperationsTask.decode(stackOperationsTask.targets(input))).toBe('12, 99');
  });
});

describe('batches and evaluation sets', () => {
  it('the generator is reproducible from its seed and honours the exclusion set', () => {
    const exclude = new Set(parityTask.enumerate(4, 16)!.slice(0, 8).map(parityTask.key));
    const a = createBatchGenerator(parityTask, { seed: 7, batchSize: 64, lengths: [4], exclude })();
    const b = createBatchGenerator(parityTask, { seed: 7, batchSize: 64, lengths: [4], exclude })();
    expect(a.tokens).toEqual(b.tokens);
    for (let row = 0; row < a.size; row++) {
      const bits = Array.from(a.tokens.subarray(row * 16, row * 16 + 4)).join('');
      expect(exclude.has(parityTask.key({ bits }))).toBe(false);
    }
  });

  it('fails loudly when a length is fully excluded', () => {
    const exclude = new Set(parityTask.enumerate(2, 4)!.map(parityTask.key));
    expect(() => createBatchGenerator(parityTask, { seed: 1, batchSize: 1, lengths: [2], exclude })()).toThrow(
      /length 2/,
    );
  });

  it('splits: validation and test are disjoint, held out only where the space allows, and excluded from training', () => {
    const splits = buildSplits(parityTask, { seed: 3, perLength: 256 });
    const at = (which: 'validation' | 'test', length: number) => splits[which].find((s) => s.length === length)!;
    expect(at('test', 5).heldOut).toBe(false); // 32 strings: too few to spare 8 per split
    expect(at('test', 5).inputs).toHaveLength(32);
    expect(at('test', 6).heldOut).toBe(true);
    expect(at('test', 6).inputs).toHaveLength(8);
    expect(at('test', 16).inputs).toHaveLength(256);
    const keys = (which: 'validation' | 'test') =>
      new Set(splits[which].filter((s) => s.heldOut).flatMap((s) => s.inputs.map(parityTask.key)));
    const validation = keys('validation');
    for (const key of keys('test')) expect(validation.has(key)).toBe(false);
    // Held-out strings end in 1, so no shorter string (the same model input) is taken from training.
    for (const s of splits.test.filter((s) => s.heldOut)) for (const input of s.inputs) expect(input.bits.endsWith('1')).toBe(true);
    const exclude = splitExclusion(parityTask, splits, ['extra']);
    expect(exclude.has('extra')).toBe(true);
    expect(exclude.has(parityTask.key(at('validation', 16).inputs[0]!))).toBe(true);
    expect(exclude.has(parityTask.key(at('test', 4).inputs[0]!))).toBe(false);
    // The generator never draws an excluded input.
    const batch = createBatchGenerator(parityTask, { seed: 1, batchSize: 512, lengths: [16], exclude })();
    for (let row = 0; row < batch.size; row++) {
      const bits = Array.from(batch.tokens.subarray(row * 16, row * 16 + 16)).join('');
      expect(exclude.has(parityTask.key({ bits }))).toBe(false);
    }
    // Same seed, same splits: training and a later --eval-only agree on them.
    expect(buildSplits(parityTask, { seed: 3, perLength: 256 })).toEqual(splits);
  });

  it('the curriculum starts short, grows with the step and ends on all lengths, half of each batch at the longest', () => {
    const rng = new Prng(1);
    const curriculum = { totalSteps: 100, rampFraction: 0.5 };
    const draw = (step: number) => Array.from({ length: 2000 }, () => curriculumLength(parityTask.lengths, curriculum, step, rng));
    expect(Math.max(...draw(0))).toBe(4);
    expect(Math.max(...draw(25))).toBe(10);
    const late = draw(80);
    expect(Math.max(...late)).toBe(16);
    expect(Math.min(...late)).toBe(1);
    const longest = late.filter((l) => l === 16).length / late.length;
    expect(longest).toBeGreaterThan(0.45);
    expect(longest).toBeLessThan(0.6);
  });

  it('decodes logits row by row', () => {
    const inputs = [
      { a: 12, b: 30 },
      { a: 99999, b: 1 },
    ];
    const batch = encodeBatch(additionTask, inputs);
    const logits = new Float32Array([
      ...oneHot(additionTask, batch.targets.subarray(0, 6)),
      ...oneHot(additionTask, batch.targets.subarray(6, 12)),
    ]);
    expect(decodeLogits(additionTask, logits, 2)).toEqual(['42', '100000']);
  });
});
