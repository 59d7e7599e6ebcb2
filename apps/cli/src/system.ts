// Starting the whole system: a NATS server when none answers, then every service as its own process,
// health-checked; stopping it in reverse order. `inferos up`, `inferos bench serve` and the e2e suites
// use this.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import {
  startNatsServer, findNatsServer, request, pb, Subjects, DEFAULT_NATS_URL, connectBus, newBusCredentials, authorizationConfig, credentialsEnv, credentialsFromEnv,
  type NatsServerHandle, type BusCredentials, type BusUser,
} from '@inferos/proto';
import { loadModelInfo, defaultModelDir } from '@inferos/inference';
import type { PartialPolicyDocument } from '@inferos/kv/policy-schema';
import { callControl } from './control';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface SystemOptions {
  natsUrl?: string;
  port?: number;
  host?: string;
  apiKey?: string;
  /** KV policy for requests that name none. */
  policy?: string;
  /** KV budget in bytes (default: the policy's io.host_pool_bytes). */
  budget?: string;
  model?: string;
  prefillWorkers?: number;
  decodeWorkers?: number;
  /**
   * 'separate': prefill-worker processes, and the controller's quality probe in a thread of its own;
   * 'shared': each decode worker also serves prefill and the quality probe from its one model session (the
   * weights held once per worker process, not three times); 'auto' (default): shared when the model's
   * weights file passes SHARED_WORKERS_ABOVE bytes.
   */
  workers?: 'separate' | 'shared' | 'auto';
  /** Largest prefill step (kv-store --chunk). */
  chunk?: number;
  /** ms after which the kv-store frees a sequence no worker took (kv-store --unclaimed-ttl; default 60 s). */
  unclaimedTtlMs?: number;
  /** Start the controller (control API, policy distribution, loops; default true). */
  controller?: boolean;
  /** Control API port (default 7031). */
  controlPort?: number;
  /** Run the controller's quality probe (default true). */
  probe?: boolean;
  /** ms between prompts the gateway samples for the quality probe (gateway --probe-every). */
  probeEveryMs?: number;
  /** How long a request may wait for room in the KV budget before the gateway answers 503 (ms). */
  admissionTimeoutMs?: number;
  /** Start the telemetry service (Prometheus /metrics, live page; default true). */
  telemetry?: boolean;
  /** Telemetry port (default 9464). */
  telemetryPort?: number;
  /** Where service logs go: 'inherit' (our stderr) or 'ignore'. */
  logs?: 'inherit' | 'ignore';
  /** Progress lines (what is starting, what is ready). */
  say?: (line: string) => void;
  /** The whole system's memory budget in bytes (shown by the controller; see fitMemoryBudget). */
  memoryBudget?: number;
  /** Install Debian's nats-server with apt-get when it is missing and we may (root, apt-get present). */
  installNats?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Times this service was restarted after a crash (RunningSystem.restart). */
  restarts: number;
  startedAt: number;
}

export interface RunningSystem {
  url: string;
  /** The control API, when the controller runs. */
  controlUrl?: string;
  /** The telemetry service (GET /metrics, the live page at /), when it runs. */
  telemetryUrl?: string;
  natsUrl: string;
  /**
   * The credentials of the system's `admin` bus user, when we started the NATS server (it then admits
   * only the users made for this run: libs/proto/src/auth.ts); undefined on a server we found running.
   */
  natsAuth?: BusCredentials;
  /** Whether we started the NATS server (and will stop it). */
  ownNats: boolean;
  /** The NATS server's pid, when we started it. */
  natsPid?: number;
  services: ServiceProcess[];
  /** Start a service that exited again, with the same arguments; it replaces `s` in `services`. */
  restart(s: ServiceProcess): ServiceProcess;
  /** The environment that admits a service of this name to the bus (its credentials; {} on a NATS we did not start). */
  busEnv(service: BusUser): Record<string, string>;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now (on loopback). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

async function natsAnswers(url: string): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 1000, reconnect: false });
    await nc.close();
    return true;
  } catch (err) {
    if (!/authori[sz]ation/i.test((err as Error).message)) return false;
    // A server that wants credentials: usable only with the ones in the environment (the services and
    // we would be refused otherwise). One left by an earlier `inferos up` has passwords nobody has now.
    if (credentialsFromEnv()) return true;
    throw new Error(`a NATS server at ${url} requires credentials (one left running by an earlier inferos up?): stop it, pass --nats with another URL, or set INFEROS_NATS_USER and INFEROS_NATS_PASSWORD for it`);
  }
}

