// KvStore without NATS: admission against the budget, block tables that point into the shared-memory
// pool, commits from a staging segment, refusals that change nothing, freeing, reaping, and cleanup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Segment, SegmentMap, listSegments } from '@inferos/shm';
import { hotRows, HOT_FEEDS, cachePolicy, loadPolicy, reservation } from '@inferos/kv';
import { pb, encode, decode, inferos, type MessageType } from '@inferos/proto';
import { KvStore, MAX_HANDOFFS, type StoreConfig } from './store';

// channels = kvHeads * headDim = 128: divisible by every group size the policies use (32, 64, 128).
const SHAPE = { layers: 2, kvHeads: 2, headDim: 64, maxContext: 512 };
const C = SHAPE.kvHeads * SHAPE.headDim;
const CHUNK = 32;
/** Baseline (float32, never demoted) reservation of a sequence of `tokens`: keys and values of every layer. */
const baselineBytes = (tokens: number) => SHAPE.layers * 2 * tokens * C * 4;

const rand = () => Math.random().toString(36).slice(2, 10);

function config(over: Partial<StoreConfig> = {}): StoreConfig {
  return {
    budgetBytes: 4 << 20,
    defaultPolicy: 'baseline',
    shape: SHAPE,
    groups: [32, 64, 128],
    defaultGroup: 64,
    chunk: CHUNK,
    prefix: `inferos-kvtest-${rand()}`,
    ...over,
  };
}

/** Run `fn` with a fresh store; always close it, and check that its segments left /dev/shm. */
async function withStore(over: Partial<StoreConfig>, fn: (store: KvStore) => void | Promise<void>): Promise<void> {
  const cfg = config(over);
  const store = new KvStore(cfg);
  try {
    await fn(store);
  } finally {
    store.close();
  }
  assert.deepEqual(listSegments(cfg.prefix!), [], 'close unlinks the pool and lock segments');
}

/** What the service does with a handler's result: encode it and decode it on the other side. */
function wire<T extends { schemaVersion: number }>(type: MessageType<T>, obj: object): T {
  return decode(type, encode(type, obj));
}

function open(store: KvStore, policy: string, promptTokens: number, maxTokens: number): inferos.v1.SeqOpenReply {
  const req = wire(pb.SeqOpenRequest, { requestId: `req-${rand()}`, policy, promptTokens, maxTokens });
  return wire(pb.SeqOpenReply, store.open(req));
}

function openOk(store: KvStore, policy: string, promptTokens: number, maxTokens: number): string {
  const r = open(store, policy, promptTokens, maxTokens);
  assert.equal(r.status, pb.OpenStatus.OPEN_STATUS_OK, r.message);
  return r.seqId;
}

/** A claim; `job` is what a worker's claim carries (KvClient.claim). */
function claim(store: KvStore, seqId: string, workerId: string, job: { decode?: object; prefill?: object } = {}): inferos.v1.SeqReply {
  return wire(pb.SeqReply, store.claim(wire(pb.SeqClaimRequest, { seqId, workerId, ...(job.decode ? { decodeJob: job.decode } : {}), ...(job.prefill ? { prefillJob: job.prefill } : {}) })));
}

/** The last whole table each sequence's owner got (claimOk, commitOk), to check SeqGrown answers against. */
const lastTable = new Map<string, inferos.v1.SeqTable>();

function claimOk(store: KvStore, seqId: string, workerId: string, job: { decode?: object; prefill?: object } = {}): inferos.v1.SeqTable {
  const r = claim(store, seqId, workerId, job);
  assert.equal(r.error, '');
  lastTable.set(seqId, r.table as inferos.v1.SeqTable);
  return r.table as inferos.v1.SeqTable;
}

function tensor(table: inferos.v1.SeqTable, layer: number, name: string): inferos.v1.KvTensor {
  const t = (table.tensors as inferos.v1.KvTensor[]).find((x) => x.layer === layer && x.name === name);
  assert.ok(t, `table has ${name} of layer ${layer}`);
  return t;
}

/** Attention-mass entries a step must stage for `layer`: every token the graph is fed (all tiers). */
function fed(table: inferos.v1.SeqTable, layer: number): number {
  return ['past_key', 'past_key_f16', 'past_key_i8', 'past_key_i4'].reduce((s, n) => s + held(tensor(table, layer, n)), 0);
}

/** Tokens a tensor of the table holds: a hot tier's rows in use, else its token axis. */
function held(t: inferos.v1.KvTensor): number {
  return t.tokens ?? t.dims[1]!;
}

const ELEMENT: Record<number, number> = { [pb.Dtype.DTYPE_FLOAT32]: 4, [pb.Dtype.DTYPE_FLOAT16]: 2, [pb.Dtype.DTYPE_UINT8]: 1 };

/** Map a tensor the way a worker does: by segment name, from another mapping than the store's own. */
function read(map: SegmentMap, table: inferos.v1.SeqTable, t: inferos.v1.KvTensor): Float32Array | Uint16Array | Uint8Array {
  const h = t.handle as inferos.v1.KvHandle;
  if (h.length === 0) return new Uint8Array(0);
  const seg = (table.segments as inferos.v1.Segment[])[h.segment]!;
  const buf = map.buffer(seg.name, seg.bytes);
  if (t.dtype === pb.Dtype.DTYPE_FLOAT32) return new Float32Array(buf, h.offset, h.length / 4);
  if (t.dtype === pb.Dtype.DTYPE_FLOAT16) return new Uint16Array(buf, h.offset, h.length / 2);
  return new Uint8Array(buf, h.offset, h.length);
}

