import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Registry } from 'prom-client';
import { Aggregator, buildRegistry, NAME, type ServiceReportLike } from './index';

/** The value of one series (labels matched exactly, model_name included), or undefined when absent. */
async function value(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const all = await registry.getMetricsAsJSON();
  const metric = all.find((m) => m.name === name || (String(m.type) === 'histogram' && name.startsWith(m.name)));
  assert.ok(metric, `metric ${name} is registered`);
  const want = { model_name: 'tiny', ...labels };
  const v = (metric.values as { value: number; labels: Record<string, string | number>; metricName?: string }[]).find((x) =>
    (x.metricName ?? metric.name) === name &&
    Object.keys(x.labels).length === Object.keys(want).length &&
    Object.entries(want).every(([k, val]) => String(x.labels[k]) === val));
  return v?.value;
}

const kvReport = (over: Partial<ServiceReportLike> = {}): ServiceReportLike => ({
  service: 'kv-store', instance: 'kv-1', hasKv: true, kvBudgetBytes: 1000, kvUsedBytes: 250, kvBytesF32: 0, kvBytesF16: 100, kvBytesInt8: 100, kvBytesInt4: 50,
  admissionPaused: false, cpuCores: 0.5, rssBytes: 1e6,
  loops: [{ name: 'fast', targetPeriodMs: 1, meanPeriodMs: 1.2, jitterMs: 0.3, maxJitterMs: 2 }], ...over,
});

const setup = () => {
  let now = 1_000_000;
  const registry = buildRegistry('tiny');
  const agg = new Aggregator(registry, { now: () => now });
  return { registry, agg, at: (t: number) => (now = t), clock: () => now };
};

test('counters and histograms from finished requests', async () => {
  const { registry, agg } = setup();
  agg.observeRequest({ ok: true, promptTokens: 10, completionTokens: 5, ttftS: 0.2, e2eS: 1.0, itlS: [0.01, 0.02, 0.03, 0.04] });
  agg.observeRequest({ ok: true, finishReason: 'length', promptTokens: 7, completionTokens: 3, ttftS: 0.4, e2eS: 2.0, itlS: [0.05, 0.06] });
  agg.observeRequest({ ok: false, errorCode: 'worker_lost', promptTokens: 4, completionTokens: 0, ttftS: 0, e2eS: 0.1 });
  const sys = { policy: 'system' }; // the requests named no policy
  assert.equal(await value(registry, NAME.promptTokens, sys), 21);
  assert.equal(await value(registry, NAME.generationTokens, sys), 8);
  assert.equal(await value(registry, NAME.requestSuccess, { ...sys, finished_reason: 'unknown' }), 1);
  assert.equal(await value(registry, NAME.requestSuccess, { ...sys, finished_reason: 'length' }), 1);
  assert.equal(await value(registry, NAME.requestFailure, { ...sys, error_code: 'worker_lost' }), 1);
  // The failed request had no first token and does not count in TTFT; only successes count in e2e.
  assert.equal(await value(registry, `${NAME.timeToFirstToken}_count`, sys), 2);
  assert.ok(Math.abs((await value(registry, `${NAME.timeToFirstToken}_sum`, sys))! - 0.6) < 1e-9);
  assert.equal(await value(registry, `${NAME.timeToFirstToken}_bucket`, { ...sys, le: '0.3' }), 1);
  assert.equal(await value(registry, `${NAME.interTokenLatency}_count`, sys), 6);
  assert.equal(await value(registry, `${NAME.e2eRequestLatency}_count`, sys), 2);
  // Decoding, first token to last, of the successful requests: 0.8 s for 4 tokens, 1.6 s for 2.
  assert.ok(Math.abs((await value(registry, NAME.decodeSeconds, sys))! - 2.4) < 1e-9, 'decode seconds');
  assert.equal(await value(registry, NAME.decodeTokens, sys), 6, 'tokens after the first');
  agg.observeRequest({ policy: 'default', ok: true, promptTokens: 1, completionTokens: 2, ttftS: 0.1, e2eS: 0.2 });
  assert.equal(await value(registry, NAME.generationTokens, { policy: 'default' }), 2, 'a named policy is its own series');
  assert.equal(await value(registry, NAME.generationTokens, sys), 8);
});

