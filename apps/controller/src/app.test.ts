// The control API's HTTP layer: buildApp over an in-memory double of its deps (the policy is applied with
// the real applyPolicy, so its PolicyErrors are the real ones), driven with app.inject().
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyPolicy, DEFAULT_POLICY, PolicyError } from '@inferos/kv';
import type { PolicyState } from '@inferos/serving';
import { buildApp, type ControlDeps } from './app';
import type { HistoryEntry } from './policy-store';
import { ExternalRuns, type ExternalReport } from './external';

interface Double {
  deps: ControlDeps;
  state: () => PolicyState;
  calls: { update: unknown[]; baseline: boolean[]; history: number[]; reports: ExternalReport[] };
}

function double(): Double {
  let state: PolicyState = { version: 1, policy: DEFAULT_POLICY, baselineMode: false, reason: 'seeded from default' };
  const calls: Double['calls'] = { update: [], baseline: [], history: [], reports: [] };
  const deps: ControlDeps = {
    policy: () => state,
    updatePolicy: async (patch) => {
      calls.update.push(patch);
      state = { ...state, version: state.version + 1, policy: applyPolicy(state.policy, patch), reason: 'POST /v1/policy' };
      return state;
    },
    setBaseline: async (enable) => {
      calls.baseline.push(enable);
      if (state.baselineMode !== enable) state = { ...state, version: state.version + 1, baselineMode: enable, reason: `POST /v1/baseline ${enable}` };
      return state;
    },
    health: () => ({ status: 'ok', policy_version: state.version, baseline_mode: state.baselineMode, services: [{ service: 'kv-store', status: 'ok', policy_version: state.version }] }),
    metrics: () => ({ tps: 12.5, ftl_ms: 80, p95_ms: 400, policy_version: state.version, quality: { delta_ppl_est: null } }),
    prometheus: async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', text: '# HELP inferos_policy_version v\n# TYPE inferos_policy_version gauge\ninferos_policy_version 1\n' }),
    history: async (limit) => {
      calls.history.push(limit);
      const all: HistoryEntry[] = [1, 2, 3, 4, 5, 6, 7].map((v) => ({ time_ms: v, kind: 'policy', version: v }));
      return all.slice(-limit);
    },
    report: (r) => {
      calls.reports.push(r);
    },
  };
  return { deps, state: () => state, calls };
}

const post = (url: string, payload: unknown) => ({ method: 'POST' as const, url, payload: payload as object });

