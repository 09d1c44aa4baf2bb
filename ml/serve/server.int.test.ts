import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { additionPrompt, binaryPrompt, parityPrompt, stackPrompt } from '../../evals/families/algorithmic/templates';
import { additionTask, parityTask } from '../tasks';
import { loadCheckpoint } from '../models/load-checkpoint';
import { Predictor } from '../models/predict';
import { writeUntrainedCheckpoint } from '../models/untrained-checkpoint';
import type { SawtoothExtension } from './openai-schemas';
import { startServer } from './start-server';

// Untrained but real checkpoints (small configs, few ticks): the server path is what is under test here. Their
// answers are checked against the same checkpoint evaluated directly, so routing, batching and decoding must agree.
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let client: OpenAI;

const small = {
  transformer: { dModel: 16, layers: 1, heads: 2 },
  lstm: { dModel: 16, dInput: 8, heads: 2 },
  ctm: { dModel: 16, dInput: 8, heads: 2, memoryLength: 3, nSynchOut: 16, nSynchAction: 16 },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sawtooth-serve-'));
  for (const task of ['parity', 'addition'] as const) {
    writeUntrainedCheckpoint(dir, 'transformer', task, { model: small.transformer });
    writeUntrainedCheckpoint(dir, 'lstm', task, { model: small.lstm, ticks: 3 });
  }
  for (const task of ['binary-to-decimal', 'stack-operations'] as const) writeUntrainedCheckpoint(dir, 'transformer', task, { model: small.transformer });
  writeUntrainedCheckpoint(dir, 'ctm', 'parity', { model: small.ctm, ticks: 5, haltThreshold: 0.9 });
  server = await startServer({ checkpointsDir: dir, port: 0, host: '127.0.0.1', batching: { maxBatch: 8, windowMs: 20 } });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

type WithSawtooth = { sawtooth: SawtoothExtension };

async function directAnswer(name: string, prompt: string, ticks?: number): Promise<string> {
  const loaded = await loadCheckpoint(join(dir, name));
  const predictor = new Predictor(loaded.arch, loaded.task, loaded.config, loaded.params, 1, ticks);
  const [prediction] = predictor.predict([loaded.task.parse(prompt)], loaded.file.haltThreshold);
  predictor.dispose();
  return prediction!.answer;
}

describe('checkpoint server through the openai SDK', () => {
  it('lists each checkpoint and one router per architecture, with architecture, parameter count and tasks', async () => {
    const models = (await client.models.list()).data as unknown as Record<string, unknown>[];
    const ids = models.map((m) => m.id).sort();
    expect(ids).toEqual(
      [
        'ctm-parity', 'lstm-addition', 'lstm-parity', 'sawtooth-ctm', 'sawtooth-lstm', 'sawtooth-transformer', 'transformer-addition',
        'transformer-binary-to-decimal', 'transformer-parity', 'transformer-stack-operations',
      ].sort(),
    );
    const router = models.find((m) => m.id === 'sawtooth-lstm')!;
    expect(router.architecture).toBe('lstm');
    expect(router.tasks).toEqual(['addition', 'parity']);
    expect(router.families).toEqual(['algorithmic.addition', 'algorithmic.parity']);
    expect(router.parameter_count).toBeGreaterThan(1000);
    const transformer = models.find((m) => m.id === 'sawtooth-transformer')!;
    expect([...(transformer.families as string[])].sort()).toEqual(
      ['algorithmic.addition', 'algorithmic.binary-to-decimal', 'algorithmic.parity', 'algorithmic.stack-operations'],
    );
    expect(models.find((m) => m.id === 'ctm-parity')!.families).toEqual(['algorithmic.parity']);
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok' });
    expect(health.models).toContain('transformer-parity');
  });

  it('answers a plain completion with the checkpoint\'s own answer and the sawtooth extension', async () => {
    const prompt = additionPrompt(47, 85);
    const response = await client.chat.completions.create({
      model: 'transformer-addition',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: prompt },
      ],
    });
    const text = response.choices[0]!.message.content!;
    expect(text).toMatch(/^\d+$/);
    expect(text).toBe(await directAnswer('transformer-addition', prompt));
    const ext = (response as unknown as WithSawtooth).sawtooth;
    expect(ext).toMatchObject({ arch: 'transformer', checkpoint: 'transformer-addition', ticksUsed: 1, haltingTick: 1, ticks: 1 });
    expect(ext.certaintyPerTick).toHaveLength(1);
  });

  it('streams SSE chunks ending in [DONE], with the extension on the last chunk', async () => {
    const prompt = parityPrompt('1011001011110000');
    const stream = await client.chat.completions.create({
      model: 'lstm-parity',
      messages: [{ role: 'user', content: prompt }],
      stream: true,
    });
    let text = '';
    let ext: SawtoothExtension | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      ext = (chunk as unknown as Partial<WithSawtooth>).sawtooth ?? ext;
    }
    expect(finish).toBe('stop');
    expect(text).toBe(await directAnswer('lstm-parity', prompt));
    expect(ext).toMatchObject({ arch: 'lstm', ticks: 3, haltingTick: 3 });
    expect(ext!.certaintyPerTick).toHaveLength(3);
  });

  it('routes each prompt of an architecture router to the checkpoint of its task', async () => {
    const ask = (content: string) =>
      client.chat.completions.create({ model: 'sawtooth-transformer', messages: [{ role: 'user', content }] });
    const parity = (await ask(parityPrompt('0110'))) as unknown as WithSawtooth;
    const addition = (await ask(additionPrompt(12345, 67890))) as unknown as WithSawtooth;
    expect(parity.sawtooth.checkpoint).toBe('transformer-parity');
    expect(addition.sawtooth.checkpoint).toBe('transformer-addition');
  });

  it('refuses a prompt no task of the model parses with a 200 answer, not an error', async () => {
    const response = await client.chat.completions.create({
      model: 'transformer-parity',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
    });
    expect(response.choices[0]!.message.content).toMatch(/^I can only answer questions about the parity of a bit string/);
    const routed = await client.chat.completions.create({ model: 'sawtooth-lstm', messages: [{ role: 'user', content: additionPrompt(1, 999999) }] });
    expect(routed.choices[0]!.message.content).toMatch(/sum of two whole numbers .* or the parity of a bit string/);
    // The four families' prompts route to their checkpoints; a stack prompt it cannot answer (a pop on an empty
    // stack) is refused.
    const ask = async (content: string) =>
      ((await client.chat.completions.create({ model: 'sawtooth-transformer', messages: [{ role: 'user', content }] })) as unknown as WithSawtooth).sawtooth;
    expect((await ask(binaryPrompt('1011'))).checkpoint).toBe('transformer-binary-to-decimal');
    expect((await ask(stackPrompt([{ kind: 'push', value: 4 }, { kind: 'pop' }, { kind: 'push', value: 9 }]))).checkpoint).toBe('transformer-stack-operations');
    const refused = await ask(stackPrompt([{ kind: 'pop' }, { kind: 'push', value: 9 }]));
    expect(refused.checkpoint).toBeNull();
  });

  it('rejects malformed requests with 400 and an OpenAI-style error body', async () => {
    const bad = client.chat.completions.create({ model: 'lstm-parity', messages: 'hello' as never });
    await expect(bad).rejects.toMatchObject({ status: 400, type: 'invalid_request_error', param: 'messages' });
    const raw = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(raw.status).toBe(400);
    const body = await raw.json();
    expect(body.error).toMatchObject({ type: 'invalid_request_error' });
    expect(body.error.message).toMatch(/JSON/);
    const noUser = client.chat.completions.create({ model: 'lstm-parity', messages: [{ role: 'system', content: 'hi' }] });
    await expect(noUser).rejects.toMatchObject({ status: 400 });
    const badThreshold = client.chat.completions.create({
      model: 'lstm-parity',
      messages: [{ role: 'user', content: parityPrompt('01') }],
      sawtooth_halt_threshold: 3,
    } as never);
    await expect(badThreshold).rejects.toMatchObject({ status: 400, param: 'sawtooth_halt_threshold' });
  });

  it('answers an unknown model with 404 in the same shape', async () => {
    const missing = client.chat.completions.create({ model: 'gpt-17', messages: [{ role: 'user', content: 'hi' }] });
    await expect(missing).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('batches concurrent requests into shared forward passes without changing any answer', async () => {
    const prompts = Array.from({ length: 12 }, (_, i) => additionPrompt(1000 * i + 7, 99 * i));
    const sequential: string[] = [];
    for (const content of prompts) {
      const r = await client.chat.completions.create({ model: 'lstm-addition', messages: [{ role: 'user', content }] });
      sequential.push(r.choices[0]!.message.content!);
      expect((r as unknown as WithSawtooth).sawtooth.batchSize).toBe(1);
    }
    const concurrent = await Promise.all(
      prompts.map((content) => client.chat.completions.create({ model: 'lstm-addition', messages: [{ role: 'user', content }] })),
    );
    expect(concurrent.map((r) => r.choices[0]!.message.content)).toEqual(sequential);
    const sizes = concurrent.map((r) => (r as unknown as WithSawtooth).sawtooth.batchSize);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
  });

  it('a CTM halts at the requested certainty threshold, and halting early is exact', async () => {
    const prompt = parityPrompt('1101001110100101');
    const ask = async (threshold?: number) =>
      (await client.chat.completions.create({
        model: 'sawtooth-ctm',
        messages: [{ role: 'user', content: prompt }],
        ...(threshold === undefined ? {} : { sawtooth_halt_threshold: threshold }),
      } as never)) as unknown as WithSawtooth & { choices: { message: { content: string } }[] };
    const immediate = await ask(0);
    expect(immediate.sawtooth).toMatchObject({ arch: 'ctm', checkpoint: 'ctm-parity', haltingTick: 1, ticksUsed: 1, ticks: 5, threshold: 0 });
    expect(immediate.sawtooth.certaintyPerTick).toHaveLength(5);
    // The tick-1 answer of a full run equals the answer of a run that stops after one tick.
    expect(immediate.choices[0]!.message.content).toBe(await directAnswer('ctm-parity', prompt, 1));
    const never = await ask(1);
    const certainty = never.sawtooth.certaintyPerTick;
    expect(never.sawtooth.haltingTick).toBe(certainty.indexOf(Math.max(...certainty)) + 1); // fallback: most certain
    const byDefault = await ask();
    expect(byDefault.sawtooth.threshold).toBe(0.9); // from the checkpoint's config
  });

  it('task adapters accept the probe library\'s exact templates', () => {
    expect(parityTask.parse(parityPrompt('10110010'))).toEqual({ bits: '10110010' });
    expect(additionTask.parse(additionPrompt(99999, 1))).toEqual({ a: 99999, b: 1 });
  });
});

describe('sawtooth serve (CLI child process)', () => {
  it('prints its URL, serves /healthz, and stops on SIGTERM', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const child = spawn(process.execPath, [join(root, 'bin/sawtooth.mjs'), 'serve', '--port', '0', '--checkpoints', dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l.startsWith('http://'));
          if (line) resolve(line.trim());
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      const health = await (await fetch(`${url}/healthz`)).json();
      expect(health.models).toContain('sawtooth-lstm');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
