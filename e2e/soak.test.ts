// `inferos bench soak`, briefly: the command starts the whole system, sends every kind of request of its
// mix (streams, whole completions, chat, streams cut by the client, prompts over the context, malformed
// bodies) and reports. Every answer must be the one its input asks for, the kv-store must hold nothing
// after the load, and no shared-memory segment may be left once the system stopped. (How long the
// system's memory stays flat is the half-hour run's business, reported in docs/benchmarks.md.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@inferos/cli';

test('inferos bench soak: every kind of request answered as its input asks, nothing held or left behind after the load', (t) => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), 'bench', 'soak', '--minutes', '0.4', '--concurrency', '6', '--sample-every', '3', '--json'], {
    encoding: 'utf8', timeout: 240_000,
  });
  assert.equal(r.status, 0, `bench soak exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const report = JSON.parse(r.stdout) as {
    requests: number;
    kinds: Record<string, { sent: number; ok: number; expected: number; explained: number; unexplained: number }>;
    unexplained: Record<string, number>;
    unexplained_errors: number;
    memory: { t_s: number; rss: Record<string, number> }[];
    kv_after: { sequences: number; used_bytes: number; reserved_bytes: number };
    leaked_segments: string[];
  };
  t.diagnostic(`${report.requests} requests: ${JSON.stringify(report.kinds)}`);
  for (const [kind, c] of Object.entries(report.kinds)) {
    assert.ok(c.sent > 0, `the mix sent ${kind} requests`);
    assert.equal(c.ok + c.expected + c.explained + c.unexplained, c.sent, `every ${kind} request was classified`);
  }
  assert.equal(report.kinds['over-long']!.expected, report.kinds['over-long']!.sent, 'every prompt over the context got 400 context_length_exceeded');
  assert.equal(report.kinds['malformed']!.expected, report.kinds['malformed']!.sent, 'every malformed body got 400 invalid_request_error');
  assert.equal(report.unexplained_errors, 0, `no unexplained error: ${JSON.stringify(report.unexplained)}`);
  assert.deepEqual(report.kv_after, { sequences: 0, used_bytes: 0, reserved_bytes: 0 }, 'the kv-store holds nothing once the load drained');
  assert.deepEqual(report.leaked_segments, [], 'no shared-memory segment of the system left after it stopped');
  const names = Object.keys(report.memory.at(-1)!.rss);
  for (const service of ['gateway', 'kv-store', 'decode-worker', 'controller', 'telemetry', 'nats-server']) {
    assert.ok(names.includes(service), `the memory samples cover ${service} (${names.join(', ')})`);
  }
  assert.ok(report.memory.every((m) => Object.values(m.rss).every((b) => b > 0)), 'every sample read every process\'s RSS');
});
