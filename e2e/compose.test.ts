// deploy/docker-compose.yml run for real, as a user without a registry would run it: Docker from Debian's
// packages, a dockerd of our own when none runs, images built here (the Infer-OS
// image on a base made from a Debian `debootstrap --variant=minbase` root with this machine's Node.js;
// NATS and Prometheus from Debian's packages on the same base), `docker-compose up` with every service but
// Grafana (its image cannot be fetched here), then: the OpenAI client streams through the published port
// with the API key, Prometheus scrapes telemetry, a policy change reaches every container, and
// `docker-compose down` leaves nothing behind. A dockerd we started is stopped again and the host's
// network settings (ip_forward, iptables rules, bridges) are restored.
//
// Docker's packages come from npm test's pretest (tools/scripts/test-deps.mjs). Needs root (dockerd,
// iptables) unless a Docker engine already answers. INFEROS_E2E_COMPOSE=0 skips it
// (say so when you do: it is the only run of the compose file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { freePort, REPO_ROOT } from '@inferos/cli';
import { sseEvents } from './sse';

const SKIP = process.env['INFEROS_E2E_COMPOSE'] === '0';
const PROJECT = 'inferos-e2e';
const KEY = 'compose-e2e-key';
const COMPOSE_FILE = join(REPO_ROOT, 'deploy', 'docker-compose.yml');
// Every service but Grafana: its image is not on Debian and no registry is reachable here.
const SERVICES = ['nats-auth', 'nats', 'controller', 'kv-store', 'prefill-worker', 'decode-worker', 'gateway', 'telemetry', 'prometheus'];
const BASE_TAG = `inferos-base:bookworm-node${process.versions.node}`;
const NATS_TAG = `inferos-nats:${BASE_TAG.split(':')[1]}`;
const PROMETHEUS_TAG = `inferos-prometheus:${BASE_TAG.split(':')[1]}`;
// The debootstrap root is cached between runs (the images themselves stay in Docker's store).
const CACHE = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'inferos', 'debootstrap-bookworm');

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string; timeoutMs?: number; allowFail?: boolean } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? process.env, input: opts.input, timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  return r.stdout;
}
const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const has = (cmd: string) => ok('sh', ['-c', `command -v ${cmd}`]);
const isRoot = process.getuid?.() === 0;

let ports: { gateway: number; control: number; prometheus: number };
let env: NodeJS.ProcessEnv;
let ourDockerd: ChildProcess | undefined;
let hostNet: { ipForward: string; iptables: string; links: Set<string> } | undefined;
const compose = (args: string[], timeoutMs?: number) => run('docker-compose', ['-p', PROJECT, '-f', COMPOSE_FILE, ...args], { env, timeoutMs });

const links = () => new Set(run('ip', ['-o', 'link', 'show']).split('\n').map((l) => l.split(':')[1]?.trim().split('@')[0]).filter((x): x is string => !!x));