/** Every tensor's handle lies inside one of the pool's segments and covers exactly its dims. */
function checkHandles(store: KvStore, table: inferos.v1.SeqTable): void {
  const segments = table.segments as inferos.v1.Segment[];
  assert.deepEqual(segments.map((s) => ({ name: s.name, bytes: s.bytes })), store.pool.segmentList);
  for (const s of segments) assert.ok(s.name.startsWith(`${store.pool.prefix}-${process.pid}-`), s.name);
  for (const t of table.tensors as inferos.v1.KvTensor[]) {
    const h = t.handle as inferos.v1.KvHandle;
    const elements = t.dims.reduce((a, b) => a * b, 1);
    assert.equal(h.length, elements * ELEMENT[t.dtype]!, `${t.name}.${t.layer}: bytes match dims ${t.dims}`);
    assert.equal(h.generation, table.generation);
    if (h.length === 0) continue;
    const seg = segments[h.segment];
    assert.ok(seg, `${t.name}.${t.layer}: segment ${h.segment} is in the table`);
    assert.ok(h.offset + h.length <= seg.bytes, `${t.name}.${t.layer}: [${h.offset}, +${h.length}) inside ${seg.bytes} bytes`);
    assert.equal(h.offset % ELEMENT[t.dtype]!, 0, `${t.name}.${t.layer}: aligned for its dtype`);
  }
}

/** Deterministic K/V for token `pos` of `layer`: [kvHeads, headDim] floats. */
function row(kind: 'k' | 'v', layer: number, pos: number): Float32Array {
  const seed = pos * 17 + layer * 5 + (kind === 'k' ? 0 : 3);
  return Float32Array.from({ length: C }, (_, i) => Math.sin(seed * 0.61 + i * 0.37) * (1 + (i % 7)));
}

function rows(kind: 'k' | 'v', layer: number, from: number, t: number): Float32Array {
  const out = new Float32Array(t * C);
  for (let i = 0; i < t; i++) out.set(row(kind, layer, from + i), i * C);
  return out;
}

/** A worker's staging segment (the name must start with inferos-stage-). */
class Stage {
  readonly seg = Segment.create(`inferos-stage-${process.pid}-kvtest-${rand()}`, 1 << 20);

  /**
   * Stage `t` tokens after the table's current length, in SeqStep's layout: per layer keys, values,
   * then (when the table asks for importance) the attention mass of every fed token and the new ones.
   */
  step(table: inferos.v1.SeqTable, t: number, mass: (pos: number) => number = () => 1): { floats: number; step: object } {
    const view = new Float32Array(this.seg.buffer);
    let at = 0;
    for (let l = 0; l < SHAPE.layers; l++) {
      view.set(rows('k', l, table.length, t), at);
      at += t * C;
      view.set(rows('v', l, table.length, t), at);
      at += t * C;
      if (table.needsImportance) {
        const n = fed(table, l) + t;
        for (let i = 0; i < n; i++) view[at + i] = mass(i);
        at += n;
      }
    }
    return {
      floats: at,
      step: {
        seqId: table.seqId, tokens: t, generation: table.generation,
        staging: { name: this.seg.name, bytes: this.seg.bytes }, stagingOffset: 0, stagingLength: at * 4,
      },
    };
  }

  close(): void {
    this.seg.unlink();
  }
}

function commit(store: KvStore, workerId: string, ...steps: object[]): inferos.v1.SeqReply[] {
  return wire(pb.StepCommitReply, store.commit(wire(pb.StepCommitRequest, { workerId, steps }))).results as inferos.v1.SeqReply[];
}

const HOT = new Set<string>(HOT_FEEDS);
/** How commitOk's steps were answered. */
const answers = { table: 0, grown: 0 };

/**
 * Commit one step and return the sequence's whole table. A SeqGrown answer is checked against a fresh
 * claim: the table must be the previous one with only the hot tier grown in place by the step's tokens
 * (what a worker's RemoteSeq.grow assumes).
 */
function commitOk(store: KvStore, workerId: string, step: object): inferos.v1.SeqTable {
  const [r] = commit(store, workerId, step);
  assert.equal(r!.error, '');
  const { seqId, tokens } = step as { seqId: string; tokens: number };
  if (r!.table) {
    assert.equal(r!.grown, null, 'a table or SeqGrown, not both');
    answers.table++;
    lastTable.set(seqId, r!.table as inferos.v1.SeqTable);
    return r!.table as inferos.v1.SeqTable;
  }
  const grown = r!.grown!;
  answers.grown++;
  const prev = lastTable.get(seqId)!;
  const next = claimOk(store, seqId, workerId);
  assert.equal(grown.tokens, tokens);
  assert.equal(grown.generation, next.generation);
  assert.equal(grown.length, next.length);
  assert.equal(next.length, prev.length + tokens);
  assert.equal(next.tensors.length, prev.tensors.length);
  (next.tensors as inferos.v1.KvTensor[]).forEach((t, i) => {
    const p = prev.tensors[i] as inferos.v1.KvTensor;
    assert.equal(`${t.layer}/${t.name}`, `${p.layer}/${p.name}`);
    const grew = HOT.has(t.name) && (p.handle!.length ?? 0) > 0;
    // The hot tier's buffer stays where it was, at its capacity: only its rows in use grew.
    assert.deepEqual(t.dims, p.dims, `${t.name}.${t.layer}: dims`);
    assert.equal(held(t), held(p) + (grew ? tokens : 0), `${t.name}.${t.layer}: tokens`);
    assert.equal(t.handle!.segment, p.handle!.segment, `${t.name}.${t.layer}: segment`);
    if ((p.handle!.length ?? 0) > 0) assert.equal(t.handle!.offset, p.handle!.offset, `${t.name}.${t.layer}: offset`);
    assert.equal(t.handle!.length, p.handle!.length, `${t.name}.${t.layer}: length`);
  });
  return next;
}

