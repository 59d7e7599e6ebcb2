#!/usr/bin/env node
// A decode worker killed mid-stream under `inferos up`: does the stream go on, and how long does it pause?
//   node tools/bench/decode-failover.mjs [--decode-workers 1] [--policy default] [--tokens 1500]
// Starts `inferos up` on spare ports (and its own NATS), asks for a greedy completion once uninterrupted,
// then streams the same request and SIGKILLs a decode worker after 10 chunks: with one (the default),
// the one running it, which `up` restarts; with more, the first in the process list, which may be idle
// (e2e/services.test.ts kills the busy one, found from heartbeats).
// Prints one JSON object: whether the text equals the uninterrupted run's, the chunks, and the longest
// pause between chunks after the kill; then stops the system.
import { spawn, execSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: {
  'decode-workers': { type: 'string', default: '1' }, policy: { type: 'string', default: 'default' }, tokens: { type: 'string', default: '1500' },
} });
const base = 'http://127.0.0.1:8123';
const up = spawn(process.execPath, ['apps/cli/bin/inferos.mjs', 'up', '--port', '8123', '--control-port', '7123', '--telemetry-port', '9123',
  '--nats', 'nats://127.0.0.1:4299', '--decode-workers', values['decode-workers']], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
up.stdout.on('data', (d) => (log += d));
up.stderr.on('data', (d) => (log += d));
const stop = async () => {
  if (up.exitCode !== null || up.signalCode !== null) return;
  up.kill('SIGTERM');
  await new Promise((r) => up.once('exit', r));
};
try {
  let ready = false;
  for (let i = 0; i < 240 && !ready; i++) {
    try { ready = (await fetch(`${base}/v1/models`)).ok; } catch { /* starting */ }
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) throw new Error(`inferos up did not become ready:\n${log}`);
  const body = { model: 'inferos-tiny', prompt: 'The kernel scheduler', max_tokens: Number(values.tokens), temperature: 0, ignore_eos: true, kv_policy: values.policy };
  const post = (extra) => fetch(`${base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, ...extra }) });
  const reference = (await (await post({})).json()).choices[0].text;
  const reader = (await post({ stream: true })).body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', text = '', chunks = 0, killedAt = 0, pause = 0, last = 0, error;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const line = buf.slice(0, i).replace(/^data: /, '');
      buf = buf.slice(i + 2);
      if (line === '[DONE]') break;
      const ev = JSON.parse(line);
      if (ev.error) error = ev.error;
      else {
        const now = performance.now();
        if (killedAt) pause = Math.max(pause, now - Math.max(last, killedAt));
        last = now;
        text += ev.choices[0].text;
        chunks++;
      }
    }
    if (error) break;
    if (!killedAt && chunks >= 10) {
      // This system's decode worker (a child of our `up`), never another system's.
      const pid = Number(execSync(`pgrep -P ${up.pid} -f 'apps/decode-worker/src/main.ts'`).toString().trim().split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      killedAt = performance.now();
    }
  }
  console.log(JSON.stringify({ decode_workers: Number(values['decode-workers']), policy: values.policy, error: error ?? null, same_text: text === reference, chunks, longest_pause_after_kill_ms: Math.round(pause) }));
  console.error(log.split('\n').filter((l) => /resum|handing|restart/.test(l)).join('\n'));
} finally {
  await stop();
}
