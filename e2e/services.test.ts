// End to end through the services: a private NATS server (started by startSystem, as `inferos up` does
// when none answers), the kv-store, a prefill worker, two decode workers and the gateway, each its own
// process; real HTTP clients (the official `openai` package and fetch).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { Ollama } from 'ollama';
import { ChatOpenAI } from '@langchain/openai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import type { NatsConnection } from '@nats-io/transport-node';
import { startSystem, freePort, slices, REPO_ROOT, type RunningSystem } from '@inferos/cli';
import { Engine, contextTextPath, tokenLogprob } from '@inferos/inference';
import { pb, Subjects, request, decode, connectBus } from '@inferos/proto';
import { listSegments } from '@inferos/shm';
import { sseEvents } from './sse';

const MODEL = 'inferos-tiny';
let sys: RunningSystem;
let nc: NatsConnection;
let client: OpenAI;

before(async () => {
  sys = await startSystem({
    natsUrl: `nats://127.0.0.1:${await freePort()}`,
    port: await freePort(),
    policy: 'default',
    budget: '256MiB',
    decodeWorkers: 2,
    controlPort: await freePort(),
    telemetryPort: await freePort(),
    probe: false,
    logs: process.env['INFEROS_E2E_LOGS'] ? 'inherit' : 'ignore',
  });
  nc = await connectBus(sys.natsUrl, 'e2e-services', sys.natsAuth);
  client = new OpenAI({ baseURL: `${sys.url}/v1`, apiKey: 'unused-on-loopback' });
});

after(async () => {
  await nc?.close();
  await sys?.stop();
});

