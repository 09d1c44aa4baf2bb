import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MathNode } from 'mathjs';
import type { Grade, GraderSpec } from '../contracts';
import { latexToText, readFinalAnswer, stripMarkdown, type Reader } from '../extract';
import type { Candidate } from '../extract/candidates';
import { looksLikeProse, toMathjs } from '../extract/math-expression';
import { isQuestion, splitSentences } from '../extract/text-lines';
import { failed, passed, quote } from './verdict';
import { mulberry32 } from '../metrics/prng';

type SymbolicSpec = Extract<GraderSpec, { kind: 'symbolic' }>;

type MathJs = typeof import('mathjs');
let mathjsModule: MathJs | undefined;

/**
 * mathjs is large (≈85 MB and seconds to load) and only symbolic probes need it: load it on first use. Inside a
 * bundle import.meta.url may not be a file URL, so resolve from the project folder there.
 */
function mathjs(): MathJs {
  if (!mathjsModule) {
    const from = import.meta.url.startsWith('file:') ? import.meta.url : pathToFileURL(path.join(process.cwd(), 'package.json')).href;
    mathjsModule = createRequire(from)('mathjs') as MathJs;
  }
  return mathjsModule;
}

interface Expression {
  node: MathNode;
  shown: string;
}

const CONSTANTS = new Set(['pi', 'e']);

function parseExpression(text: string): MathNode | null {
  try {
    return mathjs().parse(toMathjs(text));
  } catch {
    return null;
  }
}

/** The math of a candidate: the last `$…$` / `\(…\)` span if any, right of its last "=", prose trimmed away. */
function mathPart(candidate: Candidate): string | null {
  let text = candidate.text;
  if (candidate.source === 'final line') text = splitSentences(text).filter((s) => !isQuestion(s)).at(-1) ?? text;
  const spans = [...text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g)];
  const lastSpan = spans.at(-1);
  if (lastSpan) text = lastSpan[1] ?? lastSpan[2] ?? lastSpan[3] ?? lastSpan[4] ?? text;
  text = stripMarkdown(text).trim();
  const rightOfEquals = text.split(/=/).at(-1)!.trim();
  if (rightOfEquals !== '') text = rightOfEquals;
  text = text.replace(/[.,;!]+\s*$/, '').trim();
  if (looksLikeProse(text)) {
    const tail = /(?::|\bis\b|\bequals\b|\bgives\b|\bget\b)\s+([^:]+)$/i.exec(latexToText(text))?.[1]?.trim();
    if (!tail || looksLikeProse(tail)) return null;
    text = tail;
  }
  return text === '' ? null : text;
}

const readExpression: Reader<Expression> = (candidate) => {
  const math = mathPart(candidate);
  if (math === null) {
    return candidate.firm && candidate.source !== 'marker'
      ? { kind: 'invalid', display: candidate.text, reason: `${quote(candidate.text)} is not an expression` }
      : { kind: 'none' };
  }
  const alternatives = math.split(/\s+(?:or|\\text\{\s*or\s*\})\s+/i);
  if (alternatives.length > 1) return { kind: 'ambiguous', display: math };
  const node = parseExpression(math);
  if (!node) {
    return candidate.firm
      ? { kind: 'invalid', display: math, reason: `could not parse ${quote(math)} as an expression` }
      : { kind: 'none' };
  }
  return { kind: 'value', value: { node, shown: latexToText(math).trim() }, display: latexToText(math).trim() };
};

function variablesOf(node: MathNode): string[] {
  const names = new Set<string>();
  node.traverse((child, _path, parent) => {
    if (child.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === child)) {
      const name = (child as unknown as { name: string }).name;
      if (!CONSTANTS.has(name)) names.add(name);
    }
  });
  return [...names].sort();
}

function realNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Equal when simplify(a − b) is 0, or when both agree at 12 seeded points (at least 6 where both are defined). */
function equivalent(a: MathNode, b: MathNode, variables: string[]): boolean {
  try {
    const difference = mathjs().simplify(mathjs().parse(`(${a.toString()}) - (${b.toString()})`));
    if (difference.type === 'ConstantNode' && Number((difference as unknown as { value: unknown }).value) === 0) return true;
  } catch {
    // simplify gives up on some inputs; the numeric comparison below still decides.
  }
  const first = a.compile();
  const second = b.compile();
  const random = mulberry32(20240611);
  let compared = 0;
  for (let i = 0; i < 12; i++) {
    const scope: Record<string, number> = {};
    for (const name of variables) scope[name] = i < 8 ? 0.3 + 2.4 * random() : -3 + 6 * random();
    let x: number | null;
    let y: number | null;
    try {
      x = realNumber(first.evaluate(scope));
      y = realNumber(second.evaluate(scope));
    } catch {
      continue;
    }
    if (x === null || y === null) continue;
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
    compared++;
  }
  return compared >= 6;
}

/** A mathematical expression, equal up to symbolic equivalence (2x+2 == 2(x+1)); LaTeX-ish input accepted. */
export function gradeSymbolic(response: string, answer: string, spec: SymbolicSpec): Grade {
  const expected = parseExpression(answer.split('=').at(-1) ?? answer);
  const read = readFinalAnswer(response, readExpression);
  if (!expected) return failed(read.ok ? read.display : null, `could not parse the expected answer ${quote(answer)} as an expression`);
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  const got = read.value;
  const allowed = spec.variables ?? variablesOf(expected);
  const stray = variablesOf(got.node).filter((name) => !allowed.includes(name));
  if (stray.length > 0) return failed(got.shown, `${quote(got.shown)} uses ${stray.join(', ')}, expected only ${allowed.join(', ') || 'constants'} (${label})`);
  const variables = [...new Set([...allowed, ...variablesOf(expected)])];
  if (equivalent(expected, got.node, variables)) return passed(got.shown, `equivalent to ${quote(answer)} (${label})`);
  return failed(got.shown, `expected ${quote(answer)}, got ${quote(got.shown)}: not equivalent (${label})`);
}
