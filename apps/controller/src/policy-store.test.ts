// PolicyStore over a private NATS server with JetStream: the KV bucket, the PolicyUpdate broadcast and
// the history stream, as real messages. Each test starts from an empty bucket and stream.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Kvm } from '@nats-io/kv';
import { jetstreamManager } from '@nats-io/jetstream';
import { DEFAULT_POLICY, PolicyError, type Policy } from '@inferos/kv';
import { connectBus, decode, pb, startNatsServer, Subjects, POLICY_BUCKET, POLICY_KEY, HISTORY_STREAM, type NatsConnection, type NatsServerHandle, type inferos } from '@inferos/proto';
import type { StoredPolicy } from '@inferos/serving';
import { PolicyStore, readHistory } from './policy-store';

let nats: NatsServerHandle;
let nc: NatsConnection;

before(async () => {
  nats = await startNatsServer();
  nc = await connectBus(nats.url, 'policy-store-test');
});
after(async () => {
  await nc?.drain();
  await nats?.stop();
});

beforeEach(async () => {
  const jsm = await jetstreamManager(nc);
  for (const s of await jsm.streams.names().next()) {
    if (s === HISTORY_STREAM || s === `KV_${POLICY_BUCKET}`) await jsm.streams.delete(s);
  }
});

const SEED: Policy = { ...DEFAULT_POLICY, kv: { ...DEFAULT_POLICY.kv, recent_window: 32 } };

/** What the bucket holds right now (the document and its revision). */
async function bucket(): Promise<{ doc: StoredPolicy; revision: number }> {
  const kv = await new Kvm(nc).open(POLICY_BUCKET);
  const e = await kv.get(POLICY_KEY);
  assert.ok(e && e.operation === 'PUT', 'no policy in the bucket');
  return { doc: JSON.parse(e.string()) as StoredPolicy, revision: e.revision };
}

/** Every PolicyUpdate published from now on, decoded. */
function listen(): { got: inferos.v1.PolicyUpdate[]; stop(): void } {
  const got: inferos.v1.PolicyUpdate[] = [];
  const sub = nc.subscribe(Subjects.policyUpdate, {
    callback: (err, m) => {
      if (!err) got.push(decode(pb.PolicyUpdate, m.data));
    },
  });
  return { got, stop: () => sub.unsubscribe() };
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('open seeds version 1 from the seed policy, in the bucket and the history', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  assert.deepEqual(store.current, { version: 1, policy: SEED, baselineMode: false, reason: 'seeded from test-seed', model: '' });
  const { doc } = await bucket();
  assert.equal(doc.version, 1);
  assert.deepEqual(doc.policy, { infer_os: SEED });
  assert.equal(doc.baseline_mode, false);
  const h = await readHistory(nc, 10);
  assert.equal(h.length, 1);
  assert.equal(h[0]!.kind, 'policy');
  assert.equal(h[0]!['version'], 1);
  assert.equal(h[0]!['reason'], 'seeded from test-seed');
});

test('update increments the version, publishes a PolicyUpdate and appends a history entry', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  const l = listen();
  await nc.flush();
  const s = await store.update({ infer_os: { kv: { recent_window: 128 }, io: { host_pool_bytes: '512MiB' } } }, 'operator');
  assert.equal(s.version, 2);
  assert.equal(s.policy.kv.recent_window, 128);
  assert.equal(s.policy.io.host_pool_bytes, 512 * 2 ** 20);
  assert.equal(s.policy.kv.sink_tokens, SEED.kv.sink_tokens, 'keys outside the patch are kept');
  assert.deepEqual(store.current, s);

  await until('the PolicyUpdate', () => l.got.length > 0);
  l.stop();
  const u = l.got[0]!;
  assert.equal(u.version, 2);
  assert.equal(u.baselineMode, false);
  assert.equal(u.reason, 'operator');
  const carried = JSON.parse(u.policyJson) as StoredPolicy;
  assert.equal(carried.version, 2);
  assert.deepEqual(carried.policy, { infer_os: s.policy });

  const { doc } = await bucket();
  assert.equal(doc.version, 2);
  assert.deepEqual(doc.policy, { infer_os: s.policy });
  const h = await readHistory(nc, 10);
  assert.deepEqual(h.map((e) => [e['version'], e['reason']]), [[1, 'seeded from test-seed'], [2, 'operator']]);
  assert.deepEqual(h[1]!['policy'], { infer_os: s.policy });
});

