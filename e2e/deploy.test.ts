// The deployment files are validated here (no Docker engine on the build machines to run them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Service {
  command?: string[];
  ipc?: string;
  pid?: string;
  ports?: string[];
  environment?: Record<string, string>;
  build?: { context: string; dockerfile: string };
}

const compose = parse(readFileSync(join(root, 'deploy', 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };

test('every Infer-OS service in the compose file runs a real entry point with flags it accepts', () => {
  const names = ['kv-store', 'prefill-worker', 'decode-worker', 'gateway'];
  for (const n of names) {
    const s = compose.services[n];
    assert.ok(s, `service ${n}`);
    const [entry, ...flags] = s.command!;
    assert.ok(existsSync(join(root, entry!)), `${n}: ${entry} exists`);
    const main = readFileSync(join(root, entry!), 'utf8');
    for (const f of flags.filter((x) => x.startsWith('--'))) {
      assert.ok(main.includes(`${f.slice(2)}:`) || f === '--nats', `${n}: ${entry} declares ${f}`);
    }
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

test('the gateway is published on loopback only, and needs an API key', () => {
  const g = compose.services['gateway']!;
  for (const p of g.ports ?? []) assert.match(p, /^127\.0\.0\.1:/);
  assert.match(g.environment?.['INFEROS_API_KEY'] ?? '', /^\$\{INFEROS_API_KEY:\?/);
});