test('gauges from the latest report of each instance', async () => {
  const { registry, agg } = setup();
  assert.equal(await value(registry, NAME.kvCacheUsage), undefined, 'no kv-store report: no series, not a 0');
  agg.report(kvReport());
  agg.report(kvReport({ kvUsedBytes: 500, kvBytesInt4: 300 })); // same instance: replaces the first
  agg.report({ service: 'controller', instance: 'c-1', hasControl: true, policyVersion: 7, deltaPplEstimate: 0.12, deltaPplTokens: 900, baselineMode: true,
    loops: [{ name: 'mid', targetPeriodMs: 10, meanPeriodMs: 10.5, jitterMs: 0.5, maxJitterMs: 3 }, { name: 'slow', targetPeriodMs: 100, meanPeriodMs: 101 }] });
  assert.equal(await value(registry, NAME.kvCacheUsage), 0.5);
  assert.equal(await value(registry, NAME.kvCacheBudgetBytes), 1000);
  assert.equal(await value(registry, NAME.kvCacheBytes, { tier: 'int4' }), 300);
  assert.equal(await value(registry, NAME.kvCacheBytes, { tier: 'f16' }), 100);
  assert.equal(await value(registry, NAME.admissionPaused), 0);
  assert.equal(await value(registry, NAME.policyVersion), 7);
  assert.equal(await value(registry, NAME.deltaPplEstimate), 0.12);
  assert.equal(await value(registry, NAME.baselineMode), 1);
  assert.equal(await value(registry, NAME.loopPeriod, { loop: 'fast' }), 0.0012);
  assert.equal(await value(registry, NAME.loopTargetPeriod, { loop: 'mid' }), 0.01);
  assert.equal(await value(registry, NAME.loopJitter, { loop: 'mid' }), 0.0005);
  assert.equal(await value(registry, NAME.loopMaxJitter, { loop: 'mid' }), 0.003);
  assert.equal(await value(registry, NAME.loopPeriod, { loop: 'slow' }), 0.101);
});

test('requests running and waiting, CPU and memory are summed over instances', async () => {
  const { registry, agg } = setup();
  agg.report({ service: 'gateway', instance: 'g-1', hasRequests: true, requestsRunning: 3, requestsWaiting: 1, cpuCores: 0.25, rssBytes: 100 });
  agg.report({ service: 'gateway', instance: 'g-2', hasRequests: true, requestsRunning: 2, requestsWaiting: 4, cpuCores: 0.5, rssBytes: 200 });
  agg.report({ service: 'decode-worker', instance: 'd-1', cpuCores: 1.5, rssBytes: 1000, restarts: 2 });
  agg.report({ service: 'decode-worker', instance: 'd-2', cpuCores: 0.75, rssBytes: 3000 });
  assert.equal(await value(registry, NAME.requestsRunning), 5);
  assert.equal(await value(registry, NAME.requestsWaiting), 5);
  assert.equal(await value(registry, NAME.processCpuCores, { service: 'gateway' }), 0.75);
  assert.equal(await value(registry, NAME.processCpuCores, { service: 'decode-worker' }), 2.25);
  assert.equal(await value(registry, NAME.processResidentMemory, { service: 'decode-worker' }), 4000);
  assert.equal(await value(registry, NAME.serviceRestarts, { service: 'decode-worker' }), 2);
  assert.equal(await value(registry, NAME.serviceRestarts, { service: 'gateway' }), 0);
});