test('open answers OPEN_STATUS_OK with the reserved bytes, and reservations add up', () =>
  withStore({}, (store) => {
    const a = open(store, 'baseline', 64, 36);
    assert.equal(a.status, pb.OpenStatus.OPEN_STATUS_OK, a.message);
    assert.ok(a.seqId.length > 0);
    assert.equal(a.chunk, CHUNK);
    assert.equal(a.reservedBytes, baselineBytes(100));
    const b = open(store, 'quality_optimized', 200, 100);
    assert.equal(b.status, pb.OpenStatus.OPEN_STATUS_OK, b.message);
    assert.ok(b.reservedBytes > 0);
    assert.notEqual(a.seqId, b.seqId);
    const s = store.stats;
    assert.equal(s.sequences, 2);
    assert.equal(s.reservedBytes, a.reservedBytes + b.reservedBytes);
    assert.ok(s.usedBytes > 0 && s.usedBytes <= s.reservedBytes, `used ${s.usedBytes} within reserved ${s.reservedBytes}`);
    // An empty policy name means the store's default.
    const d = open(store, '', 10, 10);
    assert.equal(d.status, pb.OpenStatus.OPEN_STATUS_OK, d.message);
    assert.equal(d.reservedBytes, baselineBytes(20));
  }));

test('SATURATED - a reservation past the budget is refused and changes nothing', () =>
  withStore({ budgetBytes: baselineBytes(100) * 2.5 }, (store) => {
    const first = openOk(store, 'baseline', 64, 36);
    openOk(store, 'baseline', 64, 36);
    const before = store.stats;
    const r = open(store, 'baseline', 64, 36);
    assert.equal(r.status, pb.OpenStatus.OPEN_STATUS_SATURATED);
    assert.equal(r.seqId, '');
    assert.ok(r.retryAfterMs > 0);
    assert.equal(r.reservedBytes, baselineBytes(100));
    assert.match(r.message, /budget full/);
    assert.deepEqual(store.stats, before);
    // Half a reservation is still free: a smaller sequence fits.
    openOk(store, 'baseline', 20, 20);
    // Freeing a sequence admits the refused one.
    assert.equal(store.free(first), true);
    openOk(store, 'baseline', 64, 36);
  }));

test('TOO LARGE - a reservation bigger than the whole budget is refused for good', () =>
  withStore({ budgetBytes: baselineBytes(100) * 2.5 }, (store) => {
    const before = store.stats;
    const r = open(store, 'baseline', 400, 100);
    assert.equal(r.status, pb.OpenStatus.OPEN_STATUS_TOO_LARGE);
    assert.equal(r.reservedBytes, baselineBytes(500));
    assert.match(r.message, new RegExp(`whole KV budget of ${baselineBytes(100) * 2.5}`));
    assert.deepEqual(store.stats, before);
  }));

