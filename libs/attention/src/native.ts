// The native part: native/attention.cc, an N-API addon built by `npm ci` (node-gyp, the package's install
// script). index.ts validates every argument before it gets here; the addon checks the lengths again.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NativeArray = Float32Array | Uint16Array | Uint8Array;

export interface Native {
  /**
   * meta = [rows, t, heads, kvHeads, headDim, then per row: f32 tokens, f32 capacity, f16 tokens, f16 capacity,
   * int8 tokens, int8 group, int4 tokens, int4 group]; arrays: per row, for each tier holding tokens (in that
   * order), keys and values of a hot tier, or keys, keyScale, keyZero, values, valueScale, valueZero.
   */
  attend(meta: Int32Array, scale: number, q: Float32Array, k: Float32Array, v: Float32Array, out: Float32Array,
    mass: Float32Array | null, arrays: NativeArray[]): void;
  /** Force the portable (non-SIMD) kernels: for tests. */
  setPortable(on: boolean): void;
  /** Let the exact path and the quantized tiers use AVX-512 kernels when the CPU has them (the default), or not: for tests. */
  setAvx512(on: boolean): void;
  info(): { threads: number; simd: string; f16c: boolean; exact: string; quant: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let native: Native | undefined;

export function loadNative(): Native {
  if (native) return native;
  const path = join(root, 'build', 'Release', 'inferos_attention.node');
  if (!existsSync(path)) {
    throw new Error(`@inferos/attention: the native addon is not built (${path} is missing); run \`npm ci\` (it builds it with node-gyp) or \`npm rebuild @inferos/attention\``);
  }
  native = createRequire(import.meta.url)(path) as Native;
  return native;
}
