// Where a decode step's time goes, per policy: graph time (session.run: every segment of a format-11
// model) vs our own work (feeds, cache append, importance, demotion, and a format-11 model's attention).
// "ours" is broken down by wrapping the cache's methods from here (no hooks in the library):
//   feeds   TieredKvCache.feeds, called once per layer by the step (the tiers' views);
//   append  TieredKvCache.append: the step's K/V into the hot store, the importance accumulators, and
//           on some steps a demotion round (told apart by the cache's epoch, which a round changes);
//   other   the rest: a format-11 model's attention (@inferos/attention), the step's tensors and output
//           copies, garbage collection.
// Usage: npx tsx tools/bench/profile-decode.ts MODEL_DIR CONTEXT STEPS [POLICY]
import { readFileSync } from 'node:fs';
import { cachePolicy, loadPolicy, type TieredKvCache } from '@inferos/kv';
import { Engine, BASELINE_CACHE, argmax, contextTextPath } from '@inferos/inference';
import { timeRuns } from './timed-session';

const [dir, ctxArg, stepsArg, policyArg] = process.argv.slice(2);
const engine = await Engine.load(dir, ['cpu']);
const context = Number(ctxArg ?? 1900);
const steps = Number(stepsArg ?? 32);
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const ids = [engine.info.bosTokenId ?? 0, ...text.slice(0, context - 1)];
const graph = timeRuns(...engine.runSessions);

/** Milliseconds inside a cache's feeds() and append() (append split by whether a demotion round ran). */
interface CacheTimes {
  feeds: number;
  append: number;
  demotionAppend: number;
  demotionSteps: number;
}

/** Wrap the cache's feeds() and append() so that their time adds up in the returned totals. */
function timeCache(cache: TieredKvCache): CacheTimes {
  const times: CacheTimes = { feeds: 0, append: 0, demotionAppend: 0, demotionSteps: 0 };
  const feeds = cache.feeds.bind(cache);
  const append = cache.append.bind(cache);
  cache.feeds = (layer) => {
    const t0 = performance.now();
    try {
      return feeds(layer);
    } finally {
      times.feeds += performance.now() - t0;
    }
  };
  cache.append = (...args) => {
    const epoch = cache.epoch;
    const t0 = performance.now();
    try {
      append(...args);
    } finally {
      const ms = performance.now() - t0;
      // A demotion round (or a squeeze) changes the epoch; a plain append does not.
      if (cache.epoch === epoch) times.append += ms;
      else {
        times.demotionAppend += ms;
        times.demotionSteps++;
      }
    }
  };
  return times;
}

for (const [label, cache] of [['baseline', BASELINE_CACHE], [policyArg ?? 'default', cachePolicy(loadPolicy(policyArg ?? 'default').policy)]] as const) {
  const c = engine.newCache(cache);
  let next = argmax(await engine.prefill(c, ids, 256));
  const times = timeCache(c);
  graph.ms = 0;
  const t0 = performance.now();
  let slowest = 0;
  for (let s = 0; s < steps; s++) {
    const t = performance.now();
    next = argmax(await engine.forward(c, [next]));
    slowest = Math.max(slowest, performance.now() - t);
  }
  const total = performance.now() - t0;
  const ours = total - graph.ms;
  const per = (ms: number) => (ms / steps).toFixed(2);
  const plain = steps - times.demotionSteps;
  // The slowest step shows a hot store that grew (a copy of the whole store) or a demotion round inside the timed steps.
  console.log(`${label}: ${per(total)} ms/step, graph ${per(graph.ms)} ms, ours ${per(ours)} ms, slowest step ${slowest.toFixed(1)} ms; tiers ${JSON.stringify(c.tokensByTier)}`);
  const demotion = times.demotionSteps === 0 ? 'no demotion round' : `${times.demotionSteps} step(s) with a demotion round: append ${(times.demotionAppend / times.demotionSteps).toFixed(2)} ms each`;
  console.log(`  ours per step: feeds ${per(times.feeds)} ms, append ${per(times.append + times.demotionAppend)} ms (${plain ? (times.append / plain).toFixed(2) : '-'} ms on a step without demotion; ${demotion}), other ${per(ours - times.feeds - times.append - times.demotionAppend)} ms`);
}
await engine.close();
