import { latexToText } from './latex';
import { stripMarkdown } from './markdown';

/** Names mathjs knows as functions or constants; any other run of letters is a product of one-letter variables. */
const KNOWN_NAMES = new Set([
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'arcsin', 'arccos', 'arctan',
  'sinh', 'cosh', 'tanh', 'log', 'ln', 'exp', 'sqrt', 'abs', 'pi', 'e',
]);
const RENAMED: Record<string, string> = { ln: 'log', arcsin: 'asin', arccos: 'acos', arctan: 'atan' };
const FUNCTIONS = new Set([...KNOWN_NAMES].filter((name) => name !== 'pi' && name !== 'e'));

/**
 * LaTeX-ish math → mathjs syntax: `\frac{a}{b}`, `\cdot`, `\times`, `^{}`, `\sqrt{}`, `\left( \right)`, `\pi`,
 * `2xy` (as 2*x*y), `x(x+1)` (as x*(x+1)), unicode × · − √ π and superscripts.
 */
export function toMathjs(expression: string): string {
  let text = latexToText(stripMarkdown(expression))
    .replace(/\\(?:operatorname\s*)?([a-zA-Z]+)/g, '$1')
    .replace(/[{]/g, '(')
    .replace(/[}]/g, ')')
    .replace(/[×·∙]/g, '*')
    .replace(/÷/g, '/')
    .replace(/[−–]/g, '-')
    .replace(/√/g, 'sqrt')
    .replace(/π/g, 'pi')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (sup) => `^${[...sup].map((ch) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch)).join('')}`)
    .replace(/\|([^|]+)\|/g, 'abs($1)');
  // Split unknown letter runs into variables: "xy" → "x*y"; keep sin, log, pi, …
  text = text.replace(/[a-zA-Z]+/g, (word) => {
    if (KNOWN_NAMES.has(word)) return RENAMED[word] ?? word;
    return word.split('').join('*');
  });
  // A single variable before "(" multiplies it (mathjs would read x(…) as a call).
  text = text.replace(/(?<![a-zA-Z])([a-zA-Z])\s*\(/g, (match, name: string) => (FUNCTIONS.has(name) ? match : `${name}*(`));
  return text.trim();
}

/** Words that make a candidate prose rather than an expression: any run of 3+ letters that is not a function. */
export function looksLikeProse(text: string): boolean {
  const words = latexToText(text).replace(/\\[a-zA-Z]+/g, ' ').match(/[a-zA-Z]{3,}/g) ?? [];
  return words.some((word) => !KNOWN_NAMES.has(word.toLowerCase()));
}
