import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPolicy, DEFAULT_POLICY, PolicyError } from '@inferos/kv';
import { NOT_APPLIED_LIVE, refuseNotApplied } from './not-applied';

const CHANGES: Record<string, unknown> = {
  'quality.min_accept_rate': 0.9,
  'io.enable_iobinding': false,
  'io.dml_pool_bytes': 3 * 2 ** 30,
  'scheduler.mode': 'gpu_only',
  'scheduler.prefill_device': 'cpu',
  'scheduler.decode_device': 'cpu',
};

const patchOf = (dotted: string, value: unknown) => {
  const [section, key] = dotted.split('.') as [string, string];
  return { infer_os: { [section]: { [key]: value } } };
};

test('every key nothing reads live has a change to try here', () => {
  assert.deepEqual(Object.keys(CHANGES).sort(), Object.keys(NOT_APPLIED_LIVE).sort());
});

for (const [key, value] of Object.entries(CHANGES)) {
  test(`REFUSED - a live change of ${key} names the key and why it cannot apply; its current value is accepted`, () => {
    const next = applyPolicy(DEFAULT_POLICY, patchOf(key, value));
    assert.throws(() => refuseNotApplied(DEFAULT_POLICY, next), (e: Error) => e instanceof PolicyError && e.path === `infer_os.${key}` && e.message.includes('cannot change live: ' + NOT_APPLIED_LIVE[key]!));
    const same = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_POLICY);
    assert.doesNotThrow(() => refuseNotApplied(DEFAULT_POLICY, applyPolicy(DEFAULT_POLICY, patchOf(key, same))));
  });
}

test('keys that take effect pass', () => {
  const next = applyPolicy(DEFAULT_POLICY, { infer_os: { kv: { recent_window: 96 }, scheduler: { max_batch: 8 }, io: { host_pool_bytes: 2 ** 30 }, quality: { max_delta_ppl: 0.3 } } });
  assert.doesNotThrow(() => refuseNotApplied(DEFAULT_POLICY, next));
});