test('BAD REQUEST - a policy given as a path, an unknown profile, or a group size without a graph', () =>
  withStore({ groups: [64], defaultGroup: 64 }, (store) => {
    const before = store.stats;
    const path = open(store, '../x', 10, 10);
    assert.equal(path.status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.match(path.message, /^\.\.\/x: /);
    assert.match(path.message, /profile/);
    const unknown = open(store, 'no_such_profile', 10, 10);
    assert.equal(unknown.status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.match(unknown.message, /no_such_profile: no such profile/);
    // latency_optimized uses groups of 128; this model (groups: [64]) has no graph for them.
    const group = open(store, 'latency_optimized', 10, 10);
    assert.equal(group.status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.match(group.message, /latency_optimized: kv.group_size.*group size 128/);
    assert.deepEqual(store.stats, before);
    openOk(store, 'quality_optimized', 10, 10);
  }));

test('BAD REQUEST - prompt + max tokens over the context, or zero tokens', () =>
  withStore({}, (store) => {
    const before = store.stats;
    const long = open(store, 'baseline', 500, 13);
    assert.equal(long.status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.match(long.message, /prompt \(500\) \+ max tokens \(13\) exceed the model's context of 512/);
    assert.equal(open(store, 'baseline', 0, 10).status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.equal(open(store, 'baseline', 10, 0).status, pb.OpenStatus.OPEN_STATUS_BAD_REQUEST);
    assert.deepEqual(store.stats, before);
    openOk(store, 'baseline', 500, 12);
  }));

test('claim returns the table of an empty sequence; unknown sequences and anonymous workers are refused', () =>
  withStore({}, (store) => {
    const id = openOk(store, 'quality_optimized', 40, 40);
    const table = claimOk(store, id, 'worker-a');
    assert.equal(table.seqId, id);
    assert.equal(table.length, 0);
    assert.equal(table.groupSize, 64);
    assert.equal(table.needsImportance, true);
    assert.equal(table.maxTokens, 80);
    assert.equal(table.generation % 2, 0, 'a published generation is even');
    assert.equal(table.generation, store.locks.generation(table.slot));
    assert.deepEqual({ name: table.locks!.name, bytes: table.locks!.bytes }, { name: store.locks.segment.name, bytes: store.locks.segment.bytes });
    assert.equal(table.lockSlots, store.maxSequences);
    // Every graph input of every layer is there, empty.
    for (let l = 0; l < SHAPE.layers; l++) {
      for (const name of ['past_key', 'past_value', 'past_key_f16', 'past_value_f16', 'past_key_i8', 'past_key_i4', 'past_value_i8_scale', 'past_value_i4_zero']) {
        assert.equal(held(tensor(table, l, name)), 0, `${name}.${l} is empty`);
      }
    }
    checkHandles(store, table);
    const base = claimOk(store, openOk(store, 'baseline', 10, 10), 'worker-a');
    assert.equal(base.groupSize, 64, 'the full-precision baseline uses the default group');
    assert.equal(base.needsImportance, false);
    assert.notEqual(base.slot, table.slot);
    assert.match(claim(store, 'nope', 'worker-a').error, /no sequence nope/);
    assert.match(claim(store, id, '').error, /worker_id is required/);
  }));

test('commit appends staged tokens: the table grows, the seqlock advances, and the data reads back exactly (baseline)', () =>
  withStore({}, (store) => {
    const stage = new Stage();
    const map = new SegmentMap();
    try {
      const id = openOk(store, 'baseline', 60, 20);
      let table = claimOk(store, id, 'worker-a');
      const reserved = store.stats.reservedBytes;
      for (const t of [CHUNK, 1, 5, CHUNK]) {
        const before = { table, fp16: store.stats.bytesFp16Equivalent };
        table = commitOk(store, 'worker-a', stage.step(table, t).step);
        assert.equal(table.length, before.table.length + t);
        assert.equal(table.generation, before.table.generation + 2, 'one write window per commit');
        assert.equal(store.locks.validate(table.slot, before.table.generation), false, 'the old table no longer validates');
        assert.equal(store.locks.validate(table.slot, table.generation), true);
        assert.ok(store.stats.bytesFp16Equivalent > before.fp16);
        assert.ok(store.stats.usedBytes <= reserved);
        for (let l = 0; l < SHAPE.layers; l++) {
          const k = tensor(table, l, 'past_key');
          // Head-major at the whole reservation (prompt + max tokens = 80 rows), `tokens` of them in use.
          assert.deepEqual(k.dims, [1, SHAPE.kvHeads, 80, SHAPE.headDim]);
          assert.equal(k.tokens, table.length);
          assert.equal(k.handle!.length, 80 * C * 4, 'the handle covers the whole hot store');
          assert.equal(k.dtype, pb.Dtype.DTYPE_FLOAT32);
          assert.equal(k.handle!.tier, pb.Tier.TIER_F32);
          assert.equal(fed(table, l), table.length);
        }
        checkHandles(store, table);
      }
      assert.equal(table.length, 70);
      // Float32 is exact: what the worker staged is what the graph will read, bit for bit.
      for (let l = 0; l < SHAPE.layers; l++) {
        for (const [name, kind] of [['past_key', 'k'], ['past_value', 'v']] as const) {
          const t = tensor(table, l, name);
          assert.deepEqual(hotRows({ type: 'float32', data: read(map, table, t), dims: [...t.dims], tokens: held(t) }), rows(kind, l, 0, 70));
        }
      }
      assert.equal(store.stats.bytesByTier.f32, baselineBytes(80), 'the fixed hot store holds the whole reservation');
    } finally {
      stage.close();
    }
  }));

test('a quantizing policy demotes old blocks to INT8, within its reservation, until the context is full', () =>
  withStore({}, (store) => {
    const stage = new Stage();
    const map = new SegmentMap();
    try {
      const id = openOk(store, 'quality_optimized', 256, 256);
      let table = claimOk(store, id, 'worker-a');
      const reserved = store.stats.reservedBytes;
      let peak = 0;
      const before = { ...answers };
      while (table.length < 512) {
        const t = Math.min(table.length < 256 ? CHUNK : 1 + (table.length % 3), 512 - table.length);
        // Earlier tokens get more attention, so the ranking is not a tie.
        table = commitOk(store, 'worker-a', stage.step(table, t, (i) => 1 / (1 + i)).step);
        peak = Math.max(peak, store.stats.usedBytes);
        checkHandles(store, table);
      }
      assert.ok(peak <= reserved, `bytes held (peak ${peak}) never exceed the reservation (${reserved})`);
      // Demotions moved blocks (whole tables); plain appends in between were answered with SeqGrown.
      assert.ok(answers.table > before.table && answers.grown > before.grown, `answers: ${JSON.stringify(answers)}`);
      const s = store.stats;
      assert.ok(s.bytesByTier.int8 > 0, 'old blocks are held as INT8');
      assert.equal(s.bytesByTier.int4, 0, 'quality_optimized never goes below INT8');
      assert.equal(s.bytesByTier.f32, 0);
      assert.ok(s.bytesByTier.int8 + s.bytesByTier.f16 < s.bytesFp16Equivalent, 'fewer bytes than FP16');
      for (let l = 0; l < SHAPE.layers; l++) {
        const i8 = tensor(table, l, 'past_key_i8');
        assert.ok(i8.dims[1]! > 0 && i8.dims[1]! % 64 === 0, `INT8 holds whole blocks of 64 (${i8.dims[1]})`);
        assert.equal(i8.handle!.tier, pb.Tier.TIER_INT8);
        assert.equal(tensor(table, l, 'past_key_i4').dims[1], 0);
        assert.equal(fed(table, l), 512, 'nothing is evicted: every token is fed');
        // The newest token sits in the FP16 window, as staged (to FP16 precision).
        const f16 = tensor(table, l, 'past_key_f16');
        const n = held(f16);
        const last = hotRows({ type: 'float16', data: read(map, table, f16), dims: [...f16.dims], tokens: n }).subarray((n - 1) * C, n * C);
        const want = row('k', l, 511);
        for (let i = 0; i < C; i++) assert.ok(Math.abs(last[i]! - want[i]!) <= 1e-3 * Math.max(1, Math.abs(want[i]!)), `channel ${i}`);
      }
      // Past the context: refused, and the sequence is still there.
      const [over] = commit(store, 'worker-a', stage.step(table, 1).step);
      assert.match(over!.error, /exceed/);
      assert.equal(store.stats.sequences, 1);
    } finally {
      stage.close();
    }
  }));

test('a prompt\'s evictions wait for its last chunk, within the reservation', () =>
  withStore({}, (store) => {
    const stage = new Stage();
    try {
      const prompt = 384;
      const id = openOk(store, 'default', prompt, 128);
      let table = claimOk(store, id, 'worker-a');
      const reserved = store.stats.reservedBytes;
      let peak = 0;
      const mass = (i: number) => 1 + Math.sin(i * 1.7);
      while (table.length < prompt) {
        const before = table.length;
        table = commitOk(store, 'worker-a', stage.step(table, Math.min(CHUNK, prompt - table.length), mass).step);
        peak = Math.max(peak, store.stats.usedBytes);
        const evicted = Array.from({ length: SHAPE.layers }, (_, l) => table.length - fed(table, l));
        if (table.length < prompt) assert.deepEqual(evicted, evicted.map(() => 0), `nothing evicted at ${before} + chunk`);
        else assert.ok(evicted.every((e) => e > 0 && e % 64 === 0), `the prompt's end evicts whole blocks in every layer: ${evicted}`);
      }
      while (table.length < prompt + 128) {
        table = commitOk(store, 'worker-a', stage.step(table, 1, mass).step);
        peak = Math.max(peak, store.stats.usedBytes);
      }
      assert.ok(peak <= reserved, `bytes held (peak ${peak}) never exceed the reservation (${reserved})`);
      assert.ok(fed(table, 0) < table.length);
    } finally {
      stage.close();
    }
  }));

test('REFUSED - a commit from a non-owner, with a stale generation or a wrong staging changes nothing', () =>
  withStore({}, (store) => {
    const stage = new Stage();
    try {
      const id = openOk(store, 'quality_optimized', 64, 64);
      let table = claimOk(store, id, 'worker-a');
      table = commitOk(store, 'worker-a', stage.step(table, CHUNK).step);
      const stats = store.stats;
      const refuse = (workerId: string, step: object, why: RegExp, code: inferos.v1.KvError) => {
        const [r] = commit(store, workerId, step);
        assert.match(r!.error, why);
        assert.equal(r!.code, code, `${why}: the code workers branch on`);
        assert.equal(r!.table, null);
        assert.deepEqual(store.stats, stats, `${why}: stats unchanged`);
        assert.equal(store.locks.generation(table.slot), table.generation, `${why}: no write window`);
        assert.ok(store.locks.validate(table.slot, table.generation), `${why}: readers' tables stay valid`);
      };
      const good = stage.step(table, 3);
      const step = good.step as Record<string, unknown>;
      refuse('worker-b', step, /owned by worker-a, not worker-b/, pb.KvError.KV_ERROR_NOT_OWNER);
      refuse('worker-a', { ...step, generation: table.generation - 2 }, /stale step/, pb.KvError.KV_ERROR_STALE_STEP);
      refuse('worker-a', { ...step, stagingLength: good.floats * 4 - 4 }, /staged \d+ bytes, expected/, pb.KvError.KV_ERROR_REFUSED);
      refuse('worker-a', { ...step, tokens: 4 }, /staged \d+ bytes, expected/, pb.KvError.KV_ERROR_REFUSED);
      refuse('worker-a', { ...step, tokens: 0 }, /1\.\.32 tokens/, pb.KvError.KV_ERROR_REFUSED);
      refuse('worker-a', { ...step, staging: { name: store.pool.segmentList[0]!.name, bytes: 64 } }, /inferos-stage-\* segment/, pb.KvError.KV_ERROR_REFUSED);
      refuse('worker-a', { ...step, staging: { name: `inferos-stage-${process.pid}-missing-${rand()}`, bytes: 64 } }, /append failed|No such file/, pb.KvError.KV_ERROR_REFUSED);
      refuse('worker-a', { ...step, seqId: 'nope' }, /no sequence nope/, pb.KvError.KV_ERROR_NO_SEQUENCE);
      // The sequence is intact: its owner commits the same step.
      const next = commitOk(store, 'worker-a', step);
      assert.equal(next.length, CHUNK + 3);
      // A batch answers step by step: one refusal does not stop the others.
      const other = claimOk(store, openOk(store, 'baseline', 10, 10), 'worker-a');
      const results = commit(store, 'worker-a', { ...stage.step(next, 1).step as object, generation: 0 }, stage.step(other, 2).step);
      assert.match(results[0]!.error, /stale step/);
      assert.equal(results[0]!.code, pb.KvError.KV_ERROR_STALE_STEP);
      assert.equal(results[1]!.error, '');
      assert.equal(results[1]!.code, pb.KvError.KV_ERROR_UNSPECIFIED);
      assert.equal((results[1]!.grown ?? results[1]!.table)!.length, 2, 'the other step committed (SeqGrown or a table)');
    } finally {
      stage.close();
    }
  }));

test('free returns every byte and bumps the seqlock, so an old table no longer validates', () =>
  withStore({}, (store) => {
    const stage = new Stage();
    try {
      const tables: inferos.v1.SeqTable[] = [];
      for (const policy of ['baseline', 'quality_optimized', 'default']) {
        let table = claimOk(store, openOk(store, policy, 128, 64), 'worker-a');
        for (let i = 0; i < 5; i++) table = commitOk(store, 'worker-a', stage.step(table, CHUNK).step);
        tables.push(table);
      }
      assert.ok(store.stats.usedBytes > 0);
      for (const table of tables) {
        assert.equal(store.free(table.seqId), true);
        assert.equal(store.locks.validate(table.slot, table.generation), false, 'readers of a freed sequence see the change');
        assert.equal(store.free(table.seqId), false, 'freeing twice is a no-op');
        assert.match(claim(store, table.seqId, 'worker-a').error, /no sequence/);
        assert.match(commit(store, 'worker-a', stage.step(table, 1).step)[0]!.error, /no sequence/);
      }
      const s = store.stats;
      assert.deepEqual(
        { used: s.usedBytes, reserved: s.reservedBytes, sequences: s.sequences, tiers: s.bytesByTier },
        { used: 0, reserved: 0, sequences: 0, tiers: { f32: 0, f16: 0, int8: 0, int4: 0 } },
      );
      assert.ok(s.peakUsedBytes > 0, 'the peak remembers what was held');
      // A freed slot is reused with a fresh generation: the old table still does not validate.
      const again = claimOk(store, openOk(store, 'baseline', 10, 10), 'worker-a');
      const reused = tables.find((t) => t.slot === again.slot);
      if (reused) assert.ok(again.generation > reused.generation);
    } finally {
      stage.close();
    }
  }));

test('reap frees the sequences of a worker that stopped heartbeating and leaves the others alone', () =>
  withStore({ unclaimedTtlMs: 10_000 }, async (store) => {
    const lost = openOk(store, 'baseline', 10, 10);
    claimOk(store, lost, 'worker-gone');
    const kept = openOk(store, 'quality_optimized', 10, 10);
    claimOk(store, kept, 'worker-alive');
    const unclaimed = openOk(store, 'baseline', 20, 20);
    await sleep(50);
    store.heartbeat(wire(pb.Heartbeat, { workerId: 'worker-alive', kind: 'decode-worker' }));
    const reserved = store.stats.reservedBytes;
    const { lost: out, handoffs } = store.reap(25, Date.now());
    assert.deepEqual(handoffs, [], 'no decode job was claimed: nothing to hand off');
    assert.deepEqual(out.map((x) => x.seq.id), [lost]);
    assert.match(out[0]!.reason, /worker worker-gone stopped heartbeating \d+ ms ago/);
    assert.equal(store.stats.sequences, 2);
    assert.equal(store.stats.freedLost, 1);
    assert.equal(store.stats.reservedBytes, reserved - baselineBytes(20), 'the lost sequence\'s reservation is returned');
    assert.equal(store.requestIdOf(lost), undefined);
    assert.ok(store.requestIdOf(kept));
    // Nobody claimed `unclaimed`: freed once its TTL passes; `kept`'s worker is still within LOST_AFTER.
    assert.deepEqual(store.reap(60_000, Date.now() + 5_000).lost, []);
    const late = store.reap(60_000, Date.now() + 10_001).lost;
    assert.deepEqual(late.map((x) => x.seq.id), [unclaimed]);
    assert.match(late[0]!.reason, /no worker claimed/);
    assert.equal(store.stats.sequences, 1);
    assert.equal(store.stats.freedLost, 2);
  }));

test('close unlinks the pool\'s segments and the lock segment from /dev/shm', () => {
  const cfg = config();
  const store = new KvStore(cfg);
  const stage = new Stage();
  try {
    const table = claimOk(store, openOk(store, 'baseline', 10, 10), 'worker-a');
    commitOk(store, 'worker-a', stage.step(table, 4).step);
    const names = listSegments(cfg.prefix!);
    assert.ok(names.includes(store.locks.segment.name));
    for (const s of store.pool.segmentList) assert.ok(names.includes(s.name));
  } finally {
    store.close();
    stage.close();
  }
  assert.deepEqual(listSegments(cfg.prefix!), []);
  assert.equal(Segment.exists(stage.seg.name), false);
});

test('a decode job whose worker is gone is handed off as of its last commit, and the next worker takes the sequence over', () =>
  withStore({}, async (store) => {
    const stage = new Stage();
    try {
      const id = openOk(store, 'baseline', 10, 10);
      const job = { requestId: 'r1', seqId: id, nextToken: 7, generated: 1, maxTokens: 10, sampling: { temperature: 0.75, topP: 0.5, seed: 5, draws: 0 }, stopAtEos: true, streamSubject: 's.r1', promptTokens: 10 };
      let table = claimOk(store, id, 'decode-a', { decode: job });
      table = commitOk(store, 'decode-a', { ...stage.step(table, 1).step, progress: { nextToken: 42, generated: 2, draws: 1 } });
      table = commitOk(store, 'decode-a', { ...stage.step(table, 1).step, progress: { nextToken: 43, generated: 3, draws: 2 } });
      await sleep(40);
      const { lost, handoffs } = store.reap(25, Date.now());
      assert.deepEqual(lost, [], 'a decode job is not lost');
      assert.equal(handoffs.length, 1);
      const h = handoffs[0]!;
      assert.equal(h.kind, 'decode');
      assert.match(h.reason, /worker decode-a stopped heartbeating/);
      assert.deepEqual(
        { ...pb.DecodeJob.toObject(h.job as inferos.v1.DecodeJob, { defaults: true }) },
        { ...pb.DecodeJob.toObject(pb.DecodeJob.create({ ...job, nextToken: 43, generated: 3, sampling: { ...job.sampling, draws: 2 }, resumed: true }), { defaults: true }) },
        'the job as of the last commit, marked resumed',
      );
      assert.deepEqual(store.reap(25, Date.now()).handoffs, [], 'handed off once');
      // The sequence waits unowned with its KV (the 2 committed tokens); the next worker claims it and goes on.
      // The old worker, if it was only slow, cannot take it back by refreshing its table (a claim without a job).
      assert.equal(claim(store, id, 'decode-a').code, pb.KvError.KV_ERROR_NOT_OWNER);
      const next = claimOk(store, id, 'decode-b', { decode: h.job });
      assert.equal(next.length, 2);
      assert.equal(claim(store, id, 'decode-a').code, pb.KvError.KV_ERROR_NOT_OWNER, 'nor once the next worker owns it');
      assert.equal(claim(store, id, 'decode-b').error, '', 'the owner refreshes its own table');
      commitOk(store, 'decode-b', stage.step(next, 1).step);
      assert.match(commit(store, 'decode-a', stage.step(table, 1).step)[0]!.error, /owned by decode-b/, 'the old worker, if it was only slow, is refused');
      // A handoff nobody takes is freed and reported lost; one claimed meanwhile is left alone.
      assert.equal(store.dropHandoff(id, 'nobody'), undefined, 'claimed by decode-b: not dropped');
      const other = openOk(store, 'baseline', 10, 10);
      claimOk(store, other, 'decode-c', { decode: { ...job, seqId: other } });
      await sleep(40);
      store.heartbeat(wire(pb.Heartbeat, { workerId: 'decode-b', kind: 'decode-worker' }));
      assert.deepEqual(store.reap(25, Date.now()).handoffs.map((x) => x.seqId), [other]);
      const dropped = store.dropHandoff(other, 'no decode worker took it over');
      assert.equal(dropped?.seq.id, other);
      assert.equal(store.requestIdOf(other), undefined);
    } finally {
      stage.close();
    }
  }));

test('a worker of this PID namespace whose process exited is gone at once, without waiting for LOST_AFTER', () =>
  withStore({ pidNamespace: 'boot/pid:[1]' }, async (store) => {
    const { spawnSync } = await import('node:child_process');
    const deadPid = spawnSync('true').pid; // a process of this namespace that has exited (and been reaped)
    assert.ok(Number.isInteger(deadPid) && deadPid > 0, `pid ${deadPid}`);
    const a = openOk(store, 'baseline', 10, 10);
    claimOk(store, a, 'w-dead');
    const b = openOk(store, 'baseline', 10, 10);
    claimOk(store, b, 'w-elsewhere');
    const c = openOk(store, 'baseline', 10, 10);
    claimOk(store, c, 'w-alive');
    store.heartbeat(wire(pb.Heartbeat, { workerId: 'w-dead', kind: 'decode-worker', pid: deadPid, pidNamespace: 'boot/pid:[1]' }));
    // The same pid reported from another namespace says nothing about a process here.
    store.heartbeat(wire(pb.Heartbeat, { workerId: 'w-elsewhere', kind: 'decode-worker', pid: deadPid, pidNamespace: 'boot/pid:[2]' }));
    store.heartbeat(wire(pb.Heartbeat, { workerId: 'w-alive', kind: 'decode-worker', pid: process.pid, pidNamespace: 'boot/pid:[1]' }));
    const { lost } = store.reap(60_000, Date.now());
    assert.deepEqual(lost.map((x) => x.seq.id), [a]);
    assert.match(lost[0]!.reason, new RegExp(`worker w-dead \\(pid ${deadPid}\\) exited`));
  }));

test('a prefill job whose worker dies is handed to another prefill worker with an emptied cache; once it became a decode job, it goes to a decode worker', () =>
  withStore({}, async (store) => {
    const stage = new Stage();
    try {
      const id = openOk(store, 'quality_optimized', 20, 10);
      const prefillJob = { requestId: 'r2', seqId: id, promptIds: Array.from({ length: 20 }, (_, i) => i + 1), maxTokens: 10, chunk: CHUNK, streamSubject: 's.r2', stopAtEos: true };
      let table = claimOk(store, id, 'prefill-a', { prefill: prefillJob });
      // The gateway sends a job again when a try goes unanswered: a second prefill worker leaves it.
      const twice = claim(store, id, 'prefill-c', { prefill: prefillJob });
      assert.equal(twice.code, pb.KvError.KV_ERROR_NOT_OWNER, 'a live owner keeps its prefill job');
      assert.match(twice.error, /already taken by prefill-a/);
      table = commitOk(store, 'prefill-a', stage.step(table, 12).step);
      assert.equal(table.length, 12, 'a first chunk of the prompt committed');
      await sleep(40);
      const { lost, handoffs } = store.reap(25, Date.now());
      assert.deepEqual(lost, []);
      assert.equal(handoffs.length, 1);
      assert.equal(handoffs[0]!.kind, 'prefill');
      assert.deepEqual(pb.PrefillJob.toObject(handoffs[0]!.job as inferos.v1.PrefillJob), pb.PrefillJob.toObject(pb.PrefillJob.create(prefillJob)));
      // The prompt runs again from the start on an empty cache, in the same slot and reservation.
      assert.equal(claim(store, id, 'prefill-a').code, pb.KvError.KV_ERROR_NOT_OWNER, 'the old worker cannot refresh its way back');
      const fresh = claimOk(store, id, 'prefill-b', { prefill: handoffs[0]!.job });
      assert.equal(fresh.length, 0);
      assert.ok(fresh.generation > table.generation, 'the old table no longer validates');
      assert.match(commit(store, 'prefill-a', stage.step(table, 1).step)[0]!.error, /owned by prefill-b/);
      let t2 = commitOk(store, 'prefill-b', stage.step(fresh, 20).step);
      assert.equal(t2.length, 20);
      // The first token chosen: the prefill worker claims again with the decode job; from now on a death
      // hands the sequence to a decode worker.
      const decodeJob = { requestId: 'r2', seqId: id, nextToken: 5, generated: 1, maxTokens: 10, sampling: { temperature: 0, topP: 1, seed: 1, draws: 0 }, stopAtEos: true, streamSubject: 's.r2', promptTokens: 20 };
      t2 = claimOk(store, id, 'prefill-b', { decode: decodeJob });
      const late = claim(store, id, 'prefill-b', { prefill: handoffs[0]!.job });
      assert.equal(late.code, pb.KvError.KV_ERROR_NOT_OWNER, 'a prefill job arriving again after the prompt ran is not run again');
      assert.match(late.error, /past its prompt/);
      await sleep(40);
      const second = store.reap(25, Date.now()).handoffs;
      assert.deepEqual(second.map((h) => h.kind), ['decode']);
      // A decode worker that took the job from the prefill worker and stepped it on, and the resumed copy:
      // whichever is behind stands down.
      let d1 = claimOk(store, id, 'decode-1', { decode: decodeJob });
      d1 = commitOk(store, 'decode-1', { ...stage.step(d1, 1).step, progress: { nextToken: 6, generated: 2, draws: 0 } });
      const behind = claim(store, id, 'decode-2', { decode: second[0]!.job });
      assert.equal(behind.code, pb.KvError.KV_ERROR_NOT_OWNER);
      assert.match(behind.error, /went on to 2 tokens under decode-1; this job has 1/);
      commitOk(store, 'decode-1', { ...stage.step(d1, 1).step, progress: { nextToken: 7, generated: 3, draws: 0 } });
    } finally {
      stage.close();
    }
  }));

test('a job whose every taker dies too is handed off MAX_HANDOFFS times, then lost', () =>
  withStore({}, async (store) => {
    const id = openOk(store, 'baseline', 10, 10);
    const job = { requestId: 'r3', seqId: id, nextToken: 1, generated: 1, maxTokens: 10, sampling: { temperature: 0, topP: 1, seed: 1, draws: 0 }, stopAtEos: true, streamSubject: 's.r3', promptTokens: 10 };
    for (let i = 0; i < MAX_HANDOFFS; i++) {
      claimOk(store, id, `decode-${i}`, { decode: job });
      await sleep(40);
      const { lost, handoffs } = store.reap(25, Date.now());
      assert.deepEqual([lost.length, handoffs.length], [0, 1], `handoff ${i + 1}`);
    }
    claimOk(store, id, 'decode-last', { decode: job });
    await sleep(40);
    const { lost, handoffs } = store.reap(25, Date.now());
    assert.deepEqual(handoffs, []);
    assert.equal(lost.length, 1);
    assert.match(lost[0]!.reason, new RegExp(`handed off ${MAX_HANDOFFS} times already`));
    assert.equal(store.requestIdOf(id), undefined, 'freed');
  }));

test('once its prompt is in, a compressed sequence is refit for single-token steps and its prompt chunks\' room goes back to the budget', () =>
  withStore({}, async (store) => {
    const stage = new Stage();
    try {
      const id = openOk(store, 'default', 200, 40);
      const atOpen = store.stats.reservedBytes;
      const shape = { ...SHAPE, maxTokens: 240 };
      const policy = cachePolicy(loadPolicy('default').policy);
      assert.equal(atOpen, reservation(shape, policy, 240, CHUNK, 200).bytes, 'opened with room for prompt chunks');
      const prefillJob = { requestId: 'r-settle', seqId: id, promptIds: Array.from({ length: 200 }, (_, i) => i + 1), maxTokens: 40, chunk: CHUNK, streamSubject: 's.settle', stopAtEos: true };
      let table = claimOk(store, id, 'prefill-a', { prefill: prefillJob });
      for (let at = 0; at < 200; at += CHUNK) table = commitOk(store, 'prefill-a', stage.step(table, Math.min(CHUNK, 200 - at)).step);
      const hotBefore = held(tensor(table, 0, 'past_key_f16'));
      const capBefore = tensor(table, 0, 'past_key_f16').dims[2]!;
      const usedBefore = store.stats.usedBytes;
      // The prompt's first token chosen: the sequence becomes a decode job.
      const decodeJob = { requestId: 'r-settle', seqId: id, nextToken: 5, generated: 1, maxTokens: 40, sampling: { temperature: 0, topP: 1, seed: 1, draws: 0 }, stopAtEos: true, streamSubject: 's.settle', promptTokens: 200 };
      table = claimOk(store, id, 'prefill-a', { decode: decodeJob });
      const settled = reservation(shape, policy, 240, 1, 200).bytes;
      assert.ok(settled < atOpen, `single-token steps need less (${settled} < ${atOpen})`);
      assert.equal(store.stats.reservedBytes, settled, 'the reservation dropped to what single-token steps can hold');
      assert.ok(store.stats.usedBytes < usedBefore, `the pool holds less (${store.stats.usedBytes} < ${usedBefore})`);
      const capAfter = tensor(table, 0, 'past_key_f16').dims[2]!;
      assert.ok(capAfter < capBefore, `the hot store is smaller (${capAfter} < ${capBefore} rows fed)`);
      assert.equal(held(tensor(table, 0, 'past_key_f16')), hotBefore, 'with the same rows');
      checkHandles(store, table);
      // Decode steps go on; a step of more than one token is refused and changes nothing.
      for (let i = 0; i < 30; i++) table = commitOk(store, 'prefill-a', { ...stage.step(table, 1).step, progress: { nextToken: 6, generated: 2 + i, draws: 0 } });
      assert.equal(table.length, 230);
      const [refused] = commit(store, 'prefill-a', stage.step(table, 2).step);
      assert.equal(refused!.code, pb.KvError.KV_ERROR_REFUSED);
      assert.match(refused!.error, /after the prompt has 1 token, got 2/);
      assert.equal(store.stats.reservedBytes, settled, 'unchanged');
      // Baseline's reservation does not depend on the chunk: its decode job leaves it as it was.
      const b = openOk(store, 'baseline', 50, 10);
      const bReserved = store.stats.reservedBytes;
      let bt = claimOk(store, b, 'prefill-b', { prefill: { ...prefillJob, seqId: b, promptIds: prefillJob.promptIds.slice(0, 50), maxTokens: 10 } });
      for (let at = 0; at < 50; at += CHUNK) bt = commitOk(store, 'prefill-b', stage.step(bt, Math.min(CHUNK, 50 - at)).step);
      claimOk(store, b, 'prefill-b', { decode: { ...decodeJob, seqId: b, maxTokens: 10, promptTokens: 50 } });
      assert.equal(store.stats.reservedBytes, bReserved, 'baseline keeps its reservation');
    } finally {
      stage.close();
    }
  }));