async function ensureDocker(): Promise<void> {
  const missing = ['docker', 'dockerd', 'docker-compose', 'debootstrap', 'iptables-save', 'ip'].filter((c) => !has(c));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: npm test installs them (tools/scripts/test-deps.mjs; Debian: docker.io docker-compose debootstrap), or INFEROS_E2E_COMPOSE=0 skips this suite`);
  if (ok('docker', ['info'])) return;
  if (!isRoot) throw new Error('no Docker engine answers and not root to start one (or INFEROS_E2E_COMPOSE=0 to skip this suite)');
  hostNet = { ipForward: readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim(), iptables: run('iptables-save', []), links: links() };
  ourDockerd = spawn('dockerd', [], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  ourDockerd.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const end = Date.now() + 60_000;
  while (!ok('docker', ['info'])) {
    if (ourDockerd.exitCode !== null) throw new Error(`dockerd exited (${ourDockerd.exitCode}):\n${log}`);
    if (Date.now() > end) throw new Error(`dockerd did not answer within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stopOurDockerd(): Promise<void> {
  if (!ourDockerd) return;
  const exited = ourDockerd.exitCode !== null || ourDockerd.signalCode !== null ? Promise.resolve() : new Promise((r) => ourDockerd!.once('exit', r));
  ourDockerd.kill('SIGTERM');
  const t = setTimeout(() => ourDockerd!.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
  if (!hostNet) return;
  // dockerd turned on forwarding, added its chains and rules, and left its bridges: put the host back.
  writeFileSync('/proc/sys/net/ipv4/ip_forward', `${hostNet.ipForward}\n`);
  for (const table of ['filter', 'nat', 'mangle', 'raw']) {
    run('iptables', ['-t', table, '-F'], { allowFail: true });
    run('iptables', ['-t', table, '-X'], { allowFail: true });
  }
  for (const chain of ['INPUT', 'FORWARD', 'OUTPUT']) run('iptables', ['-P', chain, 'ACCEPT'], { allowFail: true });
  if (hostNet.iptables.trim()) run('iptables-restore', [], { input: hostNet.iptables });
  for (const l of links()) if (!hostNet.links.has(l)) run('ip', ['link', 'delete', l], { allowFail: true });
}

const imageExists = (tag: string) => ok('docker', ['image', 'inspect', tag]);

/** A bookworm minbase root with this machine's node, npm and Node headers (node-gyp builds the shm addon against them), imported as BASE_TAG. */
function ensureBaseImage(): void {
  if (imageExists(BASE_TAG)) return;
  const root = join(CACHE, 'root');
  if (!existsSync(join(root, 'etc', 'debian_version'))) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    run('debootstrap', ['--variant=minbase', 'bookworm', root, 'http://deb.debian.org/debian']);
    rmSync(join(root, 'var', 'cache', 'apt', 'archives'), { recursive: true, force: true });
  }
  cpSync(process.execPath, join(root, 'usr', 'bin', 'node'));
  const npmDir = ['/usr/lib/node_modules/npm', '/usr/local/lib/node_modules/npm'].find((d) => existsSync(d));
  if (!npmDir) throw new Error('npm is not installed under /usr/lib or /usr/local/lib: cannot copy it into the base image');
  cpSync(npmDir, join(root, 'usr', 'lib', 'node_modules', 'npm'), { recursive: true });
  run('ln', ['-sf', '../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr', 'bin', 'npm')]);
  const headers = ['/usr/include/node', '/usr/local/include/node'].find((d) => existsSync(join(d, 'node.h')));
  if (!headers) throw new Error('Node headers (node.h) not found: install Debian\'s libnode-dev or nodejs headers');
  cpSync(headers, join(root, 'usr', 'include', 'node'), { recursive: true });
  const changes = ['ENV npm_config_nodedir=/usr'];
  // A machine whose HTTPS goes through its own certificate authority (NODE_EXTRA_CA_CERTS) lends the
  // image that trust, or npm ci inside the build cannot reach the registry.
  const ca = process.env['NODE_EXTRA_CA_CERTS'];
  if (ca && existsSync(ca)) {
    cpSync(ca, join(root, 'usr', 'local', 'share', 'host-ca.crt'));
    changes.push('ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca.crt');
  }
  run('sh', ['-c', `tar -C '${root}' -c . | docker import ${changes.map((c) => `--change '${c}'`).join(' ')} - ${BASE_TAG}`]);
}

