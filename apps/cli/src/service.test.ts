import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { install, systemdRunning, systemdUnit, uninstall, unitPath, type UnitOptions } from './service';

const BASE: UnitOptions = { name: 'inferos', node: process.execPath, cli: '/opt/inferos/apps/cli/bin/inferos.mjs', workdir: '/opt/inferos', upArgs: [], user: false };

test('the unit passes systemd-analyze verify with no warning, arguments with spaces and $ included', (t) => {
  const which = spawnSync('systemd-analyze', ['--version']);
  if (which.error) return t.skip('systemd-analyze is not installed here');
  const dir = mkdtempSync(join(tmpdir(), 'inferos-unit-'));
  try {
    for (const o of [
      { ...BASE, upArgs: ['--host', '0.0.0.0', '--memory-budget', '2GiB'] },
      { ...BASE, upArgs: ['--model', '/srv/my models/llama $1 100%'], runAs: 'inferos' },
      { ...BASE, user: true, name: 'inferos-dev' },
    ]) {
      const path = join(dir, `${o.name}.service`);
      writeFileSync(path, systemdUnit(o));
      const r = spawnSync('systemd-analyze', ['verify', path], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr.trim(), '', `systemd-analyze warned about ${JSON.stringify(o.upArgs)}: ${r.stderr}`);
    }
    const unit = systemdUnit({ ...BASE, upArgs: ['--model', '/srv/my models/llama $1 100%'] });
    assert.match(unit, /^ExecStart=\S+ \/opt\/inferos\/apps\/cli\/bin\/inferos\.mjs up --model "\/srv\/my models\/llama \$\$1 100%%"$/m);
    assert.match(systemdUnit({ ...BASE, user: true }), /WantedBy=default\.target/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('BAD INPUT - an API key on the command line or a bad name is refused before anything is written', () => {
  assert.throws(() => systemdUnit({ ...BASE, upArgs: ['--api-key', 'sekret'] }), /environment file/);
  assert.throws(() => systemdUnit({ ...BASE, name: 'a b' }), /--name must be/);
});

test('install --user writes the unit (and says systemd is not running where it is not); uninstall removes only ours', () => {
  const home = mkdtempSync(join(tmpdir(), 'inferos-home-'));
  const saved = process.env['HOME'];
  process.env['HOME'] = home;
  try {
    const o = { ...BASE, user: true, name: 'inferos-test' };
    const path = unitPath(o.name, true);
    assert.ok(path.startsWith(home));
    if (systemdRunning()) return; // would really enable a service on this machine
    const lines = install(o, true);
    assert.equal(readFileSync(path, 'utf8'), systemdUnit(o));
    assert.match(lines.join('\n'), /systemd is not running on this machine/);
    assert.deepEqual(uninstall(o.name, true), [`removed ${path}`]);
    assert.equal(existsSync(path), false);
    assert.throws(() => uninstall(o.name, true), /nothing to uninstall/);
    writeFileSync(path, '[Unit]\nDescription=someone else\n');
    assert.throws(() => install(o, true), /not written by inferos/);
    assert.throws(() => uninstall(o.name, true), /not written by inferos/);
    assert.equal(readFileSync(path, 'utf8'), '[Unit]\nDescription=someone else\n');
  } finally {
    process.env['HOME'] = saved;
    rmSync(home, { recursive: true, force: true });
  }
});
