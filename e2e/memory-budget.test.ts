// `inferos up --memory-budget`: the KV budget is what the running processes leave of the whole system's
// budget, measured once every service is up; the control API shows weights, KV and the rest apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from '@inferos/cli';

const BIN = join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs');
const GiB = 2 ** 30;

async function start(budget: string) {
  const p = { port: await freePort(), control: await freePort(), telemetry: await freePort(), nats: await freePort() };
  const child = spawn(process.execPath, [BIN, 'up', '--memory-budget', budget, '--port', String(p.port), '--control-port', String(p.control), '--telemetry-port', String(p.telemetry), '--nats', `nats://127.0.0.1:${p.nats}`], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, p, exited, out: () => out, err: () => err };
}

test('the KV budget is what the processes leave of --memory-budget; the metrics split the memory', { skip: !existsSync('/proc/self/smaps_rollup') && 'needs Linux /proc' }, async () => {
  const sys = await start('2GiB');
  try {
    const end = Date.now() + 120_000;
    while (!sys.out().includes('Infer-OS is up')) {
      if (sys.child.exitCode !== null) assert.fail(`up exited (${sys.child.exitCode}): ${sys.err()}`);
      assert.ok(Date.now() < end, 'up was not ready within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const m = /memory budget 2\.0 GiB: the processes hold (\S+) (\S+) \(PSS, before any KV cache\); the KV budget is the (\S+) (\S+) left/.exec(sys.err());
    assert.ok(m, sys.err());
    const control = `http://127.0.0.1:${sys.p.control}`;
    const policy = (await (await fetch(`${control}/v1/policy`)).json()) as { policy: { infer_os: { io: { host_pool_bytes: number } } } };
    const kvBudget = policy.policy.infer_os.io.host_pool_bytes;
    assert.ok(kvBudget > 0.5 * GiB && kvBudget < 2 * GiB, `KV budget ${kvBudget}`);
    // The kv-store follows it, and the metrics show the whole system's memory in its parts.
    let mem: Record<string, number | null> = {};
    for (const deadline = Date.now() + 20_000; ;) {
      mem = ((await (await fetch(`${control}/v1/metrics`)).json()) as { mem: Record<string, number | null> }).mem;
      if (mem['kv_budget_bytes'] === kvBudget && (mem['weights_bytes'] ?? 0) > 0) break;
      assert.ok(Date.now() < deadline, `metrics never showed the KV budget and the weights: ${JSON.stringify(mem)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(mem['memory_budget_bytes'], 2 * GiB);
    const pss = mem['pss_bytes']!;
    assert.ok(pss > 0 && pss + kvBudget <= 2 * GiB * 1.05, `the processes (${pss}) and the KV budget (${kvBudget}) fit the budget`);
    assert.ok(mem['runtime_bytes']! >= 0 && mem['runtime_bytes']! + mem['weights_bytes']! + (mem['kv_used_bytes'] ?? 0) <= pss + 1);
  } finally {
    sys.child.kill('SIGTERM');
    await sys.exited;
  }
});

test('BAD BUDGET - a budget the processes alone exceed is refused, naming the sizes, and nothing keeps running', async () => {
  const sys = await start('200MiB');
  const code = await sys.exited;
  assert.notEqual(code, 0);
  assert.match(sys.err(), /the system holds \d+\.\d+ GiB before any KV cache .*--memory-budget 0\.20 GiB leaves .* for the KV cache, less than 16 MiB; give at least/);
  // Nothing of it answers any more.
  await assert.rejects(fetch(`http://127.0.0.1:${sys.p.control}/v1/health`));
});

test('BAD FLAG - --memory-budget with --budget, or not a size, is a usage error before anything starts', async () => {
  for (const args of [['--memory-budget', '2GiB', '--budget', '1GiB'], ['--memory-budget', 'lots']]) {
    const child = spawn(process.execPath, [BIN, 'up', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
    assert.equal(code, 2, err);
    assert.match(err, /--memory-budget/);
  }
});
