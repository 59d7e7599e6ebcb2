#!/usr/bin/env node
// Peak resident memory of one Infer-OS process as its context grows (docs/benchmarks.md, "Memory of the running
// system"):
//   node tools/bench/process-memory.mjs --model DIR [--policy baseline] [--contexts 512,2048]
// Runs the engine in a child of its own (apps/cli/src/peer-child.ts, as `bench peer` does) and prints its
// VmHWM after the session opens and after a prompt of each context length (4 decode steps each).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({ options: {
  model: { type: 'string' }, policy: { type: 'string', default: 'baseline' }, contexts: { type: 'string', default: '512,2048' },
} });
if (!values.model) throw new Error('--model DIR is required');
const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../apps/cli/src/peer-child.ts', import.meta.url)),
  'inferos', values.model, values.policy], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
const next = async () => JSON.parse((await lines.next()).value);
const ask = async (req) => { child.stdin.write(JSON.stringify(req) + '\n'); return next(); };
await next(); // ready
const mib = (b) => Math.round(b / 2 ** 20);
const report = { model: values.model, policy: values.policy, after_open_mib: mib((await ask({ op: 'peak' })).peak_rss_bytes) };
for (const n of values.contexts.split(',').map(Number)) {
  const ids = Array.from({ length: n }, (_, i) => 10 + ((i * 7919) % 8000));
  await ask({ op: 'run', ids, tokens: 4, warmup: 0 });
  report[`after_${n}_tokens_mib`] = mib((await ask({ op: 'peak' })).peak_rss_bytes);
}
process.stdout.write(JSON.stringify(report) + '\n');
child.stdin.end();
