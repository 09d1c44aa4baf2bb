import { latexToText } from './latex';
import { stripMarkdown } from './markdown';

/**
 * Text for comparison: lower case, no accents, no punctuation (decimal points and thousands commas between digits
 * stay), no articles (a, an, the), single spaces. "The Eiffel Tower." and "eiffel tower" normalise alike.
 */
export function normalizeText(text: string): string {
  return latexToText(stripMarkdown(text))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<=\d),(?=\d)/g, '')
    .replace(/(?<!\d)\.|\.(?!\d)|[^\p{L}\p{N}.\s]/gu, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `phrase` (normalised) occurs in `text` (normalised) as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  return ` ${text} `.includes(` ${phrase} `);
}
