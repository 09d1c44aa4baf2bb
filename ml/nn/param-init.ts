import type { HostTensor } from '../io/safetensors';
import type { Prng } from '../runtime';

/** Parameters on the host side, before they become tensors (init, checkpoint files). */
export type HostParams = Record<string, HostTensor>;

/**
 * Builds host-side parameters with PyTorch's default initialisations, so the baselines start like the reference
 * LSTM / a standard Transformer would. One Prng per model keeps init reproducible from the seed.
 */
export class ParamBuilder {
  readonly params: HostParams = {};
  constructor(readonly prng: Prng) {}

  /** `nn.Linear(inDim → outDim)`: weight [out, in] and bias [out], both U(±1/√in). */
  linear(name: string, inDim: number, outDim: number, bias = true): void {
    const bound = 1 / Math.sqrt(inDim);
    this.uniform(`${name}.weight`, [outDim, inDim], bound);
    if (bias) this.uniform(`${name}.bias`, [outDim], bound);
  }

  /** `nn.LayerNorm(dim)`: weight 1, bias 0. */
  layerNorm(name: string, dim: number): void {
    this.constant(`${name}.weight`, [dim], 1);
    this.constant(`${name}.bias`, [dim], 0);
  }

  /** `nn.MultiheadAttention(dim)`: Xavier-uniform in-projection [3d, d], zero biases, default-Linear out-projection. */
  multiheadAttention(name: string, dim: number): void {
    this.uniform(`${name}.in_proj_weight`, [3 * dim, dim], Math.sqrt(6 / (dim + 3 * dim)));
    this.constant(`${name}.in_proj_bias`, [3 * dim], 0);
    this.uniform(`${name}.out_proj.weight`, [dim, dim], 1 / Math.sqrt(dim));
    this.constant(`${name}.out_proj.bias`, [dim], 0);
  }

  uniform(name: string, shape: number[], bound: number): void {
    this.add(name, shape, this.prng.uniform(size(shape), -bound, bound));
  }

  normal(name: string, shape: number[], std = 1): void {
    this.add(name, shape, this.prng.normal(size(shape), 0, std));
  }

  constant(name: string, shape: number[], value: number): void {
    this.add(name, shape, new Float32Array(size(shape)).fill(value));
  }

  private add(name: string, shape: number[], data: Float32Array): void {
    if (this.params[name]) throw new Error(`parameter ${name} defined twice`);
    this.params[name] = { dtype: 'F32', shape, data };
  }
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Number of scalars in host parameters. */
export function countHostParams(host: HostParams): number {
  return Object.values(host).reduce((n, t) => n + t.data.length, 0);
}
