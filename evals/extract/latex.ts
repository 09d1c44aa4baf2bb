/**
 * Light LaTeX handling for answer extraction: find `\boxed{…}` with balanced braces and turn the LaTeX that models
 * put around answers (`\text{}`, `\frac{}{}`, `$…$`, `\%`, `\times`, …) into plain text. This is not a TeX parser:
 * it only has to make an answer readable.
 */

/** The index just past the `}` closing the `{` at `open`, or -1 when the braces never balance. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // `\{` and `\}` are literal braces
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export interface BoxedAnswer {
  content: string;
  start: number;
  end: number;
}

const BOX_COMMAND = /\\(?:boxed|fbox|framebox)\s*/g;

/** For every `{`, the index just past its matching `}` (one pass, so many unclosed braces stay cheap). */
function matchBraces(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') open.push(i);
    else if (ch === '}') {
      const start = open.pop();
      if (start !== undefined) closes.set(start, i + 1);
    }
  }
  return closes;
}

/** Every `\boxed{…}` (also `\fbox`, and `\boxed 5` without braces), in order of appearance. */
export function findBoxed(text: string): BoxedAnswer[] {
  const found: BoxedAnswer[] = [];
  if (!/\\(?:boxed|fbox|framebox)/.test(text)) return found;
  const closes = matchBraces(text);
  for (const match of text.matchAll(BOX_COMMAND)) {
    const after = match.index + match[0].length;
    if (text[after] === '{') {
      const end = closes.get(after) ?? -1;
      if (end < 0) continue;
      found.push({ content: text.slice(after + 1, end - 1).trim(), start: match.index, end });
    } else {
      const bare = /^[^\s$\\}]+/.exec(text.slice(after));
      if (bare && match[0].endsWith(' ')) found.push({ content: bare[0], start: match.index, end: after + bare[0].length });
    }
  }
  return found;
}

/** Replaces `\name{arg}` (balanced) by what `render` makes of its argument, innermost first. */
function replaceCommand(text: string, names: string, render: (arg: string) => string): string {
  const pattern = new RegExp(`\\\\(?:${names})\\s*\\{`, 'g');
  let out = text;
  for (let guard = 0; guard < 200; guard++) {
    const matches = [...out.matchAll(pattern)];
    const last = matches.at(-1);
    if (!last) break;
    const open = last.index + last[0].length - 1;
    const end = closingBrace(out, open);
    if (end < 0) {
      out = out.slice(0, last.index) + out.slice(open + 1); // unbalanced: drop the command, keep the text
      continue;
    }
    out = out.slice(0, last.index) + render(out.slice(open + 1, end - 1)) + out.slice(end);
  }
  return out;
}

/** `\frac{a}{b}` → `a/b` (parenthesised when a side is not a plain number), `\frac34` → `3/4`. */
function convertFractions(text: string): string {
  // A digit before \frac is a mixed number: keep them apart so "2\frac{3}{4}" reads "2 3/4", not "23/4".
  let out = text.replace(/(\d)\s*(?=\\[dt]?frac)/g, '$1 ').replace(/\\[dt]?frac\s*(\d)\s*(\d)/g, '$1/$2');
  const pattern = /\\[dt]?frac\s*\{/g;
  for (let guard = 0; guard < 200; guard++) {
    const last = [...out.matchAll(pattern)].at(-1);
    if (!last) break;
    const numOpen = last.index + last[0].length - 1;
    const numEnd = closingBrace(out, numOpen);
    const denOpen = numEnd < 0 ? -1 : out.slice(numEnd).search(/\S/) + numEnd;
    if (numEnd < 0 || out[denOpen] !== '{') {
      out = out.slice(0, last.index) + out.slice(last.index + last[0].length - 1);
      continue;
    }
    const denEnd = closingBrace(out, denOpen);
    if (denEnd < 0) {
      out = out.slice(0, last.index) + out.slice(numOpen);
      continue;
    }
    const wrap = (side: string) => (/^\s*-?[\d.]+\s*$/.test(side) ? side.trim() : `(${side.trim()})`);
    const fraction = `${wrap(out.slice(numOpen + 1, numEnd - 1))}/${wrap(out.slice(denOpen + 1, denEnd - 1))}`;
    out = out.slice(0, last.index) + fraction + out.slice(denEnd);
  }
  return out;
}

const TEXT_COMMANDS = 'text|textbf|textit|textrm|textsf|texttt|mathrm|mathbf|mathit|mathsf|mathtt|mbox|emph|operatorname|boxed|fbox|bm|boldsymbol|hbox|underline|overline';

const SYMBOLS: [RegExp, string][] = [
  [/\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])/g, ''],
  [/\\(?:displaystyle|textstyle|limits)(?![a-zA-Z])/g, ''],
  [/\\[,:;!]|\\ |~/g, ' '],
  [/\\q?quad(?![a-zA-Z])/g, ' '],
  [/\{,\}/g, ','],
  [/\\%/g, '%'],
  [/\\\$/g, '$'],
  [/\\times(?![a-zA-Z])/g, '×'],
  [/\\cdot(?![a-zA-Z])|\\ast(?![a-zA-Z])/g, '·'],
  [/\\div(?![a-zA-Z])/g, '÷'],
  [/\\approx(?![a-zA-Z])|\\simeq(?![a-zA-Z])|\\sim(?![a-zA-Z])/g, '≈'],
  [/\\pm(?![a-zA-Z])/g, '±'],
  [/\\(?:le|leq)(?![a-zA-Z])/g, '≤'],
  [/\\(?:ge|geq)(?![a-zA-Z])/g, '≥'],
  [/\\(?:ne|neq)(?![a-zA-Z])/g, '≠'],
  [/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ|\\degree/g, '°'],
  [/\\infty(?![a-zA-Z])/g, '∞'],
  [/\\pi(?![a-zA-Z])/g, 'π'],
  [/\\(?:dots|ldots|cdots)(?![a-zA-Z])/g, '...'],
  [/\\(?:implies|Rightarrow|rightarrow|to)(?![a-zA-Z])/g, '→'],
  [/\\\(|\\\)|\\\[|\\\]/g, ' '],
  [/\$/g, ''],
];

/**
 * Plain-text rendering of the LaTeX around an answer: `\text{12 km}` → `12 km`, `\frac{3}{4}` → `3/4`,
 * `$1{,}234$` → `1,234`, `75\%` → `75%`, `2^{10}` → `2^10`. `$` signs are dropped (they are math delimiters or
 * currency, and neither matters to the value).
 */
export function latexToText(text: string): string {
  let out = replaceCommand(text, TEXT_COMMANDS, (arg) => arg);
  out = convertFractions(out);
  out = replaceCommand(out, 'sqrt', (arg) => `√(${arg})`);
  for (const [pattern, replacement] of SYMBOLS) out = out.replace(pattern, replacement);
  out = out.replace(/\^\s*\{([^{}]*)\}/g, '^$1');
  return out.replace(/[ \t]+/g, ' ');
}

/** Puts each display-math block (`\[ … \]`, `$$ … $$`) on one line, so "the last line" is never a lone `\]`. */
export function joinDisplayMath(text: string): string {
  const join = (block: string) => block.replace(/\s*\n\s*/g, ' ');
  return text.replace(/\\\[[\s\S]*?\\\]/g, join).replace(/\$\$[\s\S]*?\$\$/g, join);
}
