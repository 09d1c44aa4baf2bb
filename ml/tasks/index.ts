import { additionTask } from './addition';
import { binaryToDecimalTask } from './binary-to-decimal';
import { parityTask } from './parity';
import { stackOperationsTask } from './stack-operations';
import type { Task, TaskName } from './task';

export * from './task';
export * from './batch';
export * from './generator';
export * from './splits';
export * from './curriculum';
export { parityTask, PARITY_MAX_BITS, type ParityInput } from './parity';
export { binaryToDecimalTask, BINARY_MAX_BITS, type BinaryInput } from './binary-to-decimal';
export { stackOperationsTask, STACK_MAX_OPERATIONS, type StackInput } from './stack-operations';
export { additionTask, ADDITION_MAX_DIGITS, ADDITION_ANSWER_DIGITS, type AdditionInput } from './addition';

/** Every task by name. `Task<unknown>` because callers only move inputs between a task's own methods. */
export const TASKS: Record<TaskName, Task<unknown>> = {
  parity: parityTask as Task<unknown>,
  addition: additionTask as Task<unknown>,
  'binary-to-decimal': binaryToDecimalTask as Task<unknown>,
  'stack-operations': stackOperationsTask as Task<unknown>,
};
