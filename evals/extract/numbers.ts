import { fraction, type Fraction } from './fraction';

/**
 * Numbers as models write them, read exactly (as fractions of big integers, so 24-digit products and 0.1 compare
 * without rounding): 42, -7, −7, 1,234 / 1 234 / 1_234, 0.75, .5, 3/4, 2 3/4, 1.2e3, 1.2 × 10^3, 10⁻³, 75%.
 * Run `latexToText` first for LaTeX forms (\frac, \times10^{3}, {,}).
 */
export interface NumberToken {
  /** The value as written; a percent sign is NOT applied (75% has value 75 and percent true). */
  value: Fraction;
  percent: boolean;
  form: 'integer' | 'decimal' | 'fraction' | 'mixed' | 'scientific';
  /** Digits after the decimal point as written (for "0.333 is 1/3 rounded"). */
  decimals: number;
  /** Normalised for display: no separators, "3/4", "2 3/4", "1.2e3", "75%". */
  display: string;
  start: number;
  end: number;
}

/** Unicode signs, dashes and superscripts → ASCII, keeping positions meaningful for a range like "12–13". */
export function normaliseNumberText(text: string): string {
  return text
    .replace(/\u2212/g, '-')
    .replace(/(^|[^\d\s]\s*|^\s*)[\u2012\u2013\u2014\uFE63\uFF0D](?=\s*\d)/g, '$1-')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (sup) => `^${[...sup].map((ch) => SUPERSCRIPTS[ch] ?? '').join('')}`)
    .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, '\u2009')
    .replace(/(\d?)([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])/g, (_match, whole: string, vulgar: string) => `${whole ? `${whole} ` : ''}${VULGAR_FRACTIONS[vulgar]}`);
}

const VULGAR_FRACTIONS: Record<string, string> = {
  '½': '1/2', '⅓': '1/3', '⅔': '2/3', '¼': '1/4', '¾': '3/4', '⅕': '1/5', '⅖': '2/5', '⅗': '3/5', '⅘': '4/5',
  '⅙': '1/6', '⅚': '5/6', '⅛': '1/8', '⅜': '3/8', '⅝': '5/8', '⅞': '7/8',
};

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+',
};

const DIGIT = /\d/;
const GROUP_SEPARATORS = new Set([',', ' ', '\u2009', '_', "'"]);
const BEFORE_NUMBER_FORBIDDEN = /[A-Za-z0-9_.\\^]/;
const TIMES_TEN = /^\s*(?:×|x|\*|·|\\times|\\cdot)\s*10\s*\^\s*\{?\s*([+-]?\d+)\s*\}?/;
const E_NOTATION = /^[eE]([+-]?\d+)(?![A-Za-z])/;
const FRACTION_TAIL = /^\s*\/\s*(\d+)(?![\d.,]\d)/;
const MIXED_TAIL = /^[ \u2009]+(\d+)\s*\/\s*(\d+)(?![\d.])/;
const SCALE_WORD = /^\s*(thousand|million|billion|trillion)\b/i;
const SCALES = { thousand: 10n ** 3n, million: 10n ** 6n, billion: 10n ** 9n, trillion: 10n ** 12n };

const PERCENT = /^\s*(?:%|percent\b|per cent\b|pct\b)/i;

/** Reads the unsigned digits at `i`: "1234", "1,234,567" (one consistent separator, groups of three), "12". */
function readInteger(text: string, i: number): { digits: string; end: number; grouped: boolean } | null {
  const head = /^\d+/.exec(text.slice(i));
  if (!head) return null;
  let digits = head[0];
  let end = i + digits.length;
  let grouped = false;
  if (digits.length <= 3) {
    const separator = text[end];
    if (separator !== undefined && GROUP_SEPARATORS.has(separator)) {
      const groups = new RegExp(`^(?:${escapeForRegex(separator)}\\d{3}(?!\\d))+`).exec(text.slice(end));
      // "1,2,3" is a list and "2 3/4" a mixed number: only whole groups of three, not followed by "/" or ",d".
      if (groups && !/^\s*\/\s*\d/.test(text.slice(end + groups[0].length)) && !/^,\d/.test(text.slice(end + groups[0].length))) {
        digits += groups[0].split(separator).join('');
        end += groups[0].length;
        grouped = true;
      }
    }
  }
  return { digits, end, grouped };
}

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pow10(exponent: number): Fraction {
  const power = fraction(10n ** BigInt(Math.abs(exponent)), 1n);
  return exponent >= 0 ? power : fraction(1n, 1n).div(power);
}

