/** A chunk of a run: the pairs at positions first..last of its suite (both included). */
export interface ChunkPlan {
  chunk: number;
  firstPosition: number;
  lastPosition: number;
  /** Requests it makes when nothing is stored yet (probes of its pairs × samples). */
  requests: number;
}

/** About this many requests per chunk: small enough that several workers share one run, large enough to keep a worker's window full. */
export const CHUNK_TARGET_REQUESTS = 48;

/**
 * Cuts a suite's pairs, in position order, into chunks of about `target` requests (a pair is never split: its probes
 * and twins are graded together). `pairs` gives each pair's position and its number of probes (2, or 4 with twins).
 */
export function planChunks(
  pairs: ReadonlyArray<{ position: number; probes: number }>,
  samples: number,
  target: number = CHUNK_TARGET_REQUESTS,
): ChunkPlan[] {
  const chunks: ChunkPlan[] = [];
  let current: ChunkPlan | undefined;
  for (const pair of pairs) {
    const requests = pair.probes * samples;
    if (!current || current.requests + requests > target) {
      current = { chunk: chunks.length, firstPosition: pair.position, lastPosition: pair.position, requests: 0 };
      chunks.push(current);
    }
    current.lastPosition = pair.position;
    current.requests += requests;
  }
  return chunks;
}