describe('every route, happy path', () => {
  test('GET /v1/health: 200 while ok, 503 with the same body while degraded', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const r = await app.inject({ url: '/v1/health' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { status: 'ok', policy_version: 1, baseline_mode: false, services: [{ service: 'kv-store', status: 'ok', policy_version: 1 }] });
    const degraded = await buildApp({}, { ...d.deps, health: () => ({ status: 'degraded', services: [] }) });
    const r2 = await degraded.inject({ url: '/v1/health' });
    assert.equal(r2.statusCode, 503);
    assert.deepEqual(r2.json(), { status: 'degraded', services: [] });
  });

  test('GET /v1/metrics returns the deps\' figures as JSON', async () => {
    const app = await buildApp({}, double().deps);
    const r = await app.inject({ url: '/v1/metrics' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { tps: 12.5, ftl_ms: 80, p95_ms: 400, policy_version: 1, quality: { delta_ppl_est: null } });
  });

  test('GET /v1/metrics/prometheus is the text as given, with its content type (not a JSON string)', async () => {
    const app = await buildApp({}, double().deps);
    const r = await app.inject({ url: '/v1/metrics/prometheus' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.equal(r.body, '# HELP inferos_policy_version v\n# TYPE inferos_policy_version gauge\ninferos_policy_version 1\n');
  });

  test('GET /v1/policy: version, baseline mode, reason and the policy in the seed shape', async () => {
    const app = await buildApp({}, double().deps);
    const r = await app.inject({ url: '/v1/policy' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), { version: 1, baseline_mode: false, reason: 'seeded from default', policy: { infer_os: DEFAULT_POLICY } });
  });

  test('POST /v1/policy applies a partial policy (byte sizes as text too) and answers the new version', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const patch = { infer_os: { kv: { recent_window: 128 }, io: { host_pool_bytes: '512MiB' } } };
    const r = await app.inject(post('/v1/policy', patch));
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.version, 2);
    assert.equal(body.policy.infer_os.kv.recent_window, 128);
    assert.equal(body.policy.infer_os.io.host_pool_bytes, 512 * 2 ** 20);
    assert.equal(body.policy.infer_os.kv.sink_tokens, DEFAULT_POLICY.kv.sink_tokens);
    assert.deepEqual(d.calls.update, [patch]);
  });

  test('POST /v1/baseline enters and leaves baseline mode', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const on = await app.inject(post('/v1/baseline', { enable: true }));
    assert.equal(on.statusCode, 200);
    assert.equal(on.json().baseline_mode, true);
    assert.equal(on.json().version, 2);
    const off = await app.inject(post('/v1/baseline', { enable: false }));
    assert.equal(off.json().baseline_mode, false);
    assert.deepEqual(d.calls.baseline, [true, false]);
  });

  test('GET /v1/history: limit 5 is passed to the deps as the number 5; 100 by default', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const r = await app.inject({ url: '/v1/history?limit=5' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json().history.map((e: HistoryEntry) => e['version']), [3, 4, 5, 6, 7]);
    await app.inject({ url: '/v1/history' });
    assert.deepEqual(d.calls.history, [5, 100]);
    assert.equal(typeof d.calls.history[0], 'number');
  });

  test('/openapi.json lists every /v1 route with its methods', async () => {
    const app = await buildApp({}, double().deps);
    const r = await app.inject({ url: '/openapi.json' });
    assert.equal(r.statusCode, 200);
    const paths = r.json().paths as Record<string, Record<string, unknown>>;
    const routes = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    assert.deepEqual(routes, [
      'GET /v1/health', 'GET /v1/history', 'GET /v1/metrics', 'GET /v1/metrics/prometheus', 'GET /v1/policy', 'POST /v1/baseline', 'POST /v1/policy', 'POST /v1/report',
    ]);
    // The policy body is documented from the same rules that applyPolicy checks.
    const body = (paths['/v1/policy']!['post'] as { requestBody: { content: Record<string, { schema: { properties: { infer_os: { properties: Record<string, unknown> } } } }> } }).requestBody;
    assert.deepEqual(Object.keys(body.content['application/json']!.schema.properties.infer_os.properties), ['quality', 'kv', 'io', 'scheduler', 'loops']);
    // Answers carry the whole policy, documented from the same schema (every section required), not any object.
    type Answer = { responses: Record<string, { content: Record<string, { schema: { properties: { policy: { properties: { infer_os: { required: string[] } } } } } }> }> };
    for (const [path, method] of [['/v1/policy', 'get'], ['/v1/policy', 'post'], ['/v1/baseline', 'post']] as const) {
      const answer = (paths[path]![method] as Answer).responses['200']!.content['application/json']!.schema.properties.policy;
      assert.deepEqual(answer.properties?.infer_os?.required, ['quality', 'kv', 'io', 'scheduler', 'loops'], `${method} ${path}: the policy answered`);
    }
  });
});