/** Reads one number starting at `start` (a sign, a digit or a leading "."), or null. */
function readNumberAt(text: string, start: number): NumberToken | null {
  let i = start;
  let negative = false;
  if (text[i] === '-' || text[i] === '+') {
    negative = text[i] === '-';
    i++;
    while (text[i] === ' ') i++;
  }
  let intDigits = '';
  let grouped = false;
  if (DIGIT.test(text[i] ?? '')) {
    const integer = readInteger(text, i);
    if (!integer) return null;
    intDigits = integer.digits;
    grouped = integer.grouped;
    i = integer.end;
  } else if (!(text[i] === '.' && DIGIT.test(text[i + 1] ?? ''))) {
    return null;
  }
  let decDigits = '';
  if (text[i] === '.' && DIGIT.test(text[i + 1] ?? '')) {
    decDigits = /^\d+/.exec(text.slice(i + 1))![0];
    i += 1 + decDigits.length;
  }
  let value = fraction(`${intDigits || '0'}${decDigits ? `.${decDigits}` : ''}`);
  let form: NumberToken['form'] = decDigits ? 'decimal' : 'integer';
  let display = `${intDigits || '0'}${decDigits ? `.${decDigits}` : ''}`;

  const rest = text.slice(i);
  // "10^-3" alone is scientific notation with an implied mantissa of 1.
  const bareTen = intDigits === '10' && !decDigits ? /^\s*\^\s*\{?\s*([+-]?\d+)\s*\}?/.exec(rest) : null;
  if (bareTen) {
    intDigits = '1';
    value = fraction(1n, 1n);
    display = '1';
  }
  const exponent = bareTen ?? E_NOTATION.exec(rest) ?? TIMES_TEN.exec(rest);
  const mixed = !decDigits && !grouped ? MIXED_TAIL.exec(rest) : null;
  const over = !decDigits && !grouped ? FRACTION_TAIL.exec(rest) : null;
  if (exponent) {
    const power = Number(exponent[1]);
    if (Math.abs(power) > 400) return null;
    value = value.mul(pow10(power));
    form = 'scientific';
    display = `${display}e${power}`;
    i += exponent[0].length;
  } else if (mixed && mixed[1] && mixed[2] && BigInt(mixed[2]) !== 0n && BigInt(mixed[1]) < BigInt(mixed[2])) {
    value = value.add(fraction(BigInt(mixed[1]), BigInt(mixed[2])));
    form = 'mixed';
    display = `${intDigits} ${mixed[1]}/${mixed[2]}`;
    i += mixed[0].length;
  } else if (over && over[1] && BigInt(over[1]) !== 0n) {
    value = fraction(BigInt(intDigits), BigInt(over[1]));
    form = 'fraction';
    display = `${intDigits}/${over[1]}`;
    i += over[0].length;
  }
  // "1.5 million" is 1500000 (money and populations are written so).
  const scale = form !== 'fraction' && form !== 'mixed' ? SCALE_WORD.exec(text.slice(i)) : null;
  if (scale?.[1]) {
    const word = scale[1].toLowerCase() as keyof typeof SCALES;
    value = value.mul(fraction(SCALES[word], 1n));
    display = value.toString();
    form = value.d === 1n ? 'integer' : 'decimal';
    i += scale[0].length;
  }
  const percent = PERCENT.exec(text.slice(i));
  if (percent) i += percent[0].length;
  if (negative && !value.equals(0)) {
    value = value.neg();
    display = `-${display}`;
  }
  return { value, percent: percent !== null, form, decimals: decDigits.length, display: percent ? `${display}%` : display, start, end: i };
}

/** Every number in `text`, left to right. Digits glued to letters (x2, H2O, v1) are not numbers. */
export function findNumbers(rawText: string): NumberToken[] {
  const text = normaliseNumberText(rawText);
  const tokens: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const startsNumber =
      DIGIT.test(ch) ||
      (ch === '.' && DIGIT.test(text[i + 1] ?? '')) ||
      ((ch === '-' || ch === '+') && /^[-+] ?\.?\d/.test(text.slice(i, i + 4)) && !/[\d)\]]\s*$/.test(text.slice(Math.max(0, i - 3), i)));
    const previous = text[i - 1];
    if (startsNumber && (previous === undefined || !BEFORE_NUMBER_FORBIDDEN.test(previous))) {
      const token = readNumberAt(text, i);
      if (token) {
        tokens.push(token);
        i = token.end;
        continue;
      }
    }
    // Skip the rest of a word or number run, so "x12" or "1.2.3" yields nothing from its middle.
    if (/[A-Za-z0-9_]/.test(ch)) {
      while (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) i++;
    } else {
      i++;
    }
  }
  return tokens;
}

const DECORATION_BEFORE =
  /^(?:[\s$€£¥₹~≈≃=:*([{]|approximately|approx\.?|about|around|roughly|exactly|only|just|nearly|almost|some|circa|ca\.)*/i;
const UNIT_AFTER = /^[\s.)\]}*]*(?:[°'"]|[A-Za-zµΩ€$£¥]+(?:[/^·.-]?[A-Za-z0-9]+)*\.?)?(?:\s+[A-Za-z]+(?:[/^][A-Za-z0-9]+)*){0,2}[\s.)\]}*]*$/;
const SYMBOLS_AFTER = /^[\s.)\]}*°$€£¥]*$/;

/**
 * The number a whole string denotes, or null: "391", "-7", "$12", "3/4", "75%", "1.2e3", and with `allowUnits`
 * also "12 apples", "5 km", "30 minutes", "12°". A string with a second number or an operator is not one number.
 */
export function parseWholeNumber(text: string, { allowUnits = true } = {}): NumberToken | null {
  const tokens = findNumbers(text);
  const normalised = normaliseNumberText(text);
  const only = tokens[0];
  if (!only || tokens.length !== 1) return null;
  const before = normalised.slice(0, only.start);
  if (DECORATION_BEFORE.exec(before)?.[0] !== before) return null;
  const after = normalised.slice(only.end);
  return (allowUnits ? UNIT_AFTER : SYMBOLS_AFTER).test(after) ? only : null;
}

/** A value for display: an integer or terminating decimal as digits, anything else as a fraction. */
export function formatValue(value: Fraction): string {
  if (value.d === 1n) return value.toString();
  let d = value.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n ? value.toString() : value.toFraction();
}
