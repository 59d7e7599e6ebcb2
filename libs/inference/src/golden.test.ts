// Exactness: the TypeScript path (tokenizer, chunked prefill through our KV cache, greedy decode) against
// the PyTorch reference that `inferos export` wrote into each model directory.
// Tolerance: max |logit difference| <= the golden's own tolerance (1e-3), and every greedy token equal.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, defaultModelDir } from './index';

interface GoldenCase {
  prompt: string;
  prompt_ids: number[];
  greedy: number[];
}
interface Golden {
  logits_file: string;
  logits_tolerance_max_abs: number;
  cases: GoldenCase[];
}

const here = dirname(fileURLToPath(import.meta.url));
const MODELS = [
  { label: 'bundled model', dir: defaultModelDir() },
  { label: 'fixture: random untied GQA checkpoint', dir: join(here, '..', 'fixtures', 'tiny-untied') },
];

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

for (const model of MODELS) {
  describe(`golden outputs: ${model.label}`, () => {
    let engine: Engine;
    const golden = JSON.parse(readFileSync(join(model.dir, 'golden.json'), 'utf8')) as Golden;
    const raw = readFileSync(join(model.dir, golden.logits_file));
    const all = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));

    before(async () => {
      engine = await Engine.load(model.dir, ['cpu']);
    });
    after(async () => engine?.close());

    test('tokenizer gives the reference prompt ids', () => {
      for (const c of golden.cases) assert.deepEqual(engine.tokenizer.encode(c.prompt), c.prompt_ids, c.prompt);
    });

    for (const chunk of [1, 3, 256]) {
      test(`last-position logits match PyTorch within tolerance (prefill chunk ${chunk})`, async () => {
        const vocab = engine.info.vocabSize;
        for (const [i, c] of golden.cases.entries()) {
          const cache = engine.newCache();
          const logits = await engine.prefill(cache, c.prompt_ids, chunk);
          const want = all.subarray(i * vocab, (i + 1) * vocab);
          const diff = maxAbsDiff(logits, want);
          assert.ok(diff <= golden.logits_tolerance_max_abs, `${c.prompt}: max |diff| ${diff}`);
          assert.equal(cache.length, c.prompt_ids.length);
        }
      });
    }

    test('greedy continuation equals PyTorch token for token', async () => {
      for (const c of golden.cases) {
        const res = await engine.generate(c.prompt_ids, { maxTokens: c.greedy.length, stopAtEos: false, prefillChunk: 7 });
        assert.deepEqual(res.tokens, c.greedy, c.prompt);
      }
    });
  });
}
