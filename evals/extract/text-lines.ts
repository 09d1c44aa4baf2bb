/**
 * Lines and sentences of a response, and the trailing material that is not the answer: a verification after the
 * answer ("Check: 391 / 17 = 23 ✓"), sign-offs ("Hope this helps!"), and questions (restated or offered).
 */

/** Non-empty, trimmed lines. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(?:[-*_=]{3,}|\|?[-:| ]+\|)$/.test(line));
}

/**
 * Sentences of one line. A period ends a sentence only before white space or the end, so decimals (3.14) and
 * thousands (1,234.5) stay whole; a colon does not end one.
 */
export function splitSentences(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=[^\s\d.,)])|(?<=[.!?])\s+(?=\d+[.)]\s)/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

export function isQuestion(sentence: string): boolean {
  return /\?[\s*_)"'\]]*$/.test(sentence);
}

const CHECK_START =
  /^[\s*_#>-]*(?:\d+[.)]\s*)?(?:check(?:ing)?|verification|verify(?:ing)?|sanity[- ]check|double[- ]check(?:ing)?|to (?:verify|check|confirm|double[- ]check)|let(?:'|’)?s (?:verify|check|double[- ]check|confirm)|let me (?:verify|check|double[- ]check|confirm)|we can (?:verify|check|confirm)|proof)\b/i;
const CHECK_MARK = /[✓✔✅☑]/;
const SIGN_OFF =
  /^[\s*_]*(?:i hope (?:this|that|it)|hope (?:this|that) helps|let me know|feel free|if you (?:have|need|'d like|would like)|happy to help|good luck|i'?m glad|is there anything)/i;

export function isCheck(sentence: string): boolean {
  return CHECK_START.test(sentence) || CHECK_MARK.test(sentence);
}

export function isSignOff(sentence: string): boolean {
  return SIGN_OFF.test(sentence);
}

/**
 * Drops what follows the answer: a final verification block (from its "Check:" / "Let me verify" line to the end,
 * when something came before it), trailing sign-offs, questions and check lines, and within the last line,
 * trailing sentences that are checks or sign-offs. `holdsAnswer` says whether a block states an answer outright
 * (boxed or after "Answer:"): such a block is never dropped, and a line that is a check only by its tick mark
 * ("391 / 17 = 23 ✓") is dropped only when an answer was stated before it.
 */
export function dropTrailingNoise(text: string, holdsAnswer: (block: string) => boolean): string {
  let lines = text.split('\n');
  for (let round = 0; round < 3; round++) {
    const header = findLastIndex(lines, (line) => CHECK_START.test(line.trim()));
    if (header <= 0) break;
    const block = lines.slice(header).join('\n');
    const before = lines.slice(0, header).join('\n');
    if (holdsAnswer(block) || before.trim() === '') break;
    lines = lines.slice(0, header);
  }
  for (;;) {
    const last = lines.at(-1);
    if (last === undefined) break;
    const trimmed = last.trim();
    const before = () => lines.slice(0, -1).join('\n');
    const noise =
      trimmed === '' ||
      /^(?:[-*_=]{3,})$/.test(trimmed) ||
      isSignOff(trimmed) ||
      (isQuestion(trimmed) && !/[=:]\s*\S/.test(trimmed)) ||
      (CHECK_START.test(trimmed) && before().trim() !== '' && !holdsAnswer(trimmed)) ||
      (CHECK_MARK.test(trimmed) && !holdsAnswer(trimmed) && holdsAnswer(before()));
    if (!noise) break;
    lines.pop();
  }
  const last = lines.pop();
  if (last !== undefined) {
    const sentences = splitSentences(last);
    while (sentences.length > 1) {
      const tail = sentences.at(-1)!;
      if (!(isCheck(tail) || isSignOff(tail) || isQuestion(tail)) || holdsAnswer(tail)) break;
      sentences.pop();
    }
    lines.push(sentences.join(' '));
  }
  return lines.join('\n').trim();
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
