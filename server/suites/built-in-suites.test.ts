import { describe, expect, it } from 'vitest';
import { listSuites, loadSuite } from '../../evals/suites';
import { builtInSuites, loadBuiltInSuite } from './built-in-suites';

describe('built-in suites for the server', () => {
  it('lists and loads the same suites as evals/suites (same ids, same versions)', () => {
    expect(builtInSuites()).toEqual(listSuites());
    for (const { id } of listSuites()) expect(loadBuiltInSuite(id).version).toBe(loadSuite(id).version);
  });
});
