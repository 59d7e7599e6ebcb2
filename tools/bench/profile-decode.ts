// Where a decode step's time goes, per policy: graph time (session.run: every segment of a format-11
// model) vs our own work (feeds, cache append, importance, demotion, and a format-11 model's attention).
// Usage: npx tsx tools/bench/profile-decode.ts MODEL_DIR CONTEXT STEPS [POLICY]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, BASELINE_CACHE, argmax, contextTextPath } from '@inferos/inference';
import { timeRuns } from './timed-session';

const [dir, ctxArg, stepsArg, policyArg] = process.argv.slice(2);
const engine = await Engine.load(dir, ['cpu']);
const context = Number(ctxArg ?? 1900);
const steps = Number(stepsArg ?? 32);
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const ids = [engine.info.bosTokenId ?? 0, ...text.slice(0, context - 1)];
const graph = timeRuns(...engine.runSessions);
for (const [label, cache] of [['baseline', BASELINE_CACHE], [policyArg ?? 'default', cachePolicy(loadPolicy(policyArg ?? 'default').policy)]] as const) {
  const c = engine.newCache(cache);
  let next = argmax(await engine.prefill(c, ids, 256));
  graph.ms = 0;
  const t0 = performance.now();
  let slowest = 0;
  for (let s = 0; s < steps; s++) {
    const t = performance.now();
    next = argmax(await engine.forward(c, [next]));
    slowest = Math.max(slowest, performance.now() - t);
  }
  const total = performance.now() - t0;
  // The slowest step shows a hot store that grew (a copy of the whole store) inside the timed steps.
  console.log(`${label}: ${(total / steps).toFixed(2)} ms/step, graph ${(graph.ms / steps).toFixed(2)} ms, ours ${((total - graph.ms) / steps).toFixed(2)} ms, slowest step ${slowest.toFixed(1)} ms; tiers ${JSON.stringify(c.tokensByTier)}`);
}
await engine.close();
