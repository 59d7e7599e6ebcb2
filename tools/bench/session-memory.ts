// Resident memory of a process that loads a model, prefills a prompt (256-token chunks, the default
// policy) and decodes 16 tokens, with the decode speed: what the sessions' buffers cost.
// Usage: npx tsx tools/bench/session-memory.ts MODEL_DIR [CONTEXT=1024]
import { readFileSync } from 'node:fs';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, argmax, contextTextPath } from '@inferos/inference';
const [dir, ctxArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: session-memory.ts MODEL_DIR [CONTEXT]');
const engine = await Engine.load(dir!, ['cpu']);
const rss = () => (process.memoryUsage().rss / 2 ** 30).toFixed(2);
console.log(`loaded: rss ${rss()} GiB`);
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const ids = [0, ...text.slice(0, Number(ctxArg ?? 1024) - 1)];
const c = engine.newCache(cachePolicy(loadPolicy('default').policy));
let next = argmax(await engine.prefill(c, ids, 256));
console.log(`prefilled: rss ${rss()} GiB`);
const t0 = performance.now();
for (let i = 0; i < 16; i++) next = argmax(await engine.forward(c, [next]));
console.log(`decode ${((performance.now() - t0) / 16).toFixed(1)} ms/step; rss ${rss()} GiB`);
await engine.close();
