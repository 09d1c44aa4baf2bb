import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { ResponseTooLargeError } from '../providers/response-too-large';
import { bearerOf, KEY_PREFIX_CHARS, redactSecret } from '../providers/redact-secret';

/**
 * A `fetch` for the OpenAI SDK over node:http with keep-alive agents, used by the runner's providers instead of the
 * global (undici) fetch. Why: at thousands of requests a second, undici's fetch (Request/Response objects, web
 * streams, per-request abort plumbing) cost the runner more CPU than everything else together; node:http with a
 * pooled socket is several times cheaper per request. Scope, which is all the SDK needs for chat completions: one
 * request, the whole body buffered, then a standard `Response`. No redirects (an API answer is never a redirect) and
 * no cookies; gzip / deflate / brotli bodies are decoded, as fetch would. Errors keep node's codes (ECONNRESET,
 * ECONNREFUSED), which the provider's classifier reads; an aborted signal rejects with an `AbortError`.
 */

// LIFO keeps the few hottest sockets busy and lets the rest time out; no socket limit: the scheduler limits requests.
const agents = {
  'http:': new http.Agent({ keepAlive: true, keepAliveMsecs: 10_000, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, keepAliveMsecs: 10_000, scheduling: 'lifo' }),
} as const;

/**
 * The most bytes read for one answer, on the wire and again after decoding: a hostile or broken endpoint must not
 * take the process (the dashboard's worker runs inside the Next server) to gigabytes with a 100 MB body or a small
 * gzip bomb. Answers are cut at 100,000 characters anyway; 8 MiB leaves room for long reasoning and telemetry.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

type Decoder = (b: Buffer, opts: zlib.ZlibOptions & zlib.BrotliOptions, cb: (error: Error | null, out: Buffer) => void) => void;
const decoders: Record<string, Decoder> = {
  gzip: zlib.gunzip,
  'x-gzip': zlib.gunzip,
  deflate: zlib.inflate,
  br: zlib.brotliDecompress,
};

/** Decodes at most `max` bytes: zlib stops at maxOutputLength instead of inflating a bomb to the end. */
function decode(decoder: Decoder, raw: Buffer, max: number, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    decoder(raw, { maxOutputLength: max }, (error, out) => {
      if (!error) return resolve(out);
      const code = (error as NodeJS.ErrnoException).code;
      reject(code === 'ERR_BUFFER_TOO_LARGE' ? new ResponseTooLargeError(max, `after ${encoding} decoding`) : error);
    }),
  );
}

/**
 * A Response whose body is already in memory: text() and json() read the buffer directly instead of through a web
 * stream (undici's body reading was most of what remained of fetch's cost). `body` is null: this client never
 * streams, and the SDK reads a non-streamed answer only through json() / text().
 */
class BufferedResponse extends Response {
  private consumed = false;

  constructor(
    private readonly payload: Buffer,
    init: ResponseInit,
  ) {
    super(null, init);
  }

  private take(): Buffer {
    if (this.consumed) throw new TypeError('Body is unusable: Body has already been read');
    this.consumed = true;
    return this.payload;
  }

  override get bodyUsed(): boolean {
    return this.consumed;
  }

  override text(): Promise<string> {
    try {
      return Promise.resolve(this.take().toString('utf8'));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  override json(): Promise<unknown> {
    // JSON.parse throws SyntaxError on a cut or garbled body, as fetch's json() does: the provider classifies it.
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    try {
      const bytes = this.take();
      return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => void (out[name] = value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name!.toLowerCase()] = value!;
  else for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function bodyOf(body: RequestInit['body']): string | Buffer | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // The SDK sends chat requests as JSON strings; streams and forms (file uploads) are not this client's job.
  throw new TypeError('keepAliveFetch: only string and byte request bodies are supported');
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('This operation was aborted', 'AbortError');
}

/**
 * The body without the key this request sent: an endpoint may echo it (a 401 message, an answer), and nothing
 * after this point — error messages cut for display, stored answers, exports — should ever see it. A buffer search
 * first, so the common case costs no string copy.
 */
function withoutKey(payload: Buffer, key: string | undefined): Buffer {
  if (!key || key.length < 4 || payload.indexOf(key.slice(0, Math.min(key.length, KEY_PREFIX_CHARS))) === -1) return payload;
  return Buffer.from(redactSecret(payload.toString('utf8'), key));
}

export const keepAliveFetch: typeof fetch = (input, init = {}) => cappedFetch(input, init, MAX_RESPONSE_BYTES);

/** keepAliveFetch with its own byte cap (tests use a small one). */
export function createKeepAliveFetch(maxResponseBytes: number): typeof fetch {
  return (input, init = {}) => cappedFetch(input, init, maxResponseBytes);
}

function cappedFetch(input: Parameters<typeof fetch>[0], init: RequestInit, maxBytes: number): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return reject(new TypeError(`keepAliveFetch: unsupported protocol ${url.protocol}`));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(abortError(signal));
    const body = bodyOf(init.body);
    const headers = headerRecord(init.headers);
    const sentKey = bearerOf(headers);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));

    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const declared = Number(response.headers['content-length']);
      if (declared > maxBytes) return tooLarge(`(Content-Length ${declared})`);
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) return tooLarge('on the wire');
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const encoding = response.headers['content-encoding']?.trim().toLowerCase();
        const decoder = encoding ? decoders[encoding] : undefined;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
          const name = response.rawHeaders[i]!.toLowerCase();
          // The body handed on is decoded: its encoding and length headers would now be wrong.
          if (decoder && (name === 'content-encoding' || name === 'content-length')) continue;
          responseHeaders.append(name, response.rawHeaders[i + 1]!);
        }
        const status = response.statusCode ?? 500;
        const done = (bytes: Buffer) =>
          resolve(new BufferedResponse(withoutKey(bytes, sentKey), { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
        if (decoder) decode(decoder, raw, maxBytes, encoding!).then(done, fail);
        else done(raw);
      });
      function tooLarge(where: string): void {
        // Stop reading at once: destroying the socket frees what was buffered and tells the server to stop sending.
        const error = new ResponseTooLargeError(maxBytes, where);
        response.destroy();
        request.destroy();
        fail(error);
      }
    });
    function fail(error: unknown): void {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortError(signal) : error);
    }
    function onAbort(): void {
      request.destroy(abortError(signal!));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', fail);
    request.end(body);
  });
}
