// Two exported models (e.g. the graph before and after a change) decoding side by side in one process:
// the same context, then single-token greedy steps, the models taking turns step by step so that the
// machine's drift hits both alike. Usage: npx tsx tools/bench/ab-graphs.ts DIR_A DIR_B [POLICY] [CONTEXT] [STEPS]
import { readFileSync } from 'node:fs';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, argmax, contextTextPath } from '@inferos/inference';

const [dirA, dirB, policyArg = 'baseline', ctxArg = '1900', stepsArg = '64'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: ab-graphs.ts DIR_A DIR_B [POLICY] [CONTEXT] [STEPS]');
const policy = cachePolicy(loadPolicy(policyArg).policy);
const engines = [await Engine.load(dirA, ['cpu']), await Engine.load(dirB, ['cpu'])];
const text = engines[0]!.tokenizer.encode(readFileSync(contextTextPath(engines[0]!.info)!, 'utf8'), false);
const ids = [engines[0]!.info.bosTokenId ?? 0, ...text.slice(0, Number(ctxArg) - 1)];
const caches = engines.map((e) => e.newCache(policy));
const next = await Promise.all(engines.map(async (e, i) => argmax(await e.prefill(caches[i]!, ids, 256))));
const ms = [0, 0];
for (let s = 0; s < 4; s++) for (const [i, e] of engines.entries()) next[i] = argmax(await e.forward(caches[i]!, [next[i]!])); // warm-up
for (let s = 0; s < Number(stepsArg); s++) {
  for (const i of s % 2 ? [1, 0] : [0, 1]) {
    const t0 = performance.now();
    next[i] = argmax(await engines[i]!.forward(caches[i]!, [next[i]!]));
    ms[i] += performance.now() - t0;
  }
}
const per = ms.map((m) => m / Number(stepsArg));
console.log(JSON.stringify({ policy: policyArg, context: ids.length, steps: Number(stepsArg), ms_per_step: { a: +per[0]!.toFixed(3), b: +per[1]!.toFixed(3) }, b_over_a_speed: +(per[0]! / per[1]!).toFixed(3) }));
for (const e of engines) await e.close();
