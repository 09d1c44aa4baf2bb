import type { GraderSpec, Probe, Suite } from '../../evals/contracts';
import { pairProbes } from '../../evals/contracts';
import { grade } from '../../evals/graders';
import type { AnswerSheet } from './models';

/**
 * A simulated model as the `answer` function of our OpenAI test server: each prompt of the suite gets its probe's
 * right answer or a well-formed wrong one, as the answer sheet says. Every reply is checked against the real grader
 * when the answerer is built (right → pass, wrong → fail with an extracted answer), so a run through `sawtooth eval`
 * stores exactly the sheet. Throws, naming the probe, when a prompt repeats or no wrong answer can be found.
 */
export function simulatedAnswerer(suite: Pick<Suite, 'pairs'>, sheet: AnswerSheet): (prompt: string) => string {
  const replies = new Map<string, string>();
  for (const pair of suite.pairs) {
    for (const probe of pairProbes(pair)) {
      if (replies.has(probe.prompt)) throw new Error(`simulated model: probe "${probe.id}" repeats another probe's prompt`);
      const right = sheet.right.get(probe.id);
      if (right === undefined) throw new Error(`simulated model: the answer sheet has no entry for probe "${probe.id}"`);
      replies.set(probe.prompt, right ? rightReply(probe) : wrongReply(probe));
    }
  }
  return (prompt) => replies.get(prompt) ?? 'The answer is 0.';
}

const say = (answer: string) => `Working it out step by step.\n\nThe answer is ${answer}.`;

function rightReply(probe: Probe): string {
  const reply = say(probe.answer);
  if (!grade(reply, probe.answer, probe.grader).pass) throw new Error(`simulated model: the right answer of probe "${probe.id}" does not pass its grader`);
  return reply;
}

function wrongReply(probe: Probe): string {
  for (const candidate of wrongCandidates(probe.answer, probe.grader)) {
    const reply = say(candidate);
    const verdict = grade(reply, probe.answer, probe.grader);
    if (!verdict.pass && verdict.extracted !== null) return reply;
  }
  throw new Error(`simulated model: found no wrong answer for probe "${probe.id}" (${probe.grader.kind})`);
}

/** Plausible wrong answers of the grader's kind, tried in order (the first the grader reads and fails is used). */
function wrongCandidates(answer: string, spec: GraderSpec): string[] {
  switch (spec.kind) {
    case 'yesno':
      return [/^(yes|true)$/i.test(answer.trim()) ? 'no' : 'yes'];
    case 'choice':
      return spec.options.map((_, index) => String.fromCharCode(65 + index)).filter((letter) => letter !== answer.trim().toUpperCase());
    case 'numeric': {
      const value = Number(answer);
      return Number.isFinite(value) ? [String(value + 1), String(value - 1)] : ['12345', '-1'];
    }
    case 'list':
    case 'set':
      return [answer.split(',').map((item) => item.trim()).reverse().join(', '), 'none'];
    default:
      return ['Tuesday', 'Saturday', 'left', 'right', 'none', '0'];
  }
}
