#!/usr/bin/env node
// The policy table of docs/benchmarks.md, measured: for each profile, `inferos eval ppl` on a text (baseline and the
// profile in one run), `inferos eval recall`, and `inferos bench decode` near the full context.
//   node tools/bench/policy-table.mjs --text FILE [--max-tokens N] [--profiles a,b] [--model DIR]
//     [--recall-trials N] [--recall-distance N] [--decode-rounds N]
// Prints a markdown table and, last, one JSON line with every raw result.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const { values } = parseArgs({
  options: {
    text: { type: 'string' },
    'max-tokens': { type: 'string', default: '32768' },
    profiles: { type: 'string', default: 'baseline,default,latency_optimized,throughput_optimized,quality_optimized' },
    model: { type: 'string' },
    'recall-trials': { type: 'string', default: '8' },
    'recall-distance': { type: 'string', default: '1024' },
    'decode-rounds': { type: 'string', default: '1' },
  },
});
if (!values.text) {
  console.error('usage: policy-table.mjs --text FILE [--max-tokens N] [--profiles a,b] [--model DIR]');
  process.exit(2);
}
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'cli', 'bin', 'inferos.mjs');
const model = values.model ? ['--model', values.model] : [];
function inferos(...args) {
  const r = spawnSync(process.execPath, [bin, ...args, ...model, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`inferos ${args.join(' ')} failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
const rows = [];
for (const policy of values.profiles.split(',')) {
  console.error(`== ${policy}`);
  const ppl = inferos('eval', 'ppl', '--text', values.text, '--policy', policy, '--max-tokens', values['max-tokens']);
  const rec = inferos('eval', 'recall', '--policy', policy, '--trials', values['recall-trials'], '--distance', values['recall-distance']);
  const bench = inferos('bench', 'decode', '--policy', policy, '--context', '1976', '--tokens', '64', '--rounds', values['decode-rounds']);
  rows.push({ policy, ppl, recall: rec, bench });
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const rounds = Number(values['decode-rounds']);
const ratioHeader = rounds > 1 ? `speed ratio (${rounds} rounds)` : 'speed ratio';
const ratioCell = (b) => b.ratio.toFixed(2) + (rounds > 1 ? ` (${b.ratio_by_round.map((r) => r.toFixed(2)).join(', ')})` : '');
console.log('| policy | ppl | ΔPPL | ΔPPL rel. | recent-only ppl | KV reduction | recall @' + values['recall-distance'] + ` (baseline) | decode tok/s (baseline) | ${ratioHeader} |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const { policy, ppl, recall, bench } of rows) {
  console.log(`| ${policy} | ${ppl.ppl.toFixed(2)} | ${ppl.delta_ppl >= 0 ? '+' : ''}${ppl.delta_ppl.toFixed(3)} | ${ppl.delta_ppl_rel >= 0 ? '+' : ''}${pct(ppl.delta_ppl_rel)} | ${ppl.ppl_recent_only.toFixed(2)} | ${pct(ppl.kv_reduction)} | ${recall.recall.toFixed(2)} (${recall.recall_baseline.toFixed(2)}) | ${bench.tokens_per_s.toFixed(1)} (${bench.baseline_tokens_per_s.toFixed(1)}) | ${ratioCell(bench)} |`);
}
console.log(JSON.stringify({ text: values.text, max_tokens: Number(values['max-tokens']), rows }));
