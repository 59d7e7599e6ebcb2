// The deployment files are validated here, statically; e2e/compose.test.ts runs the compose file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Service {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  tmpfs?: string[];
  volumes?: string[];
  secrets?: string[];
  ipc?: string;
  pid?: string;
  ports?: string[];
  environment?: Record<string, string>;
  build?: { context: string; dockerfile: string };
}

const compose = parse(readFileSync(join(root, 'deploy', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const deployFile = (...p: string[]) => parse(readFileSync(join(root, 'deploy', ...p), 'utf8')) as Record<string, unknown>;

test('every Infer-OS service in the compose file runs a real entry point with flags it accepts', () => {
  const names = ['controller', 'kv-store', 'prefill-worker', 'decode-worker', 'gateway', 'telemetry'];
  for (const n of names) {
    const s = compose.services[n];
    assert.ok(s, `service ${n}`);
    const [entry, ...flags] = s.command!;
    assert.ok(existsSync(join(root, entry!)), `${n}: ${entry} exists`);
    // The flags the service itself accepts: its own --help (runService prints every option it parses).
    const help = spawnSync(process.execPath, ['--import', 'tsx', join(root, entry!), '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(help.status, 0, `${n}: --help: ${help.stderr}`);
    const accepted = new Set([...help.stdout.matchAll(/^ {2}--([a-z][a-z-]*)/gm)].map((m) => `--${m[1]}`));
    assert.ok(accepted.has('--nats'), `${n}: its help lists its options:\n${help.stdout}`);
    for (const f of flags.filter((x) => x.startsWith('--'))) assert.ok(accepted.has(f.split('=')[0]!), `${n}: ${entry} accepts ${f} (its options: ${[...accepted].join(' ')})`);
    assert.equal(s.build?.dockerfile, 'deploy/Dockerfile');
  }
  assert.ok(existsSync(join(root, 'deploy', 'Dockerfile')));
});

test('workers share the kv-store shared memory and pid namespace', () => {
  assert.equal(compose.services['kv-store']!.ipc, 'shareable');
  for (const w of ['prefill-worker', 'decode-worker']) {
    assert.equal(compose.services[w]!.ipc, 'service:kv-store', w);
    assert.equal(compose.services[w]!.pid, 'service:kv-store', w);
  }
});

test('the gateway and the control API are published on loopback only, and need an API key', () => {
  for (const name of ['gateway', 'controller']) {
    const g = compose.services[name]!;
    assert.ok((g.ports ?? []).length > 0, `${name} is published`);
    for (const p of g.ports ?? []) assert.match(p, /^127\.0\.0\.1:/, name);
    assert.match(g.environment?.['INFEROS_API_KEY'] ?? '', /^\$\{INFEROS_API_KEY:\?/, name);
  }
});

/** `./x:/y[:ro]` mounts of a service, host side resolved against deploy/. */
function mounts(s: Service): { host: string; container: string }[] {
  return (s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => {
    const [host, container] = v.split(':');
    return { host: join(root, 'deploy', host!), container: container! };
  });
}

test('telemetry needs the key and is not published; Prometheus and Grafana are published on loopback only', () => {
  const t = compose.services['telemetry']!;
  assert.deepEqual(t.ports ?? [], []);
  assert.match(t.environment?.['INFEROS_API_KEY'] ?? '', /^\$\{INFEROS_API_KEY:\?/);
  for (const n of ['prometheus', 'grafana']) {
    const s = compose.services[n];
    assert.ok(s?.image, `${n} has an image`);
    assert.ok((s.ports ?? []).length > 0, `${n} is published`);
    for (const p of s.ports ?? []) assert.match(p, /^127\.0\.0\.1:/, n);
    for (const m of mounts(s)) assert.ok(existsSync(m.host), `${n}: ${m.host} exists`);
  }
});

test('Prometheus scrapes telemetry every 5 s with the key compose gives it, and promtool accepts its config', () => {
  const prom = compose.services['prometheus']!;
  const config = mounts(prom).find((m) => m.container === '/etc/prometheus/prometheus.yml');
  assert.ok(config, 'prometheus.yml is mounted where --config.file points');
  assert.ok(prom.command?.includes('--config.file=/etc/prometheus/prometheus.yml'));
  const cfg = deployFile('prometheus', 'prometheus.yml') as {
    scrape_configs: { job_name: string; scrape_interval: string; metrics_path: string; authorization?: { credentials_file?: string }; static_configs: { targets: string[] }[] }[];
  };
  const job = cfg.scrape_configs.find((j) => j.static_configs.some((c) => c.targets.includes('telemetry:9464')));
  assert.ok(job, 'a job scrapes telemetry:9464');
  assert.equal(job.scrape_interval, '5s');
  assert.equal(job.metrics_path, '/metrics');
  assert.ok(compose.services['telemetry']!.command!.join(' ').includes('--port 9464'));
  // The key reaches Prometheus as INFEROS_API_KEY, which its entrypoint writes to the credentials file.
  assert.equal(job.authorization?.credentials_file, '/run/inferos/api-key');
  assert.match(prom.environment?.['INFEROS_API_KEY'] ?? '', /^\$\{INFEROS_API_KEY:\?/);
  assert.ok(prom.entrypoint?.join(' ').includes('> /run/inferos/api-key && exec prometheus'), 'the entrypoint writes the key file, then runs prometheus');
  assert.ok(prom.tmpfs?.includes('/run/inferos'), 'on a tmpfs, never in a volume');
  const r = spawnSync('promtool', ['check', 'config', '--syntax-only', join(root, 'deploy', 'prometheus', 'prometheus.yml')], { encoding: 'utf8' });
  if (r.error) assert.fail(`promtool is not installed (Debian: apt-get install prometheus): ${r.error.message}`);
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test('Grafana provisions the Prometheus datasource the generated dashboard refers to, and loads the dashboards', () => {
  const g = compose.services['grafana']!;
  const m = mounts(g);
  assert.ok(m.some((x) => x.container === '/etc/grafana/provisioning' && x.host.endsWith(join('deploy', 'grafana', 'provisioning'))));
  const dashboards = m.find((x) => x.host.endsWith(join('deploy', 'grafana', 'dashboards')));
  assert.ok(dashboards, 'the dashboards folder is mounted');
  const ds = (deployFile('grafana', 'provisioning', 'datasources', 'prometheus.yaml') as { datasources: { uid: string; type: string; url: string }[] }).datasources;
  assert.equal(ds.length, 1);
  assert.equal(ds[0]!.type, 'prometheus');
  assert.equal(ds[0]!.url, 'http://prometheus:9090');
  const providers = (deployFile('grafana', 'provisioning', 'dashboards', 'inferos.yaml') as { providers: { type: string; options: { path: string } }[] }).providers;
  assert.equal(providers[0]!.options.path, dashboards.container);
  const dashboard = readFileSync(join(root, 'deploy', 'grafana', 'dashboards', 'inferos.json'), 'utf8');
  const uids = new Set([...dashboard.matchAll(/"datasource":\s*\{\s*"type":\s*"prometheus",\s*"uid":\s*"([^"]+)"/g)].map((x) => x[1]));
  assert.deepEqual([...uids], [ds[0]!.uid], 'every query of the dashboard uses the provisioned datasource');
});
