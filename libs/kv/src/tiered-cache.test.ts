import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TieredKvCache } from './tiered-cache';
import { recentOnly, type CachePolicy } from './cache-policy';
import { reservation } from './reservation';
import { hotRows } from './feed-layout';
import type { KvArena } from './storage/arena';

const shape = { layers: 2, kvHeads: 2, headDim: 16, maxTokens: 512 };
const C = 32;
const baseline: CachePolicy = { fullPrecision: true, sinks: 4, window: 16, groupSize: 32, thresholds: { int8: 0, int4: 0, evict: 0 } };
const tiered: CachePolicy = { fullPrecision: false, sinks: 4, window: 16, groupSize: 32, thresholds: { int8: 1, int4: 0.5, evict: 0 } };

function rows(t: number, seed: number): Float32Array {
  return Float32Array.from({ length: t * C }, (_, i) => Math.sin(seed * 7.3 + i * 0.37));
}

/**
 * Feed tokens up to `total`, `step` at a time, after what the cache holds; mass(position, length) is the
 * attention a position receives from the step that starts at `length`.
 */
function fill(cache: TieredKvCache, total: number, step: number, mass: (pos: number, at: number) => number = () => 1) {
  for (let at = cache.length; at < total; at += step) {
    const t = Math.min(step, total - at);
    const masses = cache.needsImportance
      ? Array.from({ length: shape.layers }, (_, l) => {
          const pos = cache.positions(l);
          return Float32Array.from({ length: pos.length + t }, (_, i) => (i < pos.length ? mass(pos[i]!, at) : mass(at + i - pos.length, at)));
        })
      : undefined;
    cache.append([rows(t, at), rows(t, at + 1000)], [rows(t, at + 2000), rows(t, at + 3000)], t, masses);
  }
}

function bufferBytes(cache: TieredKvCache): number {
  // Walk the cache's own typed arrays (the ones it feeds), to check the accounting from the outside.
  const seen = new Set<ArrayBufferLike>();
  let total = 0;
  const internals = cache as unknown as { layers: { hot: { keys: ArrayBufferView; values: ArrayBufferView }; i8: Record<string, unknown>; i4: Record<string, unknown> }[] };
  for (const l of internals.layers) {
    for (const a of [l.hot.keys, l.hot.values, ...['kq', 'ks', 'kz', 'vq', 'vs', 'vz'].flatMap((k) => [l.i8[k], l.i4[k]])] as ArrayBufferView[]) {
      if (seen.has(a.buffer)) continue;
      seen.add(a.buffer);
      total += a.buffer.byteLength;
    }
  }
  return total;
}

test('baseline holds float32 exactly and feeds views of it', () => {
  const c = new TieredKvCache(shape, baseline);
  fill(c, 40, 7);
  const f = c.feeds(0);
  assert.equal(f['past_key']!.type, 'float32');
  // Head-major, fed at its capacity (grown in steps of 64 tokens), 40 rows in use.
  assert.deepEqual(f['past_key']!.dims, [1, 2, 64, 16]);
  assert.equal(f['past_key']!.tokens, 40);
  assert.equal(f['past_key']!.data.length, 2 * 64 * 16);
  assert.deepEqual(f['past_key_f16']!.dims, [1, 2, 0, 16]);
  assert.equal(f['past_key_f16']!.tokens, 0);
  assert.deepEqual(Array.from(hotRows(f['past_key']!).subarray(0, 7 * C)), Array.from(rows(7, 0)));
  // Head 1's first row sits after head 0's whole capacity.
  assert.deepEqual(Array.from(f['past_key']!.data.subarray(64 * 16, 64 * 16 + 16)), Array.from(rows(1, 0).subarray(16, 32)));
  assert.equal(c.tokensByTier.hot, 80);
  assert.equal(c.bytesByTier.f32, c.bytesHeld);
  assert.equal(c.bytesHeld, bufferBytes(c));
});

