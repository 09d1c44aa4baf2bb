/**
 * mulberry32: a tiny, fast, seedable 32-bit PRNG (Tommy Ettinger's public-domain generator). Statistical quality is
 * ample for bootstrap resampling, and a fixed seed makes every interval on every page reproducible. The bootstrap
 * kernel (`resampledSums` in bootstrap.ts) writes this same step out inline for speed.
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n), by multiply-and-floor (no modulo; bias below n / 2^32). */
  index(n: number): number {
    return ((this.nextUint32() * n) / 4294967296) | 0;
  }
}

/** Convenience form: a function yielding floats in [0, 1) from a seeded Mulberry32. */
export function mulberry32(seed: number): () => number {
  const generator = new Mulberry32(seed);
  return () => generator.next();
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