describe("the integration guide's commands, as written", () => {
  const form = (url: string, payload?: string) => ({
    method: 'POST' as const, url, ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  });

  test('a policy body without the infer_os wrapper applies the same way', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const r = await app.inject(post('/v1/policy', { kv: { recent_window: 96 } }));
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().policy.infer_os.kv.recent_window, 96);
    assert.deepEqual(d.calls.update, [{ infer_os: { kv: { recent_window: 96 } } }]);
  });

  test('BAD POLICY - a bare body is refused naming its keys as sent, and nothing changes', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    for (const [payload, path, message] of [
      [{ kv: { bogus: 1 } }, 'kv.bogus', 'unknown key kv.bogus'],
      [{ kvv: { recent_window: 96 } }, 'kvv', 'unknown key kvv'],
      [{ kv: { recent_window: 8 } }, 'kv.recent_window', 'kv.recent_window: must be >= 16'],
    ] as const) {
      const r = await app.inject(post('/v1/policy', payload));
      assert.equal(r.statusCode, 422, r.body);
      assert.deepEqual(r.json().error, { message, code: 'invalid_policy', path });
    }
    assert.deepEqual(d.calls.update, []);
    assert.equal(d.state().version, 1);
  });

  test("curl -d without a content type (a form body holding JSON) works on both POST routes", async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const p = await app.inject(form('/v1/policy', '{"kv":{"recent_window":96}}'));
    assert.equal(p.statusCode, 200, p.body);
    assert.equal(p.json().policy.infer_os.kv.recent_window, 96);
    const on = await app.inject(form('/v1/baseline', '{"enable": true}'));
    assert.equal(on.statusCode, 200, on.body);
    assert.equal(on.json().baseline_mode, true);
    const off = await app.inject(form('/v1/baseline', 'enable=false'));
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().baseline_mode, false);
    assert.deepEqual(d.calls.baseline, [true, false]);
  });

  test('POST /v1/baseline with no body (the guide\'s reset) enters baseline mode', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    for (const r of [await app.inject({ method: 'POST', url: '/v1/baseline' }), await app.inject(post('/v1/baseline', {}))]) {
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().baseline_mode, true);
    }
    assert.deepEqual(d.calls.baseline, [true, true]);
  });

  test('GET /v1/history answers {history: [...]}, which the guide slices', async () => {
    const r = await (await buildApp({}, double().deps)).inject({ url: '/v1/history?limit=3' });
    assert.deepEqual(Object.keys(r.json()), ['history']);
    assert.equal(r.json().history.length, 3);
  });
});

