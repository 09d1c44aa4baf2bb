/**
 * mulberry32: a tiny, fast, seedable 32-bit PRNG (Tommy Ettinger's public-domain generator). Statistical quality is
 * ample for bootstrap resampling, and a fixed seed makes every interval on every page reproducible.
 * Returns a function yielding floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bootstrap settings. metrics.md fixes 2,000 draws and a fixed seed, so the same data always gives the same interval. */
export interface BootstrapOptions {
  draws?: number;
  seed?: number;
}

export const DEFAULT_DRAWS = 2000;
export const DEFAULT_SEED = 0x5a77007;

export function resolveBootstrap(options: BootstrapOptions = {}): Required<BootstrapOptions> {
  const draws = options.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`metrics: bootstrap draws must be a positive integer, got ${draws}`);
  return { draws, seed: options.seed ?? DEFAULT_SEED };
}