function ensureNatsServer(opts: SystemOptions, say: (l: string) => void): void {
  if (findNatsServer()) return;
  const canInstall = opts.installNats !== false && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error('nats-server is not installed and no NATS answers: install it (Debian/Ubuntu: sudo apt-get install nats-server; elsewhere https://nats.io) or pass --nats URL of a running server');
  }
  say('nats-server is not installed: installing Debian\'s nats-server package (apt-get install -y nats-server)');
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nats-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0 || !findNatsServer()) throw new Error('installing nats-server with apt-get failed (see above)');
  say('nats-server installed');
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

export async function startSystem(opts: SystemOptions = {}): Promise<RunningSystem> {
  const say = opts.say ?? (() => {});
  const shared = sharedWorkers(opts); // (reads the model's metadata: a bad --model stops us before anything starts)
  await portsFree(opts); // a system already running (or anything else on our ports): say so, start nothing
  const natsUrl = opts.natsUrl ?? process.env['INFEROS_NATS_URL'] ?? DEFAULT_NATS_URL;
  let nats: NatsServerHandle | undefined;
  let auth: Record<BusUser, BusCredentials> | undefined;
  let url = natsUrl;
  if (await natsAnswers(natsUrl)) {
    say(`NATS answers at ${natsUrl}: using it`);
  } else {
    if (!isLoopbackUrl(natsUrl)) throw new Error(`no NATS answers at ${natsUrl} (a remote server is not started for you)`);
    ensureNatsServer(opts, say);
    const port = Number(new URL(natsUrl).port || 4222);
    // The bus is not open: a user per service with a password made for this run, and permissions
    // (only the controller writes the policy).
    auth = newBusCredentials();
    nats = await startNatsServer({ port, detached: true, dieWithParent: true, config: authorizationConfig(auth) });
    url = nats.url;
    say(`started nats-server with JetStream at ${url} (pid ${nats.pid}; it admits only this system's services, each with a password made for this run)`);
  }
  const busAuth = auth?.admin;
  const services: ServiceProcess[] = [];
  const common = ['--nats', url, ...(opts.model ? ['--model', opts.model] : [])];
  if (shared) say('workers share one model session per process (prefill, decode and the quality probe)');
  const policy = opts.policy ?? 'default';
  const argsOf = new WeakMap<ServiceProcess, [string, string[]]>();
  const start = (name: string, app: string, args: string[], restarts = 0): ServiceProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps', app, 'src', 'main.ts'), ...common, ...args], {
      cwd: REPO_ROOT,
      // Logs go to our stderr (fd 2), never our stdout: a command's --json output stays clean.
      // The IPC channel is how a service knows we are gone (libs/serving/src/service-main.ts): if this
      // process dies, however, the channel closes and every service stops.
      stdio: ['ignore', opts.logs === 'ignore' ? 'ignore' : 2, opts.logs === 'ignore' ? 'ignore' : 2, 'ipc'],
      // INFEROS_RESTARTS: the service reports it (ServiceReport.restarts: inferos status, telemetry).
      env: { ...process.env, ...opts.env, INFEROS_RESTARTS: String(restarts), ...(auth ? credentialsEnv(auth[name as BusUser]) : {}) },
      // Own process group: Ctrl-C in a terminal reaches only us, and we stop the services in order.
      detached: true,
    });
    child.channel?.unref(); // the channel alone does not keep this process running
    const s: ServiceProcess = { name, child, restarts, startedAt: Date.now() };
    argsOf.set(s, [app, args]);
    services.push(s);
    return s;
  };
  const restart = (old: ServiceProcess): ServiceProcess => {
    const [app, args] = argsOf.get(old)!;
    const fresh = start(old.name, app, args, old.restarts + 1);
    services.splice(services.indexOf(fresh), 1);
    services.splice(services.indexOf(old), 1, fresh);
    return fresh;
  };
  const stop = async () => {
    // Reverse order: the gateway stops taking requests first, the kv-store (which owns memory) last.
    for (const s of [...services].reverse()) await stopChild(s.child);
    if (nats) await nats.stop();
  };
  let controlUrl: string | undefined;
  try {
    if (opts.controller !== false) {
      const port = opts.controlPort ?? 7031;
      start('controller', 'controller', ['--config', policy, '--port', String(port), ...(opts.memoryBudget ? ['--memory-budget', String(opts.memoryBudget)] : []), ...(opts.probe === false ? ['--no-probe'] : shared ? ['--probe', 'workers'] : []), ...(opts.apiKey ? ['--api-key', opts.apiKey] : [])]);
      await waitHealthy(url, busAuth, 'controller', services);
      controlUrl = `http://127.0.0.1:${port}`;
    }
    start('kv-store', 'kv-store', ['--policy', policy, ...(opts.budget ? ['--budget', opts.budget] : []), ...(opts.chunk ? ['--chunk', String(opts.chunk)] : []), ...(opts.unclaimedTtlMs ? ['--unclaimed-ttl', String(opts.unclaimedTtlMs)] : [])]);
    await waitHealthy(url, busAuth, 'kv-store', services);
    if (!shared) for (let i = 0; i < (opts.prefillWorkers ?? 1); i++) start('prefill-worker', 'prefill-worker', ['--policy', policy]);
    for (let i = 0; i < (opts.decodeWorkers ?? 1); i++) start('decode-worker', 'decode-worker', ['--policy', policy, ...(shared ? ['--prefill', '--quality-probe'] : [])]);
    await waitHealthy(url, busAuth, 'prefill-worker', services);
    await waitHealthy(url, busAuth, 'decode-worker', services);
    const port = opts.port ?? 8000;
    const host = opts.host ?? '127.0.0.1';
    start('gateway', 'gateway', ['--port', String(port), '--host', host, ...(opts.apiKey ? ['--api-key', opts.apiKey] : []), ...(opts.probeEveryMs !== undefined ? ['--probe-every', String(opts.probeEveryMs)] : []), ...(opts.admissionTimeoutMs !== undefined ? ['--admission-timeout', String(opts.admissionTimeoutMs)] : [])]);
    const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    await waitHttp(`${base}/api/v1/health`, services, opts.apiKey);
    let telemetryUrl: string | undefined;
    if (opts.telemetry !== false) {
      const tport = opts.telemetryPort ?? 9464;
      start('telemetry', 'telemetry', ['--port', String(tport), ...(opts.apiKey ? ['--api-key', opts.apiKey] : [])]);
      telemetryUrl = `http://127.0.0.1:${tport}`;
      await waitHttp(`${telemetryUrl}/metrics`, services, opts.apiKey);
    }
    return { url: base, controlUrl, telemetryUrl, natsUrl: url, ...(busAuth ? { natsAuth: busAuth } : {}), ownNats: nats !== undefined, ...(nats ? { natsPid: nats.pid } : {}), services, restart, stop,
      busEnv: (service: BusUser) => (auth ? credentialsEnv(auth[service]) : {}),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A process's proportional set size from /proc (shared pages split among the processes mapping them). */
export function processPss(pid: number): number | undefined {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A process's resident set size from /proc (VmRSS: every page it maps that is in memory, shared ones whole). */
export function processRss(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export class MemoryBudgetError extends Error {
  override name = 'MemoryBudgetError';
}

/** The KV budget the system's memory budget leaves is refused below this. */
export const MIN_KV_BUDGET = 16 * 2 ** 20;

const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;

/**
 * Fit a running system into `budget` bytes of memory: measure what its processes hold now (PSS of this
 * process, every service and a NATS server we started: the weights, runtimes and buffers, before any KV
 * cache), give the KV cache what is left (io.host_pool_bytes through the control API, which the kv-store
 * follows live), and return the split. Refused when less than MIN_KV_BUDGET would be left. What the
 * processes allocate later (activations of long prompts) comes on top: the budget holds at start.
 */
export async function fitMemoryBudget(sys: RunningSystem, budget: number, apiKey?: string, o: { self?: boolean } = {}): Promise<{ processesBytes: number; kvBudgetBytes: number }> {
  if (!sys.controlUrl) throw new MemoryBudgetError('a memory budget needs the controller (it applies the KV budget)');
  const processesBytes = systemMemory(sys, o);
  const kvBudgetBytes = budget - processesBytes;
  if (kvBudgetBytes < MIN_KV_BUDGET) {
    throw new MemoryBudgetError(`the system holds ${gib(processesBytes)} before any KV cache (weights, runtimes, buffers): --memory-budget ${gib(budget)} leaves ${gib(Math.max(0, kvBudgetBytes))} for the KV cache, less than ${MIN_KV_BUDGET / 2 ** 20} MiB; give at least ${gib(processesBytes + 4 * MIN_KV_BUDGET)}`);
  }
  const r = await callControl({ url: sys.controlUrl, ...(apiKey ? { apiKey } : {}) }, 'POST', '/v1/policy', { infer_os: { io: { host_pool_bytes: Math.floor(kvBudgetBytes) } } } satisfies PartialPolicyDocument);
  if (r.status !== 200) throw new MemoryBudgetError(`applying the KV budget failed: HTTP ${r.status}: ${JSON.stringify(r.body)}`);
  return { processesBytes, kvBudgetBytes };
}

/**
 * Summed PSS of a running system: every service, the NATS server we started, and this process unless
 * `self: false` (`inferos up` is part of the system; a benchmark driving it is a client).
 */
export function systemMemory(sys: RunningSystem, o: { self?: boolean } = {}): number {
  return Object.values(systemMemoryByProcess(sys, o)).reduce((a, b) => a + b, 0);
}

/** The system's processes by name: every service (a second replica as name-INDEX), a NATS server we started, and this process unless `self: false`. */
export function systemProcesses(sys: RunningSystem, o: { self?: boolean } = {}): [string, number][] {
  return [
    ...(o.self === false ? [] : [['inferos', process.pid] as [string, number]]),
    ...sys.services.map((s, i): [string, number] => [sys.services.findIndex((x) => x.name === s.name) === i ? s.name : `${s.name}-${i}`, s.child.pid!]),
    ...(sys.natsPid ? [['nats-server', sys.natsPid] as [string, number]] : []),
  ];
}

/** systemMemory, process by process (service names; `nats-server`, `inferos` for this process). */
export function systemMemoryByProcess(sys: RunningSystem, o: { self?: boolean } = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of systemProcesses(sys, o)) {
    const pss = processPss(pid);
    if (pss === undefined) throw new MemoryBudgetError('cannot read the processes\' memory (/proc/PID/smaps_rollup): --memory-budget needs Linux');
    out[name] = pss;
  }
  return out;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Refuse to start when a port the system would listen on is taken: naming what answers there when it is
 * Infer-OS (a second `inferos up` finds the first), else the port. Checked before anything starts.
 */
async function portsFree(opts: SystemOptions): Promise<void> {
  const host = opts.host ?? '127.0.0.1';
  const wanted: [string, string, number][] = [['gateway', host, opts.port ?? 8000]];
  if (opts.controller !== false) wanted.push(['control API', '127.0.0.1', opts.controlPort ?? 7031]);
  if (opts.telemetry !== false) wanted.push(['telemetry', '127.0.0.1', opts.telemetryPort ?? 9464]);
  for (const [what, h, port] of wanted) {
    if (port === 0 || (await canListen(h, port))) continue;
    const base = `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
    const probe = what === 'gateway' ? '/api/v1/health' : what === 'control API' ? '/v1/health' : '/metrics';
    let ours = false;
    try {
      const r = await fetch(`${base}${probe}`, { signal: AbortSignal.timeout(2000) });
      ours = what === 'telemetry' ? (await r.text()).includes('inferos_') : r.ok || r.status === 401 || r.status === 503;
    } catch {
      // something else holds the port
    }
    throw new PortInUseError(ours
      ? `Infer-OS is already running: its ${what} answers at ${base}. Stop it first (Ctrl-C where it runs), or start this one on other ports (--port, --control-port, --telemetry-port)`
      : `port ${port} (${what}) on ${h} is in use by another program: free it, or choose another port (--port, --control-port, --telemetry-port)`);
  }
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => res(true)));
  });
}

/** Above this many bytes of weights, `workers: 'auto'` shares one model session per worker process. */
export const SHARED_WORKERS_ABOVE = 256 * 1024 * 1024;

function sharedWorkers(opts: SystemOptions): boolean {
  const mode = opts.workers ?? 'auto';
  if (mode === 'shared' && opts.prefillWorkers !== undefined) throw new RangeError('shared workers serve prefill in the decode workers: --prefill-workers does not apply');
  if (mode !== 'auto') return mode === 'shared';
  if (opts.prefillWorkers !== undefined) return false;
  return loadModelInfo(opts.model ?? defaultModelDir()).weights.bytes > SHARED_WORKERS_ABOVE;
}

function exitedEarly(services: ServiceProcess[]): void {
  const dead = services.find((s) => s.child.exitCode !== null || s.child.signalCode !== null);
  if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) while the system was starting; its log is above`);
}

async function waitHealthy(natsUrl: string, auth: BusCredentials | undefined, service: string, services: ServiceProcess[], timeoutMs = 120_000): Promise<void> {
  const nc = await connectBus(natsUrl, 'inferos-up', auth);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      exitedEarly(services);
      try {
        const r = await request(nc, Subjects.health(service), pb.HealthRequest, {}, pb.HealthReply, 1000);
        if (r.ok) return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`${service} did not report healthy within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await nc.close();
  }
}

async function waitHttp(url: string, services: ServiceProcess[], apiKey?: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    exitedEarly(services);
    try {
      const r = await fetch(url, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}