test('old blocks leave the FP16 window by importance; sinks and the recent window stay', () => {
  const c = new TieredKvCache(shape, tiered);
  // Blocks start at 4, 36, 68, ...; make the block at 36 the most important.
  fill(c, 4 + 3 * 32 + 16, 8, (p) => (p >= 36 && p < 68 ? 10 : 1));
  // 3 old blocks: ranks 1/6, 3/6 for the two unimportant ones (INT4 below 0.5, INT8 at 0.5), 5/6 -> INT8.
  const t = c.tokensByTier;
  assert.equal(t.evicted, 0);
  assert.equal(t.hot, 2 * (4 + 16));
  assert.equal(t.int4 + t.int8, 2 * 3 * 32);
  const pos = Array.from(c.positions(0));
  assert.deepEqual(pos.slice(0, 20), [0, 1, 2, 3, ...Array.from({ length: 16 }, (_, i) => 100 + i)]);
  assert.equal(new Set(pos).size, pos.length);
  const f = c.feeds(0);
  assert.equal(f['past_key_f16']!.tokens, 20);
  assert.equal(f['past_key_i8']!.dims[1]! + f['past_key_i4']!.dims[1]!, 96);
  assert.deepEqual(f['past_key_i4']!.dims.slice(2), [16], 'INT4 keys pack two channels per byte');
  assert.deepEqual(f['past_value_i8']!.dims.slice(2), [32]);
  assert.equal(c.bytesHeld, bufferBytes(c));
});

test('eviction follows importance: the least important blocks go first', () => {
  // Thresholds are quantiles over all old blocks (evicted ones included): here half of them go.
  const c = new TieredKvCache(shape, { ...tiered, thresholds: { int8: 0.5, int4: 0.5, evict: 0.5 } });
  // Blocks at 4 and 36 get little attention, those at 68 and 100 much.
  fill(c, 4 + 4 * 32 + 16, 4, (p) => (p >= 68 ? 5 : 1));
  const pos = new Set(c.positions(1));
  for (const p of [68, 100, 131]) assert.ok(pos.has(p), `important position ${p} kept`);
  for (const p of [4, 36, 67]) assert.ok(!pos.has(p), `unimportant position ${p} evicted`);
  assert.equal(c.tokensByTier.evicted, 2 * 2 * 32);
});

test('thresholds are exact shares: rounds with shifting importance do not compound evictions', () => {
  const p: CachePolicy = { ...tiered, thresholds: { int8: 0.6, int4: 0.4, evict: 0.2 } };
  const c = new TieredKvCache(shape, p);
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // Each step favours different positions, so yesterday's evicted blocks would often outrank today's.
  fill(c, 500, 4, () => rand());
  const n = Math.floor((500 - 16 - 4) / 32);
  const share = (x: number) => Array.from({ length: n }, (_, i) => (i + 0.5) / n).filter((r) => r < x).length;
  const t = c.tokensByTier;
  assert.equal(t.evicted, share(0.2) * 32 * shape.layers);
  assert.equal(t.int4, (share(0.4) - share(0.2)) * 32 * shape.layers);
  assert.equal(t.int8, (share(0.6) - share(0.4)) * 32 * shape.layers);
});

test('importance forgets: a block is judged by the attention it received lately, not long ago', () => {
  // A long window, so that many queries pass before the two blocks (at 4 and 36) are ranked.
  const c = new TieredKvCache({ ...shape, maxTokens: 2048 }, { ...tiered, window: 1024, thresholds: { int8: 0.5, int4: 0.5, evict: 0.5 } });
  // The block at 4 got much attention early (more in total: about 50 against 25), the one at 36 lately.
  fill(c, 36 + 32 + 1024, 8, (p, at) => (p < 4 ? 1 : p < 36 ? (at < 40 ? 10 : 0) : p < 68 ? (at >= 900 ? 1 : 0) : 1));
  const pos = new Set(c.positions(0));
  assert.ok(pos.has(36) && !pos.has(4), 'the block attended lately stays, the one attended long ago goes');
});

