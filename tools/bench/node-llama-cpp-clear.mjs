// How long node-llama-cpp makes a new request wait to clear a used sequence while others generate
// (the trap peer-child.ts's llama-serve mode works around; docs/measuring.md, "inferos bench serve --peer llama.cpp").
// usage: node tools/bench/node-llama-cpp-clear.mjs GGUF
// Needs node-llama-cpp in tools/.work/peer (installed by `inferos bench peer` or `bench serve --peer`).
// Four sequences generate 400 tokens each; after 200 ms a fifth, used sequence is cleared, then evaluates a
// 256-token prompt. Prints the clear's wait, the prompt's first token, and when the four finished.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const gguf = process.argv[2];
if (!gguf) {
  console.error('usage: node tools/bench/node-llama-cpp-clear.mjs GGUF');
  process.exit(2);
}
const entry = join(dirname(fileURLToPath(import.meta.url)), '..', '.work', 'peer', 'node_modules', 'node-llama-cpp', 'dist', 'index.js');
const { getLlama } = await import(pathToFileURL(entry).href);
const lib = await getLlama({ gpu: false, build: 'never', logLevel: 'error' });
const model = await lib.loadModel({ modelPath: gguf });
const ctx = await model.createContext({ contextSize: 700, sequences: 5, threads: 2, batchSize: 512, flashAttention: true });
const seqs = Array.from({ length: 5 }, () => ctx.getSequence());
// The fifth sequence is used once, so that it has history to clear.
for await (const _ of seqs[4].evaluate([1, 2, 3, 4], { temperature: 0, yieldEogToken: true })) break;
const t0 = performance.now();
const streams = seqs.slice(0, 4).map(async (s, i) => {
  let n = 0;
  for await (const _ of s.evaluate([1, 10 + i, 20, 30], { temperature: 0, yieldEogToken: true })) if (++n >= 400) break;
  return performance.now() - t0;
});
await new Promise((r) => setTimeout(r, 200));
const a = performance.now();
await seqs[4].clearHistory();
const b = performance.now();
let first = b;
for await (const _ of seqs[4].evaluate(Array.from({ length: 256 }, (_, i) => 5 + (i % 100)), { temperature: 0, yieldEogToken: true })) {
  first = performance.now();
  break;
}
const done = await Promise.all(streams);
console.log(`clearHistory waited ${(b - a).toFixed(0)} ms; the prompt's first token ${(first - b).toFixed(0)} ms after; the four streams finished at ${done.map((x) => x.toFixed(0)).join(', ')} ms`);
