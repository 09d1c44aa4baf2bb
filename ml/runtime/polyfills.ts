/**
 * Node 20 gaps that @jax-js/jax 0.1.25 runs into. Installed once by `initRuntime()`, before jax-js is used.
 *
 * - Iterator helpers (`iterator.map/filter/toArray`, ES2025, in Node ≥ 22): jax-js's einsum parser calls
 *   `string.matchAll(re).map(...)`, which throws "matchAll(...).map is not a function" on Node 20.
 * - `Float16Array` (ES2025): jax-js's `array()` tests `data instanceof Float16Array` for every typed array it is
 *   given, which throws a ReferenceError on Node 20. We never use float16, so a stub class that no value is an
 *   instance of (and that refuses construction) is enough.
 */

type IteratorProto = {
  map?: unknown;
  filter?: unknown;
  toArray?: unknown;
  flatMap?: unknown;
  [Symbol.iterator](): Iterator<unknown>;
};

function installIteratorHelpers(): void {
  // %IteratorPrototype% is the prototype of every built-in iterator's prototype (Array, RegExp string, Map...).
  const arrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  const iteratorProto = Object.getPrototypeOf(arrayIteratorProto) as IteratorProto;
  if (typeof iteratorProto.map === 'function') return;
  const define = (name: string, fn: (this: Iterator<unknown>, ...args: never[]) => unknown): void => {
    Object.defineProperty(iteratorProto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  };
  define('map', function* map(this: Iterator<unknown>, fn: (value: unknown, index: number) => unknown) {
    let index = 0;
    for (let step = this.next(); !step.done; step = this.next()) yield fn(step.value, index++);
  });
  define('filter', function* filter(this: Iterator<unknown>, fn: (value: unknown, index: number) => unknown) {
    let index = 0;
    for (let step = this.next(); !step.done; step = this.next()) if (fn(step.value, index++)) yield step.value;
  });
  define('flatMap', function* flatMap(this: Iterator<unknown>, fn: (value: unknown, index: number) => Iterable<unknown>) {
    let index = 0;
    for (let step = this.next(); !step.done; step = this.next()) yield* fn(step.value, index++);
  });
  define('toArray', function toArray(this: Iterator<unknown>) {
    const out: unknown[] = [];
    for (let step = this.next(); !step.done; step = this.next()) out.push(step.value);
    return out;
  });
}

function installFloat16ArrayStub(): void {
  const globals = globalThis as { Float16Array?: unknown };
  if (globals.Float16Array !== undefined) return;
  globals.Float16Array = class Float16ArrayUnavailable {
    constructor() {
      throw new Error('Float16Array is not available on this Node version; the ML runtime uses float32/float64 only');
    }
  };
}

let installed = false;

/** Idempotent: patches the globals jax-js needs on Node 20 (no-ops on runtimes that already have them). */
export function installRuntimePolyfills(): void {
  if (installed) return;
  installIteratorHelpers();
  installFloat16ArrayStub();
  installed = true;
}
