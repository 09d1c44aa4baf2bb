import { z } from 'zod';

/** A result is a pass, a fail (a wrong answer) or an error (no answer at all). Errors never count as wrong answers. */
export const OutcomeSchema = z.enum(['pass', 'fail', 'error']);
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
  'unknown',
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;
