// How long a model run keeps the event loop from its turn: a 1 ms interval timer runs while (1) one
// segment of a format-11 model runs a 256-token chunk, five times, and (2) the engine prefills 768 tokens in
// 256-token chunks (every segment, with the native attention between them). Prints the longest gap.
// Usage: npx tsx tools/bench/event-loop-gaps.ts MODEL_DIR
import * as ort from 'onnxruntime-node';
import { Engine, BASELINE_CACHE } from '@inferos/inference';

const dir = process.argv[2];
if (!dir) throw new Error('usage: event-loop-gaps.ts MODEL_DIR (a format-11 export)');
const engine = await Engine.load(dir, ['cpu']);
if (engine.info.attention !== 'native') throw new Error(`${dir} is a format-10 export: one run is the whole step`);
const T = 256;
const width = engine.info.numAttentionHeads * engine.info.headDim;
const positions = new ort.Tensor('int64', BigInt64Array.from({ length: T }, (_, i) => BigInt(i)), [1, T]);
// Segment 0 gives a residual stream of the model's width to feed segment 1 with.
const first = await engine.runSessions[0]!.run({ input_ids: new ort.Tensor('int64', new BigInt64Array(T).fill(5n), [1, T]), position_ids: positions }, ['hidden_out']);
const feeds = { position_ids: positions, hidden_in: first['hidden_out']!, attn_in: new ort.Tensor('float32', new Float32Array(width * T).fill(0.01), [1, T, width]) };
let last = performance.now();
let maxGap = 0;
let ticks = 0;
const timer = setInterval(() => {
  const now = performance.now();
  maxGap = Math.max(maxGap, now - last);
  last = now;
  ticks++;
}, 1);
const reset = () => {
  maxGap = 0;
  ticks = 0;
  last = performance.now();
};
const segment = engine.runSessions[1]!;
for (let i = 0; i < 2; i++) await segment.run(feeds, ['hidden_out']);
reset();
let t0 = performance.now();
for (let i = 0; i < 5; i++) await segment.run(feeds, ['hidden_out']);
console.log(`one segment, ${T} tokens: ${((performance.now() - t0) / 5).toFixed(0)} ms a run; the timer ran ${ticks} times in 5 runs, longest gap ${maxGap.toFixed(1)} ms`);
const cache = engine.newCache(BASELINE_CACHE);
reset();
t0 = performance.now();
await engine.prefill(cache, Array.from({ length: 3 * T }, (_, i) => 5 + (i % 100)), T);
console.log(`prefill of ${3 * T} tokens in ${T}-token chunks: ${(performance.now() - t0).toFixed(0)} ms; longest gap ${maxGap.toFixed(1)} ms`);
clearInterval(timer);
await engine.close();