test('a report older than 3 report periods no longer counts', async () => {
  const { registry, agg, at } = setup();
  at(10_000);
  agg.report({ service: 'gateway', instance: 'g-1', hasRequests: true, requestsRunning: 3, cpuCores: 1 });
  agg.report(kvReport(), 10_000);
  at(11_000);
  agg.report({ service: 'gateway', instance: 'g-2', hasRequests: true, requestsRunning: 2, cpuCores: 1 });
  at(11_400); // g-1 and the kv-store are 1400 ms old: still counted
  assert.equal(await value(registry, NAME.requestsRunning), 5);
  assert.equal(await value(registry, NAME.kvCacheUsage), 0.25);
  at(11_600); // now 1600 ms old: dropped
  assert.equal(await value(registry, NAME.requestsRunning), 2);
  assert.equal(await value(registry, NAME.processCpuCores, { service: 'gateway' }), 1);
  assert.equal(await value(registry, NAME.kvCacheUsage), undefined);
  assert.equal(await value(registry, NAME.kvCacheBytes, { tier: 'int8' }), undefined);
  assert.equal(await value(registry, NAME.loopPeriod, { loop: 'fast' }), undefined);
  at(20_000);
  assert.equal(await value(registry, NAME.requestsRunning), undefined, 'no gateway left: no series');
  assert.deepEqual(agg.current().instances, []);
});

test('KV figures come from the kv-store only, control figures from the controller only', async () => {
  const { registry, agg } = setup();
  agg.report({ service: 'gateway', instance: 'g', hasKv: true, kvBudgetBytes: 5, kvUsedBytes: 5, hasControl: true, policyVersion: 99 });
  assert.equal(await value(registry, NAME.kvCacheUsage), undefined);
  assert.equal(await value(registry, NAME.policyVersion), undefined);
});

test('the live series: TPS from the token counter over the window, TTFT mean of the window, gauges per point', () => {
  const { agg, at } = setup();
  at(1_000_000);
  agg.report(kvReport());
  agg.report({ service: 'controller', instance: 'c', hasControl: true, policyVersion: 3, deltaPplEstimate: 0.2, deltaPplTokens: 512 });
  for (let s = 1; s <= 10; s++) {
    at(1_000_000 + s * 1000);
    agg.report(kvReport({ kvBytesInt8: 100 * s }));
    agg.report({ service: 'controller', instance: 'c', hasControl: true, policyVersion: 3 + Math.floor(s / 5), deltaPplEstimate: 0.2, deltaPplTokens: 512 });
    // 20 tokens per second, delivered as one finished request per second
    agg.observeRequest({ ok: true, promptTokens: 1, completionTokens: 20, ttftS: s === 10 ? 0.5 : 0.1 });
    agg.tick();
  }
  const s = agg.series();
  assert.equal(s.t.length, 10);
  assert.deepEqual(s.t, Array.from({ length: 10 }, (_, i) => 1_000_000 + (i + 1) * 1000));
  assert.equal(s.tps[0], 20, 'first point: since the start');
  assert.equal(s.tps[9], 20);
  // the window at t=10s starts at the point t=5s; it holds the requests of seconds 6..10
  assert.ok(Math.abs(s.ttftS[9]! - (0.1 * 4 + 0.5) / 5) < 1e-9);
  assert.equal(s.kvBytes.int8[9], 1000);
  assert.equal(s.kvBytes.int4[0], 50);
  assert.equal(s.kvBudgetBytes[0], 1000);
  assert.deepEqual(s.policyVersion, [3, 3, 3, 3, 4, 4, 4, 4, 4, 5]);
  assert.deepEqual(s.baselineMode.slice(0, 2), [0, 0]);
  const snap = agg.snapshot();
  assert.equal(snap.totals.generationTokens, 200);
  assert.equal(snap.current.control?.policyVersion, 5);
});

test('the live series keeps its last N points, and nulls where nothing reported', () => {
  let now = 0;
  const agg = new Aggregator(buildRegistry('tiny'), { now: () => now, seriesPoints: 5 });
  for (let s = 1; s <= 12; s++) {
    now = s * 1000;
    agg.tick();
  }
  const s = agg.series();
  assert.deepEqual(s.t, [8000, 9000, 10000, 11000, 12000]);
  assert.deepEqual(s.tps, [0, 0, 0, 0, 0]);
  assert.deepEqual(s.ttftS, [null, null, null, null, null]);
  assert.deepEqual(s.kvBytes.f16, [null, null, null, null, null]);
  assert.deepEqual(s.deltaPpl, [null, null, null, null, null]);
});

