// How well the model copies, teacher-forced: BOS, a span of random tokens, `gap` tokens of held-out
// text, the span again; the share of the second occurrence's tokens (after the first `skip`) that are
// the model's top-1 prediction. Full-precision cache.
//   npx tsx tools/bench/copy-accuracy.ts [--model DIR] [--gap 512] [--span 32] [--trials 8] [--skip 4]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine, argmax, mulberry32 } from '@inferos/inference';

const { values } = parseArgs({
  options: {
    model: { type: 'string' }, gap: { type: 'string', default: '512' }, span: { type: 'string', default: '32' },
    trials: { type: 'string', default: '8' }, skip: { type: 'string', default: '4' },
  },
});
const engine = await Engine.load(values.model, ['cpu']);
const [gap, span, trials, skip] = [values.gap, values.span, values.trials, values.skip].map(Number) as [number, number, number, number];
const filler = engine.tokenizer.encode(readFileSync(join(engine.info.dir, 'heldout.txt'), 'utf8'), false);
const random = mulberry32(1);
const vocab = engine.info.vocabSize;
let hits = 0;
let n = 0;
for (let t = 0; t < trials; t++) {
  const spanIds = Array.from({ length: span }, () => 16 + Math.floor(random() * (vocab - 16)));
  const start = Math.floor(random() * (filler.length - gap));
  const ids = [engine.info.bosTokenId ?? 0, ...spanIds, ...filler.slice(start, start + gap), ...spanIds];
  const logits = await engine.forward(engine.newCache(), ids, true);
  for (let i = ids.length - span + skip; i < ids.length; i++) {
    if (argmax(logits.subarray((i - 1) * vocab, i * vocab)) === ids[i]) hits++;
    n++;
  }
}
console.log(JSON.stringify({ gap, span, trials, skip, top1_accuracy: Math.round((hits / n) * 1000) / 1000 }));
await engine.close();
