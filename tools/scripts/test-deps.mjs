#!/usr/bin/env node
// `npm test` runs this first (the `pretest` script): the system programs the tests drive must be present.
//   nats-server  integration and e2e tests start private servers (Debian: nats-server)
//   promtool     checks the Prometheus output (Debian: prometheus)
//   chromium     renders the telemetry page headless (Debian: chromium)
//   python3      with venv and pip: the model tools' tests build tools/.venv (Debian: python3-venv)
//   dockerd, docker-compose, debootstrap   e2e/compose.test.ts runs deploy/docker-compose.yml on a
//                local Docker engine with images it builds itself (Debian: docker.io, docker-compose,
//                debootstrap)
//   x86_64-w64-mingw32-gcc   compile-checks the Windows shared-memory addon (Debian: gcc-mingw-w64-x86-64-win32)
// Missing ones are installed with apt-get when this runs as root on Debian/Ubuntu, and it says so;
// otherwise it names the packages and fails.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const need = [
  { bin: 'nats-server', pkg: 'nats-server', extra: ['/usr/sbin'] },
  { bin: 'promtool', pkg: 'prometheus', extra: [] },
  { bin: 'chromium', pkg: 'chromium', extra: [] },
  // The model tools' tests (tools/package.json) create a Python environment: python3 with venv and pip.
  { bin: 'python3', pkg: 'python3-venv', extra: [], check: ['python3', ['-c', 'import venv, ensurepip']] },
  // INFEROS_E2E_COMPOSE=0 skips the compose suite, and with it these.
  ...(process.env.INFEROS_E2E_COMPOSE === '0' ? [] : [
    { bin: 'dockerd', pkg: 'docker.io', extra: ['/usr/sbin'] },
    { bin: 'docker-compose', pkg: 'docker-compose', extra: [] },
    { bin: 'debootstrap', pkg: 'debootstrap', extra: ['/usr/sbin'] },
  ]),
  { bin: 'x86_64-w64-mingw32-gcc', pkg: 'gcc-mingw-w64-x86-64-win32', extra: [] },
];
const onPath = (bin, extra) => [...(process.env.PATH ?? '').split(delimiter), ...extra].some((d) => d && existsSync(join(d, bin)));
const works = (n) => !n.check || spawnSync(n.check[0], n.check[1], { stdio: 'ignore' }).status === 0;
const missing = need.filter((n) => !onPath(n.bin, n.extra) || !works(n));
if (missing.length === 0) process.exit(0);
const pkgs = missing.map((m) => m.pkg);
const root = process.getuid?.() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  console.error(`test-deps: missing ${missing.map((m) => m.bin).join(', ')}; install the Debian/Ubuntu packages: sudo apt-get install ${pkgs.join(' ')}`);
  process.exit(1);
}
console.error(`test-deps: installing ${pkgs.join(', ')} with apt-get (needed by the tests: ${missing.map((m) => m.bin).join(', ')})`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
if (r.status !== 0) {
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
}
process.exit(r.status ?? 1);
