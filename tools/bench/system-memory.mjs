#!/usr/bin/env node
// Resident memory of the whole system as `inferos up` runs it (docs/benchmarks.md, "Memory of the running system"):
//   node tools/bench/system-memory.mjs [--model DIR] [--prompt-tokens 512] [--requests 4] [--max-tokens 32]
//       [--policies default,baseline]   (requests take the policies in turn, as kv_policy)
// Starts `inferos up` (its own NATS when none answers), waits until it is ready, sends requests with
// the `default` policy and with `baseline` (concurrently, so every path has run: prefill, decode, the
// controller's probe), then reads PSS (proportional set size: shared pages divided among the processes
// that map them) of every process of the system from /proc/PID/smaps_rollup, prints one JSON object,
// and stops the system.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: {
  model: { type: 'string' }, 'prompt-tokens': { type: 'string', default: '512' }, requests: { type: 'string', default: '4' },
  'max-tokens': { type: 'string', default: '32' }, port: { type: 'string', default: '8011' },
  policies: { type: 'string', default: 'default,baseline' },
} });
const port = Number(values.port);
const args = ['inferos', 'up', '--port', String(port), ...(values.model ? ['--model', values.model] : [])];
const up = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let log = '';
up.stdout.on('data', (d) => { log += d; });
up.stderr.on('data', (d) => { log += d; });

// The system is stopped however this script ends (its own process group).
const stop = () => { try { process.kill(-up.pid, 'SIGINT'); } catch { /* already gone */ } };
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
const deadline = Date.now() + 600_000;
for (;;) {
  if (Date.now() > deadline) throw new Error(`inferos up did not become ready:\n${log}`);
  try {
    const r = await fetch(`http://127.0.0.1:${port}/v1/models`);
    if (r.ok) break;
  } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 1000));
}

const words = readFileSync(new URL('../../models/inferos-tiny/onnx/heldout.txt', import.meta.url), 'utf8').split(/\s+/);
const prompt = words.slice(0, Math.round(Number(values['prompt-tokens']) * 0.7)).join(' ');
const model = (await (await fetch(`http://127.0.0.1:${port}/v1/models`)).json()).data[0].id;
const ask = async (policy) => {
  const r = await fetch(`http://127.0.0.1:${port}/v1/completions`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, prompt, max_tokens: Number(values['max-tokens']), temperature: 0, ignore_eos: true, kv_policy: policy }),
  });
  const body = await r.json();
  if (!r.ok) throw new Error(`${policy}: ${r.status} ${JSON.stringify(body)}`);
  return body.usage;
};
const n = Number(values.requests);
const t0 = Date.now();
const policies = values.policies.split(',');
const usage = await Promise.all(Array.from({ length: n }, (_, i) => ask(policies[i % policies.length])));
const servedS = (Date.now() - t0) / 1000;

// Every process of the system: up's process group and its services' groups are its descendants.
const children = new Map();
for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
  try {
    const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(pid));
  } catch { /* gone */ }
}
const tree = [];
const walk = (pid) => { tree.push(pid); for (const c of children.get(pid) ?? []) walk(c); };
walk(up.pid);
const processes = [];
for (const pid of tree) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const app = cmd.find((a) => a.includes('/apps/'))?.replace(/.*apps\/([^/]+)\/.*/, '$1') ?? cmd.slice(0, 2).join(' ').slice(0, 60);
    processes.push({ pid, process: app, pss_bytes: kb('Pss') * 1024, rss_bytes: kb('Rss') * 1024 });
  } catch { /* gone */ }
}
const total = processes.reduce((a, p) => a + p.pss_bytes, 0);
process.stdout.write(JSON.stringify({
  model, requests: n, policies, served_s: servedS, completion_tokens: usage.reduce((a, u) => a + u.completion_tokens, 0),
  pss_total_bytes: total, processes,
  nats: processes.some((p) => p.process.includes('nats-server')) ? 'started by up (counted)' : 'the machine\'s (not counted)',
}) + '\n');
stop();
try { execFileSync('sleep', ['3']); } catch { /* */ }
