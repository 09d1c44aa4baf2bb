import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Suite } from '../contracts';
import { assembleSuite } from './assemble-suite';
import { parseJsonlSuite } from './parse-jsonl-suite';
import { parseYamlSuite } from './parse-yaml-suite';
import { SuiteError } from './suite-error';

export { SuiteError, formatIssue, type SuiteIssue } from './suite-error';
export { serializeSuite } from './serialize-suite';
export { suiteVersion, canonicalJson } from './suite-version';

/** The built-in suites are the YAML files next to this module (core.yaml, …); a suite's id is its file stem. */
// Inside the Next server bundle this module has moved (Turbopack rewrites `new URL('.', import.meta.url)`), so fall
// back to the project folder the server runs in, as db/client.ts does for migrations.
const BUILT_IN_DIR = ((): string => {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(new URL('.', import.meta.url)));
  } catch {
    // not a file URL inside a bundle
  }
  candidates.push(resolve(process.cwd(), 'evals', 'suites'));
  return candidates.find((dir) => existsSync(join(dir, 'core.yaml'))) ?? candidates[0]!;
})();
const SUITE_FILE = /\.(ya?ml|jsonl)$/i;

/** Items files may include others; a chain deeper than this is surely a cycle. */
const MAX_INCLUDE_DEPTH = 8;

function readSuiteText(path: string, shownAs: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SuiteError([{ file: shownAs, message: code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})` }]);
  }
}

function parseAt(text: string, fileName: string, filePath: string | undefined, depth: number): Suite {
  const raw = /\.jsonl$/i.test(fileName) ? parseJsonlSuite(text, fileName) : parseYamlSuite(text, fileName);
  return assembleSuite(raw, (reference, fromFile) => {
    if (depth >= MAX_INCLUDE_DEPTH) throw new SuiteError([{ file: fromFile, message: `items nested more than ${MAX_INCLUDE_DEPTH} deep (a cycle?)` }]);
    const base = filePath ? dirname(filePath) : process.cwd();
    const target = isAbsolute(reference) ? reference : resolve(base, reference);
    const shownAs = filePath ? join(dirname(fileName), reference) : reference;
    return parseAt(readSuiteText(target, shownAs), shownAs, target, depth + 1);
  });
}

/**
 * Parses a suite file's text: YAML (.yaml/.yml) or JSONL (.jsonl), chosen by the file name's extension. `items:`
 * entries are read relative to `fileName` (or the working directory). Throws SuiteError naming file, line and field.
 */
export function parseSuiteFile(text: string, fileName: string): Suite {
  if (!SUITE_FILE.test(fileName)) {
    throw new SuiteError([{ file: fileName, message: `unknown suite file type "${extname(fileName)}" (use .yaml, .yml or .jsonl)` }]);
  }
  return parseAt(text, fileName, existsSync(fileName) ? resolve(fileName) : undefined, 0);
}

let builtInList: { id: string; title: string; file: string }[] | undefined;
const builtInCache = new Map<string, Suite>();

function builtIns(): { id: string; title: string; file: string }[] {
  builtInList ??= readdirSync(BUILT_IN_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const head = /^title:\s*(.+)$/m.exec(readFileSync(join(BUILT_IN_DIR, name), 'utf8'));
      return { id: name.replace(/\.ya?ml$/, ''), title: head?.[1]?.trim() ?? name, file: join(BUILT_IN_DIR, name) };
    });
  return builtInList;
}

/** The built-in suites (from evals/suites/*.yaml), by id. */
export function listSuites(): { id: string; title: string }[] {
  return builtIns().map(({ id, title }) => ({ id, title }));
}

/**
 * A built-in suite by id (resolved once per process, then cached), or a suite file by path. Throws SuiteError for
 * an unknown id, a missing file or invalid content.
 */
export function loadSuite(idOrPath: string): Suite {
  const builtIn = builtIns().find((suite) => suite.id === idOrPath);
  if (builtIn) {
    let suite = builtInCache.get(builtIn.id);
    if (!suite) {
      const shownAs = `evals/suites/${builtIn.file.split(/[\\/]/).pop()}`;
      suite = parseAt(readFileSync(builtIn.file, 'utf8'), shownAs, builtIn.file, 0);
      builtInCache.set(builtIn.id, suite);
    }
    return suite;
  }
  if (!SUITE_FILE.test(idOrPath)) {
    const known = builtIns().map((suite) => suite.id).join(', ');
    throw new SuiteError(`unknown suite "${idOrPath}" (built-in suites: ${known}; or give a .yaml/.jsonl file)`);
  }
  return parseAt(readSuiteText(idOrPath, idOrPath), idOrPath, resolve(idOrPath), 0);
}
