// Prompt log-probabilities (echo) across prefill chunk boundaries, and generated tokens' log-probabilities,
// against one forward pass over the whole sequence (the tiny-untied fixture; exact cache).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { Engine } from './engine';
import { ModelSession } from './session';
import { tokenLogprob, type TokenLogprob } from './sampling';

const FIXTURE = fileURLToPath(new URL('../fixtures/tiny-untied', import.meta.url));

test('echo log-probabilities equal a single forward pass whatever the prefill chunk; generated ones too', async () => {
  const engine = await Engine.load(FIXTURE, ['cpu']);
  try {
    const ids = engine.tokenizer.encode('The quick brown fox jumps over the lazy dog, then runs away', true);
    assert.ok(ids.length > 8);
    const v = engine.info.vocabSize;
    for (const prefillChunk of [1, 3, 5, 256]) {
      let prompt: TokenLogprob[] = [];
      const generated: TokenLogprob[] = [];
      const result = await engine.generate(ids, {
        maxTokens: 4, stopAtEos: false, prefillChunk, logprobs: 2,
        onPromptLogprobs: (lps) => (prompt = lps),
        onToken: (_id, lp) => generated.push(lp!),
      });
      const all = [...ids, ...result.tokens];
      const ref = await engine.forward(engine.newCache(), all, true);
      const at = (i: number) => tokenLogprob(ref.subarray((i - 1) * v, i * v), all[i]!, 2);
      assert.equal(prompt.length, ids.length - 1, `chunk ${prefillChunk}`);
      prompt.forEach((lp, k) => {
        const r = at(k + 1);
        assert.equal(lp.id, all[k + 1]);
        assert.ok(Math.abs(lp.logprob - r.logprob) < 1e-4, `chunk ${prefillChunk}, prompt token ${k + 1}: ${lp.logprob} vs ${r.logprob}`);
        assert.deepEqual(lp.top.map((t) => t.id), r.top.map((t) => t.id));
      });
      generated.forEach((lp, k) => {
        const r = at(ids.length + k);
        assert.ok(Math.abs(lp.logprob - r.logprob) < 1e-4, `chunk ${prefillChunk}, generated token ${k}`);
        assert.equal(lp.top[0]!.id, result.tokens[k], 'greedy: the chosen token is the most likely');
      });
    }
  } finally {
    await engine.close();
  }
});

test("a step asked for its last logits runs the LM head for that position only, and gives the last row of every position's", async () => {
  for (const fixture of ['tiny-untied', 'llama3-int4-int8copy']) {
    const engine = await Engine.load(fileURLToPath(new URL(`../fixtures/${fixture}`, import.meta.url)), ['cpu']);
    try {
      // Format 11: the last segment's graph takes it (the first is engine.session); format 10: the one graph.
      const lastGraph = engine.info.attention === 'native' ? engine.info.segments.at(-1)! : engine.info.graphs.get(engine.info.defaultGroup)!;
      const session = await ModelSession.open(lastGraph, ['cpu']);
      assert.ok(session.hasInput('logits_from'), `${fixture}: the graph takes logits_from`);
      await session.close();
      const v = engine.info.vocabSize;
      const ids = engine.tokenizer.encode('The quick brown fox jumps over the lazy dog', true);
      const all = await engine.step(engine.newCache(), ids, 'all');
      const last = await engine.step(engine.newCache(), ids, 'last');
      assert.equal(all.logits.length, ids.length * v);
      assert.equal(last.logits.length, v, 'one position of logits');
      const want = all.logits.subarray((ids.length - 1) * v);
      let diff = 0;
      for (let i = 0; i < v; i++) diff = Math.max(diff, Math.abs(last.logits[i]! - want[i]!));
      // The head runs on one row instead of many: another kernel path for a 4-bit head, same weights.
      assert.ok(diff < (fixture === 'tiny-untied' ? 1e-5 : 0.05), `${fixture}: max |diff| ${diff}`);
      assert.deepEqual(last.keys, all.keys, 'the new tokens K/V do not depend on which logits were asked for');
    } finally {
      await engine.close();
    }
  }
});