test('a prompt holds its evictions until its end, then its last tokens decide what goes', () => {
  const p: CachePolicy = { ...tiered, thresholds: { int8: 1, int4: 1, evict: 0.25 } };
  const end = 4 + 8 * 32 + 16;
  // Every block gets the same attention, except the first one: ignored all along, then asked for by
  // the prompt's last chunk (a cue).
  const mass = (pos: number, at: number) => (pos >= 4 && pos < 36 ? (at >= end - 16 ? 5 : 0.01) : 1);
  const held = new TieredKvCache(shape, p);
  held.holdEvictions(end);
  fill(held, end - 16, 16, mass);
  assert.equal(held.tokensByTier.evicted, 0, 'nothing is evicted while the prompt runs');
  assert.equal(held.tokensByTier.int4, 7 * 32 * shape.layers, 'blocks ranked for eviction wait at INT4');
  fill(held, end, 16, mass);
  assert.equal(held.tokensByTier.evicted, 2 * 32 * shape.layers, 'the share is applied at the end');
  assert.ok(new Set(held.positions(1)).has(4), 'the block the cue asked for is kept');
  assert.equal(held.bytesHeld, bufferBytes(held));
  const eager = new TieredKvCache(shape, p);
  fill(eager, end, 16, mass);
  assert.equal(eager.tokensByTier.evicted, 2 * 32 * shape.layers);
  assert.ok(!new Set(eager.positions(1)).has(4), 'without the hold the ignored block went before its cue');
  assert.throws(() => held.holdEvictions(513), /holdEvictions: tokens must be in \[0, 512\]/);
  // With no INT4 share (old blocks go to INT8), blocks wait at INT8, compete by importance at the
  // prompt's end like the others, and the cue's block is kept at INT8, ranked with its peers later on.
  const int8: CachePolicy = { ...tiered, thresholds: { int8: 1, int4: 0.25, evict: 0.25 } };
  const held8 = new TieredKvCache(shape, int8);
  held8.holdEvictions(end);
  fill(held8, end - 16, 16, mass);
  assert.deepEqual([held8.tokensByTier.evicted, held8.tokensByTier.int4], [0, 0], 'blocks wait at INT8');
  fill(held8, end, 16, mass);
  assert.equal(held8.tokensByTier.evicted, 2 * 32 * shape.layers);
  assert.equal(held8.tokensByTier.int4, 0);
  assert.ok(new Set(held8.positions(1)).has(4), 'the block the cue asked for is kept');
  assert.equal(held8.bytesHeld, bufferBytes(held8));
});

test('the prompt\'s end picks evictions by what its last tokens attended to, not by the long memory', () => {
  // Two old blocks, one evicted. The block at 4 was attended early and then by the last step alone;
  // the block at 36 a little all along. Remembered over 256 queries, 36 ranks higher; over the prompt's
  // last tokens, 4 does.
  const p: CachePolicy = { ...tiered, window: 1024, thresholds: { int8: 1, int4: 1, evict: 0.5 } };
  const end = 36 + 32 + 1024;
  const mass = (pos: number, at: number) => (pos < 4 ? 1 : pos < 36 ? (at < 40 ? 10 : at >= end - 8 ? 3 : 0) : pos < 68 ? 0.3 : 1);
  const c = new TieredKvCache({ ...shape, maxTokens: 2048 }, p);
  c.holdEvictions(end);
  fill(c, end, 8, mass);
  const pos = new Set(c.positions(0));
  assert.ok(pos.has(4) && !pos.has(36), 'the block the last tokens asked for stays');
  // Without the hold, the same round ranks by the long memory.
  const eager = new TieredKvCache({ ...shape, maxTokens: 2048 }, p);
  fill(eager, end, 8, mass);
  const kept = new Set(eager.positions(0));
  assert.ok(!kept.has(4) && kept.has(36));
});

test('squeeze during a prompt\'s hold moves blocks to INT4 but evicts nothing', () => {
  const c = new TieredKvCache(shape, { ...tiered, thresholds: { int8: 1, int4: 1, evict: 0.5 } });
  c.holdEvictions(300);
  fill(c, 200, 8);
  c.squeeze();
  assert.equal(c.tokensByTier.evicted, 0);
  fill(c, 300, 8);
  assert.ok(c.tokensByTier.evicted > 0, 'the held evictions happen at the prompt\'s end');
});

test('recent-only keeps exactly the sinks and the window', () => {
  const c = new TieredKvCache(shape, recentOnly(tiered));
  fill(c, 300, 32);
  const pos = Array.from(c.positions(0));
  assert.ok(pos.length <= 4 + 16 + 32);
  assert.deepEqual(pos.slice(0, 4), [0, 1, 2, 3]);
  assert.equal(pos.at(-1), 299);
  assert.ok(c.bytesHeld < c.bytesFp16 * 0.25);
  assert.ok(c.reduction > 0.75);
});