describe('a refused policy: 422 naming the field, nothing changed', () => {
  async function refused(payload: unknown, path: string, message: RegExp) {
    const d = double();
    const app = await buildApp({}, d.deps);
    const before = (await app.inject({ url: '/v1/policy' })).json();
    const r = await app.inject(post('/v1/policy', payload));
    assert.equal(r.statusCode, 422, r.body);
    const e = r.json().error;
    assert.equal(e.code, 'invalid_policy');
    assert.equal(e.path, path);
    assert.match(e.message, message);
    assert.deepEqual((await app.inject({ url: '/v1/policy' })).json(), before, 'the policy changed after a refused update');
    return d;
  }

  test('BAD POLICY - an unknown key names infer_os.kv.bogus, and the deps are never called', async () => {
    const d = await refused({ infer_os: { kv: { bogus: 1 } } }, 'infer_os.kv.bogus', /unknown key infer_os\.kv\.bogus/);
    assert.deepEqual(d.calls.update, []);
  });

  test('BAD POLICY - an unknown top-level key', async () => {
    await refused({ infer_os: { kv: { recent_window: 64 } }, extra: 1 }, 'extra', /unknown key extra/);
  });

  test('BAD POLICY - out of range: recent_window 8', async () => {
    const d = await refused({ infer_os: { kv: { recent_window: 8 } } }, 'infer_os.kv.recent_window', /infer_os\.kv\.recent_window: must be >= 16/);
    assert.deepEqual(d.calls.update, []);
  });

  test('BAD POLICY - wrong type: a word where a boolean or a number belongs, a scalar where a mapping belongs', async () => {
    await refused({ infer_os: { io: { enable_iobinding: 'yes' } } }, 'infer_os.io.enable_iobinding', /must be boolean/);
    await refused({ infer_os: { kv: { recent_window: 'wide' } } }, 'infer_os.kv.recent_window', /must be integer/);
    await refused({ infer_os: { kv: 'small' } }, 'infer_os.kv', /must be object/);
  });

  // Fastify's Ajv coerces in place; before the fix, each of these was applied (max_delta_ppl null -> 0).
  test('BAD POLICY - wrong types the validator would coerce are refused, not converted', async () => {
    await refused({ infer_os: { quality: { max_delta_ppl: null } } }, 'infer_os.quality.max_delta_ppl', /expected a number, got null/);
    await refused({ infer_os: { quality: { max_delta_ppl: true } } }, 'infer_os.quality.max_delta_ppl', /expected a number, got true/);
    await refused({ infer_os: { kv: { recent_window: '64' } } }, 'infer_os.kv.recent_window', /expected a number, got "64"/);
    await refused({ infer_os: { io: { enable_iobinding: 0 } } }, 'infer_os.io.enable_iobinding', /expected true or false, got 0/);
  });

  test('BAD POLICY - not a bad byte size either way', async () => {
    await refused({ infer_os: { io: { host_pool_bytes: '12 parsecs' } } }, 'infer_os.io.host_pool_bytes', /host_pool_bytes/);
  });

  test('BAD POLICY - a PolicyError from the deps (threshold ordering) is a 422 with its path', async () => {
    const d = await refused({ infer_os: { kv: { level_thresholds: { L3_evict: 0.9 } } } }, 'infer_os.kv.level_thresholds', /L3_evict <= L2_int4 <= L1_int8/);
    assert.equal(d.calls.update.length, 1, 'the schema passes it; the deps refuse it');
    assert.equal(d.state().version, 1);
  });

  test('BAD POLICY - a body that is not JSON is a 400, and nothing changes', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const r = await app.inject({ method: 'POST', url: '/v1/policy', headers: { 'content-type': 'application/json' }, payload: '{"infer_os": ' });
    assert.equal(r.statusCode, 400);
    assert.ok(r.json().error.message);
    assert.equal(d.state().version, 1);
  });

  test('an error the deps did not expect is a 500 with a JSON body', async () => {
    const d = double();
    const app = await buildApp({}, { ...d.deps, updatePolicy: async () => { throw new Error('bucket revision mismatch'); } });
    const r = await app.inject(post('/v1/policy', { infer_os: {} }));
    assert.equal(r.statusCode, 500);
    assert.deepEqual(r.json(), { error: { message: 'bucket revision mismatch', code: 'internal_error' } });
  });

  test('a PolicyError thrown anywhere in the deps keeps its own path', async () => {
    const app = await buildApp({}, { ...double().deps, updatePolicy: async () => { throw new PolicyError('infer_os.scheduler.max_batch', 'cannot exceed the pool'); } });
    const r = await app.inject(post('/v1/policy', { infer_os: { scheduler: { max_batch: 8 } } }));
    assert.equal(r.statusCode, 422);
    assert.deepEqual(r.json(), { error: { message: 'infer_os.scheduler.max_batch: cannot exceed the pool', code: 'invalid_policy', path: 'infer_os.scheduler.max_batch' } });
  });
});

describe('other bad requests', () => {
  test('BAD CALL - POST /v1/baseline with a bad body is a 400, and the deps are never called', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    // null, 1 and "true" are what the validator alone would coerce to a boolean.
    for (const payload of [{ enable: 'maybe' }, { enable: true, extra: 1 }, { enable: null }, { enable: 1 }, { enable: 'true' }, [true]]) {
      const r = await app.inject(post('/v1/baseline', payload));
      assert.equal(r.statusCode, 400, JSON.stringify(payload));
      assert.equal(r.json().error.code, 'invalid_request');
    }
    assert.deepEqual(d.calls.baseline, []);
  });

  test('BAD CALL - GET /v1/history?limit=0 (or not a number, or an unknown parameter) is a 400', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    for (const q of ['limit=0', 'limit=abc', 'limit=10001', 'since=3']) {
      const r = await app.inject({ url: `/v1/history?${q}` });
      assert.equal(r.statusCode, 400, q);
      assert.equal(r.json().error.code, 'invalid_request');
    }
    assert.deepEqual(d.calls.history, []);
  });

  test('BAD CALL - an unknown route is a 404 with a JSON body', async () => {
    const app = await buildApp({}, double().deps);
    const r = await app.inject({ url: '/v1/nothing' });
    assert.equal(r.statusCode, 404);
    assert.deepEqual(r.json(), { error: { message: 'no route GET /v1/nothing', code: 'not_found' } });
  });
});