function ensurePackageImage(tag: string, packages: string): void {
  if (imageExists(tag)) return;
  run('docker', ['build', '-q', '-f', join(REPO_ROOT, 'deploy', 'debian-packages.Dockerfile'), '--build-arg', `BASE=${BASE_TAG}`, '--build-arg', `PACKAGES=${packages}`, '-t', tag, join(REPO_ROOT, 'deploy')]);
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * fetch, abandoned after `ms`. While a container starts, docker-proxy accepts a connection it cannot
 * forward yet, and such a fetch was seen to hang with nothing holding the event loop (node:test then
 * cancels the whole file): the timer here is a referenced one (AbortSignal.timeout's is not).
 */
async function fetchWithin(url: string, init: RequestInit = {}, ms = 5000): Promise<Response> {
  const ac = new AbortController();
  const t = setTimeout(() => ac.abort(new Error(`no answer from ${url} within ${ms} ms`)), ms);
  try {
    return await fetch(url, { ...init, signal: ac.signal });
  } finally {
    clearTimeout(t);
  }
}

const auth = { authorization: `Bearer ${KEY}` };
const progress = (line: string) => process.stderr.write(`# compose: ${line}\n`);

before(async () => {
  if (SKIP) return;
  progress('Docker');
  await ensureDocker();
  progress(`images (${BASE_TAG}, ${NATS_TAG}, ${PROMETHEUS_TAG}: built when missing)`);
  ensureBaseImage();
  ensurePackageImage(NATS_TAG, 'nats-server wget');
  ensurePackageImage(PROMETHEUS_TAG, 'prometheus');
  ports = { gateway: await freePort(), control: await freePort(), prometheus: await freePort() };
  env = {
    ...process.env,
    INFEROS_API_KEY: KEY,
    INFEROS_BASE_IMAGE: BASE_TAG,
    INFEROS_NATS_IMAGE: NATS_TAG,
    INFEROS_PROMETHEUS_IMAGE: PROMETHEUS_TAG,
    INFEROS_GATEWAY_PORT: String(ports.gateway),
    INFEROS_CONTROL_PORT: String(ports.control),
    INFEROS_PROMETHEUS_PORT: String(ports.prometheus),
  };
  compose(['down', '-v', '--remove-orphans']); // a run that died before its own `down`
  progress('docker-compose build');
  compose(['build'], 1_200_000);
  progress('docker-compose up');
  // `up -d` returns once every container is created and the ones others wait for are healthy.
  compose(['up', '-d', ...SERVICES]);
  progress(`waiting for the gateway (ports ${JSON.stringify(ports)})`);
  await until('the gateway to list the model', async () => ((await fetchWithin(`http://127.0.0.1:${ports.gateway}/v1/models`, { headers: auth })).ok ? true : undefined), 120_000);
});

after(async () => {
  if (SKIP) return;
  try {
    if (env) {
      compose(['down', '-v', '--remove-orphans']);
      const label = `label=com.docker.compose.project=${PROJECT}`;
      const left = ['ps -aq', 'network ls -q', 'volume ls -q'].map((c) => run('docker', [...c.split(' '), '--filter', label]).trim()).filter(Boolean);
      assert.deepEqual(left, [], 'docker-compose down leaves no container, network or volume of the project');
    }
  } finally {
    await stopOurDockerd();
  }
});

test('the OpenAI client streams a chat completion through the published gateway port with the API key; without it, 401', { skip: SKIP && 'INFEROS_E2E_COMPOSE=0' }, async () => {
  assert.equal((await fetch(`http://127.0.0.1:${ports.gateway}/v1/models`)).status, 401);
  const client = new OpenAI({ baseURL: `http://127.0.0.1:${ports.gateway}/v1`, apiKey: KEY });
  const stream = await client.chat.completions.create({ model: 'inferos-tiny', messages: [{ role: 'user', content: 'The kernel' }], max_tokens: 24, stream: true });
  let text = '';
  let chunks = 0;
  let finish: string | null = null;
  for await (const c of stream) {
    text += c.choices[0]?.delta?.content ?? '';
    finish = c.choices[0]?.finish_reason ?? finish;
    chunks++;
  }
  assert.ok(chunks > 2 && text.length > 0, `streamed ${chunks} chunks: ${JSON.stringify(text)}`);
  assert.ok(finish === 'length' || finish === 'stop', `finish_reason ${finish}`);
});

test('Prometheus scrapes telemetry with the key and holds inferos_* series', { skip: SKIP && 'INFEROS_E2E_COMPOSE=0' }, async () => {
  const prom = `http://127.0.0.1:${ports.prometheus}/api/v1`;
  await until('Prometheus to report the telemetry target up', async () => {
    const t = (await (await fetchWithin(`${prom}/targets`)).json()) as { data: { activeTargets: { scrapeUrl: string; health: string }[] } };
    return t.data.activeTargets.some((x) => x.scrapeUrl === 'http://telemetry:9464/metrics' && x.health === 'up') ? true : undefined;
  }, 60_000);
  const q = (await (await fetch(`${prom}/query?query=${encodeURIComponent('count({__name__=~"inferos_.+"})')}`)).json()) as { data: { result: { value: [number, string] }[] } };
  assert.ok(Number(q.data.result[0]?.value[1]) > 10, JSON.stringify(q));
});

test('a policy change through the published control API reaches every container, both decode replicas included', { skip: SKIP && 'INFEROS_E2E_COMPOSE=0' }, async () => {
  const control = `http://127.0.0.1:${ports.control}/v1`;
  const r = await fetch(`${control}/policy`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ kv: { recent_window: 96 } }) });
  assert.equal(r.status, 200, await r.clone().text());
  const { version } = (await r.json()) as { version: number };
  const health = await until(`every service at policy version ${version}`, async () => {
    const h = (await (await fetchWithin(`${control}/health`, { headers: auth })).json()) as { services: { service: string; instance: string; policy_version: number }[] };
    return h.services.length >= 6 && h.services.every((s) => s.policy_version === version) ? h : undefined;
  }, 30_000);
  const decoders = health.services.filter((s) => s.service === 'decode-worker');
  assert.equal(decoders.length, 2, `two decode replicas: ${JSON.stringify(decoders)}`);
  const kinds = new Set(health.services.map((s) => s.service));
  for (const k of ['gateway', 'kv-store', 'prefill-worker', 'decode-worker', 'telemetry']) assert.ok(kinds.has(k), `${k} reports`);
  // Every container of the project is healthy by its own healthcheck (the service's health file).
  const ids = compose(['ps', '-q']).trim().split('\n');
  for (const id of ids) {
    const [name, health, exit] = run('docker', ['inspect', '-f', '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.Status}}:{{.State.ExitCode}}', id]).trim().split(' ');
    if (name!.includes('nats-auth')) assert.equal(exit, 'exited:0', `${name} made the bus users and exited`);
    else if (!name!.includes('prometheus')) assert.equal(health, 'healthy', `${name}`);
  }
});

