import { findBoxed } from './latex';
import { findBold } from './markdown';
import { findMarkers } from './markers';
import { isQuestion, nonEmptyLines } from './text-lines';

/**
 * Where a final answer may be, most trusted first: the last `<answer>` tag, the last `\boxed{}`, strong markers
 * (last first), weak markers (last first), bold text near the end (last first), then the closing lines.
 */
export interface Candidate {
  text: string;
  /** For reasons: 'from \boxed{}', 'after "The answer is"', 'from the final line'. */
  label: string;
  source: 'answer tag' | 'boxed' | 'marker' | 'bold' | 'response start' | 'list block' | 'final line';
  /**
   * A firm candidate is the model's declared answer: when it is there but unreadable as this kind of answer, the
   * grade fails instead of looking elsewhere (looking elsewhere would be guessing).
   */
  firm: boolean;
}

export interface CandidateOptions {
  /** yes/no: "No, …" at the very start of a response is its answer. */
  responseStart?: boolean;
  /** set/list: a closing block of bullet or numbered lines is one answer. */
  listBlock?: boolean;
}

const BOLD_LABEL = /(?:[:：]\s*$)|^(?:step\s*\d+|note|answer|final answer|solution|explanation|reasoning|summary|conclusion|verification|check)\b\s*$/i;
const LIST_LINE = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;

function lastAnswerTag(text: string): Candidate[] {
  const tags = [...text.matchAll(/<answer>([\s\S]*?)<\/answer>/gi)];
  const last = tags.at(-1);
  return last ? [{ text: (last[1] ?? '').trim(), label: 'from <answer>', source: 'answer tag', firm: true }] : [];
}

function lastBoxed(text: string): Candidate[] {
  const boxes = findBoxed(text);
  const last = boxes.at(-1);
  if (!last) return [];
  const previous = boxes.at(-2);
  // "\boxed{12} or \boxed{13}": keep both, so the reader sees the hedge.
  if (previous && /^[\s$\\()[\],]*(?:,|or|and|\/)[\s$\\()[\]]*(?:or\s*)?$/i.test(text.slice(previous.end, last.start))) {
    return [{ text: `${previous.content} or ${last.content}`, label: 'from \\boxed{}', source: 'boxed', firm: true }];
  }
  return [{ text: last.content, label: 'from \\boxed{}', source: 'boxed', firm: true }];
}

function markers(text: string): Candidate[] {
  const hits = findMarkers(text);
  const ordered = [
    ...hits.filter((hit) => hit.strength === 'strong').sort((a, b) => b.position - a.position),
    ...hits.filter((hit) => hit.strength === 'weak').sort((a, b) => b.position - a.position),
  ];
  return ordered.map((hit) => ({ text: hit.segment, label: `after "${hit.label}"`, source: 'marker', firm: hit.strength === 'strong' }));
}

function closingBold(lines: string[]): Candidate[] {
  const tail = lines.slice(-3).join('\n');
  return findBold(tail)
    .filter((span) => span.content !== '' && !BOLD_LABEL.test(span.content) && !isQuestion(span.content))
    .reverse()
    .map((span) => ({ text: span.content, label: 'from the bold text', source: 'bold', firm: false }));
}

function listBlock(lines: string[]): Candidate[] {
  let first = lines.length;
  while (first > 0 && LIST_LINE.test(lines[first - 1]!)) first--;
  if (first === lines.length) return [];
  return [{ text: lines.slice(first).join('\n'), label: 'from the closing list', source: 'list block', firm: false }];
}

export function answerCandidates(text: string, options: CandidateOptions = {}): Candidate[] {
  const lines = nonEmptyLines(text);
  const closing = lines
    .slice(-3)
    .reverse()
    .map((line, back): Candidate => ({
      text: line,
      label: back === 0 ? 'from the final line' : 'from a closing line',
      source: 'final line',
      firm: false,
    }));
  const start: Candidate[] =
    options.responseStart && lines[0] !== undefined
      ? [{ text: lines[0], label: 'from the opening words', source: 'response start', firm: false }]
      : [];
  return [
    ...lastAnswerTag(text),
    ...lastBoxed(text),
    ...markers(text),
    ...closingBold(lines),
    ...start,
    ...(options.listBlock ? listBlock(lines) : []),
    ...closing,
  ];
}
