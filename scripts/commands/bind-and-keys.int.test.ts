import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCheckpointServer } from '../checkpoint-server-probe';
import { freePort } from '../../testing/browser/next-server';
import { spawnCli, until } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// Issue 12 item 1 through the CLI: no command binds beyond loopback unprotected, and no variable that is not
// plainly an API key (PATH, SAWTOOTH_AUTH_TOKEN, cloud credentials) is ever sent to an endpoint.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-bind-'));
const configFile = path.join(dir, 'sawtooth.config.json');
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = configFile;
process.env.SAWTOOTH_API_KEY_VARS = 'HF_TOKEN';
process.env.HF_TOKEN = 'hf-test-allow-listed-0123';
process.env.AWS_SECRET_ACCESS_KEY = 'aws-secret-must-not-leave';
delete process.env.SAWTOOTH_AUTH_TOKEN;

const { main } = await import('../cli');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('binding and API key variables', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.', requireApiKey: process.env.HF_TOKEN });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('up and serve refuse a non-loopback host without protection, naming the way out', async () => {
    const up = await cli(['up', '--host', '0.0.0.0', '--no-eval']);
    expect(up.code).toBe(2);
    expect(up.stderr).toBe('sawtooth up: --host 0.0.0.0: the dashboard on 0.0.0.0 is reachable from the network without any authentication; set SAWTOOTH_AUTH_TOKEN, or pass --insecure-no-auth if you really mean it\n');
    const serve = await cli(['serve', '--host', '192.168.1.20']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/^sawtooth serve: --host 192\.168\.1\.20: the checkpoint server .* checks no token .* --insecure-public/);
  });

  it('serve --insecure-public binds anyway, with a loud warning', async () => {
    const serve = spawnCli(['serve', '--host', '0.0.0.0', '--port', '0', '--insecure-public'], {});
    try {
      await until(() => /^http:\/\/\S+$/m.test(serve.stdout()) || serve.child.exitCode !== null);
      expect(serve.stdout()).toMatch(/^http:\/\//m);
      expect(serve.stderr()).toContain('WARNING: the checkpoint server on 0.0.0.0 is reachable from the network without any authentication (--insecure-public)');
      // What `up` checks before reusing a server on the checkpoint port: this one is ours…
      const base = new URL(/^(http:\/\/\S+)$/m.exec(serve.stdout())![1]!).origin;
      expect(await probeCheckpointServer(base.replace('0.0.0.0', '127.0.0.1'))).toBe('ours');
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });

  it("up does not reuse another program that answers /healthz on the checkpoint port", async () => {
    const foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    const { port } = foreign.address() as AddressInfo;
    try {
      expect(await probeCheckpointServer(`http://127.0.0.1:${port}`)).toBe('other');
    } finally {
      await new Promise((r) => foreign.close(r));
    }
    expect(await probeCheckpointServer(`http://127.0.0.1:${await freePort()}`)).toBe('none');
  });

  it('eval refuses PATH, SAWTOOTH_* and cloud credentials as key variables, before any request', async () => {
    const before = server.requests();
    for (const name of ['PATH', 'SAWTOOTH_AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY']) {
      const res = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'm', '--api-key-env', name]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(new RegExp(`^sawtooth eval: --api-key-env: "${name}" is (one of Sawtooth's own settings|not plainly an API key variable)`));
    }
    expect(server.requests()).toBe(before);
  });

  it('an allow-listed name (SAWTOOTH_API_KEY_VARS) is sent', async () => {
    const res = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'm', '--api-key-env', 'HF_TOKEN', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout.trim().split('\n').at(-1)!).counts.error).toBe(0);
  });

  it('a config file naming a credential that is not an API key is refused with the field', async () => {
    writeFileSync(configFile, JSON.stringify({ models: [{ id: 'x', baseURL: server.url, model: 'm', apiKeyEnv: 'AWS_SECRET_ACCESS_KEY' }] }));
    const res = await cli(['runs', 'list']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`sawtooth runs: ${configFile}: models.0.apiKeyEnv: "AWS_SECRET_ACCESS_KEY" is not plainly an API key variable: use a name ending in _API_KEY or _API_TOKEN, or list it in SAWTOOTH_API_KEY_VARS\n`);
    rmSync(configFile);
  });
});