test('demotion is incremental: a block is quantized at most once per tier it enters', () => {
  const c = new TieredKvCache(shape, tiered);
  const internals = c as unknown as { layers: { i8: { quantize: (...a: unknown[]) => unknown }; i4: { quantize: (...a: unknown[]) => unknown } }[] };
  let calls = 0;
  for (const l of internals.layers) {
    for (const s of [l.i8, l.i4]) {
      const orig = s.quantize.bind(s);
      s.quantize = (...a: unknown[]) => {
        calls++;
        return orig(...a);
      };
    }
  }
  fill(c, 500, 1, (p) => 1 + (p % 7));
  const blocks = Math.floor((500 - 16 - 4) / 32);
  assert.ok(calls <= 2 * blocks * shape.layers, `${calls} quantizations for ${blocks} blocks`);
  assert.ok(calls >= blocks * shape.layers);
});

test('accounting: FP16-equivalent bytes and reduction', () => {
  const c = new TieredKvCache(shape, tiered);
  fill(c, 200, 10);
  assert.equal(c.bytesFp16, 200 * 2 * 2 * C * 2);
  assert.equal(c.reduction, 1 - c.bytesHeld / c.bytesFp16);
  const b = c.bytesByTier;
  assert.equal(b.f32, 0);
  assert.ok(b.f16 > 0 && b.int8 + b.int4 > 0);
});

test('BAD CALL - shapes, missing importance and context overflow change nothing', () => {
  const c = new TieredKvCache(shape, tiered);
  assert.throws(() => c.append([rows(1, 0), rows(1, 0)], [rows(1, 0), rows(1, 0)], 1), /needs the attention mass/);
  assert.throws(() => c.append([rows(2, 0), rows(1, 0)], [rows(1, 0), rows(1, 0)], 1), /layer 0: expected 32 floats/);
  assert.throws(() => c.append([rows(1, 0), rows(1, 0)], [rows(1, 0), rows(1, 0)], 1, [new Float32Array(3), new Float32Array(1)]), /attention mass has 3 entries, expected 1/);
  assert.equal(c.length, 0);
  const small = new TieredKvCache({ ...shape, maxTokens: 8 }, baseline);
  assert.throws(() => fill(small, 9, 9), /exceed the context of 8/);
  assert.throws(() => new TieredKvCache({ ...shape, headDim: 12 }, { ...tiered, groupSize: 64 }), /group size 64 does not divide 24 channels/);
});

/** A heap arena that counts the bytes it has out, and their peak. */
function countingArena() {
  const out = new Set<ArrayBufferView>();
  let held = 0;
  let peak = 0;
  const take = <T extends Float32Array | Uint16Array | Uint8Array>(a: T): T => {
    if (a.length > 0) {
      out.add(a);
      held += a.byteLength;
      peak = Math.max(peak, held);
    }
    return a;
  };
  const arena: KvArena = {
    f32: (n) => take(new Float32Array(n)),
    u16: (n) => take(new Uint16Array(n)),
    u8: (n) => take(new Uint8Array(n)),
    release: (a) => {
      if (a.length === 0) return;
      assert.ok(out.delete(a), 'released a buffer the arena did not hand out, or released it twice');
      held -= a.byteLength;
    },
  };
  return { arena, held: () => held, peak: () => peak, resetPeak: () => (peak = held) };
}

test('reservation bounds the peak bytes of a fixed-hot cache under any importance pattern', () => {
  const policies: CachePolicy[] = [
    baseline,
    tiered,
    { ...tiered, thresholds: { int8: 1, int4: 1, evict: 0.2 } },
    { ...tiered, thresholds: { int8: 0.7, int4: 0.5, evict: 0.3 } },
    recentOnly(tiered),
  ];
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const p of policies) {
    for (const [tokens, chunk, prompt] of [[300, 32, 0], [512, 1, 0], [200, 64, 0], [300, 32, 288], [512, 8, 300]] as const) {
      const a = countingArena();
      const c = new TieredKvCache({ ...shape, maxTokens: tokens }, p, { arena: a.arena, fixedHotChunk: chunk });
      c.holdEvictions(prompt);
      const noise = Float64Array.from({ length: tokens }, () => rand());
      fill(c, Math.min(chunk, tokens), chunk, (pos) => noise[pos]!);
      fill(c, tokens, chunk, (pos) => noise[pos]!);
      const r = reservation({ ...shape, maxTokens: tokens }, p, tokens, chunk, prompt);
      assert.ok(a.peak() <= r.bytes, `${JSON.stringify(p.thresholds)} ${tokens}/${chunk}/${prompt}: peak ${a.peak()} > reserved ${r.bytes}`);
      assert.equal(a.held(), c.bytesHeld, 'the arena and the accounting agree');
      c.free();
      assert.equal(a.held(), 0, 'free returns every buffer');
    }
  }
});

