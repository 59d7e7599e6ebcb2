// Exported models side by side (e.g. the same checkpoint with --weights int4, int4 --int8-copy, int8):
// prefill tokens/s, single-sequence decode ms/step and batched decode ms/step, exact (baseline) cache,
// the models taking turns in one process, order reversed every other round.
// Usage: npx tsx tools/bench/weights-speed.ts DIR [DIR...] [--context 512] [--steps 16] [--batch 8] [--rounds 2]
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { Engine, BASELINE_CACHE, argmax, contextTextPath } from '@inferos/inference';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { context: { type: 'string' }, steps: { type: 'string' }, batch: { type: 'string' }, rounds: { type: 'string' }, chunk: { type: 'string' } },
});
const context = Number(values.context ?? 512);
const steps = Number(values.steps ?? 16);
const batch = Number(values.batch ?? 8);
const rounds = Number(values.rounds ?? 2);
const chunk = Number(values.chunk ?? 256);
if (positionals.length === 0) throw new Error('usage: weights-speed.ts DIR [DIR...] [--context N] [--steps N] [--batch N] [--rounds N]');
const engines = await Promise.all(positionals.map((d) => Engine.load(d, ['cpu'])));
const text = engines[0]!.tokenizer.encode(readFileSync(contextTextPath(engines[0]!.info)!, 'utf8'), false);
const ids = [engines[0]!.info.bosTokenId ?? 0, ...text.slice(0, context - 1)];
const results = engines.map(() => ({ prefill_tok_s: [] as number[], decode_ms: [] as number[], batch_ms: [] as number[] }));

async function measure(engine: Engine, r: (typeof results)[number]) {
  const caches = [];
  for (let b = 0; b < Math.max(1, batch); b++) {
    const c = engine.newCache(BASELINE_CACHE);
    const t0 = performance.now();
    const logits = await engine.prefill(c, ids, chunk);
    if (b === 0) r.prefill_tok_s.push(ids.length / ((performance.now() - t0) / 1000));
    caches.push({ c, next: argmax(logits) });
  }
  const one = caches[0]!;
  await engine.forward(one.c, [one.next]); // warm-up
  let t0 = performance.now();
  for (let s = 0; s < steps; s++) one.next = argmax(await engine.forward(one.c, [one.next]));
  r.decode_ms.push((performance.now() - t0) / steps);
  if (batch > 1) {
    t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      const outs = await engine.stepBatch(caches.map((x) => x.c), caches.map((x) => x.next));
      outs.forEach((o, b) => { caches[b]!.c.append(o.keys, o.values, 1, o.masses); caches[b]!.next = argmax(o.logits); });
    }
    r.batch_ms.push((performance.now() - t0) / steps);
  }
}

for (let round = 0; round < rounds; round++) {
  const order = engines.map((_, i) => i);
  if (round % 2) order.reverse();
  for (const i of order) await measure(engines[i]!, results[i]!);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
for (const [i, e] of engines.entries()) {
  const r = results[i]!;
  console.log(JSON.stringify({
    model: positionals[i], weights: e.info.weights.type, context: ids.length, chunk,
    prefill_tok_s: Math.round(mean(r.prefill_tok_s) * 10) / 10,
    decode_tok_s: Math.round((1000 / mean(r.decode_ms)) * 10) / 10,
    ...(batch > 1 ? { batch, batched_tok_s: Math.round(((batch * 1000) / mean(r.batch_ms)) * 10) / 10 } : {}),
    rounds: { prefill_tok_s: r.prefill_tok_s.map(Math.round), decode_ms: r.decode_ms.map((x) => Math.round(x * 10) / 10), batch_ms: r.batch_ms.map(Math.round) },
  }));
}
