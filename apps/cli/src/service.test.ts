import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { install, systemdRunning, systemdUnit, uninstall, unitPath, windowsArg, windowsServiceDir, winswExe, winswXml, type UnitOptions } from './service';

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

// ------------------------------------------------------------------------------------------ Windows (WinSW)
const WIN: UnitOptions = { name: 'inferos', node: 'C:\\Program Files\\nodejs\\node.exe', cli: 'C:\\src\\infer os\\apps\\cli\\bin\\inferos.mjs', workdir: 'C:\\src\\infer os', upArgs: [], user: false };

test('Windows arguments are quoted as the C runtime parses them back (spaces, quotes, trailing backslashes)', () => {
  // Expected strings from the rules of CommandLineToArgvW: backslashes are literal unless they precede a quote;
  // 2n backslashes + quote give n backslashes and end or start quoting, 2n+1 + quote give n and a literal quote.
  const cases: [string, string][] = [
    ['--memory-budget', '--memory-budget'],
    ['C:\\models\\llama', 'C:\\models\\llama'],
    ['', '""'],
    ['C:\\my models\\llama', '"C:\\my models\\llama"'],
    ['C:\\my models\\', '"C:\\my models\\\\"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['tab\there', '"tab\there"'],
  ];
  for (const [word, want] of cases) assert.equal(windowsArg(word), want, JSON.stringify(word));
});

test('the WinSW definition is well-formed XML that runs inferos up with the options (parsed by Python\'s XML parser)', (t) => {
  const py = spawnSync('python3', ['--version']);
  if (py.error) return t.skip('python3 is not installed here');
  const xml = winswXml({ ...WIN, upArgs: ['--memory-budget', '2GiB', '--model', 'C:\\my models\\llama & <co>'] });
  assert.ok(xml.split('\n').slice(0, -1).every((l) => l.endsWith('\r')), 'Windows line endings');
  const read = spawnSync('python3', ['-c', [
    'import sys, json, xml.etree.ElementTree as E',
    'r = E.fromstring(sys.stdin.buffer.read())',
    'print(json.dumps({e.tag: (e.text or "").strip() or e.attrib for e in r}))',
  ].join('\n')], { input: xml, encoding: 'utf8' });
  assert.equal(read.status, 0, read.stderr);
  const got = JSON.parse(read.stdout) as Record<string, unknown>;
  assert.equal(got['id'], 'inferos');
  assert.equal(got['executable'], WIN.node);
  assert.equal(got['arguments'], '"C:\\src\\infer os\\apps\\cli\\bin\\inferos.mjs" up --memory-budget 2GiB --model "C:\\my models\\llama & <co>"');
  assert.equal(got['workingdirectory'], WIN.workdir);
  assert.equal(got['startmode'], 'Automatic');
  assert.deepEqual(got['onfailure'], { action: 'restart', delay: '5 sec' });
  assert.equal(got['stoptimeout'], '30 sec');
  assert.equal(windowsServiceDir('inferos', 'C:\\ProgramData'), 'C:\\ProgramData\\inferos\\inferos');
});

test('BAD INPUT - Windows: an API key, --user, --run-as or a bad name is refused before anything is written', () => {
  assert.throws(() => winswXml({ ...WIN, upArgs: ['--api-key', 'sekret'] }), /environment/);
  assert.throws(() => winswXml({ ...WIN, upArgs: ['--api-key=sekret'] }), /environment/);
  assert.throws(() => systemdUnit({ ...BASE, upArgs: ['--api-key=sekret'] }), /environment/);
  assert.throws(() => winswXml({ ...WIN, upArgs: ['--model', '%ProgramFiles%\\m'] }), /without %/);
  assert.throws(() => winswXml({ ...WIN, user: true }), /no per-user services/);
  assert.throws(() => winswXml({ ...WIN, runAs: 'bob' }), /LocalSystem/);
  assert.throws(() => winswXml({ ...WIN, name: 'a b' }), /--name must be/);
});

test("WinSW's executable comes with the node-windows package (a Windows PE file)", () => {
  const exe = winswExe();
  assert.ok(existsSync(exe), exe);
  assert.equal(readFileSync(exe).subarray(0, 2).toString('latin1'), 'MZ');
  assert.match(readFileSync(`${exe}.config`, 'utf8'), /supportedRuntime version="v4\.0"/, 'the config that lets it run on .NET 4');
});
