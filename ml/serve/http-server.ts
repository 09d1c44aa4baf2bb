import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModelCardsSchema, type ModelCards } from '../../evals/contracts/checkpoint-card';
import { ChatRequestSchema, errorBody, lastUserText, type ChatRequest } from './openai-schemas';
import { answerPrompt, type ServedAnswer, type ServedModel } from './served-models';

/** Request bodies above this are refused: prompts here are one short question. */
const MAX_BODY_BYTES = 1 << 20;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseChatRequest(text: string): ChatRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  const parsed = ChatRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.length ? issue.path.join('.') : null;
    throw new HttpError(400, `${param ?? 'body'}: ${issue.message}`, 'invalid_request_error', param, 'invalid_value');
  }
  return parsed.data;
}

/** A rough token count for `usage` (whitespace-separated words): these models have no tokenizer of text. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function completion(model: string, answer: ServedAnswer, prompt: string) {
  return {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer.text, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: words(prompt), completion_tokens: words(answer.text), total_tokens: words(prompt) + words(answer.text) },
    sawtooth: answer.sawtooth,
  };
}

/** SSE: a role chunk, the content chunk, a final chunk with finish_reason and the extension, then [DONE]. */
function streamCompletion(res: ServerResponse, model: string, answer: ServedAnswer): void {
  const base = { id: `chatcmpl-${randomUUID()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null }] });
  send({ ...base, choices: [{ index: 0, delta: { content: answer.text }, finish_reason: null, logprobs: null }] });
  send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop', logprobs: null }], sawtooth: answer.sawtooth });
  res.write('data: [DONE]\n\n');
  res.end();
}

function modelEntry(model: ServedModel) {
  const first = model.checkpoints[0]!.loaded.file;
  return {
    id: model.id,
    object: 'model',
    created: 0,
    owned_by: 'sawtooth',
    architecture: model.arch,
    parameter_count: model.checkpoints.reduce((n, c) => n + c.loaded.file.paramCount, 0),
    tasks: model.checkpoints.map((c) => c.loaded.task.name),
    /** The suite families this model answers; prompts of any other family get a refusal. */
    families: model.checkpoints.map((c) => c.loaded.task.family),
    ticks: first.ticks,
    halt_threshold: first.haltThreshold,
    router: model.router,
    checkpoints: model.checkpoints.map((c) => c.name),
  };
}

const CARD_SUFFIX = '/card';

/** The training cards of a model's checkpoints (evals/contracts/checkpoint-card.ts), validated before they leave. */
function modelCards(model: ServedModel): ModelCards {
  return ModelCardsSchema.parse({
    object: 'sawtooth.model_cards',
    model: model.id,
    cards: model.checkpoints.map((c) => ({ checkpoint: c.name, ...c.card })),
  });
}

export interface SawtoothServer {
  server: Server;
  models: ServedModel[];
  /** Starts listening; resolves to the base URL (e.g. http://127.0.0.1:8808). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** The OpenAI-compatible checkpoint server over already-loaded (and warmed-up) models. */
export function createSawtoothServer(models: ServedModel[]): SawtoothServer {
  const byId = new Map(models.map((m) => [m.id, m]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok', models: models.map((m) => m.id) });
    if (path === '/v1/models' && req.method === 'GET') return sendJson(res, 200, { object: 'list', data: models.map(modelEntry) });
    if (path.startsWith('/v1/models/') && req.method === 'GET') {
      // Model ids never contain '/', so `<id>/card` is the card route and anything else is the id itself.
      const rest = path.slice('/v1/models/'.length);
      const wantsCard = rest.endsWith(CARD_SUFFIX);
      let id: string;
      try {
        id = decodeURIComponent(wantsCard ? rest.slice(0, -CARD_SUFFIX.length) : rest);
      } catch {
        throw new HttpError(400, 'the model id in the path is not valid percent-encoding', 'invalid_request_error', 'model');
      }
      const model = byId.get(id);
      if (!model) throw new HttpError(404, `model not found`, 'invalid_request_error', 'model', 'model_not_found');
      return sendJson(res, 200, wantsCard ? modelCards(model) : modelEntry(model));
    }
    if (path === '/v1/chat/completions') {
      if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not allowed on ${path}; use POST`);
      const request = parseChatRequest(await readBody(req));
      const model = byId.get(request.model);
      if (!model)
        throw new HttpError(404, `The model \`${request.model}\` does not exist (known: ${[...byId.keys()].join(', ')})`, 'invalid_request_error', 'model', 'model_not_found');
      const prompt = lastUserText(request);
      if (prompt === null) throw new HttpError(400, 'messages: no user message with text content', 'invalid_request_error', 'messages', 'invalid_value');
      const answer = await answerPrompt(model, prompt, request.sawtooth_halt_threshold ?? undefined);
      if (request.stream) return streamCompletion(res, model.id, answer);
      return sendJson(res, 200, completion(model.id, answer, prompt));
    }
    throw new HttpError(404, `no route ${req.method} ${path}`, 'invalid_request_error', null, 'not_found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, errorBody(error.message, error.type, error.param, error.code));
      sendJson(res, 500, errorBody(`internal error: ${(error as Error).message}`, 'server_error'));
    });
  });

  return {
    server,
    models,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
