import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelCardsSchema } from '../../evals/contracts/checkpoint-card';
import { CARD_JSON } from '../models/checkpoint-files';
import { writeUntrainedCheckpoint } from '../models/untrained-checkpoint';
import { startServer } from './start-server';

// Real (untrained, small) checkpoints: one carrying the shipped CTM's card, one with a card out of shape, one with no
// card. GET /v1/models/<id>/card serves what each has, and a broken card never stops the server.
const shippedCard = new URL('../../checkpoints/ctm-parity/card.json', import.meta.url);
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sawtooth-card-route-'));
  const ctm = writeUntrainedCheckpoint(dir, 'ctm', 'parity', { model: { dModel: 16, dInput: 8, heads: 2, memoryLength: 3, nSynchOut: 16, nSynchAction: 16 }, ticks: 3 });
  copyFileSync(shippedCard, join(ctm, CARD_JSON));
  const ctmAddition = writeUntrainedCheckpoint(dir, 'ctm', 'addition', { model: { dModel: 16, dInput: 8, heads: 2, memoryLength: 3, nSynchOut: 16, nSynchAction: 16 }, ticks: 3 });
  writeFileSync(join(ctmAddition, CARD_JSON), JSON.stringify({ evaluation: { split: 'test', byLength: 'all of them' } }));
  writeUntrainedCheckpoint(dir, 'transformer', 'parity', { model: { dModel: 16, layers: 1, heads: 2 } });
  server = await startServer({ checkpointsDir: dir, port: 0, host: '127.0.0.1', batching: { maxBatch: 1, windowMs: 0 } });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cards = async (id: string) => {
  const res = await fetch(`${server.url}/v1/models/${encodeURIComponent(id)}/card`);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('GET /v1/models/<id>/card', () => {
  it("serves a checkpoint's card with its thinking time, as the card file has it", async () => {
    const { status, body } = await cards('ctm-parity');
    expect(status).toBe(200);
    const parsed = ModelCardsSchema.parse(body);
    expect(parsed.model).toBe('ctm-parity');
    const [entry] = parsed.cards;
    expect(entry!.checkpoint).toBe('ctm-parity');
    const file = JSON.parse(readFileSync(shippedCard, 'utf8'));
    expect(entry!.card).toMatchObject({ arch: 'ctm', task: 'parity', family: 'algorithmic.parity', lengthUnit: 'bits', paramCount: file.paramCount, command: file.command });
    expect(entry!.card!.evaluation.thinking).toEqual(file.evaluation.thinking);
    expect(entry!.card!.evaluation.byLength).toEqual(file.evaluation.byLength);
  });

  it('gives a router one entry per checkpoint, and says in one line what is wrong with a broken card', async () => {
    const parsed = ModelCardsSchema.parse((await cards('sawtooth-ctm')).body);
    expect(parsed.cards.map((c) => c.checkpoint)).toEqual(['ctm-addition', 'ctm-parity']);
    const broken = parsed.cards[0]!;
    expect(broken.card).toBeNull();
    expect(broken.problem).toMatch(/^ctm-addition\/card\.json: \w+(\.\w+)*: /);
    expect(broken.problem).not.toContain('\n');
  });

  it('says a checkpoint has no card, and 404s an unknown model', async () => {
    const parsed = ModelCardsSchema.parse((await cards('transformer-parity')).body);
    expect(parsed.cards).toEqual([{ checkpoint: 'transformer-parity', card: null, problem: 'transformer-parity has no card.json' }]);
    const missing = await cards('no-such-model');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'model_not_found' } });
  });

  it('still answers /v1/models/<id> itself', async () => {
    const res = await fetch(`${server.url}/v1/models/ctm-parity`);
    expect(await res.json()).toMatchObject({ id: 'ctm-parity', architecture: 'ctm' });
  });
});
