import { sqliteStore } from '../../db/store';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import type { CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { freePort } from '../../testing/browser/next-server';
import { seededDatabase } from '../../testing/explore-fixtures/seeded-database';
import { describeEachBackend, type TestDatabase } from '../../testing/store-backends/backends';
import { spawnCli, until, type CliChild } from '../../testing/cli/spawn-cli';
import { createKeepAliveFetch } from '../runner/keep-alive-fetch';
import { createCaller } from '../trpc/root';
import { createCheckpointCards, MAX_CARD_BYTES } from './checkpoint-cards';
import { upsertModel } from './sync-models';

// The real checkpoint server (`sawtooth serve`, a child process on 127.0.0.1) over copies of two shipped checkpoints,
// asked through the tRPC procedure the model page uses; plus small servers of our own for a hang, a flood and a
// body out of shape. The figures compared are whatever the shipped card holds.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-cards-'));
const SHIPPED = ['ctm-parity', 'transformer-parity'];
const shippedCard = (name: string) => JSON.parse(readFileSync(path.join(root, 'checkpoints', name, 'card.json'), 'utf8'));

const model = (id: string, arch: 'llm' | 'ctm' | 'transformer', baseUrl: string | null, modelName: string) => ({
  id, label: id, arch, baseUrl, modelName, apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null,
  reasoning: false, priceInput: null, priceOutput: null, origin: 'cli' as const,
});

function localServer(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` })));
}

describe('a local model\'s training card through the server room', () => {
  let serve: CliChild;
  let serveUrl = '';
  const db = openDb(path.join(dir, 'cards.db'));
  const caller = createCaller({ store: sqliteStore(db) });
  const extra: Server[] = [];

  beforeAll(async () => {
    const checkpoints = path.join(dir, 'checkpoints');
    for (const name of SHIPPED) {
      mkdirSync(path.join(checkpoints, name), { recursive: true });
      for (const file of ['config.json', 'model.safetensors', 'card.json']) copyFileSync(path.join(root, 'checkpoints', name, file), path.join(checkpoints, name, file));
    }
    serve = spawnCli(['serve', '--port', '0', '--checkpoints', checkpoints, '--max-batch', '1'], {});
    await until(() => /^http:\/\/\S+$/m.test(serve.stdout()) || serve.child.exitCode !== null);
    if (serve.child.exitCode !== null) throw new Error(`serve exited: ${serve.stderr()}`);
    serveUrl = `${/^(http:\/\/\S+)$/m.exec(serve.stdout())![1]!}/v1`;
    await upsertModel(sqliteStore(db), model('local-ctm', 'ctm', serveUrl, 'sawtooth-ctm'));
    await upsertModel(sqliteStore(db), model('local-transformer', 'transformer', serveUrl, 'transformer-parity'));
    await upsertModel(sqliteStore(db), model('hosted', 'llm', 'https://api.example.com/v1', 'gpt-x'));
    await upsertModel(sqliteStore(db), model('down-ctm', 'ctm', `http://127.0.0.1:${await freePort()}/v1`, 'sawtooth-ctm'));
  });

  afterAll(async () => {
    serve?.child.kill('SIGTERM');
    await serve?.exited;
    for (const s of extra) {
      s.closeAllConnections();
      s.close();
    }
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fetches the CTM's card with the thinking time its card file holds", async () => {
    const view = await caller.models.checkpointCards({ id: 'local-ctm' });
    expect(view.status).toBe('ok');
    if (view.status !== 'ok') return;
    expect(view.url).toBe(`${serveUrl}/models/sawtooth-ctm/card`);
    const card = view.cards.find((c) => c.checkpoint === 'ctm-parity')!.card as CheckpointCard;
    const file = shippedCard('ctm-parity');
    expect(card.evaluation.thinking).toEqual(file.evaluation.thinking);
    expect(card.haltThreshold).toBe(file.haltThreshold);
    expect(card.lengthUnit).toBe('bits');
  });

  it('fetches a one-tick Transformer card: accuracy by length, no thinking time', async () => {
    const view = await caller.models.checkpointCards({ id: 'local-transformer' });
    if (view.status !== 'ok') throw new Error(view.message);
    const card = view.cards[0]!.card!;
    expect(card.evaluation.thinking).toBeNull();
    expect(card.evaluation.byLength).toEqual(shippedCard('transformer-parity').evaluation.byLength);
  });

  it('says in one line that a hosted model has no card, and that a stopped checkpoint server is not running', async () => {
    const hosted = await caller.models.checkpointCards({ id: 'hosted' });
    expect(hosted).toEqual({ status: 'not-local', message: expect.stringMatching(/^Not a local checkpoint/) });
    const down = await caller.models.checkpointCards({ id: 'down-ctm' });
    expect(down.status).toBe('unavailable');
    if (down.status === 'unavailable') expect(down.message).toMatch(/is not running \(connection refused\): start it with npx sawtooth serve$/);
    await expect(caller.models.checkpointCards({ id: 'nobody' })).rejects.toThrow(/model "nobody"/);
  });

  it('keeps a card per process until its lifetime ends, and never keeps a failure', async () => {
    let clock = 0;
    let fetches = 0;
    const capped = createKeepAliveFetch(MAX_CARD_BYTES);
    const cards = createCheckpointCards({ now: () => clock, ttlMs: 1000, fetch: (input, init) => (fetches++, capped(input, init)) });
    const target = { arch: 'ctm' as const, baseUrl: serveUrl, modelName: 'ctm-parity' };
    const [a, b] = await Promise.all([cards.get(target), cards.get(target)]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    clock = 999;
    await cards.get(target);
    expect(fetches).toBe(1);
    clock = 1000;
    expect((await cards.get(target)).status).toBe('ok');
    expect(fetches).toBe(2);
    const down = { arch: 'ctm' as const, baseUrl: `http://127.0.0.1:${await freePort()}/v1`, modelName: 'x' };
    expect((await cards.get(down)).status).toBe('unavailable');
    expect((await cards.get(down)).status).toBe('unavailable');
    expect(fetches).toBe(4);
    expect((await cards.get({ arch: 'llm', baseUrl: 'https://api.example.com/v1', modelName: 'gpt-x' })).status).toBe('not-local');
    expect(fetches).toBe(4);
  });

  it('gives up on a server that never answers, one that floods, and one whose card is out of shape', async () => {
    const hang = await localServer(() => {});
    const flood = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(MAX_CARD_BYTES + 10, 32));
    });
    const wrong = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'sawtooth.model_cards', model: 'm', cards: [{ checkpoint: 'm', card: { arch: 'ctm' }, problem: null }] }));
    });
    extra.push(hang.server, flood.server, wrong.server);
    const cards = createCheckpointCards({ timeoutMs: 300 });
    const get = async (baseUrl: string) => {
      const view = await cards.get({ arch: 'ctm', baseUrl, modelName: 'm' });
      return view.status === 'ok' ? 'ok' : view.message;
    };
    expect(await get(hang.url)).toBe(`the checkpoint server at ${hang.url}/models/m/card did not answer within 0.3 s`);
    expect(await get(flood.url)).toMatch(/was larger than 1024 KiB: not a checkpoint card$/);
    expect(await get(wrong.url)).toMatch(new RegExp(`^${wrong.url}/models/m/card: cards\\.0\\.\\S+: `));
  });
});

// The procedure reads the model row through the store: the same answers on both engines (no checkpoint server needed:
// a hosted model has no card, a stopped local server says so, an unknown id is NOT_FOUND).
describeEachBackend('checkpointCards reads its model through the store', (dialect) => {
  let database: TestDatabase;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    database = await seededDatabase(dialect, async (seed) => {
      await upsertModel(sqliteStore(seed), model('hosted', 'llm', 'https://api.example.com/v1', 'gpt-x'));
      await upsertModel(sqliteStore(seed), model('down-ctm', 'ctm', `http://127.0.0.1:${port}/v1`, 'sawtooth-ctm'));
    });
  });
  afterAll(() => database.drop());

  it('answers a hosted model, a stopped server and an unknown id in one line each', async () => {
    const caller = createCaller({ store: database.store });
    expect(await caller.models.checkpointCards({ id: 'hosted' })).toEqual({ status: 'not-local', message: expect.stringMatching(/^Not a local checkpoint/) });
    expect((await caller.models.checkpointCards({ id: 'down-ctm' })).status).toBe('unavailable');
    await expect(caller.models.checkpointCards({ id: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