test('the bus admits only the services\' users: no credentials are refused, a worker\'s own cannot publish a policy update, and its container holds only its own password', { skip: SKIP && 'INFEROS_E2E_COMPOSE=0' }, () => {
  const script = `
    const { readdirSync } = await import('node:fs');
    const { connect } = await import('@nats-io/transport-node');
    const { Subjects, connectBus } = await import('@inferos/proto');
    let anonymous = 'admitted';
    try {
      const x = await connect({ servers: process.env.INFEROS_NATS_URL, reconnect: false, timeout: 3000 });
      await x.close();
    } catch (e) {
      anonymous = e.message;
    }
    const nc = await connectBus(process.env.INFEROS_NATS_URL, 'e2e-auth'); // this container's user: decode-worker
    const got = new Set();
    for (const s of [Subjects.policyUpdate, 'inferos.e2e.allowed']) nc.subscribe(s, { callback: () => got.add(s) });
    await nc.flush();
    nc.publish(Subjects.policyUpdate, new Uint8Array([1]));
    nc.publish('inferos.e2e.allowed', new Uint8Array([1]));
    await nc.flush();
    await new Promise((r) => setTimeout(r, 500));
    await nc.close();
    console.log(JSON.stringify({ user: process.env.INFEROS_NATS_USER, anonymous, policyDelivered: got.has(Subjects.policyUpdate), allowedDelivered: got.has('inferos.e2e.allowed'), files: readdirSync('/run/inferos-auth') }));`;
  const id = compose(['ps', '-q', 'decode-worker']).trim().split('\n')[0]!;
  const r = JSON.parse(run('docker', ['exec', id, 'node', '--import', 'tsx', '--input-type=module', '-e', script]).trim().split('\n').pop()!) as {
    user: string; anonymous: string; policyDelivered: boolean; allowedDelivered: boolean; files: string[];
  };
  assert.equal(r.user, 'decode-worker');
  assert.match(r.anonymous, /authori[sz]ation/i, 'a client without credentials is refused');
  assert.equal(r.allowedDelivered, true, 'the worker\'s own credentials publish what a worker may');
  assert.equal(r.policyDelivered, false, 'but not a policy update');
  assert.deepEqual(r.files, ['password'], 'the container holds its own password and no other');
});

