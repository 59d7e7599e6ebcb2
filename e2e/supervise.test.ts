// `inferos up` as a user runs it, killed as it may die: its services (and the NATS server it started) must
// not outlive it; and a second `up` on the same ports finds the first and starts nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from '@inferos/cli';

const BIN = join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs');

interface Up {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

function up(args: string[]): Up {
  const child = spawn(process.execPath, [BIN, 'up', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function until<T>(what: string, fn: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** [pid, state] of a process, or undefined when it is gone. */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

const alive = (pid: number) => {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z';
};

function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => stat(p)?.ppid === pid);
}

async function ports() {
  return { port: await freePort(), control: await freePort(), telemetry: await freePort(), nats: await freePort() };
}

const argsFor = (p: Awaited<ReturnType<typeof ports>>) => ['--port', String(p.port), '--control-port', String(p.control), '--telemetry-port', String(p.telemetry), '--nats', `nats://127.0.0.1:${p.nats}`];

for (const signal of ['SIGKILL', 'SIGHUP'] as const) {
  test(`${signal} of inferos up: nothing of the system is left within 5 s`, { skip: !existsSync('/proc/self/stat') && 'needs /proc' }, async () => {
    const p = await ports();
    const first = up(argsFor(p));
    try {
      await until('inferos up to be ready', () => (first.out().includes('Infer-OS is up') ? true : first.child.exitCode !== null ? (() => { throw new Error(`up exited: ${first.err()}`); })() : undefined), 120_000);
      const kids = childrenOf(first.child.pid!);
      // Six services and the NATS server it started (no NATS answered on the port we gave it).
      assert.ok(kids.length >= 7, `inferos up runs its services and NATS as children: ${kids.length}\n${first.err()}`);

      if (signal === 'SIGKILL') {
        // A second `up` on the same ports says the first is running and starts nothing.
        const second = up(argsFor(p));
        const code = await second.exited;
        assert.notEqual(code, 0);
        assert.match(second.err(), /already running/, second.err());
        assert.equal(childrenOf(second.child.pid!).length, 0);
        assert.ok(kids.every(alive), 'the first system still runs');
      }

      first.child.kill(signal);
      const t0 = performance.now();
      await until('every service and NATS to exit', () => (kids.some(alive) ? undefined : true), 5_000);
      console.log(`# after ${signal}: ${kids.length} processes gone in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    }
  });
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

test('a crashed service is restarted while the others keep serving; status and telemetry show the restart', { skip: !existsSync('/proc/self/stat') && 'needs /proc' }, async () => {
  const p = await ports();
  const sys = up(argsFor(p));
  try {
    await until('inferos up to be ready', () => (sys.out().includes('Infer-OS is up') ? true : sys.child.exitCode !== null ? (() => { throw new Error(`up exited: ${sys.err()}`); })() : undefined), 120_000);
    const before = childrenOf(sys.child.pid!);
    const victim = before.find((pid) => cmdline(pid).includes('apps/decode-worker/src/main.ts'));
    assert.ok(victim, 'a decode worker runs');
    process.kill(victim, 'SIGKILL');
    const fresh = await until('a new decode worker', () => childrenOf(sys.child.pid!).find((pid) => pid !== victim && cmdline(pid).includes('apps/decode-worker/src/main.ts')), 10_000);
    assert.ok(before.filter((pid) => pid !== victim).every(alive), 'the other services kept running');
    assert.match(sys.err(), /decode-worker exited unexpectedly \(SIGKILL\): restarting it in 0\.5 s \(restart 1\)/);
    // The control API (inferos status reads it) and telemetry show the restart once the new worker reports.
    const control = `http://127.0.0.1:${p.control}`;
    const deadline = Date.now() + 30_000;
    let health: { services: { service: string; status: string; restarts?: number }[] } | undefined;
    for (;;) {
      health = (await (await fetch(`${control}/v1/health`)).json()) as typeof health;
      if (health!.services.some((s) => s.service === 'decode-worker' && s.status === 'ok' && s.restarts === 1)) break;
      assert.ok(Date.now() < deadline, `no restarted decode worker in /v1/health: ${JSON.stringify(health)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const metrics = await (await fetch(`http://127.0.0.1:${p.telemetry}/metrics`)).text();
    assert.match(metrics, /inferos_service_restarts\{[^}]*service="decode-worker"[^}]*\} 1/);
    // And it serves: a completion through the gateway.
    const r = await fetch(`http://127.0.0.1:${p.port}/v1/completions`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'inferos-tiny', prompt: 'The kernel', max_tokens: 8 }),
    });
    assert.equal(r.status, 200, await r.clone().text());
    assert.ok(((await r.json()) as { choices: { text: string }[] }).choices[0]!.text.length > 0);
    assert.ok(alive(fresh));
  } finally {
    sys.child.kill('SIGTERM');
    await sys.exited;
  }
});
