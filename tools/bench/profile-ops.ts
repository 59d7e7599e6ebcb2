// ONNX Runtime's own per-operator profile of 30 decode steps after a context (default 1900 tokens), of
// ROWS sequences batched (default 1: single-sequence steps).
// Usage: npx tsx tools/bench/profile-ops.ts MODEL_DIR [POLICY] [CONTEXT] [ROWS]; then summarize the JSON it names with
//   python3 tools/bench/summarize-profile.py /tmp/ortprof_*.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, argmax, contextTextPath } from '@inferos/inference';
const dir = process.argv[2]!;
const engine = await Engine.load(dir, ['cpu']);
if (engine.info.attention === 'native') {
  throw new Error(`${dir} is a format-11 model (attention outside the graph): this script profiles one format-10 graph; tools/bench/profile-decode.ts splits a step into the segments' runs and the rest`);
}
const pol = cachePolicy(loadPolicy(process.argv[3] ?? 'default').policy);
const prof = await ort.InferenceSession.create(engine.info.graphs.get(pol.fullPrecision ? engine.info.defaultGroup : pol.groupSize)!, { executionProviders: ['cpu'], enableProfiling: true, profileFilePrefix: '/tmp/ortprof' });
const s = await engine.sessionFor(pol.fullPrecision ? engine.info.defaultGroup : pol.groupSize);
(s as any).session = prof;
const text = engine.tokenizer.encode(readFileSync(contextTextPath(engine.info)!, 'utf8'), false);
const ids = [0, ...text.slice(0, Number(process.argv[4] ?? 1900) - 1)];
const rows = Number(process.argv[5] ?? 1);
const seqs = [];
for (let r = 0; r < rows; r++) {
  const c = engine.newCache(pol);
  seqs.push({ c, next: argmax(await engine.prefill(c, ids, 256)) });
}
for (let i = 0; i < 30; i++) {
  const outs = await engine.stepBatch(seqs.map((x) => x.c), seqs.map((x) => x.next));
  outs.forEach((o, r) => { seqs[r]!.c.append(o.keys, o.values, 1, o.masses); seqs[r]!.next = argmax(o.logits); });
}
await (prof as any).release();
console.log('profile written under /tmp/ortprof_*.json');
