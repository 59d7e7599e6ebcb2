// Where a batched decode step's time goes: building the padded feeds (copying every row's tiers) vs the
// model run. Usage: npx tsx tools/bench/profile-batch.ts MODEL_DIR [ROWS] [CONTEXT] [STEPS] [POLICY]
import { readFileSync } from 'node:fs';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, argmax, contextTextPath } from '@inferos/inference';
import { timeRuns } from './timed-session';

const [dir, rowsArg, ctxArg, stepsArg, policyArg] = process.argv.slice(2);
const engine = await Engine.load(dir, ['cpu']);
const rows = Number(rowsArg ?? 9);
const context = Number(ctxArg ?? 600);
const steps = Number(stepsArg ?? 32);
const pol = cachePolicy(loadPolicy(policyArg ?? 'default').policy);
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const caches = [];
const next: number[] = [];
for (let r = 0; r < rows; r++) {
  const c = engine.newCache(pol);
  // Rows of slightly different lengths, as in a running batch.
  const ids = [engine.info.bosTokenId ?? 0, ...text.slice(r * 997, r * 997 + context - 1 - r * 7)];
  next.push(argmax(await engine.prefill(c, ids, 256)));
  caches.push(c);
}
const graph = timeRuns(...(engine.info.attention === 'native' ? engine.runSessions : [await engine.sessionFor(pol.groupSize)]));
let appendMs = 0;
const t0 = performance.now();
for (let s = 0; s < steps; s++) {
  const outs = await engine.stepBatch(caches, next);
  const t1 = performance.now();
  outs.forEach((o, b) => {
    caches[b]!.append(o.keys, o.values, 1, o.masses);
    next[b] = argmax(o.logits);
  });
  appendMs += performance.now() - t1;
}
const per = (ms: number) => (ms / steps).toFixed(2);
const total = performance.now() - t0;
console.log(`${rows} rows, ~${context} tokens: ${per(total)} ms/step: graph ${per(graph.ms)}, append+sample ${per(appendMs)}, feeds and the rest ${per(total - graph.ms - appendMs)}`);
console.log(`batch rows kept and extended ${engine.batchFeeds.copies.incremental}, copied whole ${engine.batchFeeds.copies.whole}, buffers lengthened ${engine.batchFeeds.copies.relayouts}`);
await engine.close();