async function kvStats() {
  return request(nc, Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
}

async function complete(prompt: string, maxTokens: number, extra: Record<string, unknown> = {}) {
  const r = await fetch(`${sys.url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, ...extra }),
  });
  const body = (await r.json()) as { choices: { text: string; finish_reason: string }[]; usage: { completion_tokens: number } };
  assert.equal(r.status, 200, JSON.stringify(body));
  return body;
}

test('the openai client streams a chat completion, with usage', async () => {
  const stream = await client.chat.completions.create({
    model: MODEL,
    messages: [{ role: 'user', content: 'What does the kernel scheduler do?' }],
    max_tokens: 24,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let finish: string | null = null;
  let usage: { completion_tokens: number } | undefined;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  assert.ok(text.length > 0, 'some text streamed');
  assert.ok(finish === 'stop' || finish === 'length', `finish_reason ${finish}`);
  assert.ok(usage && usage.completion_tokens > 0 && usage.completion_tokens <= 24, JSON.stringify(usage));
});

test('with the baseline policy, greedy output through the services equals inferos generate, token for token', async () => {
  const engine = await Engine.load();
  try {
    for (const prompt of ['The kernel scheduler', 'Python lists are']) {
      const ids = engine.tokenizer.encode(prompt);
      const ref = await engine.generate(ids, { maxTokens: 48, stopAtEos: false });
      const body = await complete(prompt, 48, { kv_policy: 'baseline', return_token_ids: true });
      const choice = body.choices[0] as { text: string; token_ids?: number[] };
      assert.deepEqual(choice.token_ids, ref.tokens, prompt);
      assert.equal(choice.text, engine.tokenizer.decode(ref.tokens), prompt);
    }
  } finally {
    await engine.close();
  }
});

test('the OpenAI Python client: 6 concurrent baseline requests (batched) equal inferos generate, token for token', async () => {
  // As a user's Python program sends them: threads of the official client, half streamed. The decode
  // workers batch them; each greedy output must still be that of the single-process path.
  const setup = spawnSync('bash', [join(REPO_ROOT, 'tools', 'setup-python.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  assert.equal(setup.status, 0, 'the tools\' Python environment');
  const prompts = Array.from({ length: 6 }, (_, i) => `Chapter ${i + 1}. The memory allocator`);
  const py = spawnSync(join(REPO_ROOT, 'tools', '.venv', 'bin', 'python'), [join(REPO_ROOT, 'e2e', 'openai_client.py'), `${sys.url}/v1`, MODEL, 'baseline', '24', ...prompts], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(py.status, 0, py.stderr);
  const got = JSON.parse(py.stdout) as { prompt: string; text: string; token_ids: number[] | null; finish_reason: string }[];
  const engine = await Engine.load();
  try {
    for (const [i, r] of got.entries()) {
      const ref = await engine.generate(engine.tokenizer.encode(r.prompt), { maxTokens: 24, stopAtEos: false });
      assert.equal(r.text, engine.tokenizer.decode(ref.tokens), `${r.prompt} (${i % 2 ? 'streamed' : 'not streamed'})`);
      if (i % 2 === 0) assert.deepEqual(r.token_ids, ref.tokens, r.prompt);
      assert.equal(r.finish_reason, 'length');
    }
  } finally {
    await engine.close();
  }
});

test('an evaluation client scores continuations through the services (echo + logprobs, as lm-eval does): baseline equals a forward pass', async () => {
  // lm-eval's local-completions payload, sent by the OpenAI Python client: a batch of token-id prompts,
  // echo, logprobs 1, max_tokens 1. The prompt's log-probabilities come from the prefill worker's chunks.
  const setup = spawnSync('bash', [join(REPO_ROOT, 'tools', 'setup-python.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  assert.equal(setup.status, 0, 'the tools\' Python environment');
  const engine = await Engine.load();
  try {
    const enc = (t: string, bos = true) => engine.tokenizer.encode(t, bos);
    const requests = [
      { context: enc('The kernel scheduler decides'), continuation: enc(' which task runs next', false) },
      { context: enc('Python lists are'), continuation: enc(' mutable sequences', false) },
    ];
    const score = (policy: string) => {
      const py = spawnSync(join(REPO_ROOT, 'tools', '.venv', 'bin', 'python'), [join(REPO_ROOT, 'e2e', 'score_client.py'), `${sys.url}/v1`, MODEL, policy],
        { input: JSON.stringify(requests), encoding: 'utf8', timeout: 120_000 });
      assert.equal(py.status, 0, py.stderr);
      return JSON.parse(py.stdout) as { logprob: number; is_greedy: boolean; token_logprobs: number[] }[];
    };
    const v = engine.info.vocabSize;
    const got = score('baseline');
    for (const [i, r] of requests.entries()) {
      const ids = [...r.context, ...r.continuation];
      const all = await engine.forward(engine.newCache(), ids, true);
      const ref = r.continuation.map((id, k) => tokenLogprob(all.subarray((r.context.length + k - 1) * v, (r.context.length + k) * v), id, 1));
      assert.equal(got[i]!.token_logprobs.length, r.continuation.length);
      got[i]!.token_logprobs.forEach((lp, k) => assert.ok(Math.abs(lp - ref[k]!.logprob) < 1e-4, `request ${i} token ${k}: ${lp} vs ${ref[k]!.logprob}`));
      assert.equal(got[i]!.is_greedy, ref.every((x, k) => x.top[0]!.id === r.continuation[k]));
    }
    // Under a compressed policy the same request is scored too (its numbers are the policy's to judge).
    for (const r of score('default')) assert.ok(Number.isFinite(r.logprob) && r.logprob < 0);

    // Generated tokens' log-probabilities come from the prefill worker (the first) and a decode worker (the rest).
    const prompt = 'The memory allocator';
    const body = await complete(prompt, 6, { kv_policy: 'baseline', logprobs: 2, return_token_ids: true }) as unknown as {
      choices: { token_ids: number[]; logprobs: { token_logprobs: number[]; top_logprobs: Record<string, number>[] } }[];
    };
    const [c] = body.choices;
    const ids = [...enc(prompt), ...c!.token_ids];
    const all = await engine.forward(engine.newCache(), ids, true);
    c!.token_ids.forEach((id, k) => {
      const at = enc(prompt).length + k - 1;
      const ref = tokenLogprob(all.subarray(at * v, (at + 1) * v), id, 2);
      assert.ok(Math.abs(c!.logprobs.token_logprobs[k]! - ref.logprob) < 1e-4, `generated token ${k}`);
      const shown = Object.keys(c!.logprobs.top_logprobs[k]!).length;
      assert.ok(shown >= 1 && shown <= 2, `top_logprobs of token ${k}: ${shown}`); // two ids may show as one string
    });
  } finally {
    await engine.close();
  }
});

test('the ollama client (npm): list, show, generate and chat through the gateway; baseline greedy equals inferos generate', async () => {
  const ollama = new Ollama({ host: sys.url });
  const { models } = await ollama.list();
  assert.deepEqual(models.map((m) => m.name), [`${MODEL}:latest`]);
  const show = await ollama.show({ model: MODEL });
  assert.equal(show.details.family, 'llama');
  const engine = await Engine.load();
  try {
    const prompt = 'The kernel scheduler';
    const ref = await engine.generate(engine.tokenizer.encode(prompt), { maxTokens: 12 }); // Ollama stops at EOS too
    // kv_policy is Infer-OS's extension; the client sends the request object as it is.
    const request = { model: MODEL, prompt, raw: true, options: { temperature: 0, num_predict: 12 }, kv_policy: 'baseline' };
    const once = await ollama.generate({ ...request, stream: false } as Parameters<typeof ollama.generate>[0] & { stream: false });
    assert.equal(once.eval_count, ref.tokens.length);
    assert.equal(once.response, engine.tokenizer.decode(ref.tokens));
    let streamed = '';
    let last: { done: boolean; done_reason: string } | undefined;
    for await (const part of await ollama.generate({ ...request, stream: true } as Parameters<typeof ollama.generate>[0] & { stream: true })) {
      streamed += part.response;
      last = part;
    }
    assert.equal(streamed, once.response);
    assert.equal(last?.done, true);
    const messages = [{ role: 'user', content: 'What does the scheduler do?' }];
    const chat = await ollama.chat({ model: MODEL, messages, options: { temperature: 0, num_predict: 8 } });
    let chatStreamed = '';
    for await (const part of await ollama.chat({ model: MODEL, messages, stream: true, options: { temperature: 0, num_predict: 8 } })) chatStreamed += part.message.content;
    assert.equal(chatStreamed, chat.message.content);
    await assert.rejects(ollama.generate({ model: MODEL, prompt: 'hi', options: { top_k: 5 } }), /options\.top_k: not supported/);
  } finally {
    await engine.close();
  }
});

test('inferos ab --policies baseline,default: both policies timed and scored each round; baseline\'s perplexity equals a forward pass', async () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), 'ab', '--policies', 'baseline,default', '--requests', '2',
    '--prompt-chars', '400', '--window-chars', '1500', '--output-tokens', '8', '--url', sys.url, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  type Iv = { n: number; mean: number | null; ci95: [number, number] | null };
  const report = JSON.parse(r.stdout) as { rounds: number; policies: Record<string, { tps: Iv; ttft_ms: Iv; ppl: Iv; delta_ppl: Iv; failures: string[] }>; versus: Record<string, { tps: Iv & { significant: boolean | null } }> };
  for (const p of ['baseline', 'default']) {
    const m = report.policies[p]!;
    assert.deepEqual(m.failures, [], p);
    for (const k of ['tps', 'ttft_ms', 'ppl', 'delta_ppl'] as const) assert.equal(m[k].n, 2, `${p} ${k}`);
    assert.ok(m.tps.mean! > 0 && m.ttft_ms.mean! > 0 && m.ppl.mean! > 1, JSON.stringify(m));
  }
  assert.equal(typeof report.versus['default']!.tps.significant, 'boolean');
  // Baseline's perplexity of the scored windows, recomputed in-process from one forward pass each.
  const engine = await Engine.load();
  try {
    const text = readFileSync(contextTextPath(engine.info)!, 'utf8');
    const v = engine.info.vocabSize;
    const ppls = [];
    for (const w of slices(text, 1500, 2)) {
      const ids = engine.tokenizer.encode(w, true);
      const all = await engine.forward(engine.newCache(), ids, true);
      let nll = 0;
      for (let i = 1; i < ids.length; i++) nll -= tokenLogprob(all.subarray((i - 1) * v, i * v), ids[i]!).logprob;
      ppls.push(Math.exp(nll / (ids.length - 1)));
    }
    const mean = (ppls[0]! + ppls[1]!) / 2;
    assert.ok(Math.abs(report.policies['baseline']!.ppl.mean! - mean) / mean < 1e-4, `${report.policies['baseline']!.ppl.mean} vs ${mean}`);
  } finally {
    await engine.close();
  }
});

test('the SDK example app: chats through the gateway, runs its own model under InferenceContext, and its report shows in /v1/metrics', async () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps', 'sdk-example', 'src', 'main.ts'), '--gateway', sys.url, '--control', sys.controlUrl!, '--tokens', '8'],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { model: string; served_text: string; own_text: string; policy_version: number; applied: { key: string }[]; not_applied: { key: string; reason: string }[]; provider: string; reported: { runs: number; tokens: number; tps: number } | null };
  assert.equal(out.model, MODEL);
  const direct = await complete('The kernel scheduler', 8);
  assert.equal(out.served_text, direct.choices[0]!.text, 'the SDK stream gives what a plain request gives');
  assert.equal(out.provider, 'cpu');
  assert.ok(out.applied.some((a) => a.key === 'scheduler.decode_device'));
  assert.ok(out.not_applied.some((n) => n.key === 'kv.recent_window'));
  const policy = (await (await fetch(`${sys.controlUrl}/v1/policy`)).json()) as { version: number };
  assert.ok(out.policy_version >= 1 && out.policy_version <= policy.version);
  assert.equal(out.reported?.runs, 1);
  assert.equal(out.reported?.tokens, 8);
  assert.ok(out.reported!.tps > 0);
});

test('inferos tune --live: candidates applied through the control API and scored through the gateway; the one kept is the policy in force, and the profile it writes', async () => {
  const before = (await (await fetch(`${sys.controlUrl}/v1/policy`)).json()) as { policy: Record<string, unknown> };
  const out = join(tmpdir(), `inferos-tune-live-${process.pid}.yaml`); // not in tools/.work: a fresh checkout has none
  try {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), 'tune', '--live', '--max-delta-ppl', '2',
      '--candidates', '1', '--max-tokens', '512', '--context', '256', '--decode-context', '128', '--steps', '2', '--live-windows', '1',
      '--url', sys.url, '--control-url', sys.controlUrl!, '--out', out, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    type Row = { label: string; window: number; sinks: number; group: number };
    const report = JSON.parse(r.stdout) as { rows: Row[]; live: { kept: string | null; attempts: { label: string; delta_ppl: number | null; kept: boolean }[] } };
    assert.ok(report.live.kept, JSON.stringify(report.live));
    const kept = report.rows.find((row) => row.label === report.live.kept)!;
    assert.ok(report.live.attempts.at(-1)!.delta_ppl !== null && report.live.attempts.at(-1)!.delta_ppl! <= 2);
    const now = (await (await fetch(`${sys.controlUrl}/v1/policy`)).json()) as { policy: { infer_os: { kv: { recent_window: number; sink_tokens: number; group_size: number } } } };
    assert.deepEqual([now.policy.infer_os.kv.recent_window, now.policy.infer_os.kv.sink_tokens, now.policy.infer_os.kv.group_size], [kept.window, kept.sinks, kept.group]);
    assert.match(readFileSync(out, 'utf8'), new RegExp(`recent_window: ${kept.window}\\n`));
  } finally {
    // The rest of the suite runs under the policy it started with.
    await fetch(`${sys.controlUrl}/v1/policy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(before.policy) });
    rmSync(out, { force: true });
  }
});

