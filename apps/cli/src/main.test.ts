// The CLI as a user runs it: a child process through the npm bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'inferos.mjs');
const fixture = join(here, '..', '..', '..', 'libs', 'inference', 'fixtures', 'tiny-untied');

function inferos(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('generate --json prints one object with the documented keys', () => {
  const r = inferos('generate', '--model', fixture, '--prompt', 'The kernel', '--max-tokens', '5', '--json', '--ignore-eos');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = JSON.parse(lines[0]!);
  for (const key of ['text', 'tokens', 'prompt_tokens', 'ttft_ms', 'decode_tokens_per_s', 'kv_bytes', 'provider']) {
    assert.ok(key in out, `missing ${key}`);
  }
  assert.equal(out.tokens.length, 5);
  assert.equal(out.provider, 'cpu');
  // The fixture has 2 layers, 2 KV heads of 16: keys and values, 256 tokens of initial capacity, float32.
  assert.equal(out.kv_bytes, 2 * 2 * 256 * 2 * 16 * 4);
  assert.ok(out.ttft_ms > 0 && out.decode_tokens_per_s > 0);
});

test('greedy generation is deterministic and sampling is seeded', () => {
  const run = (...extra: string[]) =>
    JSON.parse(inferos('generate', '--model', fixture, '--prompt', 'Hello', '--max-tokens', '8', '--json', '--ignore-eos', ...extra).stdout).tokens;
  assert.deepEqual(run(), run());
  assert.deepEqual(run('--temperature', '1', '--top-p', '0.9', '--seed', '5'), run('--temperature', '1', '--top-p', '0.9', '--seed', '5'));
});

test('BAD CALL - unknown option exits 2 with the usage', () => {
  const r = inferos('generate', '--prompt', 'x', '--bogus');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Unknown option '--bogus'/);
  assert.match(r.stderr, /usage: inferos generate/);
});

test('BAD CALL - missing prompt, bad numbers and unknown commands are usage errors', () => {
  assert.match(inferos('generate').stderr, /--prompt is required/);
  assert.equal(inferos('generate', '--prompt', 'x', '--max-tokens', '0').code, 2);
  assert.match(inferos('generate', '--prompt', 'x', '--top-p', '1.5').stderr, /top_p must be in/);
  assert.match(inferos('frobnicate').stderr, /unknown command "frobnicate"/);
});

test('BAD CALL - a directory that is not an exported model is a clear error', () => {
  const r = inferos('generate', '--model', here, '--prompt', 'x');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is not an exported model directory \(no inferos.json\)/);
});

test('BAD CALL - a prompt longer than the context is refused before any work', () => {
  const r = inferos('generate', '--model', fixture, '--prompt', 'word '.repeat(600), '--max-tokens', '4');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /exceed the model's context of 512/);
});

test('help lists the commands', () => {
  const r = inferos('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /generate/);
  assert.match(r.stdout, /export/);
});
