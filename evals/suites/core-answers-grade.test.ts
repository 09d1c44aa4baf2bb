import { describe, expect, it } from 'vitest';
import { pairProbes, type Probe } from '../contracts';
import { grade } from '../graders';
import { loadSuite } from '.';

/**
 * The probes and the graders are written by different hands; this is where they must agree. A model that states a
 * probe's own answer plainly must pass, and one that states another probe's (different) answer must fail.
 */
describe.each(['core', 'smoke'])('the %s suite against the graders', (suiteId) => {
  const probes: Probe[] = loadSuite(suiteId).pairs.flatMap(pairProbes);

  it('passes every probe answered with its own answer, "The answer is {answer}."', () => {
    const failures = probes
      .map((probe) => ({ probe, result: grade(`The answer is ${probe.answer}.`, probe.answer, probe.grader) }))
      .filter(({ result }) => !result.pass)
      .map(({ probe, result }) => `${probe.id} (${probe.grader.kind}, answer ${JSON.stringify(probe.answer)}): ${result.reason}`);
    expect(failures).toEqual([]);
  });

  it('passes the same answer after some working, on its own last line', () => {
    const failures = probes
      .filter((probe) => !grade(`Let me work through this carefully.\n\nFinal answer: ${probe.answer}`, probe.answer, probe.grader).pass)
      .map((probe) => probe.id);
    expect(failures).toEqual([]);
  });

  it('fails every probe answered with a different answer from the same family', () => {
    const failures: string[] = [];
    for (const probe of probes) {
      const other = probes.find((p) => p.family === probe.family && p.grader.kind === probe.grader.kind && p.answer !== probe.answer);
      if (!other) continue;
      if (grade(`The answer is ${other.answer}.`, probe.answer, probe.grader).pass) failures.push(`${probe.id}: "${other.answer}" passed for "${probe.answer}"`);
    }
    expect(failures).toEqual([]);
  });
});
