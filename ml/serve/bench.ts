import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parityTask } from '../tasks';
import { Prng } from '../runtime';
import { ARCH_NAMES, type ArchName } from '../train/architecture';
import { writeUntrainedCheckpoint } from '../train/untrained-checkpoint';
import { startServer } from './start-server';

const CONCURRENCY = 8;
const REQUESTS = 64;

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** REQUESTS parity prompts with CONCURRENCY in flight: [requests per second, per-request latencies in ms]. */
async function drive(url: string, model: string, prompts: string[]): Promise<{ rps: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < prompts.length) {
      const content = prompts[next++]!;
      const t0 = performance.now();
      const response = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
      });
      if (response.status !== 200) throw new Error(`bench: ${model} answered ${response.status}`);
      await response.json();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rps: prompts.length / ((performance.now() - started) / 1000), latencies };
}

/**
 * Serving throughput per architecture at concurrency 8 (parity prompts, 16 bits), with micro-batching and, as the
 * baseline measured in the same run, with batching off (max batch 1). Uses freshly initialised checkpoints of the
 * shipped sizes: speed does not depend on the weights. Prints `bench serve.<arch>.*` lines.
 */
export async function benchServe(print: (line: string) => void, archs: readonly ArchName[] = ARCH_NAMES): Promise<void> {
  const prng = new Prng(7);
  const prompts = Array.from({ length: REQUESTS }, () => parityTask.prompt(parityTask.sample(prng, 16)));
  for (const arch of archs) {
    const dir = mkdtempSync(join(tmpdir(), 'sawtooth-bench-serve-'));
    try {
      writeUntrainedCheckpoint(dir, arch, 'parity');
      const results: Record<string, { rps: number; latencies: number[] }> = {};
      for (const [label, maxBatch] of [['batched', 16], ['unbatched', 1]] as const) {
        const server = await startServer({ checkpointsDir: dir, port: 0, host: '127.0.0.1', batching: { maxBatch, windowMs: 3 } });
        try {
          await drive(server.url, `${arch}-parity`, prompts.slice(0, CONCURRENCY)); // settle
          results[label] = await drive(server.url, `${arch}-parity`, prompts);
        } finally {
          await server.close();
        }
      }
      const batched = results.batched!;
      const unbatched = results.unbatched!;
      print(`bench serve.${arch}.rps_c8 ${batched.rps.toFixed(1)} req/s`);
      print(`bench serve.${arch}.p50 ${percentile(batched.latencies, 0.5).toFixed(1)} ms`);
      print(`bench serve.${arch}.rps_c8_unbatched ${unbatched.rps.toFixed(1)} req/s`);
      print(`bench serve.${arch}.batching_speedup ${(batched.rps / unbatched.rps).toFixed(2)} x`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
