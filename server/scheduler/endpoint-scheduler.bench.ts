// Benchmark: scheduler overhead alone, at 0 ms latency (what the runner sees when answers come from a cache or a
// local model). Run: npx tsx server/scheduler/endpoint-scheduler.bench.ts [tasks]
import { pathToFileURL } from 'node:url';
import type { ChatResult } from '../providers';
import { createEndpointScheduler } from './endpoint-scheduler';

const answer: ChatResult = { ok: true, text: '42', finishReason: 'stop', latencyMs: 0 };

/** Tasks per second through one scheduler, all submitted at once; with a shared AbortSignal when `withSignal`. */
export async function benchScheduler(tasks: number, concurrency: number, withSignal: boolean): Promise<number> {
  const scheduler = createEndpointScheduler({ concurrency });
  const signal = withSignal ? new AbortController().signal : undefined;
  const attempt = () => Promise.resolve(answer);
  const started = performance.now();
  const results = new Array<Promise<unknown>>(tasks);
  for (let i = 0; i < tasks; i++) results[i] = scheduler.run(attempt, signal);
  await Promise.all(results);
  return tasks / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const tasks = Number(process.argv[2] ?? 200_000);
  await benchScheduler(10_000, 16, false); // warm up the JIT
  for (const [concurrency, withSignal] of [
    [16, false],
    [16, true],
    [256, true],
  ] as const) {
    const rate = await benchScheduler(tasks, concurrency, withSignal);
    console.log(`scheduler: ${tasks} tasks, concurrency ${concurrency}${withSignal ? ', shared AbortSignal' : ''}: ${Math.round(rate).toLocaleString('en')} tasks/s`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
