import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFaultPicker, type Fault, type FaultRule, type StatusFault } from './faults';
import { ChatRequestBodySchema, promptOf, type ChatRequestBody } from './request-body';
import { completionBody, replyFor, streamChunks, type Reply } from './replies';

export interface OpenAITestServerOptions {
  /** The "model": the answer text for a prompt (the last user message). */
  answer: (prompt: string, req: { model: string; body: unknown }) => string;
  /** Waited before every answer (errors included), to give a benchmark a realistic round trip. */
  latencyMs?: number;
  /** Injected failures; see FaultRule. Replace them later with setFaults. */
  faults?: FaultRule[];
  /** Listed by GET /v1/models. Default: ["test-model"]. */
  models?: string[];
  /** Extra fields of a listed model's entry (e.g. the `families` our checkpoint server declares), by model id. */
  modelFields?: Record<string, Record<string, unknown>>;
  /** When set, requests without `Authorization: Bearer <it>` get a 401 that echoes the key they sent (as OpenAI does). */
  requireApiKey?: string;
  /** A top-level `sawtooth` telemetry object to add to each completion (what our CTM server sends). */
  extension?: (prompt: string, req: { model: string; body: unknown }) => unknown;
}

/** What the server saw of one request, for assertions. */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** The parsed JSON body, exactly as received (so a test can check which token-limit field was sent). */
  body?: unknown;
  model?: string;
  prompt?: string;
  authorization?: string;
  /** The fault injected into this request, if any. */
  fault?: Fault['type'];
  /** When it arrived (epoch ms, this process's clock): what a rate-limit test checks windows against. */
  at: number;
}

export interface OpenAITestServer {
  /** Base URL for an OpenAI client; ends with /v1. */
  url: string;
  port: number;
  /** Every HTTP request received so far, including rejected ones. */
  requests: () => number;
  /** The most recent requests (up to 10,000), oldest first. */
  log: () => RequestLogEntry[];
  /** Replaces the fault rules and resets their counters. */
  setFaults: (faults: FaultRule[]) => void;
  /** Stops listening and drops every open connection (hanging `timeout` requests included). */
  close: () => Promise<void>;
}

const LOG_LIMIT = 10_000;

/**
 * A small OpenAI-compatible server for integration tests and benchmarks, on 127.0.0.1 and a free port:
 * GET /v1/models and POST /v1/chat/completions (JSON or SSE with `stream: true`), with injectable faults.
 */
