import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { GraderSpecSchema, type GraderSpec } from '../../evals/contracts';
import { grade, inferGraderSpec } from '../../evals/graders';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';

const usage = `usage: sawtooth grade --in <responses.jsonl> [--out <graded.jsonl> | --out -]

Grades model responses offline. Each input line is a JSON object with "response" and "answer", and optionally
"grader" (a grader spec such as {"kind":"numeric","relTol":0.01}, or just a kind: "numeric"), "prompt" and "id".
Without a grader, the answer decides: a number → numeric, yes/no/true/false → yesno, anything else → text.
Each output line is the input object plus "extracted", "pass" and "reason". Without --out (or with --out -) the
graded lines go to stdout and the summary to stderr. Bad lines are reported on stderr as file:line: field: problem;
the good lines are still graded and written, and the exit code is 1.`;

const FlagsSchema = z.object({
  in: z.string({ error: 'required (the JSONL file of responses)' }).min(1),
  out: z.string().min(1).optional(),
});
const options = { in: { type: 'string' }, out: { type: 'string' } } as const;

const KINDS_WITHOUT_OPTIONS = ['numeric', 'yesno', 'exact', 'text', 'set', 'list', 'symbolic'] as const;

/** A grader spec, or just its kind when the kind needs no settings. */
const GraderFieldSchema = z.union([
  z.enum(KINDS_WITHOUT_OPTIONS).transform((kind): GraderSpec => ({ kind })),
  GraderSpecSchema,
]);

/** One input line. Unknown fields are kept and written back out. */
const ResponseLineSchema = z.looseObject({
  response: z.string(),
  answer: z.union([z.string().min(1), z.number().transform(String)]),
  grader: GraderFieldSchema.optional(),
  prompt: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
});

/** "answer: required", "grader: …", or for a bad kind string the kinds that work. */
function describeIssue(record: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.') || 'line';
  const top = issue.path[0];
  if (typeof top === 'string' && !(top in record)) return `${field}: required`;
  if (top === 'grader' && typeof record.grader === 'string') {
    return record.grader === 'choice'
      ? 'grader: "choice" needs its options: {"kind":"choice","options":["...","..."]}'
      : `grader: unknown kind "${record.grader}" (known: ${[...KINDS_WITHOUT_OPTIONS, 'choice'].join(', ')})`;
  }
  return `${field}: ${issue.message}`;
}

interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

function fileSink(file: string): Sink {
  const stream: WriteStream = createWriteStream(file);
  const failed = once(stream, 'error').then(([error]) => {
    throw new CliError(`--out: ${file}: ${(error as Error).message}`);
  });
  failed.catch(() => undefined);
  return {
    async write(text) {
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async close() {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
}

function ioSink(io: CommandIO): Sink {
  return { write: async (text) => io.stdout(text), close: async () => undefined };
}

function checkReadable(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new CliError(`--in: ${file} is not a file`, 2);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--in: ${file}: ${code === 'ENOENT' ? 'file not found' : (error as Error).message}`, 2);
  }
}

export const gradeCommand: Command = {
  name: 'grade',
  summary: 'grade a JSONL file of responses offline (extracted answer, pass, reason per line)',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    checkReadable(flags.in);
    const toStdout = flags.out === undefined || flags.out === '-';
    const sink = toStdout ? ioSink(io) : fileSink(flags.out!);
    const name = path.basename(flags.in);
    const counts = { graded: 0, passed: 0, failed: 0, bad: 0 };

    const lines = createInterface({ input: createReadStream(flags.in, 'utf8'), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const problem = (message: string) => {
        counts.bad++;
        io.stderr(`${name}:${lineNumber}: ${message}\n`);
      };
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        problem(`not valid JSON (${(error as Error).message})`);
        continue;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        problem('expected a JSON object with "response" and "answer"');
        continue;
      }
      const parsed = ResponseLineSchema.safeParse(record);
      if (!parsed.success) {
        problem(describeIssue(record as Record<string, unknown>, parsed.error.issues[0]!));
        continue;
      }
      const { response, answer } = parsed.data;
      const spec = parsed.data.grader ?? inferGraderSpec(answer);
      const verdict = grade(response, answer, spec);
      counts.graded++;
      counts[verdict.pass ? 'passed' : 'failed']++;
      await sink.write(`${JSON.stringify({ ...record, extracted: verdict.extracted, pass: verdict.pass, reason: verdict.reason })}\n`);
    }
    await sink.close();

    const summary = `graded ${counts.graded} line(s): ${counts.passed} passed, ${counts.failed} failed; ${counts.bad} bad line(s)${toStdout ? '' : ` → ${flags.out}`}\n`;
    (toStdout ? io.stderr : io.stdout)(summary);
    return counts.bad > 0 ? 1 : 0;
  },
};