test('BAD CALL - a registry not made by buildRegistry', async () => {
  const { Registry } = await import('prom-client');
  assert.throws(() => new Aggregator(new Registry()), TypeError);
  assert.throws(() => buildRegistry(''), TypeError);
  assert.throws(() => new Aggregator(buildRegistry('x'), { staleMs: 0 }), RangeError);
});

test('the registry is not the global one, and every metric carries model_name', async () => {
  const { register } = await import('prom-client');
  const registry = buildRegistry('tiny');
  assert.notEqual(registry, register);
  const agg = new Aggregator(registry);
  agg.observeRequest({ ok: true, completionTokens: 1, ttftS: 0.1, e2eS: 0.1, itlS: [] });
  agg.report(kvReport());
  const text = await registry.metrics();
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) assert.match(line, /model_name="tiny"/, line);
  for (const name of Object.values(NAME)) assert.ok(text.includes(`# HELP ${name} `), name);
});

test('no delta-perplexity series before the controller has scored any token (not a 0)', async () => {
  const registry = buildRegistry('tiny');
  const agg = new Aggregator(registry, { now: () => 1000 });
  agg.report({ service: 'controller', instance: 'c', hasControl: true, policyVersion: 1, deltaPplEstimate: 0, deltaPplTokens: 0 }, 1000);
  assert.equal(await value(registry, NAME.deltaPplEstimate), undefined);
  agg.report({ service: 'controller', instance: 'c', hasControl: true, policyVersion: 1, deltaPplEstimate: 0.3, deltaPplTokens: 64 }, 1000);
  assert.equal(await value(registry, NAME.deltaPplEstimate), 0.3);
});

test('each policy against baseline over the KPI window, and the KV cache against an exact one', () => {
  let now = 1_000_000;
  const agg = new Aggregator(buildRegistry('tiny'), { now: () => now, kpiWindowMs: 60_000 });
  assert.deepEqual(agg.kpis(), { windowS: 60, policies: [], kv: null }, 'nothing finished, nothing reported');
  // default: 9 tokens after the first in 0.5 s; baseline: in 1.5 s (and one failure, which counts nowhere else).
  agg.observeRequest({ policy: 'default', ok: true, completionTokens: 10, ttftS: 0.25, e2eS: 0.75 });
  const alone = agg.kpis();
  assert.equal(alone.policies[0]!.vsBaseline, null, 'no baseline request in the window: no comparison');
  assert.equal(alone.policies[0]!.decodeTpsPerStream, 18);
  now += 30_000;
  agg.observeRequest({ policy: 'baseline', ok: true, completionTokens: 10, ttftS: 0.5, e2eS: 2.0 });
  agg.observeRequest({ policy: 'baseline', ok: false, errorCode: 'worker_lost', completionTokens: 0, ttftS: 0, e2eS: 0.1 });
  agg.observeRequest({ ok: true, completionTokens: 1, ttftS: 0.1, e2eS: 0.1 });
  const k = agg.kpis();
  assert.deepEqual(k.policies.map((p) => [p.policy, p.requests, p.failed, p.tokens]), [['baseline', 2, 1, 10], ['default', 1, 0, 10], ['system', 1, 0, 1]]);
  assert.equal(k.policies[0]!.decodeTpsPerStream, 6);
  assert.deepEqual(k.policies[1]!.vsBaseline, { decodeTpsPerStream: 3, ttftMeanS: 0.5, e2eMeanS: 0.375 });
  assert.deepEqual(k.policies[2]!.vsBaseline, { decodeTpsPerStream: null, ttftMeanS: 0.2, e2eMeanS: 0.05 }, 'one token: no decoding to compare');
  // The default request leaves the window first.
  now += 40_000;
  assert.deepEqual(agg.kpis().policies.map((p) => p.policy), ['baseline', 'system']);
  // KV: the tiers' bytes against the exact bytes the kv-store reports (none reported: no figure).
  agg.report(kvReport());
  assert.equal(agg.kpis().kv, null, 'a kv-store that reports no exact bytes gives no comparison');
  agg.report(kvReport({ kvBytesExact: 1000 }));
  assert.deepEqual(agg.kpis().kv, { heldBytes: 250, exactBytes: 1000, ratio: 0.25 });
});