describe('the API key', () => {
  test('BAD KEY - when configured, a missing or wrong key is a 401 on every route; the right one passes', async () => {
    const d = double();
    const app = await buildApp({ apiKey: 's3cret' }, d.deps);
    for (const url of ['/v1/health', '/v1/metrics', '/v1/policy', '/v1/history', '/openapi.json']) {
      const none = await app.inject({ url });
      assert.equal(none.statusCode, 401, url);
      assert.equal(none.json().error.code, 'unauthorized');
      assert.equal((await app.inject({ url, headers: { authorization: 'Bearer wrong' } })).statusCode, 401, url);
      assert.equal((await app.inject({ url, headers: { authorization: 's3cret' } })).statusCode, 401, `${url}: no Bearer`);
    }
    const write = await app.inject({ ...post('/v1/policy', { infer_os: { kv: { recent_window: 128 } } }), headers: { authorization: 'Bearer wrong' } });
    assert.equal(write.statusCode, 401);
    assert.deepEqual(d.calls.update, [], 'a refused key reached the deps');
    assert.equal((await app.inject({ url: '/v1/policy', headers: { authorization: 'Bearer s3cret' } })).statusCode, 200);
    const ok = await app.inject({ ...post('/v1/policy', { infer_os: { kv: { recent_window: 128 } } }), headers: { authorization: 'Bearer s3cret' } });
    assert.equal(ok.statusCode, 200);
  });

  test('without a configured key, no header is needed', async () => {
    const app = await buildApp({}, double().deps);
    assert.equal((await app.inject({ url: '/v1/policy' })).statusCode, 200);
  });
});

describe('POST /v1/report (runs of apps\' own models)', () => {
  test('a report reaches the controller as sent; bad ones are 400s naming the field, and nothing is recorded', async () => {
    const d = double();
    const app = await buildApp({}, d.deps);
    const ok = await app.inject(post('/v1/report', { source: 'my-app', tokens: 32, duration_ms: 800, ttft_ms: 120 }));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(d.calls.reports, [{ source: 'my-app', tokens: 32, duration_ms: 800, ttft_ms: 120 }]);
    for (const [body, field] of [
      [{ source: 'a', tokens: '32', duration_ms: 800 }, 'tokens'],
      [{ source: 'a', tokens: 32 }, 'duration_ms'],
      [{ source: 'a', tokens: -1, duration_ms: 800 }, 'tokens'],
      [{ source: '', tokens: 1, duration_ms: 800 }, 'source'],
      [{ source: 'a', tokens: 1, duration_ms: 0 }, 'duration_ms'],
      [{ source: 'a', tokens: 1, duration_ms: 5, extra: 1 }, 'extra'],
    ] as const) {
      const r = await app.inject(post('/v1/report', body));
      assert.equal(r.statusCode, 400, `${JSON.stringify(body)}: ${r.body}`);
      assert.match(r.json<{ error: { path: string } }>().error.path, new RegExp(field));
    }
    assert.equal(d.calls.reports.length, 1);
  });

  test('ExternalRuns: per-source totals, tokens per second of run time, mean TTFT over the runs that reported one', () => {
    const ext = new ExternalRuns();
    ext.record({ source: 'a', tokens: 10, duration_ms: 500, ttft_ms: 100 }, 1000);
    ext.record({ source: 'a', tokens: 30, duration_ms: 1500 }, 2000);
    ext.record({ source: 'b', tokens: 0, duration_ms: 10 }, 3000);
    const s = ext.snapshot();
    assert.deepEqual(s['a'], { runs: 2, tokens: 40, prompt_tokens: 0, tps: 20, mean_ttft_ms: 100, last_report: new Date(2000).toISOString() });
    assert.equal(s['b']!.tps, 0);
    assert.equal(s['b']!.mean_ttft_ms, null);
  });
});
