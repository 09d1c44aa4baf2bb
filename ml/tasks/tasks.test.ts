import { describe, expect, it } from 'vitest';
import {
  additionTask,
  buildEvalSet,
  createBatchGenerator,
  decodeLogits,
  encodeBatch,
  exclusionKeys,
  parityTask,
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

  it('holds out only slices that are a small share of their input space', () => {
    const slices = buildEvalSet(parityTask, { seed: 3, perLength: 256 });
    const byLength = new Map(slices.map((s) => [s.length, s]));
    expect(byLength.get(8)!.inputs).toHaveLength(256);
    expect(byLength.get(8)!.heldOut).toBe(false);
    expect(byLength.get(16)!.heldOut).toBe(true);
    expect(new Set(byLength.get(16)!.inputs.map(parityTask.key)).size).toBe(256);
    const keys = exclusionKeys(parityTask, slices, ['extra']);
    expect(keys.has('extra')).toBe(true);
    expect(keys.has(parityTask.key(byLength.get(16)!.inputs[0]!))).toBe(true);
    expect(keys.has(parityTask.key(byLength.get(8)!.inputs[0]!))).toBe(false);
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
