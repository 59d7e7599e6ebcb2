// The integration guide's environment variables, as every service reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logLevel, inferosEnabled, EnvError } from './service-main';

test('INFEROS_LOG_LEVEL: error, warn, info or debug in any case; info when unset', () => {
  assert.equal(logLevel({}), 'info');
  assert.equal(logLevel({ INFEROS_LOG_LEVEL: '' }), 'info');
  assert.equal(logLevel({ INFEROS_LOG_LEVEL: 'DEBUG' }), 'debug');
  assert.equal(logLevel({ INFEROS_LOG_LEVEL: ' warn ' }), 'warn');
  assert.throws(() => logLevel({ INFEROS_LOG_LEVEL: 'verbose' }), (e: Error) => e instanceof EnvError && /INFEROS_LOG_LEVEL must be one of error, warn, info, debug, got "verbose"/.test(e.message));
});

test('INFEROS_ENABLED: on unless 0, false, no or off; anything else is refused', () => {
  assert.equal(inferosEnabled({}), true);
  for (const v of ['1', 'true', 'YES', 'on']) assert.equal(inferosEnabled({ INFEROS_ENABLED: v }), true, v);
  for (const v of ['0', 'false', 'No', 'off']) assert.equal(inferosEnabled({ INFEROS_ENABLED: v }), false, v);
  assert.throws(() => inferosEnabled({ INFEROS_ENABLED: 'maybe' }), /INFEROS_ENABLED must be 1\/true\/yes\/on or 0\/false\/no\/off, got "maybe"/);
});

test('BAD ENV - a service refuses to start on a bad value, before connecting to anything, and says why', () => {
  const main = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'apps', 'telemetry', 'src', 'main.ts');
  for (const [k, v] of [['INFEROS_LOG_LEVEL', 'loud'], ['INFEROS_ENABLED', 'perhaps']] as const) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, '--nats', 'nats://127.0.0.1:1'], { env: { ...process.env, [k]: v }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`\\[telemetry\\] ${k} must be`));
  }
});

test('INFEROS_HEALTH_FILE: the time is written at start and again every HEALTH_FILE_MS; stopping removes the file', async () => {
  const { mkdtempSync, readFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { healthFile, HEALTH_FILE_MS } = await import('./service-main');
  const path = join(mkdtempSync(join(tmpdir(), 'inferos-health-')), 'healthy');
  assert.equal(healthFile(undefined, () => {})(), undefined, 'no file asked: nothing written');
  const t0 = Date.now();
  const stop = healthFile(path, (l) => assert.fail(l));
  const first = Number(readFileSync(path, 'utf8'));
  assert.ok(first >= t0 && first <= Date.now(), `${first}`);
  await new Promise((r) => setTimeout(r, HEALTH_FILE_MS + 300));
  assert.ok(Number(readFileSync(path, 'utf8')) > first, 'rewritten');
  stop();
  assert.equal(existsSync(path), false);
});
