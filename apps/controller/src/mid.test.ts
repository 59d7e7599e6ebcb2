import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPolicy, DEFAULT_POLICY } from '@inferos/kv';
import { midStep, type MidInputs } from './service';

const policy = applyPolicy(DEFAULT_POLICY, { scheduler: { max_batch: 8, target_tpot_ms: 50, target_ftl_ms: 1000 }, kv: { recent_window: 64 } });
const req = (ttftMs: number, itlMs: number, targetFtlMs = 0) => ({ ttftS: ttftMs / 1000, itlS: [itlMs / 1000, itlMs / 1000], targetFtlMs });
const base: MidInputs = { policy, baselineMode: false, operatorMaxBatch: 8, requests: [req(200, 30)], running: 6, kvUsage: 0.2 };

test('on target: no change', () => {
  assert.equal(midStep(base), undefined);
});

test('time per output token over target: max_batch goes down below the running count', () => {
  const s = midStep({ ...base, requests: [req(200, 80)] })!;
  assert.deepEqual(s.patch, { scheduler: { max_batch: 5 } });
  assert.match(s.why, /max_batch 8 -> 5/);
});

test("a request's own time-to-first-token target wins over the policy's when tighter", () => {
  assert.equal(midStep({ ...base, requests: [req(700, 30)] }), undefined, '700 ms is within the policy target of 1000');
  assert.deepEqual(midStep({ ...base, requests: [req(700, 30, 300)] })!.patch, { scheduler: { max_batch: 5 } });
});

test('at max_batch 1 (or one request) with memory to spare, the FP16 window widens instead; not in baseline mode', () => {
  const one = { ...base, policy: applyPolicy(policy, { scheduler: { max_batch: 1 } }), requests: [req(200, 80)] };
  assert.deepEqual(midStep(one)!.patch, { kv: { recent_window: 128 } });
  assert.equal(midStep({ ...one, kvUsage: 0.7 }), undefined, 'not when memory is tight');
  assert.equal(midStep({ ...one, baselineMode: true }), undefined, 'not in baseline mode');
});

test('well under target: max_batch climbs back, never above the operator value', () => {
  const low = { ...base, policy: applyPolicy(policy, { scheduler: { max_batch: 3 } }), requests: [req(100, 10)] };
  assert.deepEqual(midStep(low)!.patch, { scheduler: { max_batch: 4 } });
  assert.equal(midStep({ ...low, operatorMaxBatch: 3 }), undefined);
});
