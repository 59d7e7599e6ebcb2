// The telemetry service over a private NATS server: real encoded messages in, Prometheus text out
// (checked by promtool), snapshots into JetStream and back after a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NAME } from '@inferos/metrics';
import { pb, connectBus, publish, request, startNatsServer, Subjects, HISTORY_STREAM, type NatsConnection, type NatsServerHandle } from '@inferos/proto';
import { startTelemetry, ensureHistoryStream, buildApp, type RunningTelemetry, type SeriesReply, type HistoryEntry } from './index';

let nats: NatsServerHandle;
let nc: NatsConnection;

before(async () => {
  nats = await startNatsServer();
  nc = await connectBus(nats.url, 'telemetry-test');
});
after(async () => {
  await nc?.drain();
  await nats?.stop();
});

/** promtool, or a failing test that says how to get it (CI installs it: Debian's package `prometheus`). */
function promtool(args: string[], input?: string): { status: number; output: string } {
  const r = spawnSync('promtool', args, { input, encoding: 'utf8' });
  if (r.error) assert.fail(`promtool is not installed (Debian: apt-get install prometheus): ${r.error.message}`);
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

async function waitFor<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function get(t: RunningTelemetry, path: string): Promise<Response> {
  return fetch(`${t.url}${path}`);
}

/** The value of the sample `series` (name and labels exactly as printed), from Prometheus text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const L = 'model_name="tiny"';
/** A request that named no policy; the failed one named `default`. */
const P = 'policy="system"';
const D = 'policy="default"';

function publishReports(over: { int8?: number; version?: number } = {}) {
  publish(nc, Subjects.report('kv-store'), pb.ServiceReport, {
    service: 'kv-store', instance: 'kv-1', model: 'tiny', timeMs: Date.now(), hasKv: true,
    kvBudgetBytes: 1 << 20, kvUsedBytes: 262144, kvBytesF16: 131072, kvBytesInt8: over.int8 ?? 98304, kvBytesInt4: 32768, kvBytesExact: 1 << 20,
    admissionPaused: true, cpuCores: 0.25, rssBytes: 5e7,
    loops: [{ name: 'fast', targetPeriodMs: 1, meanPeriodMs: 1.25, jitterMs: 0.25, maxJitterMs: 4, iterations: 1000 }],
  });
  publish(nc, Subjects.report('controller'), pb.ServiceReport, {
    service: 'controller', instance: 'ctl-1', model: 'tiny', timeMs: Date.now(), hasControl: true, policyVersion: over.version ?? 4,
    deltaPplEstimate: 0.125, deltaPplTokens: 1023, baselineMode: false, cpuCores: 0.5, rssBytes: 4e7,
    loops: [{ name: 'mid', targetPeriodMs: 10, meanPeriodMs: 10.5, jitterMs: 0.5, maxJitterMs: 2 }, { name: 'slow', targetPeriodMs: 100, meanPeriodMs: 100 }],
  });
  for (const [instance, running, waiting] of [['gw-1', 3, 1], ['gw-2', 2, 0]] as const) {
    publish(nc, Subjects.report('gateway'), pb.ServiceReport, {
      service: 'gateway', instance, model: 'tiny', timeMs: Date.now(), hasRequests: true, requestsRunning: running, requestsWaiting: waiting, cpuCores: 0.125, rssBytes: 1e7,
    });
  }
}

test('RequestMetrics and ServiceReports over NATS become Prometheus metrics that promtool accepts', async () => {
  const t = await startTelemetry(nc, { modelName: 'tiny', port: 0, snapshotMs: 200, tickMs: 100 });
  try {
    publish(nc, Subjects.requestMetrics, pb.RequestMetrics, { model: 'tiny', ok: true, promptTokens: 12, completionTokens: 5, ttftS: 0.25, e2eS: 0.75, itlS: [0.0625, 0.0625, 0.125, 0.125] });
    publish(nc, Subjects.requestMetrics, pb.RequestMetrics, { model: 'tiny', policy: 'default', ok: false, errorCode: 'worker_lost', promptTokens: 7, completionTokens: 2, ttftS: 0.5, e2eS: 1 });
    publishReports();
    const text = await waitFor('the metrics', async () => {
      const body = await (await get(t, '/metrics')).text();
      return sample(body, `${NAME.generationTokens}{${L},${P}}`) === 5 && sample(body, `${NAME.generationTokens}{${L},${D}}`) === 2 && sample(body, `${NAME.requestsRunning}{${L}}`) === 5 ? body : undefined;
    });
    const res = await get(t, '/metrics');
    assert.equal(res.headers.get('content-type'), t.aggregator.registry.contentType);

    assert.equal(sample(text, `${NAME.promptTokens}{${L},${P}}`), 12);
    assert.equal(sample(text, `${NAME.promptTokens}{${L},${D}}`), 7);
    assert.equal(sample(text, `${NAME.requestSuccess}{${L},${P},finished_reason="unknown"}`), 1);
    assert.equal(sample(text, `${NAME.requestFailure}{${L},${D},error_code="worker_lost"}`), 1);
    assert.equal(sample(text, `${NAME.timeToFirstToken}_count{${L},${P}}`), 1);
    assert.equal(sample(text, `${NAME.timeToFirstToken}_sum{${L},${D}}`), 0.5);
    assert.equal(sample(text, `${NAME.interTokenLatency}_count{${L},${P}}`), 4);
    assert.equal(sample(text, `${NAME.interTokenLatency}_bucket{le="0.075",${L},${P}}`), 2);
    assert.equal(sample(text, `${NAME.e2eRequestLatency}_count{${L},${P}}`), 1);
    assert.equal(sample(text, `${NAME.kvCacheExactBytes}{${L}}`), 1048576);
    assert.equal(sample(text, `${NAME.requestsWaiting}{${L}}`), 1);
    assert.equal(sample(text, `${NAME.kvCacheUsage}{${L}}`), 0.25);
    assert.equal(sample(text, `${NAME.kvCacheBudgetBytes}{${L}}`), 1048576);
    assert.equal(sample(text, `${NAME.kvCacheBytes}{${L},tier="int8"}`), 98304);
    assert.equal(sample(text, `${NAME.kvCacheBytes}{${L},tier="f32"}`), 0);
    assert.equal(sample(text, `${NAME.admissionPaused}{${L}}`), 1);
    assert.equal(sample(text, `${NAME.policyVersion}{${L}}`), 4);
    assert.equal(sample(text, `${NAME.deltaPplEstimate}{${L}}`), 0.125);
    assert.equal(sample(text, `${NAME.baselineMode}{${L}}`), 0);
    assert.equal(sample(text, `${NAME.loopPeriod}{${L},loop="fast"}`), 0.00125);
    assert.equal(sample(text, `${NAME.loopTargetPeriod}{${L},loop="mid"}`), 0.01);
    assert.equal(sample(text, `${NAME.loopJitter}{${L},loop="mid"}`), 0.0005);
    assert.equal(sample(text, `${NAME.loopMaxJitter}{${L},loop="fast"}`), 0.004);
    assert.equal(sample(text, `${NAME.processCpuCores}{${L},service="gateway"}`), 0.25);
    assert.equal(sample(text, `${NAME.processResidentMemory}{${L},service="kv-store"}`), 5e7);
    // telemetry reports itself like every other service
    await waitFor('telemetry\'s own report', async () => (sample(await (await get(t, '/metrics')).text(), `${NAME.processResidentMemory}{${L},service="telemetry"}`) ?? 0) > 0 || undefined);

    const check = promtool(['check', 'metrics'], text);
    assert.equal(check.status, 0, `promtool check metrics:\n${check.output}`);
  } finally {
    await t.close();
  }
});

test('the live series and page', async () => {
  const t = await startTelemetry(nc, { modelName: 'tiny', port: 0, snapshotMs: 200, tickMs: 100 });
  try {
    publishReports({ int8: 4096, version: 9 });
    const s = await waitFor('series points with the kv-store figures', async () => {
      const r = (await (await get(t, '/api/series')).json()) as SeriesReply;
      return r.series.kvBytes.int8.at(-1) === 4096 && r.series.policyVersion.at(-1) === 9 ? r : undefined;
    });
    assert.equal(s.model, 'tiny');
    assert.equal(s.series.t.length, s.series.tps.length);
    assert.equal(s.series.deltaPpl.at(-1), 0.125);
    // The KV tiers (131072 + 4096 + 32768 bytes) against the 1 MiB an exact cache of their tokens would take.
    assert.equal(s.kpis.kv?.ratio, (131072 + 4096 + 32768) / 1048576);
    // Requests by the policy they named: each policy against baseline over the same window.
    for (const [policy, e2eS] of [['baseline', 1.25], ['default', 0.75]] as const) {
      publish(nc, Subjects.requestMetrics, pb.RequestMetrics, { model: 'tiny', policy, ok: true, promptTokens: 4, completionTokens: 11, ttftS: 0.25, e2eS });
    }
    const k = await waitFor('both policies in the KPIs', async () => {
      const r = (await (await get(t, '/api/series')).json()) as SeriesReply;
      return r.kpis.policies.length === 2 ? r.kpis : undefined;
    });
    assert.deepEqual(k.policies.map((p) => p.policy), ['baseline', 'default'], 'baseline first');
    assert.equal(k.policies[0]!.vsBaseline, null);
    // 10 tokens decoded in 1.0 s (baseline) and 0.5 s (default): twice the speed, the same first token.
    assert.deepEqual(k.policies[1]!.vsBaseline, { decodeTpsPerStream: 2, ttftMeanS: 1, e2eMeanS: 0.6 });
    const page = await get(t, '/');
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.match(html, /fetch\('api\/series'/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no external resource');
  } finally {
    await t.close();
  }
});

test('snapshots land in JetStream, /api/history returns them newest last, and they survive a restart', async () => {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  let t = await startTelemetry(nc, { modelName: 'tiny', port: 0, snapshotMs: 200, tickMs: 100 });
  let before: HistoryEntry[];
  try {
    const info = await jsm.streams.info(HISTORY_STREAM);
    assert.deepEqual(info.config.subjects, ['inferos.history.>']);
    assert.equal(info.config.storage, 'file');
    publishReports({ int8: 777 });
    // the controller records a policy change (its JSON shape: a PolicyUpdate)
    await js.publish(Subjects.historyPolicy, JSON.stringify({ version: 5, reason: 'memory pressure', baselineMode: false, issuedAtMs: Date.now() }));
    before = await waitFor('three snapshots and the policy change', async () => {
      const h = (await (await get(t, '/api/history?limit=3')).json()) as { snapshots: HistoryEntry[]; policyChanges: HistoryEntry[] };
      return h.snapshots.length === 3 && h.policyChanges.length >= 1 ? h.snapshots : undefined;
    });
    const seqs = before.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'newest last');
    assert.ok(before.every((e) => e.subject === Subjects.historySnapshot));
    const snap = before.at(-1)!.data as { model: string; current: { kv: { bytes: { int8: number } } | null } };
    assert.equal(snap.model, 'tiny');
    const stored = await jsm.streams.getMessage(HISTORY_STREAM, { seq: before.at(-1)!.seq });
    assert.deepEqual(stored?.json(), before.at(-1)!.data, 'what /api/history returns is what the stream holds');
    const series = (await (await get(t, '/api/series')).json()) as SeriesReply;
    assert.ok(series.policyChanges.some((p) => p.version === 5 && p.reason === 'memory pressure'));
  } finally {
    await t.close();
  }
  const last = before.at(-1)!.seq;
  const stored = await jsm.streams.getMessage(HISTORY_STREAM, { last_by_subj: Subjects.historySnapshot });
  assert.ok(stored && stored.seq >= last, 'the snapshots are in the stream after telemetry stopped');

  t = await startTelemetry(nc, { modelName: 'tiny', port: 0, snapshotMs: 60_000 });
  try {
    const h = (await (await get(t, `/api/history?limit=1000`)).json()) as { snapshots: HistoryEntry[]; policyChanges: HistoryEntry[] };
    const seqs = new Set(h.snapshots.map((e) => e.seq));
    for (const e of before) assert.ok(seqs.has(e.seq), `snapshot ${e.seq} is still in the history after a restart`);
    assert.ok(h.policyChanges.some((e) => (e.data as { version?: number }).version === 5));
    assert.equal((await get(t, '/api/history?limit=0')).status, 400);
  } finally {
    await t.close();
  }
});

test('health answers on the bus', async () => {
  const t = await startTelemetry(nc, { modelName: 'tiny', port: 0, instance: 'tel-test' });
  try {
    const r = await request(nc, Subjects.health('telemetry'), pb.HealthRequest, {}, pb.HealthReply, 2000);
    assert.equal(r.service, 'telemetry');
    assert.equal(r.instance, 'tel-test');
    assert.equal(r.ok, true);
    assert.equal((JSON.parse(r.detailJson) as { url: string }).url, t.url);
  } finally {
    await t.close();
  }
});

test('BAD CALL - beyond loopback without an API key; every route needs the key when one is set', async () => {
  await assert.rejects(startTelemetry(nc, { modelName: 'tiny', port: 0, host: '0.0.0.0' }), /api-key/);
  const t = await startTelemetry(nc, { modelName: 'tiny', port: 0, snapshotMs: 60_000 });
  const app = await buildApp({ apiKey: 'sekrit' }, { aggregator: t.aggregator, history: t.history });
  try {
    for (const url of ['/metrics', '/api/series', '/api/history', '/']) {
      assert.equal((await app.inject({ url })).statusCode, 401, url);
      assert.equal((await app.inject({ url, headers: { authorization: 'Bearer wrong' } })).statusCode, 401, url);
      assert.equal((await app.inject({ url, headers: { authorization: 'Bearer sekrit' } })).statusCode, 200, url);
    }
  } finally {
    await app.close();
    await t.close();
  }
});

test('the history stream is created when missing and left alone when present', async () => {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(HISTORY_STREAM);
  assert.equal(await ensureHistoryStream(nc), 'created');
  assert.equal(await ensureHistoryStream(nc), 'present');
  await jsm.streams.delete(HISTORY_STREAM);
  await jsm.streams.add({ name: HISTORY_STREAM, subjects: ['inferos.history.>'], max_msgs: 10 });
  assert.equal(await ensureHistoryStream(nc), 'present');
  assert.equal((await jsm.streams.info(HISTORY_STREAM)).config.max_msgs, 10, 'an existing stream keeps its configuration');
});