test('BAD PATCH - a refused patch throws PolicyError and changes nothing: version, bucket, broadcast, history', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  await store.update({ infer_os: { kv: { recent_window: 64 } } }, 'operator');
  const before = store.current;
  const inBucket = await bucket();
  const l = listen();
  await nc.flush();
  for (const [patch, path] of [
    [{ infer_os: { kv: { recent_window: 8 } } }, 'infer_os.kv.recent_window'],
    [{ infer_os: { kv: { bogus: 1 } } }, 'infer_os.kv.bogus'],
    [{ infer_os: { kv: { level_thresholds: { L3_evict: 0.9 } } } }, 'infer_os.kv.level_thresholds'],
    // A valid key beside a bad one: all or nothing.
    [{ infer_os: { quality: { max_delta_ppl: 0.1 }, scheduler: { max_batch: 0 } } }, 'infer_os.scheduler.max_batch'],
  ] as const) {
    await assert.rejects(store.update(patch, 'operator'), (e: Error) => e instanceof PolicyError && e.path === path, path);
  }
  assert.deepEqual(store.current, before);
  assert.deepEqual(await bucket(), inBucket);
  await nc.flush();
  l.stop();
  assert.equal(l.got.length, 0, 'a refused patch was broadcast');
  assert.equal((await readHistory(nc, 10)).length, 2);
  // The store still takes a good patch after refusing bad ones.
  assert.equal((await store.update({ infer_os: { quality: { max_delta_ppl: 0.1 } } }, 'operator')).version, 3);
});

test('concurrent updates are serialized: consecutive versions, each on top of the one before', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  const [a, b, c] = await Promise.all([
    store.update({ infer_os: { kv: { recent_window: 64 } } }, 'a'),
    store.update({ infer_os: { scheduler: { max_batch: 8 } } }, 'b'),
    store.update({ infer_os: { quality: { max_delta_ppl: 0.2 } } }, 'c'),
  ]);
  assert.deepEqual([a!.version, b!.version, c!.version], [2, 3, 4]);
  assert.equal(c!.policy.kv.recent_window, 64);
  assert.equal(c!.policy.scheduler.max_batch, 8);
  assert.equal((await bucket()).doc.version, 4);
});

test('setBaseline toggles baseline mode as a new version; asking for the current mode changes nothing', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  const l = listen();
  await nc.flush();
  const on = await store.setBaseline(true, 'operator on');
  assert.equal(on.version, 2);
  assert.equal(on.baselineMode, true);
  assert.deepEqual(on.policy, SEED, 'the policy itself is kept');
  assert.equal((await bucket()).doc.baseline_mode, true);
  const again = await store.setBaseline(true, 'operator on again');
  assert.equal(again.version, 2);
  const off = await store.setBaseline(false, 'operator off');
  assert.equal(off.version, 3);
  assert.equal(off.baselineMode, false);
  await until('two PolicyUpdates', () => l.got.length >= 2);
  await nc.flush();
  l.stop();
  assert.deepEqual(l.got.map((u) => [u.version, u.baselineMode, u.reason]), [[2, true, 'operator on'], [3, false, 'operator off']]);
  assert.deepEqual((await readHistory(nc, 10)).map((e) => [e['version'], e['baseline_mode']]), [[1, false], [2, true], [3, false]]);
});

test('a restarted controller finds the same version and policy; the old one can no longer write', async () => {
  const first = await PolicyStore.open(nc, SEED, 'test-seed');
  await first.update({ infer_os: { kv: { recent_window: 256 } } }, 'operator');
  await first.setBaseline(true, 'guard');
  // A different seed: the stored policy wins.
  const second = await PolicyStore.open(nc, DEFAULT_POLICY, 'another-seed');
  assert.deepEqual(second.current, first.current);
  assert.equal(second.current.version, 3);
  assert.equal(second.current.policy.kv.recent_window, 256);
  assert.equal(second.current.baselineMode, true);
  assert.equal((await readHistory(nc, 10)).length, 3, 'opening again seeds nothing');
  // Compare-and-set on the bucket's revision: once the new controller wrote version 4, the old one's
  // write fails instead of producing a second version 4.
  assert.equal((await second.update({ infer_os: { scheduler: { max_batch: 4 } } }, 'new')).version, 4);
  await assert.rejects(first.update({ infer_os: { scheduler: { max_batch: 2 } } }, 'old'), /changed under this controller/);
  const { doc } = await bucket();
  assert.equal(doc.version, 4, 'the refused write left the stored version alone');
  assert.equal(doc.policy.infer_os.scheduler.max_batch, 4);
  // The refused store took the stored version as current: a retry builds on it instead of failing forever.
  assert.equal(first.current.version, 4);
  assert.equal((await first.update({ infer_os: { scheduler: { max_batch: 2 } } }, 'old, retried')).version, 5);
});

