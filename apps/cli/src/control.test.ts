// `inferos status` and `inferos policy`: the pure parts (KEY=VALUE into one patch, the policy's YAML, the
// status frame from canned API replies), then the CLI as a user runs it against a real controller
// process on a private NATS server.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY, parsePolicyYaml } from '@inferos/kv';
import { startNatsServer, type NatsServerHandle } from '@inferos/proto';
import { ArgumentError, controlTarget, parseAssignments, parseValue } from './control';
import { renderPolicyYaml, toYaml } from './policy-yaml';
import { formatBytes, kvBar, renderFrame, type HealthView, type MetricsView } from './status-view';
import { freePort, REPO_ROOT } from './system';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'inferos.mjs');

describe('KEY=VALUE into one nested patch', () => {
  test('dotted keys build one object under infer_os; values are JSON when they parse, else strings', () => {
    assert.deepEqual(parseAssignments(['kv.recent_window=64', 'io.host_pool_bytes=512MiB', 'quality.max_delta_ppl=0.3', 'kv.mode=dynamic', 'io.enable_iobinding=false']), {
      infer_os: {
        kv: { recent_window: 64, mode: 'dynamic' },
        io: { host_pool_bytes: '512MiB', enable_iobinding: false },
        quality: { max_delta_ppl: 0.3 },
      },
    });
  });

  test('a leading infer_os. is accepted, and nested keys merge', () => {
    assert.deepEqual(parseAssignments(['infer_os.kv.level_thresholds.L1_int8=0.8', 'kv.level_thresholds.L3_evict=0.1']), {
      infer_os: { kv: { level_thresholds: { L1_int8: 0.8, L3_evict: 0.1 } } },
    });
  });

  test('a quoted JSON value stays a string; a value may contain "="', () => {
    assert.deepEqual(parseAssignments(['kv.recent_window="64"', 'scheduler.prefill_device=a=b']), {
      infer_os: { kv: { recent_window: '64' }, scheduler: { prefill_device: 'a=b' } },
    });
    assert.equal(parseValue('1e3'), 1000);
    assert.equal(parseValue('true'), true);
    assert.equal(parseValue('4GiB'), '4GiB');
  });

  test('BAD ARG - a key without "=" is refused, naming the argument', () => {
    assert.throws(() => parseAssignments(['kv.recent_window']), (e: Error) => e instanceof ArgumentError && /"kv.recent_window" \(no "="\)/.test(e.message));
  });

  test('BAD ARG - empty key, empty value, empty path part, nothing at all', () => {
    assert.throws(() => parseAssignments(['=64']), /empty key/);
    assert.throws(() => parseAssignments(['infer_os.=64']), /empty key/);
    assert.throws(() => parseAssignments(['kv.recent_window=']), /empty value/);
    assert.throws(() => parseAssignments(['kv..recent_window=1']), /bad part ""/);
    assert.throws(() => parseAssignments(['kv.recent-window=1']), /bad part "recent-window"/);
    assert.throws(() => parseAssignments([]), /at least one KEY=VALUE/);
  });

  test('BAD ARG - a key twice, or a value and keys under it, conflict', () => {
    assert.throws(() => parseAssignments(['kv.recent_window=64', 'infer_os.kv.recent_window=32']), /kv.recent_window is given twice/);
    assert.throws(() => parseAssignments(['kv=1', 'kv.recent_window=64']), /conflicts with kv/);
    assert.throws(() => parseAssignments(['kv.recent_window=64', 'kv={}']), /kv conflicts/);
  });

  test('BAD ARG - __proto__ is not a key (no prototype pollution)', () => {
    assert.throws(() => parseAssignments(['__proto__.polluted=1']), ArgumentError);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('the policy as YAML', () => {
  test('the output reads back, through the yaml package (@inferos/kv), as the same policy', () => {
    const policy = { ...DEFAULT_POLICY, kv: { ...DEFAULT_POLICY.kv, recent_window: 128 } };
    const text = toYaml({ infer_os: policy });
    assert.match(text, /^infer_os:\n {2}quality:\n {4}max_delta_ppl: 0.5\n/);
    assert.deepEqual(parsePolicyYaml(text), policy);
  });

  test('strings that YAML would read as something else are quoted', () => {
    assert.equal(toYaml({ a: 'on', b: '64', c: 'dynamic', d: 'x: y', e: true, f: {} }), 'a: "on"\nb: "64"\nc: dynamic\nd: "x: y"\ne: true\nf: {}\n');
  });

  test('the header line carries the version, baseline mode and reason', () => {
    const text = renderPolicyYaml({ version: 7, baseline_mode: true, reason: 'quality guard:\ndelta ppl 0.9', policy: { infer_os: DEFAULT_POLICY } });
    assert.equal(text, `# version 7, baseline mode on, reason quality guard: delta ppl 0.9\n${toYaml({ infer_os: DEFAULT_POLICY })}`);
    assert.match(text, /\ninfer_os:\n {2}quality:\n {4}max_delta_ppl: 0.5\n/);
  });
});

describe('the control target', () => {
  test('flags win over the environment, which wins over the default', () => {
    assert.deepEqual(controlTarget(undefined, undefined, {}), { url: 'http://127.0.0.1:7031' });
    assert.deepEqual(controlTarget(undefined, undefined, { INFEROS_CONTROL_URL: 'http://h:1/', INFEROS_API_KEY: 'k' }), { url: 'http://h:1', apiKey: 'k' });
    assert.deepEqual(controlTarget('http://x:2', 'f', { INFEROS_CONTROL_URL: 'http://h:1', INFEROS_API_KEY: 'k' }), { url: 'http://x:2', apiKey: 'f' });
    // The integration guide's name for the same address; INFEROS_CONTROL_URL wins when both are set.
    assert.deepEqual(controlTarget(undefined, undefined, { INFEROS_AGENT_URL: 'http://agent:3' }), { url: 'http://agent:3' });
    assert.deepEqual(controlTarget(undefined, undefined, { INFEROS_AGENT_URL: 'http://agent:3', INFEROS_CONTROL_URL: 'http://h:1' }), { url: 'http://h:1' });
  });

  test('BAD ARG - a URL that is not http(s)', () => {
    assert.throws(() => controlTarget('127.0.0.1:7031', undefined, {}), ArgumentError);
    assert.throws(() => controlTarget('nats://127.0.0.1:4222', undefined, {}), /http\(s\) URL/);
  });
});

describe('the status frame', () => {
  const now = Date.parse('2025-01-01T12:00:10Z');
  const health: HealthView = {
    status: 'degraded',
    policy_version: 5,
    baseline_mode: false,
    controller: { instance: 'controller-1', status: 'ok', policy_version: 5 },
    services: [
      { service: 'decode-worker', instance: 'dw-1', status: 'ok', policy_version: 5, policy_error: null, last_report_ms_ago: 200 },
      { service: 'gateway', instance: 'gw-1', status: 'gone', policy_version: 4, policy_error: null, last_report_ms_ago: 9100 },
      { service: 'kv-store', instance: 'kv-1', status: 'ok', policy_version: 4, policy_error: 'kv.group_size: cannot change', last_report_ms_ago: 100 },
      { service: 'telemetry', instance: 'tm-2', status: 'ok', policy_version: 5, policy_error: null, last_report_ms_ago: 100, restarts: 2 },
    ],
  };
  const metrics: MetricsView = {
    window_s: 10,
    tps: 12.345,
    ftl_ms: 120.44,
    p95_ms: 900.1,
    requests: { finished: 14, failed: 1, running: 2, waiting: 3 },
    mem: {
      kv_budget_bytes: 64 * 2 ** 20,
      kv_used_bytes: 24 * 2 ** 20,
      kv_reserved_bytes: 32 * 2 ** 20,
      kv_bytes_by_tier: { f32: 0, f16: 16 * 2 ** 20, int8: 6 * 2 ** 20, int4: 2 * 2 ** 20 },
      admission_paused: true,
    },
    util: { cpu: 0.265, npu: null, npu_reason: 'no NPU utilisation counter', igpu: null, igpu_reason: 'no iGPU utilisation counter', gpu: null, gpu_reason: 'no GPU utilisation counter' },
    quality: { delta_ppl_est: 0.0312, tokens: 2048, samples: 5, measured_at: '2025-01-01T12:00:07Z', guard_tripped_at: null },
    loops: { mid: { target_ms: 10, period_ms: 10.21, jitter_ms: 0.3, max_jitter_ms: 1.1 }, slow: { target_ms: 100, period_ms: 0, jitter_ms: 0, max_jitter_ms: 0 } },
    policy_version: 5,
    baseline_mode: false,
  };

  test('every figure the brief asks for is on the screen', () => {
    const f = renderFrame(health, metrics, { url: 'http://127.0.0.1:7031', nowMs: now });
    const line = (label: string) => f.split('\n').find((l) => l.startsWith(label)) ?? assert.fail(`no "${label}" line in\n${f}`);
    assert.match(line('Infer-OS'), /http:\/\/127\.0\.0\.1:7031 {2}status degraded/);
    assert.equal(line('policy'), 'policy    version 5, baseline mode off');
    assert.match(line('services'), /^services {2}controller {5}ok {4}v5$/);
    assert.match(f, /decode-worker {2}ok {4}v5\n/);
    assert.match(f, /gateway {8}gone {2}v4 {2}last report 9\.1 s ago/);
    assert.match(f, /kv-store {7}ok {4}v4 {2}behind, policy error: kv\.group_size: cannot change/);
    assert.match(f, /telemetry {6}ok {4}v5 {2}restarted 2x/);
    assert.equal(line('traffic'), 'traffic   tps 12.3  ftl_ms 120.4  p95_ms 900.1  (last 10 s)');
    assert.equal(line('requests'), 'requests  running 2  waiting 3  finished 14  failed 1');
    // 24 cells for 64 MiB: f16 16 MiB = 6 cells, int8 to 22 MiB = 8.25 -> 8, int4 to 24 MiB = 9.
    assert.equal(line('kv'), 'kv        [======++-...............] 24.0 MiB of 64.0 MiB (37.5%)  reserved 32.0 MiB');
    assert.match(f, /# f32 0 B {2}= f16 16\.0 MiB {2}\+ int8 6\.0 MiB {2}- int4 2\.0 MiB/);
    assert.equal(line('admission'), 'admission PAUSED (memory pressure)');
    assert.equal(line('util'), 'util      cpu 26.5%');
    assert.match(f, /npu n\/a \(no NPU utilisation counter\)\n.*igpu n\/a \(no iGPU utilisation counter\)\n.*gpu n\/a \(no GPU utilisation counter\)/);
    assert.equal(line('quality'), 'quality   ΔPPL +0.0312 over 2048 tokens of 5 sampled prompts, measured 3 s ago');
    assert.equal(line('loops'), 'loops     mid   target 10 ms  period 10.21 ms  jitter 0.30 ms (max 1.10)');
    assert.match(f, /slow {2}target 100 ms {2}not measured yet/);
    assert.doesNotMatch(f, /\x1b/, 'a frame carries no terminal codes');
  });

  test('what a fresh system reports (no kv-store, no estimate, no requests) reads as n/a, not as zero', () => {
    const f = renderFrame(
      { status: 'degraded', policy_version: 1, baseline_mode: true, controller: { status: 'ok', policy_version: 1 }, services: [] },
      { window_s: 10, tps: 0, ftl_ms: null, p95_ms: null, requests: { finished: 0, failed: 0, running: 0, waiting: 0 }, mem: { kv_budget_bytes: null, kv_bytes_by_tier: null, admission_paused: null }, util: { cpu: 0.01 }, quality: { delta_ppl_est: null, tokens: 0, samples: 0, measured_at: null }, loops: {} },
      { url: 'u', nowMs: now },
    );
    assert.match(f, /version 1, baseline mode on/);
    assert.match(f, /ftl_ms n\/a {2}p95_ms n\/a/);
    assert.match(f, /kv {8}n\/a \(no kv-store report\)/);
    assert.match(f, /admission n\/a/);
    assert.match(f, /ΔPPL n\/a \(no estimate yet: 0 tokens of 0 sampled prompts\)/);
    assert.match(f, /loops {5}none reporting/);
    assert.match(f, /npu n\/a\n/);
  });

  test('the KV bar never overflows, and an empty pool is all free', () => {
    assert.equal(kvBar({ f32: 0, f16: 0, int8: 0, int4: 0 }, 100, 10), '[..........]');
    assert.equal(kvBar({ f32: 200, f16: 10 }, 100, 10), '[##########]');
    assert.equal(kvBar({ f32: 50, int4: 50 }, 100, 10), '[#####-----]');
    assert.equal(kvBar({}, 0, 4), '[....]');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(12), '12 B');
  });
});

// ---- the CLI against a real controller ----

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, asynchronously (a blocking spawnSync would stall this process's timers). */
function inferos(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the CLI against a controller process on a private NATS server', () => {
  let nats: NatsServerHandle;
  let controller: ChildProcess;
  let url: string;
  let log = '';
  const env = () => ({ INFEROS_CONTROL_URL: url, INFEROS_API_KEY: '' });

  before(async () => {
    nats = await startNatsServer();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    controller = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps', 'controller', 'src', 'main.ts'), '--nats', nats.url, '--port', String(port), '--no-probe'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    controller.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (controller.exitCode !== null) assert.fail(`the controller exited (${controller.exitCode}):\n${log}`);
      try {
        await fetch(`${url}/v1/health`);
        break;
      } catch {
        if (Date.now() > deadline) assert.fail(`the controller did not answer within 60 s:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  after(async () => {
    if (controller && controller.exitCode === null && controller.signalCode === null) {
      const exited = new Promise((r) => controller.once('exit', r));
      controller.kill('SIGTERM');
      await exited;
    }
    await nats?.stop();
  });

  test('policy get prints the seeded version 1 as YAML that reads back', async () => {
    const r = await inferos(env(), 'policy', 'get');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# version 1, baseline mode off, reason seeded from default\ninfer_os:\n/);
    parsePolicyYaml(r.stdout.split('\n').slice(1).join('\n'));
  });

  test('policy set applies one atomic update; policy get --json shows version 2 and the new window', async () => {
    const set = await inferos(env(), 'policy', 'set', 'kv.recent_window=64');
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout, 'policy version 2\n');
    const get = await inferos(env(), 'policy', 'get', '--json');
    assert.equal(get.code, 0, get.stderr);
    const p = JSON.parse(get.stdout);
    assert.equal(p.version, 2);
    assert.equal(p.policy.infer_os.kv.recent_window, 64);
    assert.equal(p.reason, 'POST /v1/policy');
  });

  test('BAD VALUE - kv.recent_window=8 exits 2, names infer_os.kv.recent_window, and changes nothing', async () => {
    const r = await inferos(env(), 'policy', 'set', 'kv.recent_window=8', 'quality.max_delta_ppl=0.3');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /policy refused, nothing changed: infer_os\.kv\.recent_window/);
    const p = JSON.parse((await inferos(env(), 'policy', 'get', '--json')).stdout);
    assert.equal(p.version, 2);
    assert.equal(p.policy.infer_os.kv.recent_window, 64);
    assert.equal(p.policy.infer_os.quality.max_delta_ppl, DEFAULT_POLICY.quality.max_delta_ppl);
  });

  test('BAD KEY - an unknown key exits 2 and names it', async () => {
    const r = await inferos(env(), 'policy', 'set', 'kv.bogus=1');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown key infer_os\.kv\.bogus/);
  });

  test('policy baseline on sets baseline_mode; status --once prints a plain frame with the version', async () => {
    const on = await inferos(env(), 'policy', 'baseline', 'on');
    assert.equal(on.code, 0, on.stderr);
    assert.equal(on.stdout, 'baseline mode on (policy version 3)\n');
    const p = JSON.parse((await inferos(env(), 'policy', 'get', '--json')).stdout);
    assert.equal(p.baseline_mode, true);
    assert.equal(p.version, 3);
    const s = await inferos(env(), 'status', '--once');
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, /^policy {4}version 3, baseline mode on$/m);
    assert.match(s.stdout, /^services {2}controller {2}ok {2}v3$/m);
    assert.doesNotMatch(s.stdout, /\x1b/);
  });

  test('BAD CALL - no controller at the URL: a clear error, exit 1', async () => {
    const port = await freePort();
    const r = await inferos({ INFEROS_CONTROL_URL: `http://127.0.0.1:${port}` }, 'status', '--once');
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`no controller answers at http://127\\.0\\.0\\.1:${port}: is \`inferos up\` running\\?`));
  });

  test('BAD CALL - usage errors exit 2 before any request', async () => {
    assert.equal((await inferos(env(), 'policy', 'set', 'kv.recent_window')).code, 2);
    assert.equal((await inferos(env(), 'policy', 'baseline', 'maybe')).code, 2);
    assert.equal((await inferos(env(), 'policy', 'frob')).code, 2);
    assert.equal((await inferos(env(), 'status', '--interval', '0')).code, 2);
    const h = await inferos(env(), 'help', 'policy', 'set');
    assert.match(h.stdout, /inferos policy set KEY=VALUE/);
    assert.match((await inferos(env(), '--help')).stdout, /status .*\n {2}policy /);
  });
});

test('INFEROS_ENABLED=0: the controller starts in baseline mode, and says why in its policy state', async () => {
  const nats = await startNatsServer();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps', 'controller', 'src', 'main.ts'), '--nats', nats.url, '--port', String(port), '--no-probe'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, INFEROS_ENABLED: '0' },
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    const deadline = Date.now() + 60_000;
    let body: { baseline_mode: boolean; reason: string } | undefined;
    while (!body) {
      if (child.exitCode !== null) assert.fail(`the controller exited (${child.exitCode}):\n${log}`);
      try {
        body = (await (await fetch(`http://127.0.0.1:${port}/v1/policy`)).json()) as typeof body;
      } catch {
        if (Date.now() > deadline) assert.fail(`the controller did not answer within 60 s:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.equal(body.baseline_mode, true);
    assert.equal(body.reason, 'INFEROS_ENABLED=0 at start');
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await nats.stop();
  }
});
