import { z } from 'zod';

/**
 * A result is a pass, a fail (a wrong answer), a refusal (the model declined, or said the task is outside its scope)
 * or an error (no answer at all, or a grader that broke). Only pass and fail are answers: refusals are counted and
 * shown, errors can be retried, and neither ever counts as a wrong answer.
 */
export const OutcomeSchema = z.enum(['pass', 'fail', 'error', 'refusal']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Why a request produced no gradable answer. Stored per result and counted per run. */
export const ErrorKindSchema = z.enum([
  'rate_limited',
  'timeout',
  'connection',
  'server_error',
  'bad_request',
  'auth',
  'not_found',
  'content_filter',
  'truncated',
  'empty_answer',
  'malformed_response',
  /** The grader threw on this answer: our bug, not the model's wrong answer. */
  'grader_error',
  'response_too_large',
  'unknown',
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;
