/**
 * Base models (and some small local ones) do not stop after answering: they go on to invent the next exercise and
 * answer that too ("### Answer: 3 ### Problem: … ### Answer: 580"). The answer to our question is the first one, so
 * the text is cut where a new problem starts after an answer was stated.
 */

/** The first place an answer is stated outright: "Answer:", "The answer is", "\boxed{", "####", a Q/A "A:". */
const FIRST_ANSWER = /\b(?:final\s+)?answer\s*(?:\([^)\n]*\))?\s*[:：]|\bthe\s+(?:final\s+)?answer\s+is\b|\\boxed\{|^[ \t]*####|^[ \t]*A[:：]/im;

/**
 * The start of an invented next exercise or turn: a header ("### Problem:", "Question 2:", "Q:") at the start of a
 * line or after "###", or a chat turn ("User:", "Human:", "<|user|>").
 */
const NEXT_PROBLEM =
  /(?:^|\n)[ \t]*(?:#{1,4}[ \t]*)?(?:\*\*)?(?:problem|question|exercise|task|instruction|q|user|human)[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：.](?!\d)|#{2,4}[ \t]*(?:\*\*)?(?:problem|question|exercise|task|instruction)\b|<\|(?:user|im_start\|>user|human)\|?>/gi;

/** The text up to the first invented next problem after a stated answer (unchanged when there is none). */
export function cutRunOn(text: string): string {
  const answer = FIRST_ANSWER.exec(text);
  if (!answer) return text;
  const from = answer.index + answer[0].length;
  // The answer's own value must come before the next problem: "Answer: 3 ### Problem" cuts, "Answer:\n### Problem" does not.
  NEXT_PROBLEM.lastIndex = from;
  for (let match = NEXT_PROBLEM.exec(text); match; match = NEXT_PROBLEM.exec(text)) {
    if (/[\p{L}\p{N}]/u.test(text.slice(from, match.index))) return text.slice(0, match.index).trimEnd();
  }
  return text;
}
