// The kv-store on a real (private) NATS server, driven by the workers' KvClient: claim, commit through a
// staging segment, read the tiers in place, free, and the SeqLost announcement when a worker goes silent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { listSegments } from '@inferos/shm';
import { hotRows } from '@inferos/kv';
import {
  pb, Subjects, HEARTBEAT_MS, startNatsServer, connectBus, request, publish, decode,
  type NatsServerHandle, type NatsConnection, type inferos,
} from '@inferos/proto';
import { KvClient, KvError, type RemoteSeq, type StepToCommit } from '@inferos/serving';
import { startKvStore, type RunningStore } from './service';

const SHAPE = { layers: 2, kvHeads: 2, headDim: 64, maxContext: 512 };
const C = SHAPE.kvHeads * SHAPE.headDim;
const CHUNK = 32;
const PREFIX = `inferos-kvtest-${randomUUID().slice(0, 8)}`;
const STAGING = `inferos-stage-${process.pid}`;

let server: NatsServerHandle;
let nc: NatsConnection;
let running: RunningStore;
let worker: KvClient;
let ghost: KvClient;
let beat: ReturnType<typeof setInterval>;
let closed = false;

async function closeAll(): Promise<void> {
  if (closed) return;
  closed = true;
  clearInterval(beat);
  worker?.close();
  ghost?.close();
  await running?.close();
  await nc?.close();
  await server?.stop();
}

before(async () => {
  server = await startNatsServer();
  nc = await connectBus(server.url, 'kv-store-test');
  running = await startKvStore(nc, {
    budgetBytes: 16 << 20,
    defaultPolicy: 'baseline',
    shape: SHAPE,
    groups: [32, 64, 128],
    defaultGroup: 64,
    chunk: CHUNK,
    prefix: PREFIX,
  });
  worker = new KvClient(nc, `decode-worker-test-${process.pid}`);
  // A live worker heartbeats (as libs/serving announce() does), so the reaper leaves its sequences alone.
  const hb = () => publish(nc, Subjects.heartbeat('decode-worker'), pb.Heartbeat, { workerId: worker.workerId, kind: 'decode-worker', pid: process.pid });
  hb();
  beat = setInterval(hb, HEARTBEAT_MS);
  await nc.flush();
});

after(closeAll);

async function open(policy: string, promptTokens: number, maxTokens: number): Promise<string> {
  const r = await request(nc, Subjects.kvOpen, pb.SeqOpenRequest, { requestId: `req-${randomUUID()}`, policy, promptTokens, maxTokens }, pb.SeqOpenReply);
  assert.equal(r.status, pb.OpenStatus.OPEN_STATUS_OK, r.message);
  return r.seqId;
}

