// Runs one queued run to its end, exactly as `sawtooth worker` would, then prints its peak memory as JSON:
//   node --import tsx scripts/bench/rss-child.ts <db file> <run id>      (run id 0: load everything, run nothing)
// The peak (maxRSS) is the kernel's high-water mark for this process, so nothing can slip between samples.
import { closeDb, openDb } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { runStoredCount } from '../../db/queries/run-totals';
import { tuneWorkerProcess } from '../../server/runner/tune-worker-process';
import { createWorker } from '../../server/runner/create-worker';

const [file, rawRunId, trace] = process.argv.slice(2);
const runId = Number(rawRunId);
const db = openDb(file!);
const store = sqliteStore(db);
tuneWorkerProcess(store); // as `sawtooth worker` does
const started = performance.now();
// With a third argument "trace": memory every 5 s on stderr (rss, V8 heap used / total, MB), to see where it grows.
const mb = (bytes: number) => Math.round(bytes / 1048576);
const tracer = trace === 'trace'
  ? setInterval(() => {
      const m = process.memoryUsage();
      process.stderr.write(`${Math.round(performance.now() - started)} ms: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)}\n`);
    }, 5_000)
  : undefined;
if (runId > 0) {
  const worker = createWorker(store);
  await worker.runOnce(runId);
}
const row = await runStoredCount(store, runId);
closeDb(db);
clearInterval(tracer);
console.log(JSON.stringify({
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  heapUsedMb: process.memoryUsage().heapUsed / 1048576,
  seconds: (performance.now() - started) / 1000,
  status: row?.status ?? 'none',
  stored: row?.stored ?? 0,
}));