test('default-like policies reserve far less than the float32 baseline', () => {
  const big = { layers: 6, kvHeads: 2, headDim: 64, maxTokens: 2048 };
  const base = reservation(big, { ...baseline, groupSize: 64 }, 1024, 256).bytes;
  const def = reservation(big, { fullPrecision: false, sinks: 4, window: 32, groupSize: 64, thresholds: { int8: 1, int4: 1, evict: 0.2 } }, 1024, 256).bytes;
  assert.ok(base / def > 2, `baseline ${base} / default ${def}`);
});

test('squeeze moves old FP16 blocks to INT4 and returns the hot capacity; the window stays FP16', () => {
  const a = countingArena();
  const p: CachePolicy = { ...tiered, thresholds: { int8: 0, int4: 0, evict: 0 } }; // nothing demoted by rank
  const c = new TieredKvCache({ ...shape, maxTokens: 400 }, p, { arena: a.arena, fixedHotChunk: 32 });
  fill(c, 4 + 4 * 32 + 16, 8);
  assert.equal(c.tokensByTier.int4, 0);
  const before = c.bytesHeld;
  const freed = c.squeeze();
  assert.ok(freed > 0 && c.bytesHeld === before - freed, `freed ${freed}`);
  assert.equal(a.held(), c.bytesHeld);
  assert.equal(c.tokensByTier.int4, 4 * 32 * shape.layers, 'every old block is INT4 now');
  assert.equal(c.tokensByTier.hot, (4 + 16) * shape.layers, 'sinks and window stay hot');
  fill(c, 4 + 6 * 32 + 16, 8, () => 1);
  assert.equal(c.length, 4 + 6 * 32 + 16, 'the cache keeps growing after a squeeze');
  const base = new TieredKvCache(shape, baseline);
  fill(base, 64, 8);
  assert.equal(base.squeeze(), 0, 'the exact baseline is never squeezed');
});

test('the hot tier is fed at its capacity with finite rows past those in use, whatever memory the arena hands out', () => {
  // An arena whose memory held anything (the kv-store's shared pool): NaN floats, Inf halves.
  const dirty: KvArena = {
    f32: (n) => new Float32Array(n).fill(NaN),
    u16: (n) => new Uint16Array(n).fill(0x7c00),
    u8: (n) => new Uint8Array(n).fill(255),
    release: () => {},
  };
  for (const policy of [baseline, tiered]) {
    const c = new TieredKvCache(shape, policy, { arena: dirty });
    fill(c, 150, 9);
    fill(c, 151, 1); // a demotion leaves the capacity exact; an append after it grows it again
    for (let l = 0; l < shape.layers; l++) {
      const f = c.feeds(l);
      const hot = policy.fullPrecision ? f['past_key']! : f['past_key_f16']!;
      assert.ok(hot.dims[2]! > hot.tokens!, `capacity ${hot.dims[2]} above ${hot.tokens} rows in use`);
      for (const name of ['past_key', 'past_value', 'past_key_f16', 'past_value_f16']) {
        const data = f[name]!.data;
        for (let i = 0; i < data.length; i++) {
          const x = data instanceof Uint16Array ? ((data[i]! & 0x7c00) === 0x7c00 ? NaN : 0) : data[i]!;
          assert.ok(Number.isFinite(x), `${name}.${l}[${i}] is not finite`);
        }
      }
    }
  }
});