/** The decode workers' last heartbeats, read on the compose network from inside the kv-store's container. */
function decodeHeartbeats(): { workerId: string; running: number }[] {
  const script = `
    const { pb, decode, Subjects, connectBus } = await import('@inferos/proto');
    const nc = await connectBus(process.env.INFEROS_NATS_URL, 'e2e-heartbeats'); // the kv-store's own credentials
    const seen = new Map();
    const sub = nc.subscribe(Subjects.heartbeat('decode-worker'), { callback: (_e, m) => { const h = decode(pb.Heartbeat, m.data); seen.set(h.workerId, h.running); } });
    await new Promise((r) => setTimeout(r, 1200));
    sub.unsubscribe();
    await nc.close();
    console.log(JSON.stringify([...seen].map(([workerId, running]) => ({ workerId, running }))));`;
  const id = compose(['ps', '-q', 'kv-store']).trim();
  return JSON.parse(run('docker', ['exec', id, 'node', '--import', 'tsx', '--input-type=module', '-e', script]).trim().split('\n').pop()!) as { workerId: string; running: number }[];
}

test('docker kill of the decode container running a stream: the other replica takes the sequence over and the stream completes as it would have', { skip: SKIP && 'INFEROS_E2E_COMPOSE=0' }, async (t) => {
  const url = `http://127.0.0.1:${ports.gateway}/v1/completions`;
  const body = { model: 'inferos-tiny', prompt: 'The kernel scheduler', max_tokens: 1500, temperature: 0, ignore_eos: true };
  const post = (extra: object) => fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, ...extra }) });
  const reference = ((await (await post({})).json()) as { choices: { text: string }[] }).choices[0]!.text;
  const r = await post({ stream: true });
  assert.equal(r.status, 200);
  let text = '';
  let chunks = 0;
  let killed = '';
  let errorEvent: unknown;
  for await (const ev of sseEvents<{ error?: unknown; choices?: { text: string }[] }>(r)) {
    if (ev.error) {
      errorEvent = ev.error;
      break;
    }
    text += ev.choices?.[0]?.text ?? '';
    chunks++;
    if (!killed && chunks >= 10) {
      // The busy worker's id carries its container's hostname, which is the container's short id.
      const busy = decodeHeartbeats().find((h) => h.running > 0);
      assert.ok(busy, 'a decode worker reports the running sequence');
      const container = /^decode-worker-([0-9a-f]{12})-\d+$/.exec(busy.workerId)?.[1];
      assert.ok(container, `worker id ${busy.workerId} names its container`);
      run('docker', ['kill', container]);
      killed = container;
    }
  }
  assert.ok(killed, 'a decode container was killed mid-stream');
  assert.equal(errorEvent, undefined, 'no error reaches the client');
  assert.equal(text, reference, 'greedy output identical to the uninterrupted run');
  t.diagnostic(`killed container ${killed} mid-stream; ${chunks} chunks in all, the same text as without the kill`);
  // Docker does not restart a container killed by hand (restart: unless-stopped covers crashes): start it
  // again, as an operator would, and see both replicas heartbeat.
  run('docker', ['start', killed]);
  await until('both decode replicas heartbeating again', async () => (decodeHeartbeats().length === 2 ? true : undefined), 120_000);
});
