// Accounting: what a cache's layers hold, measured on their stores: bytes per tier (payload, scales and
// zero points), tokens per tier, and the bookkeeping outside the KV buffers. TieredKvCache reports these
// and compares them with the FP16 equivalent.
import type { Layer } from './storage/layer';

export interface TierBytes {
  f32: number;
  f16: number;
  int8: number;
  int4: number;
}

/** Bytes of the KV buffers held per tier (payload, scales and zero points). */
export function bytesByTier(layers: readonly Layer[]): TierBytes {
  const out: TierBytes = { f32: 0, f16: 0, int8: 0, int4: 0 };
  for (const l of layers) {
    if (l.hot.f32) out.f32 += l.hot.bytes;
    else out.f16 += l.hot.bytes;
    out.int8 += l.i8.bytes;
    out.int4 += l.i4.bytes;
  }
  return out;
}

/** Tokens per tier summed over layers (`evicted`: the tokens evicted so far, summed likewise). */
export function tokensByTier(layers: readonly Layer[], evicted: number): { hot: number; int8: number; int4: number; evicted: number } {
  let hot = 0;
  let int8 = 0;
  let int4 = 0;
  for (const l of layers) {
    hot += l.hot.n;
    int8 += l.i8.tokens;
    int4 += l.i4.tokens;
  }
  return { hot, int8, int4, evicted };
}

/** Bookkeeping outside the KV buffers: positions and importance accumulators. */
export function metadataBytes(layers: readonly Layer[]): number {
  return layers.reduce((s, l) => s + l.hot.positions.byteLength + l.mass.byteLength + l.recentMass.byteLength, 0);
}
