import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// Issue 12 item 4 through the CLI: an endpoint echoes the key in a 401 whose message is long enough that shortening
// it for display cuts the key in the middle, and echoes it in a 200 answer. Neither the key nor any 12-character
// piece of it may reach the stored results, `runs show` or an export.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-key-echo-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');
const KEY = 'sk-test-SECRET1234567890abcdefghij';
process.env.ECHO_TEST_API_KEY = KEY;

const { main } = await import('../cli');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** Every 12-character window of the key: finding any of them in an output is a leak. */
const keyPieces = Array.from({ length: KEY.length - 11 }, (_, i) => KEY.slice(i, i + 12));

describe('an endpoint that echoes the API key', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: () => `The answer is 4. (Authorization: Bearer ${KEY})`, requireApiKey: KEY });
    // 190 characters of text first: the display cut (200 characters) falls inside the key.
    const body = JSON.stringify({ error: { message: `${'x'.repeat(190)} Incorrect API key provided: Bearer ${KEY}`, type: 'invalid_request_error' } });
    // The first request is eval's preflight: the 401 goes to the second and third, which are stored.
    server.setFaults([{ every: 2, times: 2, fault: { type: 'status', status: 401, body } }]);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, shows and exports neither the key nor a piece of it', async () => {
    const ran = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'm', '--api-key-env', 'ECHO_TEST_API_KEY', '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    const runId = /^run (\d+)$/m.exec(ran.stdout)![1]!;
    const shown = await cli(['runs', 'show', runId, '--json']);
    const csv = await cli(['export', '--run', runId, '--format', 'csv']);
    const json = await cli(['export', '--run', runId, '--format', 'json']);
    const everything = [ran.stdout, ran.stderr, shown.stdout, csv.stdout, json.stdout].join('\n');
    expect(JSON.parse(shown.stdout.trim().split('\n').at(-1)!).errors).toEqual({ auth: 2 });
    expect(json.stdout).toContain('[redacted key]');
    for (const piece of keyPieces) expect(everything).not.toContain(piece);
  });
});
