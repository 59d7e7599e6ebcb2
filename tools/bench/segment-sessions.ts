// What running a format-11 model's segments one after another costs with ONNX Runtime's intra-op threads
// spinning between operators (its default), sleeping, or spinning within a run only: a decode step of every segment, attention left
// out (a constant context is fed), so that only the sessions are timed.
// Usage: npx tsx tools/bench/segment-sessions.ts MODEL_DIR [ROWS=1] [STEPS=10]
import * as ort from 'onnxruntime-node';
import { loadModelInfo } from '@inferos/inference';

const [dir, rowsArg, stepsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: segment-sessions.ts MODEL_DIR [ROWS] [STEPS]');
const info = loadModelInfo(dir);
if (info.attention !== 'native') throw new Error(`${dir} is a format-10 export (one graph): nothing to measure`);
const B = Number(rowsArg ?? 1);
const steps = Number(stepsArg ?? 10);
const width = info.numAttentionHeads * info.headDim;
// spinning on; off; on within a run but stopped when it ends (session.force_spinning_stop).
const MODES = {
  on: { intra_op: { allow_spinning: '1' } },
  off: { intra_op: { allow_spinning: '0' } },
  'on, stopped after each run': { intra_op: { allow_spinning: '1' }, force_spinning_stop: '1' },
} as const;
for (const mode of [...Object.keys(MODES), ...Object.keys(MODES)] as (keyof typeof MODES)[]) {
  const sessions = [];
  for (const path of info.segments) {
    sessions.push(await ort.InferenceSession.create(path, { executionProviders: ['cpu'], graphOptimizationLevel: 'all', enableCpuMemArena: false, extra: { session: MODES[mode] } }));
  }
  const t0 = performance.now();
  for (let st = 0; st < steps; st++) {
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', new BigInt64Array(B).fill(5n), [B, 1]),
      position_ids: new ort.Tensor('int64', new BigInt64Array(B).fill(7n), [B, 1]),
      logits_from: new ort.Tensor('int64', BigInt64Array.of(0n), [1]),
      attn_in: new ort.Tensor('float32', new Float32Array(B * width).fill(0.01), [B, 1, width]),
    };
    for (const [s, session] of sessions.entries()) {
      const out = await session.run(Object.fromEntries(session.inputNames.map((n) => [n, feeds[n]!])));
      if (s < sessions.length - 1) feeds['hidden_in'] = out['hidden_out']!;
    }
  }
  console.log(`${info.name}, ${B} row(s), spinning ${mode}: ${((performance.now() - t0) / steps).toFixed(2)} ms a step (${sessions.length} sessions)`);
  for (const s of sessions) await s.release();
}
