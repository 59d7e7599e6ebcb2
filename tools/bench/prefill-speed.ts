// Prefill time of one prompt, baseline beside a policy, alternated (ABBA) over rounds from fresh caches.
// The policy's prompt attends to its INT8/INT4 tiers in every chunk after the first blocks leave the
// window (evictions wait for the prompt's end, so they sit in the lowest tier meanwhile).
// Usage: npx tsx tools/bench/prefill-speed.ts [MODEL_DIR] [TOKENS=1976] [CHUNK=256] [ROUNDS=4] [POLICY=default]
import { readFileSync } from 'node:fs';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, BASELINE_CACHE, contextTextPath, defaultModelDir } from '@inferos/inference';

const [dirArg, tokensArg, chunkArg, roundsArg, policyArg] = process.argv.slice(2);
const engine = await Engine.load(dirArg || defaultModelDir(), ['cpu']);
const tokens = Number(tokensArg ?? 1976);
const chunk = Number(chunkArg ?? 256);
const rounds = Number(roundsArg ?? 4);
const policy = policyArg ?? 'default';
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const ids = [engine.info.bosTokenId ?? 0, ...text.slice(0, tokens - 1)];
const sides = [['baseline', BASELINE_CACHE], [policy, cachePolicy(loadPolicy(policy).policy)]] as const;
await engine.prefill(engine.newCache(BASELINE_CACHE), ids.slice(0, 64), chunk); // warm-up
const ms = sides.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  for (const s of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const cache = engine.newCache(sides[s]![1]);
    const t0 = performance.now();
    await engine.prefill(cache, ids, chunk);
    ms[s]!.push(performance.now() - t0);
  }
}
const total = ms.map((xs) => xs.reduce((a, b) => a + b, 0));
console.log(JSON.stringify({
  tokens: ids.length, chunk, rounds, policy,
  baseline_ms: ms[0]!.map(Math.round), policy_ms: ms[1]!.map(Math.round),
  ratio: Math.round((total[0]! / total[1]!) * 1000) / 1000, // > 1: the policy prefills faster
}));
await engine.close();