test('LangChain JS (ChatOpenAI pointed at the gateway): invoke and stream give the gateway\'s own greedy answer', async () => {
  const llm = new ChatOpenAI({ model: MODEL, apiKey: 'unused-on-loopback', configuration: { baseURL: `${sys.url}/v1` }, temperature: 0, maxTokens: 16 });
  const question = 'What does the kernel scheduler do?';
  const direct = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: question }], max_tokens: 16, temperature: 0 });
  const expected = direct.choices[0]!.message.content ?? '';
  assert.ok(expected.length > 0);
  const answer = await llm.invoke(question);
  assert.equal(answer.content, expected);
  let streamed = '';
  for await (const chunk of await llm.stream(question)) streamed += String(chunk.content);
  assert.equal(streamed, expected);
});

test('16 concurrent streaming requests all complete; baseline ones exactly as they would alone', async () => {
  // Half run the compressed default policy (batched compute: equal to the alone run up to float rounding,
  // so only their completion is checked), half the baseline (batched with each other too: a padded batch
  // rounds by ~1e-5 at most, so their greedy tokens must still be those of the same request alone).
  const prompts = Array.from({ length: 16 }, (_, i) => ({ p: `Section ${i + 1}. The file system`, policy: i % 2 ? 'baseline' : 'default' }));
  const alone = new Map<string, number[]>();
  for (const { p, policy } of prompts.filter((x) => x.policy === 'baseline').slice(0, 4)) {
    alone.set(p, ((await complete(p, 20, { kv_policy: policy, return_token_ids: true })).choices[0] as unknown as { token_ids: number[] }).token_ids);
  }
  const results = await Promise.all(prompts.map(async ({ p, policy }) => {
    const stream = await client.completions.create({ model: MODEL, prompt: p, max_tokens: 20, temperature: 0, stream: true, stream_options: { include_usage: true }, ignore_eos: true, kv_policy: policy } as OpenAI.CompletionCreateParamsStreaming);
    let text = '';
    let tokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      if (chunk.usage) tokens = chunk.usage.completion_tokens;
    }
    return { p, text, tokens };
  }));
  const engine = await Engine.load();
  try {
    for (const r of results) {
      assert.equal(r.tokens, 20, `${r.p}: ${r.tokens} tokens`);
      if (alone.has(r.p)) assert.equal(r.text, engine.tokenizer.decode(alone.get(r.p)!), `${r.p}: concurrent baseline output differs from the same request alone`);
    }
  } finally {
    await engine.close();
  }
  const s = await kvStats();
  assert.equal(s.sequences, 0, 'every sequence was freed');
  assert.equal(s.usedBytes, 0, 'every KV byte was returned');
  assert.ok(s.peakSequences >= 2, `sequences ran concurrently (peak ${s.peakSequences})`);
});

