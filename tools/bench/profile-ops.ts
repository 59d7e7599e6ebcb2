// ONNX Runtime's own per-operator profile of 30 decode steps after a context (default 1900 tokens), of
// ROWS sequences batched (default 1: single-sequence steps). A format-11 model's segments are each profiled
// (one JSON per segment); attention runs outside them and is not in the profile.
// Usage: npx tsx tools/bench/profile-ops.ts MODEL_DIR [POLICY] [CONTEXT] [ROWS]; then summarize the JSON files it
// names with python3 tools/bench/summarize-profile.py FILE... (all of a format-11 step's segments at once)
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { Engine, argmax, contextTextPath } from '@inferos/inference';
const dir = process.argv[2]!;
for (const f of readdirSync('/tmp')) if (f.startsWith('ortprof_s') && f.endsWith('.json')) rmSync(`/tmp/${f}`);  // this run's files only
const engine = await Engine.load(dir, ['cpu']);
const pol = cachePolicy(loadPolicy(process.argv[3] ?? 'default').policy);
// The profiling sessions take the place of the engine's own (ModelSession's private `session`), with the
// settings Engine.load gives them (format 11: spinning within a run only, no memory arena).
const profiled: ort.InferenceSession[] = [];
const profile = async (path: string, s: object, extra: ort.InferenceSession.SessionOptions) => {
  const prof = await ort.InferenceSession.create(path, { executionProviders: ['cpu'], graphOptimizationLevel: 'all', enableProfiling: true, profileFilePrefix: `/tmp/ortprof_s${String(profiled.length).padStart(3, '0')}`, ...extra });
  (s as { session: ort.InferenceSession }).session = prof;
  profiled.push(prof);
};
if (engine.info.attention === 'native') {
  for (const [i, s] of engine.runSessions.entries()) await profile(engine.info.segments[i]!, s, { enableCpuMemArena: false, extra: { session: { force_spinning_stop: '1' } } });
} else {
  const group = pol.fullPrecision ? engine.info.defaultGroup : pol.groupSize;
  await profile(engine.info.graphs.get(group)!, await engine.sessionFor(group), {});
}
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
for (const p of profiled) {
  p.endProfiling();
  await p.release();
}
const files = readdirSync('/tmp').filter((f) => f.startsWith('ortprof_s') && f.endsWith('.json')).map((f) => `/tmp/${f}`);
console.log(`profiles written: ${files.join(' ')}`);
