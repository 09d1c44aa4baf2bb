import { createSawtoothServer, type SawtoothServer } from './http-server';
import type { MicroBatcherOptions } from './micro-batcher';
import { loadServedModels } from './served-models';

export interface StartOptions {
  checkpointsDir: string;
  port: number;
  host: string;
  batching?: Partial<MicroBatcherOptions>;
  /** Progress lines (loading, warm-up, ready). */
  log?: (line: string) => void;
}

export const DEFAULT_BATCHING: MicroBatcherOptions = { maxBatch: 16, windowMs: 3 };

/** Loads and warms up every checkpoint, then listens. Resolves once the server answers requests. */
export async function startServer(o: StartOptions): Promise<SawtoothServer & { url: string }> {
  const log = o.log ?? (() => {});
  const batching = { ...DEFAULT_BATCHING, ...o.batching };
  const models = await loadServedModels(o.checkpointsDir, batching);
  const checkpoints = models.filter((m) => !m.router).flatMap((m) => m.checkpoints);
  if (checkpoints.length === 0) throw new Error(`no checkpoints (folders with config.json) in ${o.checkpointsDir}`);
  for (const checkpoint of checkpoints) {
    const started = performance.now();
    checkpoint.warmUp();
    log(`warmed up ${checkpoint.name} (${checkpoint.loaded.file.arch}, ${checkpoint.loaded.file.ticks} ticks) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const server = createSawtoothServer(models);
  const url = await server.listen(o.port, o.host);
  log(`ready: ${url}/v1 serving ${models.map((m) => m.id).join(', ')}\n`);
  return { ...server, url };
}
