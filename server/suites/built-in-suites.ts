import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Suite } from '../../evals/contracts';
import { listSuites, loadSuite, parseSuiteFile, SuiteError } from '../../evals/suites';

/**
 * evals/suites finds its YAML files next to its own module. Inside the Next server bundle that module has moved
 * (Turbopack turns `new URL('.', import.meta.url)` into an asset path), so there the listing fails; the server
 * then reads the same files from the project folder it runs in (as db/client.ts does for migrations) and loads
 * each file itself, which yields the same suite and version.
 */
export function fromProjectFolder(dir = path.resolve(process.cwd(), 'evals', 'suites')): Array<{ id: string; title: string; file: string }> {
  // The turbopackIgnore comments: these reads happen at run time in the project folder, so the build must not trace
  // them. Without them Turbopack cannot bound `dir`, warns five times per build and lists the whole project
  // (checkpoints, ml, docs: about 1,000 files) in two routes' traces. (It cost no measurable build time.)
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = path.join(/*turbopackIgnore: true*/ dir, name);
      const head = /^title:\s*(.+)$/m.exec(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'));
      return { id: name.replace(/\.ya?ml$/, ''), title: head?.[1]?.trim() ?? name, file };
    });
}

function moduleFolderMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOTDIR' || code === 'ENOENT';
}

/** The built-in suites by id and title. */
export function builtInSuites(): Array<{ id: string; title: string }> {
  try {
    return listSuites();
  } catch (error) {
    if (!moduleFolderMissing(error)) throw error;
    return fromProjectFolder().map(({ id, title }) => ({ id, title }));
  }
}

/** loadSuite (built-in id or file path), with the project-folder fallback for built-in ids inside the server bundle. */
export function loadBuiltInSuite(idOrPath: string): Suite {
  try {
    return loadSuite(idOrPath);
  } catch (error) {
    if (!moduleFolderMissing(error)) throw error;
    return loadFromProjectFolder(idOrPath);
  }
}

/** The fallback inside the server bundle: a built-in suite read from the project folder's evals/suites. */
export function loadFromProjectFolder(id: string, dir?: string): Suite {
  const all = fromProjectFolder(dir);
  const entry = all.find((s) => s.id === id);
  if (!entry) throw new SuiteError(`unknown suite "${id}" (built-in suites: ${all.map((s) => s.id).join(', ') || 'none'})`);
  return parseCached(entry.file);
}

const parsed = new Map<string, { mtimeMs: number; suite: Suite }>();

/** loadSuite looks up its own folder first even for a path, so the fallback parses the file itself (cached by mtime). */
function parseCached(file: string): Suite {
  const mtimeMs = statSync(/*turbopackIgnore: true*/ file).mtimeMs;
  const hit = parsed.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.suite;
  const suite = parseSuiteFile(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'), file);
  parsed.set(file, { mtimeMs, suite });
  return suite;
}
