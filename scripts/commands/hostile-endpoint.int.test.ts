import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// Issue 12 item 5 through `sawtooth eval`: an endpoint that answers with a gzip bomb (64 KiB on the wire, 64 MiB
// inflated) or a 100 MB body. Before the fix both were read whole (the worker reached gigabytes) and stored as
// answers; now reading stops at the cap and the probe is an error of kind response_too_large.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-hostile-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { openDb } = await import('../../db/client');

describe('answers larger than we read', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops reading a gzip bomb and a 100 MB body, and stores them as response_too_large errors', async () => {
    server.setFaults([
      // The first request is eval's preflight (its answer is not stored): 3 bombs, 2 of them in the run.
      { times: 3, fault: { type: 'gzip_bomb', decodedBytes: 64 * 1024 * 1024 } },
      { times: 2, fault: { type: 'huge_body', bytes: 100 * 1024 * 1024 } },
    ]);
    let stdout = '';
    const code = await main(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'm', '--concurrency', '2', '--json'], {
      stdout: (s) => void (stdout += s), stderr: () => {},
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { runId: number; counts: { error: number } };
    expect(report.counts.error).toBe(4);
    const db = openDb(process.env.SAWTOOTH_DB!);
    const errors = db.$client.prepare(`SELECT error_kind AS kind, reason FROM results WHERE outcome = 'error' ORDER BY reason`).all() as
      Array<{ kind: string; reason: string }>;
    db.$client.close();
    expect(errors.map((e) => e.kind)).toEqual(Array(4).fill('response_too_large'));
    expect(errors.filter((e) => /exceeded 8192 KiB after gzip decoding; reading stopped/.test(e.reason))).toHaveLength(2);
    expect(errors.filter((e) => /exceeded 8192 KiB on the wire; reading stopped/.test(e.reason))).toHaveLength(2);
  });
});
