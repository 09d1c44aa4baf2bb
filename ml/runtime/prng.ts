/**
 * Seeded pseudo-random numbers for parameter init, pair selection and data generation (CPU side, outside jax-js).
 *
 * Hand-written on purpose (sfc32 seeded through splitmix32, ~30 lines): regression fixtures and reproducible runs
 * depend on this exact stream, so it must not change under us with a library or backend upgrade.
 */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new Error(`Prng seed must be an integer, got ${seed}`);
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = splitmix();
    this.#b = splitmix();
    this.#c = splitmix();
    this.#d = splitmix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next raw 32-bit value (sfc32). */
  nextUint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Prng.int needs a positive integer bound, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** `count` values uniform in [lo, hi). */
  uniform(count: number, lo: number, hi: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = lo + (hi - lo) * this.next();
    return out;
  }

  /** `count` values from N(mean, std²) (Box–Muller). */
  normal(count: number, mean = 0, std = 1): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i += 2) {
      const u1 = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
      const u2 = this.next();
      const radius = Math.sqrt(-2 * Math.log(u1));
      out[i] = mean + std * radius * Math.cos(2 * Math.PI * u2);
      if (i + 1 < count) out[i + 1] = mean + std * radius * Math.sin(2 * Math.PI * u2);
    }
    return out;
  }

  /** `count` integers uniform in [0, n), with replacement. */
  ints(count: number, n: number): Int32Array {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.int(n);
    return out;
  }

  /** An independent generator derived from this one (for sub-streams that must not shift each other). */
  fork(): Prng {
    return new Prng(this.nextUint32());
  }
}
