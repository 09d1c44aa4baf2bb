// Benchmark: requests per second on loopback at 0 ms model latency, keep-alive, one process (client and server
// share one core, so the server alone is faster than this). The machine is shared, so besides wall-clock req/s it
// reports req per CPU-second of this process: what one idle core would sustain, whatever the load. Run:
//   npx tsx testing/openai-test-server/throughput.bench.ts [requests] [concurrency]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOpenAICompatibleProvider } from '../../server/providers';
import { createEndpointScheduler } from '../../server/scheduler';
import { startOpenAITestServer } from './server';

export interface Rate {
  /** Requests per wall-clock second. */
  perSecond: number;
  /** Requests per CPU-second used by this process (client + server). */
  perCpuSecond: number;
}

export interface ThroughputResult {
  /** Plain fetch (undici) against the test server: the server's cost plus the cheapest client. */
  rawFetch: Rate;
  /** The full path the runner uses: scheduler → provider → openai SDK → test server. */
  provider: Rate;
}

export async function benchThroughput(requests: number, concurrency: number): Promise<ThroughputResult> {
  const server = await startOpenAITestServer({ answer: (prompt) => `answer to ${prompt}` });
  try {
    const body = (i: number) => JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: `q${i}` }] });
    const rawFetch = await timed(requests, concurrency, async (i) => {
      const response = await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
      await response.json();
    });

    const chat = createOpenAICompatibleProvider({ baseURL: server.url });
    const scheduler = createEndpointScheduler({ concurrency });
    let failures = 0;
    const provider = await timed(requests, requests, async (i) => {
      const result = await scheduler.run(() => chat.chat({ model: 'test-model', messages: [{ role: 'user', content: `q${i}` }] }));
      if (!result.ok) failures += 1;
    });
    if (failures > 0) throw new Error(`${failures} requests failed during the benchmark`);
    return { rawFetch, provider };
  } finally {
    await server.close();
  }
}

/** Runs `task(0 … n-1)` with at most `parallel` at once; returns tasks per wall second and per CPU second. */
async function timed(n: number, parallel: number, task: (i: number) => Promise<void>): Promise<Rate> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: n / ((performance.now() - started) / 1000), perCpuSecond: n / ((cpu.user + cpu.system) / 1e6) };
}

/**
 * The server's own cost: it runs in a child process while this process sends `requests` plain fetches;
 * returns the requests the server handled per CPU-second it used (parsing, answering, logging, HTTP).
 */
export async function benchServerAlone(requests: number, concurrency: number): Promise<{ perCpuSecond: number; clientPerSecond: number }> {
  const child = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  try {
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    const { url } = JSON.parse(line.toString()) as { url: string };
    const stats = async () => {
      child.send('stats');
      const [reply] = (await once(child, 'message')) as [{ requests: number; cpuMs: number }];
      return reply;
    };
    const body = (i: number) => JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: `q${i}` }] });
    const send = async (i: number) => {
      const response = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
      await response.json();
    };
    await timed(1_000, concurrency, send); // warm up both sides
    const before = await stats();
    const client = await timed(requests, concurrency, send);
    const after = await stats();
    return { perCpuSecond: (after.requests - before.requests) / ((after.cpuMs - before.cpuMs) / 1000), clientPerSecond: client.perSecond };
  } finally {
    child.kill('SIGTERM');
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 20_000);
  const concurrency = Number(process.argv[3] ?? 32);
  await benchThroughput(2_000, concurrency); // warm up
  const result = await benchThroughput(requests, concurrency);
  console.log(`test server, ${requests} requests, concurrency ${concurrency}, 0 ms latency, one process:`);
  const alone = await benchServerAlone(requests, concurrency);
  console.log(`  server alone (child process): ${fmt(alone.perCpuSecond)} req per CPU-second of the server (client saw ${fmt(alone.clientPerSecond)} req/s wall)`);
  const show = (rate: Rate) => `${fmt(rate.perSecond)} req/s wall, ${fmt(rate.perCpuSecond)} req per CPU-second`;
  console.log(`  raw fetch:                   ${show(result.rawFetch)}`);
  console.log(`  scheduler + provider + SDK:  ${show(result.provider)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
