// End to end with shared workers (`inferos up --workers shared`, the default for large models): no
// prefill-worker process; each decode worker serves prefill, decode and the controller's quality probe
// from one model session, so the machine holds the weights once per worker process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSystem, freePort, REPO_ROOT, type RunningSystem } from '@inferos/cli';
import { Engine } from '@inferos/inference';

const MODEL = 'inferos-tiny';
// Above the longest stretch a worker's event loop is busy with one model run (a prompt chunk is sized to
// at most LOST_AFTER_MS / 4 = 625 ms), during which a prefill job it is sent waits to be accepted: at
// 300 ms, a slower host (AVX2 only) freed a job's sequence before its worker could take it.
const UNCLAIMED_TTL_MS = 1000;
let sys: RunningSystem;

before(async () => {
  sys = await startSystem({
    natsUrl: `nats://127.0.0.1:${await freePort()}`,
    port: await freePort(),
    controlPort: await freePort(),
    telemetry: false,
    policy: 'default',
    workers: 'shared',
    probeEveryMs: 200,
    // Short, so that prompts queued behind others outwait it (see the queued-prompts test).
    unclaimedTtlMs: UNCLAIMED_TTL_MS,
    logs: process.env['INFEROS_E2E_LOGS'] ? 'inherit' : 'ignore',
  });
});

after(async () => {
  await sys?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function complete(prompt: string, maxTokens: number, extra: Record<string, unknown> = {}) {
  const r = await fetch(`${sys.url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, ...extra }),
  });
  const body = (await r.json()) as { choices: { text: string; token_ids?: number[] }[] };
  assert.equal(r.status, 200, JSON.stringify(body));
  return body.choices[0]!;
}

test('no prefill-worker process runs, yet the prefill role answers health (served by the decode worker)', async () => {
  assert.deepEqual(sys.services.map((s) => s.name).sort(), ['controller', 'decode-worker', 'gateway', 'kv-store']);
  const health = (await (await fetch(`${sys.controlUrl}/v1/health`)).json()) as { services: { service: string; status: string }[] };
  const prefill = health.services.filter((s) => s.service === 'prefill-worker');
  assert.equal(prefill.length, 1, JSON.stringify(health.services));
  assert.equal(prefill[0]!.status, 'ok', JSON.stringify(prefill));
});

test('baseline through the shared worker equals the single-process reference, token for token', async () => {
  const engine = await Engine.load();
  try {
    const prompt = 'The kernel scheduler';
    const ref = await engine.generate(engine.tokenizer.encode(prompt), { maxTokens: 32, stopAtEos: false });
    const choice = await complete(prompt, 32, { kv_policy: 'baseline', return_token_ids: true });
    assert.deepEqual(choice.token_ids, ref.tokens);
  } finally {
    await engine.close();
  }
});

test('the quality probe scores sampled prompts on the workers\' session (controller --probe workers)', async () => {
  const heldout = readFileSync(join(REPO_ROOT, 'models', 'inferos-tiny', 'onnx', 'heldout.txt'), 'utf8');
  type Q = { quality: { delta_ppl_est: number | null; tokens: number; probe_error: string | null } };
  let last: Q | undefined;
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    await complete(heldout.slice(2000, 6000), 2);
    last = (await (await fetch(`${sys.controlUrl}/v1/metrics`)).json()) as Q;
    if (last.quality.delta_ppl_est !== null) break;
    await sleep(300);
  }
  assert.ok(last && last.quality.delta_ppl_est !== null, `no estimate within 60 s: ${JSON.stringify(last?.quality)}`);
  assert.ok(last.quality.tokens >= 64, JSON.stringify(last.quality));
  assert.equal(last.quality.probe_error, null);
  // The default policy on this text stays within its quality budget (the guard is not tripped).
  assert.ok(Math.abs(last.quality.delta_ppl_est) < 5, JSON.stringify(last.quality));
});

test('prompts queued behind others longer than the kv-store\'s unclaimed TTL are served, not freed as lost', async () => {
  // The worker that accepted a prefill job owns its sequence from then on (heartbeats keep it), however
  // long the job waits in its queue; before, a sequence waiting past the TTL was freed ("worker lost").
  const heldout = readFileSync(join(REPO_ROOT, 'models', 'inferos-tiny', 'onnx', 'heldout.txt'), 'utf8');
  const t0 = Date.now();
  const done: number[] = [];
  const results = await Promise.all(Array.from({ length: 48 }, async (_, i) => {
    const r = await fetch(`${sys.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, prompt: heldout.slice(i * 1200, i * 1200 + 4000), max_tokens: 1, temperature: 0, kv_policy: 'baseline' }),
    });
    done.push(Date.now() - t0);
    return { status: r.status, body: await r.text() };
  }));
  for (const r of results) assert.equal(r.status, 200, r.body);
  // The scenario only tests something if the queue outlasted the TTL (and the reaper's period) by far.
  assert.ok(Math.max(...done) > 3 * UNCLAIMED_TTL_MS, `the prompts were all served within ${Math.max(...done)} ms: too few to queue past the TTL`);
});
