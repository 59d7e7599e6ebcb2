import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { applyOrtPolicy } from './adapter';
import { InferOSClient, InferOSError, type PartialPolicy } from './client';

const POLICY = {
  quality: { max_delta_ppl: 0.5, min_accept_rate: 0.5 },
  kv: { mode: 'dynamic', recent_window: 64 },
  io: { enable_iobinding: true, dml_pool_bytes: 1, host_pool_bytes: 2 },
  scheduler: { mode: 'hybrid', prefill_device: 'dml', decode_device: 'npu', max_batch: 8, target_tpot_ms: 100, target_ftl_ms: 2000 },
  loops: { fast_ms: 1 },
} satisfies PartialPolicy;

test('applyOrtPolicy: the role\'s device becomes the providers available along its fallback chain; every other key says why not', () => {
  const so: Record<string, unknown> = {};
  const ro: Record<string, unknown> = {};
  const r = applyOrtPolicy(POLICY, so, ro, { role: 'decode', available: ['cpu'], version: 7 });
  assert.deepEqual(so['executionProviders'], ['cpu']); // npu (none in onnxruntime-node), dml, cuda: not here
  assert.equal(ro['tag'], 'inferos-policy-v7');
  assert.deepEqual(r.applied.map((a) => a.key), ['scheduler.decode_device', 'version']);
  const keys = Object.entries(POLICY).flatMap(([s, v]) => Object.keys(v).map((k) => `${s}.${k}`)).filter((k) => k !== 'scheduler.decode_device');
  assert.deepEqual(r.notApplied.map((n) => n.key).sort(), keys.sort());
  for (const n of r.notApplied) assert.ok(n.reason.length > 10, n.key);
  assert.match(r.notApplied.find((n) => n.key === 'scheduler.prefill_device')!.reason, /decode role/);

  const pre: Record<string, unknown> = {};
  applyOrtPolicy(POLICY, pre, {}, { role: 'prefill', available: ['cpu', 'cuda'] });
  assert.deepEqual(pre['executionProviders'], ['cuda', 'cpu']);
  const none = applyOrtPolicy(POLICY, {}, {}, { role: 'decode', available: [] });
  assert.match(none.notApplied.find((n) => n.key === 'scheduler.decode_device')!.reason, /none of npu, dml, cuda, cpu is available/);
});

test('InferOSClient: an error answer becomes an InferOSError with status, code, param and Retry-After; no server, a clear error', async () => {
  const server = createServer((req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
    res.end(JSON.stringify({ error: { message: 'no room in the KV budget', type: 'server_error', param: null, code: 'saturated' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const client = new InferOSClient({ gatewayUrl: `http://127.0.0.1:${port}` });
    await assert.rejects(client.completion({ model: 'm', prompt: 'hi' }), (e: unknown) => {
      assert.ok(e instanceof InferOSError);
      assert.deepEqual([e.status, e.code, e.retryAfterS], [503, 'saturated', 2]);
      assert.match(e.message, /no room in the KV budget/);
      return true;
    });
  } finally {
    server.close();
  }
  const gone = new InferOSClient({ controlUrl: `http://127.0.0.1:${port}`, timeoutMs: 2000 });
  await assert.rejects(gone.policy(), (e: unknown) => e instanceof InferOSError && e.code === 'unreachable' && /inferos up/.test(e.message));
});

test('InferOSClient streams: a gateway that sends nothing is cut after timeoutMs, as a timeout', async () => {
  const server = createServer(() => {}); // accepts, never answers
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const client = new InferOSClient({ gatewayUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const consume = async () => {
      for await (const _ of client.completionStream({ model: 'm', prompt: 'hi' })) void _;
    };
    await assert.rejects(consume(), (e: unknown) => e instanceof InferOSError && e.code === 'timeout');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
