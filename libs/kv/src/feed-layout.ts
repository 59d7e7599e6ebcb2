// Feed layout: how one layer's stored tiers are handed to attention (TensorSpec views of the stores, no
// copies, named as a format-10 graph's inputs; libs/inference/src/native-step.ts hands the same views to
// @inferos/attention) and in which order attention sees their tokens (hot rows, then INT8 blocks, then
// INT4 blocks); and the helpers that read such feeds back (heldTokens, hotRows).
import type { CacheShape } from './cache-policy';
import { decodeF16 } from './quant';
import type { HotStore } from './storage/hot-store';
import type { QuantStore } from './storage/quant-store';

export type TensorType = 'float32' | 'float16' | 'uint8';

/**
 * The feeds of the full-precision (hot) tier: float32 for the exact baseline, float16 otherwise. They are
 * head-major, [1, kv_heads, capacity, head_dim], with `tokens` rows in use: an append fills the next rows
 * in place; everything else (demotion, eviction, a larger buffer) may move any feed.
 */
export const HOT_FEEDS = ['past_key', 'past_value', 'past_key_f16', 'past_value_f16'] as const;
export interface TensorSpec {
  type: TensorType;
  data: Float32Array | Uint16Array | Uint8Array;
  dims: number[];
  /**
   * Rows in use of a hot tier ([1, kv_heads, capacity, head_dim]: the graph masks the rows past them).
   * Absent for the quantized tiers, whose token axis (dim 1) is exact.
   */
  tokens?: number;
}

/** Tokens a tier's feed holds: a hot tier's rows in use, else its token axis. */
export function heldTokens(spec: TensorSpec): number {
  return spec.tokens ?? spec.dims[1]!;
}

/** A hot feed's rows in use, token-major ([tokens, kv_heads, head_dim]) float32: what was appended. */
export function hotRows(spec: TensorSpec): Float32Array {
  if (spec.tokens === undefined || spec.dims.length !== 4) throw new RangeError('hotRows: not a hot tier feed ([1, kv, capacity, D] with tokens)');
  const [, heads, cap, d] = spec.dims as [number, number, number, number];
  const n = spec.tokens;
  const out = new Float32Array(n * heads * d);
  for (let r = 0; r < n; r++) {
    for (let h = 0; h < heads; h++) {
      const src = spec.data.subarray((h * cap + r) * d, (h * cap + r + 1) * d);
      const dst = out.subarray((r * heads + h) * d, (r * heads + h + 1) * d);
      if (src instanceof Uint16Array) decodeF16(src, dst);
      else dst.set(src as Float32Array);
    }
  }
  return out;
}

/** The stores of one layer, as the feeds see them. */
export interface LayerTiers {
  readonly hot: HotStore;
  readonly i8: QuantStore;
  readonly i4: QuantStore;
}

/** Tokens fed to the graph for a layer (held in any tier): the attention mass a step returns is this + t. */
export function fedTokens(l: LayerTiers): number {
  return l.hot.n + l.i8.tokens + l.i4.tokens;
}

/** Visit the position of every token fed for a layer, in the graph's order (f32/f16 hot rows, int8, int4). */
export function forEachFed(l: LayerTiers, groupSize: number, visit: (position: number) => void): void {
  for (let r = 0; r < l.hot.n; r++) visit(l.hot.positions[r]!);
  for (const s of [l.i8, l.i4]) {
    for (const start of s.blocks) for (let p = start; p < start + groupSize; p++) visit(p);
  }
}

/** Positions of the tokens fed for a layer, in the graph's order (f32/f16 hot rows, int8, int4). */
export function fedPositions(l: LayerTiers, groupSize: number): Int32Array {
  const out = new Int32Array(fedTokens(l));
  let at = 0;
  forEachFed(l, groupSize, (p) => {
    out[at++] = p;
  });
  return out;
}

/**
 * The graph inputs of a layer (names without the `.L` suffix): views of the stored tiers, no copies.
 * Order of tokens inside the graph: f32, f16, int8, int4 (see `fedPositions`).
 */
export function layerFeeds(l: LayerTiers, { kvHeads: h, headDim: d }: Pick<CacheShape, 'kvHeads' | 'headDim'>): Record<string, TensorSpec> {
  // Written out, with no closure or spread: this runs for every layer of every step.
  const { n, f32, capacity, keys, values } = l.hot;
  const noF32 = new Float32Array(0);
  const noF16 = new Uint16Array(0);
  // The hot tier whole (head-major, every row of its capacity), `tokens` of them in use; the other
  // precision's inputs are empty.
  const hotDims = [1, h, capacity, d];
  const out: Record<string, TensorSpec> = f32
    ? {
        past_key: { type: 'float32', data: keys, dims: hotDims, tokens: n },
        past_value: { type: 'float32', data: values, dims: hotDims.slice(), tokens: n },
        past_key_f16: { type: 'float16', data: noF16, dims: [1, h, 0, d], tokens: 0 },
        past_value_f16: { type: 'float16', data: noF16, dims: [1, h, 0, d], tokens: 0 },
      }
    : {
        past_key: { type: 'float32', data: noF32, dims: [1, h, 0, d], tokens: 0 },
        past_value: { type: 'float32', data: noF32, dims: [1, h, 0, d], tokens: 0 },
        past_key_f16: { type: 'float16', data: keys, dims: hotDims, tokens: n },
        past_value_f16: { type: 'float16', data: values, dims: hotDims.slice(), tokens: n },
      };
  quantFeeds(out, QUANT_FEEDS.i8, l.i8, h, d);
  quantFeeds(out, QUANT_FEEDS.i4, l.i4, h, d);
  return out;
}

/** The input names of a quantized tier (without the `.L` suffix), in feed order. */
export interface QuantFeedNames {
  keys: string;
  keyScale: string;
  keyZero: string;
  values: string;
  valueScale: string;
  valueZero: string;
}
const quantNames = (t: 'i8' | 'i4'): QuantFeedNames => ({
  keys: `past_key_${t}`, keyScale: `past_key_${t}_scale`, keyZero: `past_key_${t}_zero`,
  values: `past_value_${t}`, valueScale: `past_value_${t}_scale`, valueZero: `past_value_${t}_zero`,
});
/** The quantized tiers' input names, built once (they are looked up for every layer of every step). */
export const QUANT_FEEDS: Readonly<Record<'i8' | 'i4', Readonly<QuantFeedNames>>> = { i8: quantNames('i8'), i4: quantNames('i4') };

function quantFeeds(out: Record<string, TensorSpec>, names: QuantFeedNames, s: QuantStore, h: number, d: number): void {
  const tokens = s.tokens;
  const blocks = s.blocks.length;
  const vGroups = (h * d) / s.group;
  // INT8 keys keep their heads; INT4 keys are fed as C/2 bytes per token (a block is group/2 rows of C
  // bytes inside, token r paired with r + group/2; see quant.ts), so every tier's tokens are on axis 1.
  out[names.keys] = { type: 'uint8', data: s.kq, dims: s.bits === 8 ? [1, tokens, h, d] : [1, tokens, s.rowBytes] };
  out[names.keyScale] = { type: 'float16', data: s.ks, dims: [1, blocks, h, d] };
  out[names.keyZero] = { type: 'uint8', data: s.kz, dims: [1, blocks, h, d] };
  out[names.values] = { type: 'uint8', data: s.vq, dims: [1, tokens, s.rowBytes] };
  out[names.valueScale] = { type: 'float16', data: s.vs, dims: [1, tokens, vGroups] };
  out[names.valueZero] = { type: 'uint8', data: s.vz, dims: [1, tokens, vGroups] };
}
