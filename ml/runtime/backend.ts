import { defaultDevice, init } from '@jax-js/jax';
import { installRuntimePolyfills } from './polyfills';

let ready: Promise<void> | undefined;

/**
 * Starts the tensor backend once per process (later calls return the same promise). Must be awaited before the
 * first tensor op. Uses jax-js's WebAssembly device: `init()` without arguments probes WebGPU through `navigator`,
 * which Node 20 lacks, and the `cpu` device is an interpreter meant only for debugging.
 */
export function initRuntime(): Promise<void> {
  ready ??= (async () => {
    installRuntimePolyfills();
    const devices = await init('wasm');
    if (!devices.includes('wasm')) throw new Error(`jax-js could not start its wasm device (got: ${devices.join(', ')})`);
    defaultDevice('wasm');
  })();
  return ready;
}
