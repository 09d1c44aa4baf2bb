// One-off timing of modelSummary, the call every page makes: `npx tsx evals/metrics/benchmark.ts`.
// Not a test: timings depend on the machine and its load, so they are printed, never asserted.
import { performance } from 'node:perf_hooks';
import { modelSummary } from './model-summary';
import { mulberry32 } from './prng';
import type { PairTally } from './tally';
import { pair } from './tally-builders';

function syntheticRun(nPairs: number, nFamilies: number, k: number, seed: number): PairTally[] {
  const random = mulberry32(seed);
  const samples = (p: number) => Array.from({ length: k }, () => (random() < 0.03 ? 'E' : random() < p ? 'P' : 'F')).join('');
  return Array.from({ length: nPairs }, (_, i) => {
    const family = `domain${i % 4}.family-${i % nFamilies}`;
    return pair(`${family}#${i}`, family, samples(0.8), samples(0.5));
  });
}

/**
 * Wall time per call (median, p95) and CPU time per call (averaged over the batch). On a busy machine the wall time
 * includes waiting for a core; the CPU time is what one call costs.
 */
function time(label: string, run: () => unknown, repeats = 200): void {
  for (let i = 0; i < 20; i++) run(); // warm up the JIT
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  const cpuPerCall = ((cpu.user + cpu.system) / 1000 / repeats).toFixed(2);
  console.log(`${label}: wall median ${at(0.5)} ms, p95 ${at(0.95)} ms; CPU ${cpuPerCall} ms per call (${repeats} runs)`);
}

for (const k of [1, 5]) {
  const run = syntheticRun(400, 20, k, 42);
  time(`modelSummary, 400 pairs, 20 families, k = ${k}, 2,000 draws`, () => modelSummary(run));
}
