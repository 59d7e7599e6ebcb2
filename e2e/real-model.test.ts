// End to end with a model of real size: a random-weight checkpoint of Llama-3.2-1B's shape (hidden 2048,
// 16 layers, 32 heads / 8 KV heads, MLP 8192; the bundled 8k tokenizer), made by the fixture script and
// exported to int4 as a user would, served through the whole system (`inferos up --model DIR`, which
// shares one model session per worker process at this size). The checkpoint and the export are cached in
// tools/.work/e2e and made again when the export code changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSystem, freePort, REPO_ROOT, type RunningSystem } from '@inferos/cli';

const WORK = join(REPO_ROOT, 'tools', '.work', 'e2e');
const CHECKPOINT = join(WORK, 'llama-1b-shape');
const MODEL = join(WORK, 'llama-1b-int4');
const STAMP = join(MODEL, '.export-code');
let sys: RunningSystem;
let name: string;

function run(what: string, cmd: string, args: string[], cwd = REPO_ROOT): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' / ')}`);
}

/** A digest of the code that writes an exported model: a cached export older than it is made again. */
function exportCode(): string {
  const h = createHash('sha256');
  const dir = join(REPO_ROOT, 'tools', 'inferos_tools');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}

before(async () => {
  mkdirSync(WORK, { recursive: true });
  run('the tools\' Python environment', 'bash', [join(REPO_ROOT, 'tools', 'setup-python.sh')]);
  if (!existsSync(join(CHECKPOINT, 'model.safetensors.index.json'))) {
    run('making the 1B-shape checkpoint', join(REPO_ROOT, 'tools', '.venv', 'bin', 'python'),
      ['-m', 'inferos_tools.fixtures', 'checkpoint', '--variant', 'llama-3.2-1b-shape', '--out', CHECKPOINT], join(REPO_ROOT, 'tools'));
  }
  const code = exportCode();
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== code) {
    run('inferos export', process.execPath, [join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), 'export', '--checkpoint', CHECKPOINT,
      '--out', MODEL, '--weights', 'int4', '--max-context', '2048', '--verify', 'no']);
    writeFileSync(STAMP, code);
  }
  name = (JSON.parse(readFileSync(join(MODEL, 'inferos.json'), 'utf8')) as { name: string }).name;
  sys = await startSystem({
    natsUrl: `nats://127.0.0.1:${await freePort()}`,
    port: await freePort(),
    controlPort: await freePort(),
    telemetryPort: await freePort(),
    model: MODEL,
    policy: 'default',
    logs: process.env['INFEROS_E2E_LOGS'] ? 'inherit' : 'ignore',
  });
});

after(async () => {
  await sys?.stop();
});

async function complete(prompt: string, maxTokens: number, extra: Record<string, unknown> = {}) {
  const r = await fetch(`${sys.url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: name, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, ...extra }),
  });
  const body = (await r.json()) as { choices: { text: string; token_ids?: number[] }[]; usage: { completion_tokens: number } };
  assert.equal(r.status, 200, JSON.stringify(body));
  return body;
}

test('baseline through the services equals the export\'s ONNX Runtime reference of the same int4 weights', async () => {
  const golden = JSON.parse(readFileSync(join(MODEL, 'golden.json'), 'utf8')) as { cases: { prompt: string; prompt_ids: number[]; greedy: number[] }[] };
  // A prompt short enough for one prefill step, as the reference ran it (longer prompts are chunked,
  // and int8 activation rounding may then move near-tied tokens: tools/inferos_tools/GRAPH.md, "The reference and its tolerance").
  const c = golden.cases.find((x) => x.prompt_ids.length <= 16)!;
  const body = await complete(c.prompt, c.greedy.length, { kv_policy: 'baseline', return_token_ids: true });
  assert.deepEqual(body.choices[0]!.token_ids, c.greedy);
});

test('every shipped profile serves the 1B-shape model, all at once', async () => {
  const heldout = readFileSync(join(REPO_ROOT, 'models', 'inferos-tiny', 'onnx', 'heldout.txt'), 'utf8');
  const profiles = readdirSync(join(REPO_ROOT, 'policies')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  assert.ok(profiles.length >= 5, profiles.join(', '));
  const results = await Promise.all(profiles.map((p, i) => complete(heldout.slice(i * 1500, i * 1500 + 1200), 8, { kv_policy: p })));
  for (const [i, r] of results.entries()) assert.equal(r.usage.completion_tokens, 8, profiles[i]);
});

test('one process holds the model: no prefill-worker or probe copy (PSS from /proc)', () => {
  assert.deepEqual(sys.services.map((s) => s.name).sort(), ['controller', 'decode-worker', 'gateway', 'kv-store', 'telemetry']);
  const weights = (JSON.parse(readFileSync(join(MODEL, 'inferos.json'), 'utf8')) as { weights: { bytes: number } }).weights.bytes;
  const pss = sys.services.map((s) => {
    const rollup = readFileSync(`/proc/${s.child.pid}/smaps_rollup`, 'utf8');
    return { name: s.name, bytes: Number(/^Pss:\s+(\d+) kB/m.exec(rollup)![1]) * 1024 };
  });
  const holders = pss.filter((p) => p.bytes > weights / 2);
  assert.deepEqual(holders.map((p) => p.name), ['decode-worker'], JSON.stringify(pss));
});

test('64 concurrent streams of mixed prompt lengths: each completes, or is refused at once with 503 + Retry-After; none hangs', async () => {
  const heldout = readFileSync(join(REPO_ROOT, 'models', 'inferos-tiny', 'onnx', 'heldout.txt'), 'utf8');
  const profiles = ['baseline', 'default', 'throughput_optimized', 'latency_optimized'];
  const outcomes = await Promise.all(Array.from({ length: 64 }, async (_, i) => {
    // Prompts of about 8 to 250 tokens (3-4 characters each), 4 to 16 tokens out, four policies.
    const chars = 24 + ((i * 97) % 760);
    const max = 4 + (i % 13);
    const r = await fetch(`${sys.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: name, prompt: heldout.slice(i * 900, i * 900 + chars), max_tokens: max, temperature: 0, ignore_eos: true, stream: true, stream_options: { include_usage: true }, kv_policy: profiles[i % 4] }),
      signal: AbortSignal.timeout(600_000), // a request still open after 10 minutes hangs
    });
    if (r.status === 503) return { i, refused: true, retryAfter: r.headers.get('retry-after'), tokens: 0, max, error: '' };
    const text = await r.text();
    const usage = /"completion_tokens":(\d+)/.exec(text);
    const error = /"error":\{"message":"([^"]*)/.exec(text)?.[1] ?? '';
    return { i, refused: false, status: r.status, retryAfter: null, tokens: usage ? Number(usage[1]) : 0, max, error };
  }));
  for (const o of outcomes) {
    if (o.refused) assert.ok(o.retryAfter && Number(o.retryAfter) > 0, `request ${o.i}: 503 without Retry-After`);
    else assert.deepEqual([o.tokens, o.error], [o.max, ''], `request ${o.i}: ${JSON.stringify(o)}`);
  }
});
