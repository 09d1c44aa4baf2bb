/**
 * The prompt templates that the local CTM / Transformer / LSTM checkpoints parse (parity, addition, binary to
 * decimal, stack operations). They are byte-exact contracts: change one and the checkpoints stop answering. The
 * families build their prompts here, and ml/tasks parses them with the parsers here; a test proves that the
 * generated suite text did not change when the wording moved here.
 */

const PARITY_PREFIX = 'What is the parity of the bit string ';
const PARITY_SUFFIX = '? Answer 1 if it has an odd number of 1s and 0 if it has an even number.';
const ADDITION_SUFFIX = '? Answer with the number only.';

/** Matches a whole parity prompt; group 1 is the bit string. */
export const PARITY_PROMPT_PATTERN =
  /^What is the parity of the bit string ([01]+)\? Answer 1 if it has an odd number of 1s and 0 if it has an even number\.$/;

/** Matches a whole addition prompt; groups 1 and 2 are the operands (no leading zeros). */
export const ADDITION_PROMPT_PATTERN = /^What is (0|[1-9]\d*) \+ (0|[1-9]\d*)\? Answer with the number only\.$/;

/** `What is the parity of the bit string {bits}? Answer 1 if it has an odd number of 1s and 0 if it has an even number.` */
export function parityPrompt(bits: string): string {
  if (!/^[01]+$/.test(bits)) throw new Error(`parityPrompt: "${bits}" is not a string of 0s and 1s`);
  return `${PARITY_PREFIX}${bits}${PARITY_SUFFIX}`;
}

/** The pattern without its anchors: finds the template inside a longer message (e.g. after a system line). */
export function unanchored(pattern: RegExp): RegExp {
  return new RegExp(pattern.source.replace(/^\^/, '').replace(/\$$/, ''));
}

export function parseParityPrompt(prompt: string, options: { within?: boolean } = {}): { bits: string } | null {
  const match = (options.within ? unanchored(PARITY_PROMPT_PATTERN) : PARITY_PROMPT_PATTERN).exec(prompt);
  return match ? { bits: match[1]! } : null;
}

/** `What is {a} + {b}? Answer with the number only.` */
export function additionPrompt(a: number, b: number): string {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < 0)
    throw new Error(`additionPrompt: operands must be non-negative integers, got ${a} and ${b}`);
  return `What is ${a} + ${b}${ADDITION_SUFFIX}`;
}

export function parseAdditionPrompt(prompt: string, options: { within?: boolean } = {}): { a: number; b: number } | null {
  const match = (options.within ? unanchored(ADDITION_PROMPT_PATTERN) : ADDITION_PROMPT_PATTERN).exec(prompt);
  return match ? { a: Number(match[1]), b: Number(match[2]) } : null;
}

/** "1" when the string has an odd number of 1s, else "0". */
export function parityOf(bits: string): '0' | '1' {
  let ones = 0;
  for (const bit of bits) if (bit === '1') ones++;
  return ones % 2 === 1 ? '1' : '0';
}

/** Matches a whole binary-to-decimal prompt; group 1 is the binary numeral. */
export const BINARY_PROMPT_PATTERN = /^What is the binary number ([01]+) in decimal\? Answer with a number\.$/;

/** `What is the binary number {bits} in decimal? Answer with a number.` */
export function binaryPrompt(bits: string): string {
  if (!/^[01]+$/.test(bits)) throw new Error(`binaryPrompt: "${bits}" is not a string of 0s and 1s`);
  return `What is the binary number ${bits} in decimal? Answer with a number.`;
}

export function parseBinaryPrompt(prompt: string, options: { within?: boolean } = {}): { bits: string } | null {
  const match = (options.within ? unanchored(BINARY_PROMPT_PATTERN) : BINARY_PROMPT_PATTERN).exec(prompt);
  return match ? { bits: match[1]! } : null;
}

/** One stack operation of the stack-operations family. */
export type StackOperation = { kind: 'push'; value: number } | { kind: 'pop' };

/** Matches a whole stack-operations prompt; group 1 is the operation list (`push 12, pop, …`). */
export const STACK_PROMPT_PATTERN =
  /^Start with an empty stack and apply these operations in order: ((?:push \d+|pop)(?:, (?:push \d+|pop))*)\. Which numbers are on the stack at the end, from bottom to top\? Answer with the numbers separated by commas\.$/;

/**
 * `Start with an empty stack and apply these operations in order: {push 12, pop, …}. Which numbers are on the stack
 * at the end, from bottom to top? Answer with the numbers separated by commas.`
 */
export function stackPrompt(operations: readonly StackOperation[]): string {
  if (operations.length === 0) throw new Error('stackPrompt: no operations');
  for (const op of operations)
    if (op.kind === 'push' && !(Number.isSafeInteger(op.value) && op.value >= 0))
      throw new Error(`stackPrompt: pushed values must be non-negative integers, got ${op.value}`);
  const steps = operations.map((op) => (op.kind === 'push' ? `push ${op.value}` : 'pop')).join(', ');
  return `Start with an empty stack and apply these operations in order: ${steps}. Which numbers are on the stack at the end, from bottom to top? Answer with the numbers separated by commas.`;
}

export function parseStackPrompt(prompt: string, options: { within?: boolean } = {}): StackOperation[] | null {
  const match = (options.within ? unanchored(STACK_PROMPT_PATTERN) : STACK_PROMPT_PATTERN).exec(prompt);
  if (!match) return null;
  return match[1]!.split(', ').map((step) => (step === 'pop' ? { kind: 'pop' } : { kind: 'push', value: Number(step.slice(5)) }));
}

/** The stack left by the operations, bottom first (a pop on an empty stack does nothing). */
export function simulateStack(operations: readonly StackOperation[]): number[] {
  const stack: number[] = [];
  for (const op of operations) {
    if (op.kind === 'push') stack.push(op.value);
    else stack.pop();
  }
  return stack;
}
