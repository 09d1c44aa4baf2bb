/**
 * Refusals: the model declines instead of answering ("I'm sorry, but I can't help with that."). They are graded as
 * fails with reason "refusal", so a dashboard can tell them from wrong answers.
 */
const REFUSAL_OPENINGS: RegExp[] = [
  /\bi\s*(?:can(?:'|’)?t|cannot|can not|won(?:'|’)?t|will not|am not able to|(?:'|’)?m not able to|am unable to|(?:'|’)?m unable to|must respectfully decline to|must decline to|have to decline to|don(?:'|’)?t feel comfortable|do not feel comfortable|am not comfortable|(?:'|’)?m not comfortable)\s+(?:\w+\s+){0,3}?(?:help|assist|provide|answer|comply|do|fulfil|fulfill|complete|solve|respond|engage|support|share|give|participate|generate|create|write|continue|answering|helping|providing)\b/i,
  /\bi\s*(?:must|have to|(?:'|’)?ll have to)\s+(?:respectfully\s+)?decline\b/i,
  /\b(?:this|that|the) (?:request|question) (?:is|goes) (?:against|outside|beyond)\b/i,
  // Out-of-scope notices ("I can only answer questions about …"), as narrow assistants and our own local checkpoints say.
  /\bi\s*(?:can only|am only able to|(?:'|’)?m only able to|only)\s+(?:help|assist|answer|respond|discuss)\s+(?:with\s+)?(?:questions|requests|queries|prompts)\b/i,
  /\bas an ai(?: language model)?,? i (?:can(?:'|’)?t|cannot|am not able|don(?:'|’)?t)\b/i,
];

/** True when the opening of `text` (its first few sentences) declines to answer. */
export function isRefusal(text: string): boolean {
  const opening = text.slice(0, 300);
  return REFUSAL_OPENINGS.some((pattern) => pattern.test(opening));
}

/** The first sentence of a refusal, shortened, for the grade's reason. */
export function refusalQuote(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? '';
  return first.length > 80 ? `${first.slice(0, 77)}...` : first;
}
