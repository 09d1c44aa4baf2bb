import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSuites, loadSuite } from '../../evals/suites';
import { fromProjectFolder, loadFromProjectFolder } from './built-in-suites';

// Under vitest evals/suites finds its own folder, so builtInSuites() is listSuites(): comparing those compared a
// function with itself (issue 12.11). What the server bundle really relies on is the project-folder fallback: test
// that path, on the real files, against evals/suites.
const suitesDir = fileURLToPath(new URL('../../evals/suites/', import.meta.url));

describe('built-in suites read from the project folder (the server bundle\'s path)', () => {
  it('finds every YAML suite file, with the ids and titles evals/suites lists', () => {
    const files = readdirSync(suitesDir).filter((n) => /\.ya?ml$/.test(n));
    expect(files.length).toBeGreaterThan(0);
    const found = fromProjectFolder(suitesDir);
    expect(found.map((s) => s.id)).toEqual(files.map((n) => n.replace(/\.ya?ml$/, '')).sort());
    expect(found.map(({ id, title }) => ({ id, title }))).toEqual(listSuites());
  });

  it('loads each to the same suite version as evals/suites, and names the known ids for an unknown one', () => {
    for (const { id } of listSuites()) expect(loadFromProjectFolder(id, suitesDir).version).toBe(loadSuite(id).version);
    expect(() => loadFromProjectFolder('nope', suitesDir)).toThrow(/unknown suite "nope" \(built-in suites: .*core/);
  });
});
