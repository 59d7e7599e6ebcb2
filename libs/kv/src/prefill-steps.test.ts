import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefillSteps } from './prefill-steps';

test('prefillSteps: chunks of at most `chunk`, the last 32 tokens apart when the cache observes them', () => {
  assert.deepEqual(prefillSteps(1065, 256, true), [256, 256, 256, 256, 9, 32]);
  assert.deepEqual(prefillSteps(1065, 256, false), [256, 256, 256, 256, 41]);
  assert.deepEqual(prefillSteps(288, 256, true), [256, 32]);
  assert.deepEqual(prefillSteps(20, 256, true), [20]);
  assert.deepEqual(prefillSteps(100, 32, true), [32, 32, 32, 4]);
  assert.throws(() => prefillSteps(0, 32, true), /must have tokens/);
  assert.throws(() => prefillSteps(10, 0, true), /chunk must be a positive integer/);
});