test('readHistory returns entries oldest to newest, newest last, and respects limit', async () => {
  const store = await PolicyStore.open(nc, SEED, 'test-seed');
  for (const w of [40, 48, 56, 64, 72]) await store.update({ infer_os: { kv: { recent_window: w } } }, `window ${w}`);
  const all = await readHistory(nc, 100);
  assert.deepEqual(all.map((e) => e['version']), [1, 2, 3, 4, 5, 6]);
  assert.ok(all.every((e, i) => i === 0 || e.time_ms >= all[i - 1]!.time_ms));
  assert.equal(all.at(-1)!['reason'], 'window 72');
  assert.deepEqual((await readHistory(nc, 2)).map((e) => e['version']), [5, 6]);
  assert.deepEqual((await readHistory(nc, 1)).map((e) => e['reason']), ['window 72']);
  assert.deepEqual((await readHistory(nc, 6)).map((e) => e['version']), [1, 2, 3, 4, 5, 6]);
});

test('readHistory of an empty stream is empty', async () => {
  await PolicyStore.open(nc, SEED, 'test-seed');
  const jsm = await jetstreamManager(nc);
  await jsm.streams.purge(HISTORY_STREAM);
  assert.deepEqual(await readHistory(nc, 10), []);
});

test('baseline mode entered by the quality guard is kept as such across a restart; an operator\'s is not the guard\'s', async () => {
  const first = await PolicyStore.open(nc, SEED, 'test-seed', 'model-a');
  await first.setBaseline(true, 'quality guard: delta ppl 0.9 > 0.5', true);
  assert.equal((await bucket()).doc.baseline_by_guard, true);
  const second = await PolicyStore.open(nc, SEED, 'test-seed', 'model-a');
  assert.equal(second.current.baselineMode, true);
  assert.equal(second.current.baselineByGuard, true, 'the restarted guard may leave it');
  // An operator's baseline on top takes it over from the guard (a new version), and stays the operator's.
  assert.equal((await second.setBaseline(true, 'POST /v1/baseline true')).version, 3);
  const third = await PolicyStore.open(nc, SEED, 'test-seed', 'model-a');
  assert.equal(third.current.baselineMode, true);
  assert.equal(third.current.baselineByGuard, false);
  assert.equal((await bucket()).doc.model, 'model-a');
  // The guard tripping while an operator holds baseline changes nothing: it stays the operator's.
  const same = await third.setBaseline(true, 'quality guard: delta ppl 0.7 > 0.5', true);
  assert.equal(same.version, 3);
  assert.equal(same.baselineByGuard, false);
});

test('a policy stored for another model (with its guard verdict) is replaced by the seed, as a new version that says why', async () => {
  const first = await PolicyStore.open(nc, SEED, 'test-seed', 'model-a');
  await first.update({ infer_os: { kv: { recent_window: 256 } } }, 'operator');
  await first.setBaseline(true, 'quality guard: delta ppl 0.9 > 0.5', true);
  const other = await PolicyStore.open(nc, DEFAULT_POLICY, 'default', 'model-b');
  assert.equal(other.current.version, 4);
  assert.equal(other.current.baselineMode, false, 'a guard trip measured on model-a does not hold model-b');
  assert.equal(other.current.policy.kv.recent_window, DEFAULT_POLICY.kv.recent_window);
  assert.match(other.current.reason, /seeded from default: the stored policy \(version 3, baseline mode entered by the quality guard\) was set on model model-a, not model-b/);
  const { doc } = await bucket();
  assert.equal(doc.model, 'model-b');
  assert.equal(doc.baseline_by_guard, false);
  // Opened again on model-b: its own policy, nothing reseeded.
  assert.equal((await PolicyStore.open(nc, SEED, 'test-seed', 'model-b')).current.version, 4);
  // A policy stored before the model was kept (no model) is adopted, and the next write records the model.
  const kv = await new Kvm(nc).open(POLICY_BUCKET);
  const old = { ...doc, model: undefined, version: 5 };
  await kv.put(POLICY_KEY, JSON.stringify(old));
  const adopted = await PolicyStore.open(nc, SEED, 'test-seed', 'model-c');
  assert.equal(adopted.current.version, 5);
  await adopted.update({ infer_os: { kv: { recent_window: 64 } } }, 'operator');
  assert.equal((await bucket()).doc.model, 'model-c');
});