test('refitHot: once the prompt is in, a fixed hot store shrinks to what single-token steps need, keeping its rows; a failed allocation leaves the cache whole', () => {
  const chunk = 48;
  const c = new TieredKvCache({ ...shape, maxTokens: 300 }, tiered, { fixedHotChunk: chunk });
  c.holdEvictions(200);
  fill(c, 200, chunk);
  const before = [0, 1].map((l) => ({ pos: c.positions(l), hot: hotRows(c.feeds(l)['past_key_f16']!), cap: c.feeds(l)['past_key_f16']!.dims[2]! }));
  const epoch = c.epoch;
  assert.equal(before[0]!.cap, reservation({ ...shape, maxTokens: 300 }, tiered, 300, chunk).hotTokens, 'fixed at the prompt chunk\'s capacity');
  const heldBefore = c.bytesHeld;
  assert.equal(c.refitHot(1), true);
  const cap = reservation({ ...shape, maxTokens: 300 }, tiered, 300, 1).hotTokens;
  assert.ok(cap < before[0]!.cap, `single-token steps need fewer rows (${cap} < ${before[0]!.cap})`);
  for (const l of [0, 1]) {
    assert.equal(c.feeds(l)['past_key_f16']!.dims[2], cap, `layer ${l} is fed at the new capacity`);
    assert.deepEqual(c.positions(l), before[l]!.pos, `layer ${l} holds the same tokens`);
    assert.deepEqual(hotRows(c.feeds(l)['past_key_f16']!), before[l]!.hot, `layer ${l}'s hot rows are unchanged`);
  }
  assert.ok(c.epoch > epoch, 'the fed buffers changed');
  assert.ok(c.bytesHeld < heldBefore, `fewer bytes held (${c.bytesHeld} < ${heldBefore})`);
  assert.equal(c.refitHot(1), false, 'already refit');
  fill(c, 260, 1);
  assert.equal(c.length, 260, 'single-token steps go on in the smaller store');

  // Nothing to refit: full precision (its hot store holds everything), or a store that grows.
  const b = new TieredKvCache({ ...shape, maxTokens: 100 }, baseline, { fixedHotChunk: chunk });
  fill(b, 60, chunk);
  assert.equal(b.refitHot(1), false, 'baseline');
  const g = new TieredKvCache(shape, tiered);
  fill(g, 100, chunk);
  assert.equal(g.refitHot(1), false, 'not fixed');

  // An arena that refuses the smaller store: the error comes out and the cache is as it was.
  let refuse = false;
  const arena: KvArena = {
    f32: (n) => new Float32Array(n),
    u16: (n) => {
      if (refuse && n > 0) throw new RangeError('arena full');
      return new Uint16Array(n);
    },
    u8: (n) => new Uint8Array(n),
    release: () => {},
  };
  const d = new TieredKvCache({ ...shape, maxTokens: 300 }, tiered, { arena, fixedHotChunk: chunk });
  d.holdEvictions(200);
  fill(d, 200, chunk);
  const rowsBefore = hotRows(d.feeds(0)['past_key_f16']!);
  refuse = true;
  assert.throws(() => d.refitHot(1), /arena full/);
  assert.deepEqual(hotRows(d.feeds(0)['past_key_f16']!), rowsBefore, 'the layer that could not refit keeps its rows');
  refuse = false;
  assert.equal(d.refitHot(1), true, 'tried again, it finishes');
  assert.deepEqual(hotRows(d.feeds(0)['past_key_f16']!), rowsBefore);
});

test('after refitHot, single-token steps stay within the reservation of single-token steps (the kv-store lowers a settled sequence\'s reservation to it)', () => {
  const policies: CachePolicy[] = [tiered, { ...tiered, thresholds: { int8: 1, int4: 1, evict: 0.2 } }, { ...tiered, thresholds: { int8: 0.7, int4: 0.5, evict: 0.3 } }, recentOnly(tiered)];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const p of policies) {
    for (const [tokens, chunk, prompt] of [[300, 32, 200], [512, 64, 300], [400, 48, 100]] as const) {
      const a = countingArena();
      const c = new TieredKvCache({ ...shape, maxTokens: tokens }, p, { arena: a.arena, fixedHotChunk: chunk });
      c.holdEvictions(prompt);
      const noise = Float64Array.from({ length: tokens }, () => rand());
      fill(c, prompt, chunk, (pos) => noise[pos]!);
      c.refitHot(1);
      a.resetPeak();
      fill(c, Math.floor((prompt + tokens) / 2), 1, (pos) => noise[pos]!);
      c.squeeze(); // the fast loop under memory pressure: the refit store must not grow again afterwards
      fill(c, tokens, 1, (pos) => noise[pos]!);
      const r = reservation({ ...shape, maxTokens: tokens }, p, tokens, 1, prompt);
      assert.ok(a.peak() <= r.bytes, `${JSON.stringify(p.thresholds)} ${tokens}/${chunk}/${prompt}: peak ${a.peak()} after the refit > ${r.bytes} reserved for single-token steps`);
      c.free();
    }
  }
});
