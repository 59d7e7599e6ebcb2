import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeWindows, nllOf } from './evaluate';

test('windows start with BOS, advance by context - 1, and stop at maxTokens scored', () => {
  const tokens = Array.from({ length: 10 }, (_, i) => 100 + i);
  assert.deepEqual(makeWindows(tokens, 0, 4), [[0, 100, 101, 102], [0, 103, 104, 105], [0, 106, 107, 108], [0, 109]]);
  assert.deepEqual(makeWindows(tokens, 0, 4, 5), [[0, 100, 101, 102], [0, 103, 104]]);
  assert.throws(() => makeWindows(tokens, 0, 1), /context must be an integer >= 2/);
});

test('nllOf is the log-softmax loss', () => {
  const logits = Float32Array.from([0, Math.log(3)]);
  assert.ok(Math.abs(nllOf(logits, 1) - -Math.log(0.75)) < 1e-6);
  assert.ok(Math.abs(nllOf(logits, 0) - -Math.log(0.25)) < 1e-6);
});