for (const policy of ['default', 'baseline']) {
  test(`a decode worker killed mid-stream (${policy}): another takes the sequence over from the kv-store and the stream completes as it would have`, async (t) => {
    const prompt = 'The kernel scheduler';
    const maxTokens = 1500;
    const reference = (await complete(prompt, maxTokens, { kv_policy: policy })).choices[0]!.text;
    // Which decode worker runs what: its heartbeats say.
    const owners = new Map<string, { pid: number; running: number }>();
    const hb = nc.subscribe(Subjects.heartbeat('decode-worker'), {
      callback: (_err, msg) => {
        const h = decode(pb.Heartbeat, msg.data);
        owners.set(h.workerId, { pid: h.pid, running: h.running });
      },
    });
    const r = await fetch(`${sys.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, stream: true, kv_policy: policy }),
    });
    assert.equal(r.status, 200);
    let text = '';
    let chunks = 0;
    let finish: string | null = null;
    let killedAt = 0;
    let killedPid = 0;
    let last = 0;
    let gapAfterKill = 0;
    let errorEvent: { error?: { message: string; code?: string } } | undefined;
    for await (const ev of sseEvents<{ error?: { message: string; code?: string }; choices?: { text: string; finish_reason: string | null }[] }>(r)) {
      if (ev.error) {
        errorEvent = ev;
        break;
      }
      const now = performance.now();
      if (killedAt > 0) gapAfterKill = Math.max(gapAfterKill, now - Math.max(last, killedAt)); // the pause the takeover made
      last = now;
      text += ev.choices?.[0]?.text ?? '';
      finish = ev.choices?.[0]?.finish_reason ?? finish;
      chunks++;
      if (killedAt === 0 && chunks >= 10) {
        await new Promise((res) => setTimeout(res, 600)); // a heartbeat with running >= 1
        const busy = [...owners.values()].find((o) => o.running > 0);
        assert.ok(busy, `a decode worker reports the running sequence: ${JSON.stringify([...owners])}`);
        process.kill(busy.pid, 'SIGKILL');
        killedAt = performance.now();
        killedPid = busy.pid;
      }
    }
    assert.ok(killedAt > 0, 'the worker was killed mid-stream');
    // Put the killed worker back (as `inferos up`'s supervisor does) before anything can fail, so that the
    // next test has two decode workers again.
    const dead = sys.services.find((x) => x.child.pid === killedPid);
    assert.ok(dead, `the killed worker (pid ${killedPid}) is one of the system's services`);
    await new Promise((res) => (dead.child.exitCode !== null || dead.child.signalCode !== null ? res(undefined) : dead.child.once('exit', res)));
    sys.restart(dead);
    const started = performance.now();
    owners.clear();
    while (new Set([...owners.keys()]).size < 2) {
      assert.ok(performance.now() - started < 60_000, 'the restarted decode worker heartbeats within 60 s');
      await new Promise((res) => setTimeout(res, 100));
    }
    hb.unsubscribe();
    assert.equal(errorEvent, undefined, 'no error reaches the client');
    assert.equal(finish, 'length');
    assert.ok(last > killedAt, 'tokens kept coming after the kill');
    assert.equal(text, reference, 'greedy output identical to the uninterrupted run');
    t.diagnostic(`${policy}: the longest pause between chunks after the SIGKILL: ${Math.round(gapAfterKill)} ms (the takeover by the other decode worker)`);
    const s = await kvStats();
    assert.equal(s.sequences, 0, 'the finished sequence was freed');
    assert.equal(s.usedBytes, 0);
    // The supervisor restarts the killed worker; both decode workers serve again.
    assert.equal((await complete('After the failure', 8)).usage.completion_tokens, 8);
  });
}

test('the prefill worker killed mid-prompt: another (here the same one, restarted) runs the prompts again and every request completes as it would have', async (t) => {
  const engine = await Engine.load();
  let prompts: string[];
  try {
    // Long prompts (about 1,400 tokens each), so that the prefill worker is busy for a while.
    const text = readFileSync(contextTextPath(engine.info)!, 'utf8');
    prompts = slices(text, 5000, 4);
  } finally {
    await engine.close();
  }
  const ask = (prompt: string) => complete(prompt, 16, { kv_policy: 'baseline' });
  const reference: string[] = [];
  for (const p of prompts) reference.push((await ask(p)).choices[0]!.text);
  const busy = { running: 0, waiting: 0, pid: 0 };
  const hb = nc.subscribe(Subjects.heartbeat('prefill-worker'), {
    callback: (_err, msg) => {
      const h = decode(pb.Heartbeat, msg.data);
      Object.assign(busy, { running: h.running, waiting: h.waiting, pid: h.pid });
    },
  });
  const answers = Promise.all(prompts.map((p) => ask(p)));
  const started = performance.now();
  while (busy.running + busy.waiting < 2) {
    assert.ok(performance.now() - started < 30_000, 'the prefill worker reports the prompts');
    await new Promise((res) => setTimeout(res, 5));
  }
  const held = busy.running + busy.waiting;
  process.kill(busy.pid, 'SIGKILL');
  const dead = sys.services.find((x) => x.child.pid === busy.pid);
  assert.ok(dead, `the killed worker (pid ${busy.pid}) is one of the system's services`);
  await new Promise((res) => (dead.child.exitCode !== null || dead.child.signalCode !== null ? res(undefined) : dead.child.once('exit', res)));
  sys.restart(dead); // as inferos up's supervisor does
  const got = (await answers).map((b) => b.choices[0]!.text);
  hb.unsubscribe();
  assert.deepEqual(got, reference, 'every answer equals the one given without the kill');
  t.diagnostic(`killed the prefill worker holding ${held} prompts; all ${prompts.length} answered in ${Math.round(performance.now() - started)} ms`);
  const s = await kvStats();
  assert.equal(s.sequences, 0);
  assert.equal(s.usedBytes, 0);
});

test('the kv-store killed mid-stream: the stream ends with a clear error within 5 s, and the restarted kv-store sweeps the dead one\'s memory and serves', async (t) => {
  const kvProc = sys.services.find((x) => x.name === 'kv-store')!;
  const r = await fetch(`${sys.url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, prompt: 'The kernel scheduler', max_tokens: 1500, temperature: 0, ignore_eos: true, stream: true }),
  });
  assert.equal(r.status, 200);
  let chunks = 0;
  let killedAt = 0;
  let errorEvent: { message: string; code?: string } | undefined;
  const deadPid = kvProc.child.pid!;
  for await (const ev of sseEvents<{ error?: { message: string; code?: string } }>(r)) {
    if (ev.error) {
      errorEvent = ev.error;
      break;
    }
    chunks++;
    if (!killedAt && chunks >= 10) {
      process.kill(deadPid, 'SIGKILL');
      killedAt = performance.now();
    }
  }
  const waited = performance.now() - killedAt;
  const left = listSegments('inferos-kv').filter((n) => n.includes(`-${deadPid}-`));
  // Put the kv-store back (as inferos up's supervisor does) before anything can fail: the tests after
  // this one need it.
  await new Promise((res) => (kvProc.child.exitCode !== null || kvProc.child.signalCode !== null ? res(undefined) : kvProc.child.once('exit', res)));
  sys.restart(kvProc);
  assert.ok(killedAt > 0, 'the kv-store was killed mid-stream');
  assert.ok(errorEvent, 'the stream ends with an error event');
  t.diagnostic(`error event ${Math.round(waited)} ms after the kill: ${errorEvent.code}: ${errorEvent.message}`);
  assert.ok(waited < 5000, `the error came ${Math.round(waited)} ms after the kill (the requirement is 5 s)`);
  assert.ok(left.length > 0, 'the dead kv-store left its pool in /dev/shm');
  // The restarted kv-store sweeps the dead one's segments and the system serves again.
  const started = performance.now();
  for (;;) {
    try {
      if ((await complete('After the kv-store came back', 8)).usage.completion_tokens === 8) break;
    } catch (err) {
      assert.ok(performance.now() - started < 60_000, `the system serves again within 60 s: ${(err as Error).message}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }
  assert.deepEqual(listSegments('inferos-kv').filter((n) => n.includes(`-${deadPid}-`)), [], 'the dead kv-store\'s segments are swept');
});

test('the bus admits only the system\'s services: no credentials or wrong ones are refused, and a worker\'s own cannot publish a policy', async () => {
  assert.ok(sys.natsAuth, 'startSystem started its own NATS, with users');
  await assert.rejects(connectBus(sys.natsUrl, 'e2e-nobody', undefined), /requires credentials/);
  await assert.rejects(connectBus(sys.natsUrl, 'e2e-wrong', { user: 'controller', pass: 'guessed' }), /refused user "controller"/);
  // The decode worker's own credentials, as it got them from inferos up (its environment).
  const worker = sys.services.find((x) => x.name === 'decode-worker')!;
  const env = Object.fromEntries(readFileSync(`/proc/${worker.child.pid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  assert.equal(env['INFEROS_NATS_USER'], 'decode-worker');
  const wc = await connectBus(sys.natsUrl, 'e2e-as-worker', { user: env['INFEROS_NATS_USER']!, pass: env['INFEROS_NATS_PASSWORD']! });
  try {
    // (The controller may publish real updates meanwhile: only the worker's marker counts.)
    const marker = 'published-by-a-worker';
    const sub = nc.subscribe(Subjects.policyUpdate);
    await nc.flush();
    wc.publish(Subjects.policyUpdate, new TextEncoder().encode(marker));
    await wc.flush();
    const seen = (async () => {
      for await (const m of sub) if (m.string() === marker) return true;
      return false;
    })();
    const got = await Promise.race([seen, new Promise<boolean>((res) => setTimeout(() => res(false), 500))]);
    sub.unsubscribe();
    assert.equal(got, false, 'a policy update published with a worker\'s credentials reaches nobody');
    // Its own traffic goes through: a health request answered.
    const h = await request(wc, Subjects.health('kv-store'), pb.HealthRequest, {}, pb.HealthReply);
    assert.equal(h.ok, true);
  } finally {
    await wc.close();
  }
});

test('nothing is left in shared memory after shutdown', async () => {
  await nc.close();
  await sys.stop();
  assert.deepEqual(listSegments('inferos'), []);
});
