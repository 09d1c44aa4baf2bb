import { latexToText } from './latex';
import { stripMarkdown } from './markdown';
import { normalizeText } from './normalize-text';
import { parseWholeNumber } from './numbers';

/**
 * Items of a set or list answer: split on commas, semicolons, "and", newlines, bullets, "<" / ">" chains and
 * arrows; brackets dropped.
 * "1,234" stays one number (a comma before exactly three digits is a thousands separator), "1,2,3" is three items.
 */
export function splitItems(text: string): string[] {
  const plain = latexToText(stripMarkdown(text.replace(/\\[{}]/g, ' ')))
    .replace(/[[\]{}()⟨⟩]/g, ' ')
    .replace(/\.\s*$/, '');
  return plain
    .split(/\s*(?:,(?!\d{3}(?!\d))|;|\n|\band\b|&|\||<=?|>=?|≤|≥|→|->|⟶)\s*/i)
    .map((item) =>
      item
        .replace(/^\s*(?:and|or)\s+/i, '')
        .replace(/^[a-z]\s*=\s*/i, '')
        .replace(/^["'“‘]+|["'”’.]+$/g, '')
        .trim(),
    )
    .filter((item) => item !== '');
}

/** How an item compares: numbers by value ("2.0" = "2" = "2/1"), anything else as normalised text. */
export function itemKey(item: string): string {
  const number = parseWholeNumber(item, { allowUnits: false });
  if (number) return `#${(number.percent ? number.value.div(100) : number.value).toFraction()}`;
  return normalizeText(item);
}

/**
 * The part of a sentence that is the list: after its last colon, "are" or "is" when it has one
 * ("The primes below 10 are 2, 3, 5 and 7." → "2, 3, 5 and 7").
 */
export function listPart(sentence: string): string {
  const match = /^(?:[\s\S]*(?::|\bare\b|\bis\b|\bwould be\b|\bbe\b))\s+([\s\S]+)$/i.exec(sentence);
  return match?.[1] ?? sentence;
}