async function stats(): Promise<inferos.v1.KvStats> {
  return request(nc, Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
}

/** Deterministic K/V of tokens [from, from + t) of `layer`: [t, kvHeads, headDim]. */
function rows(kind: 'k' | 'v', layer: number, from: number, t: number): Float32Array {
  const out = new Float32Array(t * C);
  for (let i = 0; i < out.length; i++) {
    const pos = from + Math.floor(i / C);
    out[i] = Math.sin((pos * 17 + layer * 5 + (kind === 'k' ? 0 : 3)) * 0.61 + (i % C) * 0.37);
  }
  return out;
}

/** What the engine would return for `t` new tokens of `seq`: K/V per layer and, if asked, attention mass. */
function fakeStep(seq: RemoteSeq, t: number): StepToCommit {
  const keys = Array.from({ length: SHAPE.layers }, (_, l) => rows('k', l, seq.length, t));
  const values = Array.from({ length: SHAPE.layers }, (_, l) => rows('v', l, seq.length, t));
  const masses = seq.needsImportance
    ? Array.from({ length: SHAPE.layers }, (_, l) => Float32Array.from({ length: seq.fed(l) + t }, (_, i) => 1 / (1 + i)))
    : undefined;
  return { seq, tokens: t, out: { logits: new Float32Array(0), keys, values, masses } };
}

async function commitOk(...steps: StepToCommit[]): Promise<void> {
  assert.deepEqual(await worker.commit(steps), steps.map(() => undefined));
}

test('a worker claims, commits and reads back its staged K/V in place (baseline: float32 exact)', async () => {
  const id = await open('baseline', 40, 24);
  const seq = await worker.claim(id);
  assert.equal(seq.length, 0);
  assert.equal(seq.needsImportance, false);
  assert.equal(seq.maxTokens, 64);
  const first = seq.table.generation;
  await commitOk(fakeStep(seq, CHUNK));
  assert.equal(seq.length, CHUNK);
  assert.ok(seq.table.generation > first);
  await commitOk(fakeStep(seq, 1));
  await commitOk(fakeStep(seq, 7));
  assert.equal(seq.length, 40);
  assert.ok(seq.valid());
  for (let l = 0; l < SHAPE.layers; l++) {
    const f = seq.feeds(l);
    // Head-major at the sequence's whole reservation (prompt + max tokens = 64 rows), 40 in use.
    assert.deepEqual(f['past_key']!.dims, [1, SHAPE.kvHeads, 64, SHAPE.headDim]);
    assert.equal(f['past_key']!.tokens, 40);
    assert.deepEqual(hotRows(f['past_key']!), rows('k', l, 0, 40));
    assert.deepEqual(hotRows(f['past_value']!), rows('v', l, 0, 40));
    assert.equal(seq.fed(l), 40);
  }
  const s = await stats();
  assert.equal(s.sequences, 1);
  assert.ok(s.usedBytes > 0 && s.usedBytes <= s.reservedBytes);
  await worker.free(id, 'done');
  assert.equal(seq.valid(), false, 'freeing moves the seqlock: a reader of the old table knows');
  const after = await stats();
  assert.deepEqual([after.sequences, after.usedBytes, after.reservedBytes], [0, 0, 0]);
  assert.deepEqual(await worker.commit([fakeStep(seq, 1)]), [{ code: pb.KvError.KV_ERROR_NO_SEQUENCE, message: `no sequence ${id} (finished, aborted or lost)` }]);
});

for (const [policy, tier] of [['quality_optimized', 'past_key_i8'], ['default', 'past_key_i4']] as const) {
  test(`${policy}: old tokens are demoted into ${tier} and the table stays valid`, async () => {
    const id = await open(policy, 256, 64);
    const seq = await worker.claim(id);
    assert.equal(seq.needsImportance, true);
    assert.equal(seq.policy.groupSize, 64);
    while (seq.length < 256) await commitOk(fakeStep(seq, CHUNK));
    for (let i = 0; i < 16; i++) await commitOk(fakeStep(seq, 1));
    assert.equal(seq.length, 272);
    assert.ok(seq.valid());
    for (let l = 0; l < SHAPE.layers; l++) {
      const f = seq.feeds(l);
      assert.ok(f[tier]!.dims[1]! > 0, `${tier}.${l} holds tokens (${f[tier]!.dims})`);
      assert.ok(f[tier]!.data.byteLength > 0);
      assert.equal(f['past_key']!.tokens, 0, 'a quantizing policy keeps no float32 tier');
      // The newest token, read in place from the FP16 window, is what was staged (to FP16 precision).
      const hot = f['past_key_f16']!;
      const n = hot.tokens!;
      assert.equal(hot.data.length, hot.dims[2]! * C);
      const last = hotRows(hot).subarray((n - 1) * C);
      const want = rows('k', l, seq.length - 1, 1);
      for (let i = 0; i < C; i++) assert.ok(Math.abs(last[i]! - want[i]!) <= 1e-3, `key channel ${i}: ${last[i]} vs ${want[i]}`);
    }
    const s = await stats();
    assert.ok((tier === 'past_key_i8' ? s.bytesInt8 : s.bytesInt4) > 0);
    assert.ok(s.usedBytes <= s.reservedBytes);
    await worker.free(id, 'done');
  });
}

for (const policy of ['baseline', 'default'] as const) {
  test(`${policy}: views extended in place after SeqGrown answers equal the views of a fresh table`, async () => {
    const id = await open(policy, 150, 340);
    const seq = await worker.claim(id);
    let grown = 0;
    const grow = seq.grow.bind(seq);
    seq.grow = (g) => {
      grown++;
      grow(g);
    };
    const compare = async (when: string) => {
      const fresh = await worker.claim(id);
      assert.equal(seq.length, fresh.length);
      assert.equal(seq.table.generation, fresh.table.generation);
      for (let l = 0; l < SHAPE.layers; l++) {
        const mine = seq.feeds(l);
        for (const [name, want] of Object.entries(fresh.feeds(l))) {
          const got = mine[name]!;
          assert.deepEqual(got.dims, want.dims, `${when}: ${name}.${l} dims`);
          assert.deepEqual(Buffer.from(got.data.buffer, got.data.byteOffset, got.data.byteLength),
            Buffer.from(want.data.buffer, want.data.byteOffset, want.data.byteLength), `${when}: ${name}.${l} bytes`);
        }
      }
    };
    while (seq.length < 150) await commitOk(fakeStep(seq, Math.min(CHUNK, 150 - seq.length)));
    // As a decode worker runs: step after step with no claim between them, then one check.
    grown = 0;
    for (let i = 0; i < 170; i++) await commitOk(fakeStep(seq, 1));
    assert.ok(grown > 150, `${grown} of 170 steps answered with SeqGrown`);
    if (policy === 'default') assert.ok(grown < 170, 'demotions answered with whole tables');
    assert.ok(seq.valid());
    await compare('after 170 steps');
    // And checked after every step (each check is a claim, which sends a whole table).
    for (let i = 0; i < 170; i++) {
      await commitOk(fakeStep(seq, 1));
      await compare(`step ${i}`);
    }
    await worker.free(id, 'done');
  });
}

test('a batch bigger than the staging segment commits in one request', async () => {
  // 70 steps of 32 tokens: 70 x 64 KiB of K/V, more than a first (4 MiB) staging segment holds.
  const small = await worker.claim(await open('baseline', 8, 8));
  await commitOk(fakeStep(small, 1));
  const seqs = await Promise.all(Array.from({ length: 70 }, async () => worker.claim(await open('baseline', 32, 1))));
  await commitOk(...seqs.map((seq) => fakeStep(seq, CHUNK)));
  for (const seq of seqs) {
    assert.equal(seq.length, CHUNK);
    assert.deepEqual(hotRows(seq.feeds(1)['past_value']!), rows('v', 1, 0, CHUNK));
  }
  for (const seq of [small, ...seqs]) await worker.free(seq.id, 'done');
  assert.equal((await stats()).sequences, 0);
});

test('a claimed sequence whose worker never heartbeats is freed and announced on kvLost', async () => {
  ghost = new KvClient(nc, `prefill-worker-ghost-${process.pid}`);
  const requestId = `req-${randomUUID()}`;
  const r = await request(nc, Subjects.kvOpen, pb.SeqOpenRequest, { requestId, policy: 'baseline', promptTokens: 16, maxTokens: 16 }, pb.SeqOpenReply);
  assert.equal(r.status, pb.OpenStatus.OPEN_STATUS_OK, r.message);
  const lost = new Promise<inferos.v1.SeqLost>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error('no SeqLost within 10 s'));
    }, 10_000);
    const sub = nc.subscribe(Subjects.kvLost, {
      callback: (err, msg) => {
        if (err) return;
        const m = decode(pb.SeqLost, msg.data);
        if (m.seqId !== r.seqId) return;
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(m);
      },
    });
  });
  await nc.flush();
  const seq = await ghost.claim(r.seqId);
  assert.deepEqual(await ghost.commit([fakeStep(seq, 4)]), [undefined]);
  const m = await lost;
  assert.equal(m.requestId, requestId);
  assert.equal(m.workerId, ghost.workerId);
  assert.match(m.reason, /stopped heartbeating/);
  assert.equal(seq.valid(), false);
  const s = await stats();
  assert.equal(s.sequences, 0);
  assert.ok(s.freedLost >= 1);
  await assert.rejects(ghost.claim(r.seqId), (err: KvError) => err.code === pb.KvError.KV_ERROR_NO_SEQUENCE && /no sequence/.test(err.message));
});

test('closing the store and the clients leaves nothing in /dev/shm', async () => {
  assert.ok(listSegments(PREFIX).length > 0, 'the pool and lock segments exist while the store runs');
  assert.ok(listSegments(STAGING).length > 0, 'the workers staged through their own segments');
  await closeAll();
  assert.deepEqual(listSegments(PREFIX), []);
  assert.deepEqual(listSegments(STAGING), []);
});
