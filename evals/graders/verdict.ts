import type { Grade } from '../contracts';

/** Small constructors, so every grader words its verdicts the same way. */
export function passed(extracted: string, reason: string): Grade {
  return { pass: true, extracted, reason };
}

export function failed(extracted: string | null, reason: string): Grade {
  return { pass: false, extracted, reason };
}

/** A value quoted in a reason: short, on one line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}
