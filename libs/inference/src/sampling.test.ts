import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sampler, argmax, mulberry32, tokenLogprob } from './sampling';

test('argmax picks the largest logit, the lowest id on ties', () => {
  assert.equal(argmax(Float32Array.from([0, 3, 1, 3])), 1);
  assert.equal(argmax(Float32Array.from([-5, -1, -2])), 1);
});

test('temperature 0 is greedy whatever the seed', () => {
  const logits = Float32Array.from([0.1, 2, 0.3]);
  assert.equal(new Sampler({ temperature: 0, topP: 0.5, seed: 7 }).sample(logits), 1);
});

test('the same seed gives the same tokens; another seed gives another sequence', () => {
  const logits = new Float32Array(50).fill(0);
  const draw = (seed: number) => {
    const s = new Sampler({ temperature: 1, topP: 1, seed });
    return Array.from({ length: 20 }, () => s.sample(logits));
  };
  assert.deepEqual(draw(3), draw(3));
  assert.notDeepEqual(draw(3), draw(4));
});

test('top-p keeps only the nucleus', () => {
  // probabilities ~ [0.6, 0.3, 0.1 spread over the rest]: top_p 0.8 keeps ids 0 and 1 only.
  const logits = Float32Array.from([Math.log(0.6), Math.log(0.3), Math.log(0.05), Math.log(0.05)]);
  const s = new Sampler({ temperature: 1, topP: 0.8, seed: 1 });
  const seen = new Set(Array.from({ length: 500 }, () => s.sample(logits)));
  assert.deepEqual([...seen].sort(), [0, 1]);
});

test('sampling frequencies follow the distribution', () => {
  const logits = Float32Array.from([Math.log(0.75), Math.log(0.25)]);
  const s = new Sampler({ temperature: 1, topP: 1, seed: 42 });
  let zeros = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) if (s.sample(logits) === 0) zeros++;
  assert.ok(Math.abs(zeros / n - 0.75) < 0.03, `frequency ${zeros / n}`);
});

test('mulberry32 stays in [0, 1)', () => {
  const r = mulberry32(9);
  for (let i = 0; i < 1000; i++) {
    const x = r();
    assert.ok(x >= 0 && x < 1);
  }
});

test('BAD CALL - out-of-range options are refused', () => {
  assert.throws(() => new Sampler({ temperature: -1, topP: 1, seed: 0 }), RangeError);
  assert.throws(() => new Sampler({ temperature: 1, topP: 0, seed: 0 }), /top_p must be in \(0, 1\]/);
  assert.throws(() => new Sampler({ temperature: 1, topP: 1, seed: 0.5 }), /seed must be an integer/);
});

test('tokenLogprob: log-softmax of the raw logits, and the top alternatives in order', () => {
  const logits = Float32Array.from([1, 3, 2, 3, -1]);
  const z = Math.log([1, 3, 2, 3, -1].reduce((s, x) => s + Math.exp(x), 0));
  const lp = tokenLogprob(logits, 2, 3);
  assert.equal(lp.id, 2);
  assert.ok(Math.abs(lp.logprob - (2 - z)) < 1e-12);
  assert.deepEqual(lp.top.map((t) => t.id), [1, 3, 2]); // ties: the lower id first
  assert.ok(Math.abs(lp.top[0]!.logprob - (3 - z)) < 1e-12);
  assert.deepEqual(tokenLogprob(logits, 0).top, []);
  // Probabilities sum to 1 over the vocabulary.
  const total = [0, 1, 2, 3, 4].reduce((s, i) => s + Math.exp(tokenLogprob(logits, i).logprob), 0);
  assert.ok(Math.abs(total - 1) < 1e-12);
  assert.throws(() => tokenLogprob(logits, 5), /out of range/);
  assert.throws(() => tokenLogprob(logits, 0, 21), /top must be/);
});

test('Sampler: draws as mulberry32 does; skip(n) and clone() continue where n draws left it, without replaying them', () => {
  const logits = Float32Array.from({ length: 50 }, (_, i) => Math.sin(i) * 3);
  const opts = { temperature: 0.9, topP: 0.95, seed: 1234 };
  const a = new Sampler(opts);
  const tokens = Array.from({ length: 40 }, () => a.sample(logits));
  assert.equal(a.draws, 40);
  assert.ok(new Set(tokens).size > 3, 'samples vary');
  // The sampler's numbers are mulberry32's stream (computed from the draw count, not replayed).
  const r = mulberry32(1234);
  const inner = new Sampler(opts) as unknown as { random(): number };
  for (let i = 0; i < 1000; i++) assert.equal(inner.random(), r(), `draw ${i}`);
  for (let i = 0; i < 40; i++) assert.equal(new Sampler(opts).skip(i).sample(logits), tokens[i], `token ${i}`);
  const resumed = new Sampler(opts).skip(25);
  assert.deepEqual(Array.from({ length: 15 }, () => resumed.sample(logits)), tokens.slice(25));
  const c = new Sampler(opts).skip(10);
  const twin = c.clone();
  assert.equal(twin.sample(logits), c.sample(logits));
  assert.equal(twin.draws, 11);
  assert.equal(new Sampler({ temperature: 0, topP: 1, seed: 0 }).clone().sample(logits), argmax(logits));
});
