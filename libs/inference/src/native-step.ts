// A step of a format-11 model (`inferos export --attention native`): the graph has no attention, so a step
// is L + 1 runs of its segments (one session, one copy of the weights), with attention computed between
// them by @inferos/attention over each row's stored tiers as they lie in memory (the kv-store's shared
// memory, or the in-process cache): the quantized tiers are read in place, never dequantized into a float
// copy of the cache.
//
//   segment 0:   ids -> embeddings -> layer 0's q, k, v (after RoPE), residual
//   layer l:     attend(q, k, v, tiers of layer l) -> context          (native, every row of the batch)
//   segment l+1: context, residual -> layer l's output and MLP -> layer l+1's q, k, v, residual
//   segment L:   ... -> final norm -> logits
//
// Rows of a batch need no padding: each row's tiers are passed as they are.
import { attend, fedTokens, type RowTiers, type QuantTier, type HotTier } from '@inferos/attention';
import { HOT_FEEDS, QUANT_FEEDS, type TensorSpec } from '@inferos/kv';
import type { ModelInfo } from './model-dir';
import { ort, type Feeds, type ModelSession } from './session';
import type { KvSource, StepOutput } from './engine';

const SEGMENT_OUTPUTS = ['q', 'k', 'v', 'hidden_out'];
/** The feeds a row's layer must give (libs/kv feed-layout.ts). */
const FEEDS = [...HOT_FEEDS, ...Object.values(QUANT_FEEDS.i8), ...Object.values(QUANT_FEEDS.i4)];

function hot(name: string, keys: TensorSpec, values: TensorSpec): HotTier | undefined {
  if (keys.tokens === undefined || keys.dims.length !== 4) throw new RangeError(`${name}: a hot tier's feed is [1, kv, capacity, D] with tokens in use`);
  const tokens = keys.tokens;
  if (tokens === 0) return undefined;
  return { keys: keys.data as Float32Array | Uint16Array, values: values.data as Float32Array | Uint16Array, capacity: keys.dims[2]!, tokens };
}

function quant(specs: Record<string, TensorSpec>, t: 'i8' | 'i4', channels: number): QuantTier | undefined {
  const names = QUANT_FEEDS[t];
  const keys = specs[names.keys]!;
  const tokens = keys.dims[1]!;
  if (tokens === 0) return undefined;
  const valueScale = specs[names.valueScale]!;
  return {
    keys: keys.data as Uint8Array,
    keyScale: specs[names.keyScale]!.data as Uint16Array,
    keyZero: specs[names.keyZero]!.data as Uint8Array,
    values: specs[names.values]!.data as Uint8Array,
    valueScale: valueScale.data as Uint16Array,
    valueZero: specs[names.valueZero]!.data as Uint8Array,
    tokens,
    group: channels / valueScale.dims[2]!,
  };
}

/** A row's tiers of one layer, from the feeds a KvSource gives (libs/kv feed-layout.ts). */
export function rowTiers(specs: Record<string, TensorSpec>, channels: number): { tiers: RowTiers; fed: number } {
  const missing = FEEDS.find((n) => specs[n] === undefined);
  if (missing) throw new RangeError(`the KV source gave no ${missing} feed`);
  const tiers: RowTiers = {};
  const f32 = hot('past_key', specs['past_key']!, specs['past_value']!);
  const f16 = hot('past_key_f16', specs['past_key_f16']!, specs['past_value_f16']!);
  const i8 = quant(specs, 'i8', channels);
  const i4 = quant(specs, 'i4', channels);
  if (f32) tiers.f32 = f32;
  if (f16) tiers.f16 = f16;
  if (i8) tiers.i8 = i8;
  if (i4) tiers.i4 = i4;
  return { tiers, fed: fedTokens(tiers) };
}

/**
 * One step of every row: `ids[b]` (the same number of tokens for every row) after the tokens `kvs[b]`
 * holds. Logits: every new position's, or with 'last' the last position's only. Ids and lengths are
 * checked by the caller.
 */
export async function nativeStep(sessions: readonly ModelSession[], info: ModelInfo, kvs: readonly KvSource[], ids: readonly (readonly number[])[],
  logits: 'all' | 'last'): Promise<StepOutput[]> {
  const B = kvs.length;
  const t = ids[0]!.length;
  const { numLayers, numAttentionHeads: heads, numKvHeads: kvHeads, headDim } = info;
  const qWidth = heads * headDim;
  const channels = kvHeads * headDim;
  const inputIds = new BigInt64Array(B * t);
  const positions = new BigInt64Array(B * t);
  kvs.forEach((kv, b) => {
    for (let i = 0; i < t; i++) {
      inputIds[b * t + i] = BigInt(ids[b]![i]!);
      positions[b * t + i] = BigInt(kv.length + i);
    }
  });
  const all: Feeds = {
    input_ids: new ort.Tensor('int64', inputIds, [B, t]),
    position_ids: new ort.Tensor('int64', positions, [B, t]),
    logits_from: new ort.Tensor('int64', BigInt64Array.of(logits === 'last' ? BigInt(t - 1) : 0n), [1]),
  };
  const withMass = kvs.some((k) => k.needsImportance);
  const results: StepOutput[] = kvs.map((kv) => ({ logits: new Float32Array(0), keys: [], values: [], masses: kv.needsImportance ? [] : undefined }));
  const shape = { heads, kvHeads, headDim, scale: info.softmaxScale };
  const row = t * channels;
  // Each segment takes the inputs it names (segment 0 the ids, the last logits_from, the rest the residual
  // stream and the context before them).
  const feeds = (s: number): Feeds => Object.fromEntries(sessions[s]!.inputNames.map((n) => [n, all[n]!]));
  for (let s = 0; s <= numLayers; s++) {
    if (s === numLayers) {
      const out = await sessions[s]!.run(feeds(s), ['logits']);
      const every = out['logits']!.data as Float32Array;
      const per = every.length / B;
      results.forEach((r, b) => {
        r.logits = B === 1 ? every : every.slice(b * per, (b + 1) * per);
      });
      break;
    }
    const out = await sessions[s]!.run(feeds(s), SEGMENT_OUTPUTS);
    const q = out['q']!.data as Float32Array;
    const k = out['k']!.data as Float32Array;
    const v = out['v']!.data as Float32Array;
    const rows = kvs.map((kv) => rowTiers(kv.feeds(s), channels));
    const ctx = new Float32Array(B * t * qWidth);
    const mass = withMass ? new Float32Array(rows.reduce((a, r) => a + r.fed + t, 0)) : null;
    attend(shape, t, q, k, v, rows.map((r) => r.tiers), ctx, mass);
    let at = 0;
    results.forEach((r, b) => {
      r.keys.push(B === 1 ? k : k.slice(b * row, (b + 1) * row));
      r.values.push(B === 1 ? v : v.slice(b * row, (b + 1) * row));
      const n = rows[b]!.fed + t;
      if (r.masses && mass) r.masses.push(mass.subarray(at, at + n));
      at += n;
    });
    all['hidden_in'] = out['hidden_out']!;
    all['attn_in'] = new ort.Tensor('float32', ctx, [B, t, qWidth]);
  }
  return results;
}
