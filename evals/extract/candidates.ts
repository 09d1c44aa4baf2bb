import { findBoxed } from './latex';
import { findBold, stripMarkdown } from './markdown';
import { findMarkers, type MarkerHit } from './markers';
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

/** Where a candidate sits, as line + column / 10⁴, so candidates found in differently cleaned copies compare. */
function positionOf(text: string, index: number): number {
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return line + (index - before.lastIndexOf('\n') - 1) / 10_000;
}

interface Placed extends Candidate {
  position: number;
}

function markers(text: string): { strong: Placed[]; weak: Placed[] } {
  const hits = findMarkers(text);
  const toCandidate = (hit: MarkerHit): Placed => ({
    text: hit.segment,
    label: `after "${hit.label}"`,
    source: 'marker',
    firm: hit.strength === 'strong',
    position: hit.position,
  });
  return {
    strong: hits.filter((hit) => hit.strength === 'strong').sort((a, b) => b.position - a.position).map(toCandidate),
    weak: hits.filter((hit) => hit.strength === 'weak').map(toCandidate),
  };
}

interface Line {
  text: string;
  index: number;
}

function lastLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  text.split('\n').forEach((line, index) => {
    if (nonEmptyLines(line).length > 0) lines.push({ text: line.trim(), index });
  });
  return lines.slice(-count);
}

function closingBold(text: string, lines: Line[]): Placed[] {
  const firstLine = lines[0]?.index ?? 0;
  return findBold(text)
    .map((span) => ({ span, position: positionOf(text, span.start) }))
    .filter(({ span, position }) => position >= firstLine && span.content !== '' && !BOLD_LABEL.test(span.content) && !isQuestion(span.content))
    .map(({ span, position }) => ({ text: span.content, label: 'from the bold text', source: 'bold', firm: false, position }));
}

function listBlock(lines: Line[]): Placed[] {
  let first = lines.length;
  while (first > 0 && LIST_LINE.test(lines[first - 1]!.text)) first--;
  const start = lines[first];
  if (!start) return [];
  // Ranked just above the final line, which is only its last item.
  const position = lines.at(-1)!.index + 0.99;
  return [{ text: lines.slice(first).map((line) => line.text).join('\n'), label: 'from the closing list', source: 'list block', firm: false, position }];
}

/**
 * Firm candidates come first in fixed order. The soft ones (weak markers, bold text near the end, the closing
 * lines) are ordered by where they sit, last first: a conclusion in the final line outranks bold text two
 * paragraphs up, and bold text inside the final line outranks the line as a whole.
 */
export function answerCandidates(text: string, options: CandidateOptions = {}): Candidate[] {
  const closingLines = lastLines(text, 3);
  const allLines = lastLines(text, Number.MAX_SAFE_INTEGER);
  const found = markers(text);
  const markerText = stripMarkdown(text);
  const weak = found.weak.map((hit) => ({ ...hit, position: positionOf(markerText, hit.position) }));
  const closing: Placed[] = closingLines.map((line, i) => ({
    text: line.text,
    label: i === closingLines.length - 1 ? 'from the final line' : 'from a closing line',
    source: 'final line',
    firm: false,
    position: line.index,
  }));
  const soft = [...weak, ...closingBold(text, closingLines), ...(options.listBlock ? listBlock(allLines) : []), ...closing].sort(
    (a, b) => b.position - a.position,
  );
  const start: Candidate[] =
    options.responseStart && allLines[0] !== undefined
      ? [{ text: allLines[0].text, label: 'from the opening words', source: 'response start', firm: false }]
      : [];
  const strip = ({ position: _position, ...candidate }: Placed): Candidate => candidate;
  // The opening words ("No, …") rank after every conclusion and bold answer, but before the closing lines.
  const firstLine = soft.findIndex((candidate) => candidate.source === 'final line');
  const ordered = firstLine < 0 ? [...soft.map(strip), ...start] : [...soft.slice(0, firstLine).map(strip), ...start, ...soft.slice(firstLine).map(strip)];
  return [...lastAnswerTag(text), ...lastBoxed(text), ...found.strong.map(strip), ...ordered];
}
