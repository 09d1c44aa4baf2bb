import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parityTask } from '../tasks';
import { Prng } from '../runtime';
import { ARCH_NAMES, type ArchName } from '../models/architecture';
import { writeUntrainedCheckpoint } from '../models/untrained-checkpoint';
import { startServer } from './start-server';

const CONCURRENCY = 8;
const REQUESTS = 64;
/** Alternating rounds per mode; the median round is reported. */
const ROUNDS = 3;

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
 * baseline measured in the same run, with batching off (max batch 1); medians of alternating rounds. Uses freshly initialised checkpoints of the
 * shipped sizes: speed does not depend on the weights. Prints `bench serve.<arch>.*` lines.
 */
export async function benchServe(print: (line: string) => void, archs: readonly ArchName[] = ARCH_NAMES): Promise<void> {
  const prng = new Prng(7);
  const prompts = Array.from({ length: REQUESTS }, () => parityTask.prompt(parityTask.sample(prng, 16)));
  for (const arch of archs) {
    const dir = mkdtempSync(join(tmpdir(), 'sawtooth-bench-serve-'));
    try {
      writeUntrainedCheckpoint(dir, arch, 'parity');
      // Both servers stay up and are driven in alternation, so load drift on a shared machine hits both alike.
      const servers = {
        batched: await startServer({ checkpointsDir: dir, port: 0, host: '127.0.0.1', batching: { maxBatch: 16, windowMs: 3 } }),
        unbatched: await startServer({ checkpointsDir: dir, port: 0, host: '127.0.0.1', batching: { maxBatch: 1, windowMs: 0 } }),
      };
      const runs: Record<keyof typeof servers, { rps: number; latencies: number[] }[]> = { batched: [], unbatched: [] };
      try {
        for (const server of Object.values(servers)) await drive(server.url, `${arch}-parity`, prompts.slice(0, CONCURRENCY));
        for (let round = 0; round < ROUNDS; round++)
          for (const label of ['batched', 'unbatched'] as const) runs[label].push(await drive(servers[label].url, `${arch}-parity`, prompts));
      } finally {
        for (const server of Object.values(servers)) await server.close();
      }
      const median = (xs: number[]) => percentile(xs, 0.5);
      const results = {
        batched: { rps: median(runs.batched.map((r) => r.rps)), latencies: runs.batched.flatMap((r) => r.latencies) },
        unbatched: { rps: median(runs.unbatched.map((r) => r.rps)), latencies: runs.unbatched.flatMap((r) => r.latencies) },
      };
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
