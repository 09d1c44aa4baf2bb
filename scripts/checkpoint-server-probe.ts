import { z } from 'zod';

/** The routers every Sawtooth checkpoint server lists on /healthz: how `up` tells it from another program. */
const OUR_ROUTERS = ['sawtooth-ctm', 'sawtooth-transformer', 'sawtooth-lstm'];

const HealthSchema = z.object({ status: z.literal('ok'), models: z.array(z.string()) });

/**
 * What answers `<base>/healthz`: 'ours' (a Sawtooth checkpoint server), 'other' (some other program holds the
 * port: never reuse it) or 'none' (nothing listens, or nothing answered in `timeoutMs`). A refused connection
 * answers at once; the timeout only bounds a server that accepts and never answers, so it is generous (a loaded
 * machine answers /healthz slowly, and a false 'none' would start a second server on a taken port).
 */
export async function probeCheckpointServer(base: string, timeoutMs = 10_000): Promise<'ours' | 'other' | 'none'> {
  let res: Response;
  try {
    res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return 'none';
  }
  const health = HealthSchema.safeParse(await res.json().catch(() => null));
  return res.ok && health.success && OUR_ROUTERS.every((id) => health.data.models.includes(id)) ? 'ours' : 'other';
}
