import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseSuiteFile } from '.';

// Target (from the brief): resolving the core suite takes well under ~200 ms; loadSuite caches it per process.
// Run: npx vitest bench --run --project unit evals/suites/load-suite.bench.ts
const coreFile = new URL('./core.yaml', import.meta.url);
const text = readFileSync(coreFile, 'utf8');

describe('resolving a suite (generation, validation, version hash)', () => {
  bench('core (560 pairs)', () => void parseSuiteFile(text, coreFile.pathname), { iterations: 10, warmupIterations: 2 });
});
