import { findBoxed } from './latex';
import { stripMarkdown } from './markdown';
import { isQuestion, splitSentences } from './text-lines';

/**
 * Phrases after which a model states its answer. Strong ones are explicit ("Final answer:", "The answer is",
 * GSM8K's "#### 42"); weak ones are conclusions ("So the total is 45", "Therefore, … is …", "The result is").
 * A strong marker outranks any weak one; among markers of one strength the last one wins, because models revise.
 */
const STRONG_MARKERS: RegExp[] = [
  /\bfinal\s+answer(?:\s*\([^)\n]*\))?\s*(?:is\s*:?|[:：=]|(?=\s*$))/gim,
  /\b(?:the|my|our|this|correct|right|best)\s+(?:final\s+|correct\s+|right\s+|best\s+|exact\s+|short\s+)?answer\s+(?:is|would be|will be|should be|must be|=)\s*:?/gi,
  /\b(?:short\s+)?answer["']?\s*[:：]/gi,
  /\bans\s*[:：]/gi,
  /^[ \t]*####[ \t]*(?=[-+$\d.\\])/gm,
];

const WEAK_MARKERS: RegExp[] = [
  // "So no." after a hedge ("Yes? … So no."): a concluding verdict outranks the opening words.
  /\b(?:so|therefore|thus|hence|in conclusion|in short|ultimately|overall|finally)\b\s*,?\s*(?=(?:yes|no|true|false)\b(?!\s+(?:more|less|fewer|longer|one|other|need|matter|doubt|way|idea)\b))/gi,
  /\b(?:the\s+)?(?:final\s+)?result\s+(?:is|=|equals)\s*:?/gi,
  /\b(?:so|thus|therefore|hence|consequently|in total|altogether|in conclusion|in summary|overall|this means|which means|that means)\b,?[^.!?\n]{0,100}?\b(?:is|are|equals|was|were|comes to|would be|will be|=)(?=\s)\s*:?/gi,
];

export interface MarkerHit {
  /** What follows the marker, up to the end of its sentence (or the next line when the marker ends its line). */
  segment: string;
  /** The marker words, for reasons: "The answer is". */
  label: string;
  strength: 'strong' | 'weak';
  /** Index in the searched text, to order hits. */
  position: number;
}

/** Boxed content stays as it is; the rest loses markdown emphasis so that "**Answer:** 42" is found. */
function markerText(text: string): string {
  return stripMarkdown(text);
}

/** The sentence after a marker; when the marker ends its line ("Final Answer:" as a heading), the next line. */
function segmentAfter(text: string, from: number): string {
  const lineEnd = text.indexOf('\n', from);
  const sameLine = text.slice(from, lineEnd < 0 ? undefined : lineEnd).replace(/^(?:[\s:：=—–]|-(?=\s))+/, '') // a dash before a space is punctuation; '-3' is a number;
  if (sameLine.trim() !== '') return firstSentence(sameLine);
  const next = text
    .slice(lineEnd < 0 ? text.length : lineEnd)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  return next === undefined ? '' : firstSentence(next);
}

function firstSentence(line: string): string {
  // A boxed answer may contain periods ("\boxed{3.5}" or "\boxed{\text{A. Paris}}"): never cut inside it.
  const boxed = findBoxed(line)[0];
  if (boxed && boxed.start < 3) return line.slice(0, boxed.end).trim();
  return (splitSentences(line)[0] ?? '').trim();
}

export function findMarkers(rawText: string): MarkerHit[] {
  const text = markerText(rawText);
  const hits: MarkerHit[] = [];
  const seen = new Set<number>();
  const collect = (patterns: RegExp[], strength: MarkerHit['strength']) => {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (seen.has(end)) continue;
        seen.add(end);
        const segment = segmentAfter(text, end);
        if (segment === '' || isQuestion(segment)) continue;
        hits.push({ segment, label: match[0].trim().replace(/["'\s:：=]+$/, '').replace(/"/g, ''), strength, position: match.index });
      }
    }
  };
  collect(STRONG_MARKERS, 'strong');
  collect(WEAK_MARKERS, 'weak');
  return hits;
}

/** True when the text states an answer outright: boxed, or after a strong marker. */
export function statesAnswer(text: string): boolean {
  return findBoxed(text).length > 0 || /<answer>/i.test(text) || findMarkers(text).some((hit) => hit.strength === 'strong');
}