export async function startOpenAITestServer(options: OpenAITestServerOptions): Promise<OpenAITestServer> {
  let pickFault = createFaultPicker(options.faults ?? []);
  let received = 0;
  let entries: RequestLogEntry[] = [];
  const record = (fields: Omit<RequestLogEntry, 'at'>, at: number) => {
    const entry: RequestLogEntry = { ...fields, at };
    // Halve instead of shifting one by one: amortised O(1) however many requests a benchmark sends.
    if (entries.length >= LOG_LIMIT) entries = entries.slice(LOG_LIMIT / 2);
    entries.push(entry);
  };

  const server = createServer((req, res) => {
    received += 1;
    // Taken before the body is read: the closest this server gets to when the request arrived.
    const arrivedAt = Date.now();
    handle(req, res, arrivedAt).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendError(res, 500, `test server failed: ${(error as Error).message}`, 'server_error');
      else res.destroy();
    });
  });
  // Long keep-alive, so that a benchmark client reuses its sockets instead of reconnecting.
  server.keepAliveTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    if (options.requireApiKey !== undefined && authorization !== `Bearer ${options.requireApiKey}`) {
      record({ method, path, ...(authorization !== undefined && { authorization }) }, arrivedAt);
      const sent = authorization?.replace(/^Bearer\s+/i, '') ?? '';
      sendError(res, 401, `Incorrect API key provided: ${sent || '(none)'}.`, 'invalid_request_error', 'invalid_api_key');
      return;
    }
    if (method === 'GET' && path === '/v1/models') {
      record({ method, path }, arrivedAt);
      const data = (options.models ?? ['test-model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'sawtooth-test', ...options.modelFields?.[id] }));
      sendJson(res, 200, { object: 'list', data });
      return;
    }
    if (method !== 'POST' || path !== '/v1/chat/completions') {
      record({ method, path }, arrivedAt);
      sendError(res, 404, `no route for ${method} ${path}`, 'invalid_request_error', 'unknown_url');
      return;
    }

    const raw = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      record({ method, path }, arrivedAt);
      sendError(res, 400, 'the request body is not valid JSON', 'invalid_request_error');
      return;
    }
    const parsed = ChatRequestBodySchema.safeParse(json);
    if (!parsed.success) {
      record({ method, path, body: json }, arrivedAt);
      const issue = parsed.error.issues[0]!;
      sendError(res, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`, 'invalid_request_error', 'invalid_request');
      return;
    }
    const body = parsed.data;
    const prompt = promptOf(body);
    const fault = pickFault(prompt);
    record({ method, path, body: json, model: body.model, prompt, ...(authorization !== undefined && { authorization }), ...(fault && { fault: fault.type }) }, arrivedAt);

    // No timer at all when there is no latency: the benchmark path stays cheap.
    if (options.latencyMs) await sleep(options.latencyMs);
    if (res.destroyed) return;
    await respond(res, body, json, prompt, fault);
  }

  async function respond(res: ServerResponse, body: ChatRequestBody, json: unknown, prompt: string, fault: Fault | undefined): Promise<void> {
    switch (fault?.type) {
      case 'status':
        sendStatusFault(res, fault);
        return;
      case 'timeout':
        return; // Never answer: the socket stays open until the client gives up or close() drops it.
      case 'reset':
        res.socket?.destroy();
        return;
      case 'malformed':
        if (body.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end('data: {"id": "chatcmpl-broken", "choices": [\n\n');
        } else {
          const broken = '{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [';
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(broken) });
          res.end(broken);
        }
        return;
      case 'gzip_bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': gzipBomb(fault.decodedBytes).length });
        res.end(gzipBomb(fault.decodedBytes));
        return;
      case 'huge_body':
        await streamHugeBody(res, fault.bytes);
        return;
    }

    const request = { model: body.model, body: json };
    const reply: Reply = replyFor(options.answer(prompt, request), fault);
    if (options.extension) reply.extension = options.extension(prompt, request);
    const slow = fault?.type === 'slow' ? fault : undefined;

    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const events = streamChunks(reply, body.model, prompt, body.stream_options?.include_usage === true).map((c) => `data: ${JSON.stringify(c)}\n\n`);
      events.push('data: [DONE]\n\n');
      await writeParts(res, events, slow?.chunkDelayMs ?? 0);
      return;
    }
    const text = JSON.stringify(completionBody(reply, body.model, prompt));
    if (!slow) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    await writeParts(res, splitEvenly(text, slow.chunks ?? 8), slow.chunkDelayMs);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests: () => received,
    log: () => [...entries],
    setFaults: (faults) => {
      pickFault = createFaultPicker(faults);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An error in OpenAI's shape: `{ error: { message, type, param, code } }`. */
function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function sendStatusFault(res: ServerResponse, fault: StatusFault): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  if (fault.body !== undefined) {
    res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fault.body), ...headers });
    res.end(fault.body);
    return;
  }
  const type = fault.status === 429 ? 'rate_limit_error' : fault.status >= 500 ? 'server_error' : 'invalid_request_error';
  sendError(res, fault.status, `injected HTTP ${fault.status}`, type, null, headers);
}

async function writeParts(res: ServerResponse, parts: string[], delayMs: number): Promise<void> {
  for (let i = 0; i < parts.length; i++) {
    if (res.destroyed) return; // The client gave up (its timeout): stop writing.
    if (i > 0 && delayMs > 0) await sleep(delayMs);
    res.write(parts[i]);
  }
  if (!res.destroyed) res.end();
}

const bombs = new Map<number, Buffer>();
/** `{"pad":"<spaces>"}` of `bytes` bytes, gzipped (about 1,000:1), made once per size. */
function gzipBomb(bytes: number): Buffer {
  let bomb = bombs.get(bytes);
  if (!bomb) {
    const open = Buffer.from('{"pad":"');
    const close = Buffer.from('"}');
    bomb = gzipSync(Buffer.concat([open, Buffer.alloc(Math.max(0, bytes - open.length - close.length), 0x20), close]), { level: 9 });
    bombs.set(bytes, bomb);
  }
  return bomb;
}

/** A valid chat completion whose content is `bytes` long, written in 64 KiB pieces while the client keeps reading. */
async function streamHugeBody(res: ServerResponse, bytes: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  const piece = 'x'.repeat(64 * 1024);
  res.write('{"id":"chatcmpl-huge","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"');
  for (let sent = 0; sent < bytes; sent += piece.length) {
    if (res.destroyed) return; // the client stopped reading: so do we
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off('drain', go).off('close', go);
          resolve();
        };
        res.on('drain', go).on('close', go);
      });
    }
  }
  if (!res.destroyed) res.end('"}}]}');
}

function splitEvenly(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += size) parts.push(text.slice(start, start + size));
  return parts;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
