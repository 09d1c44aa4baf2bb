import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { formatPath, type DocPath, type RawSuite } from './raw-suite';
import { SuiteError } from './suite-error';

/**
 * The line of the deepest node along `path` that exists: for a map entry the line of its key, so that a missing
 * `hard.answer` points at the `hard:` line and a wrong value at its own line.
 */
function lineOf(root: unknown, path: DocPath, lines: LineCounter): number | undefined {
  let node: unknown = root;
  let line = isNodeWithRange(root) ? lines.linePos(root.range[0]).line : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      if (isNodeWithRange(pair.key)) line = lines.linePos(pair.key.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item: unknown = node.items[part];
      if (!isNodeWithRange(item)) break;
      line = lines.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { range?: unknown }).range);
}

/** Reads a YAML suite file into its raw parts; a syntax error becomes a SuiteError at its line. */
export function parseYamlSuite(text: string, file: string): RawSuite {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new SuiteError(
      doc.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line,
        message: `YAML: ${error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '')}`,
      })),
    );
  }
  const locate = (path: DocPath) => ({ line: lineOf(doc.contents, path, lines), field: path.length > 0 ? formatPath(path) : undefined });
  let data: unknown;
  try {
    // The yaml library refuses to expand more than 100 aliases ("billion laughs"): a refusal, not a crash.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new SuiteError([{ file, line: 1, message: `YAML: ${(error as Error).message} (too many aliases: write the content out)` }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SuiteError([{ file, line: 1, message: 'a suite file is a mapping with "families" (and "pairs")' }]);
  }
  const { families, pairs, ...header } = data as Record<string, unknown>;
  const problems = [];
  if (!Array.isArray(families)) problems.push({ file, ...locate(['families']), message: families === undefined ? 'required' : 'must be a list' });
  if (pairs !== undefined && pairs !== null && !Array.isArray(pairs)) problems.push({ file, ...locate(['pairs']), message: 'must be a list' });
  if (problems.length > 0) throw new SuiteError(problems);
  return {
    file,
    header,
    families: families as unknown[],
    pairs: Array.isArray(pairs) ? pairs : [],
    locate,
  };
}
