import { test } from 'node:test';
import assert from 'node:assert/strict';
import { providerPreference } from './worker';

test('a policy device starts the fallback chain of its role, and cpu always ends it', () => {
  assert.deepEqual(providerPreference('npu', 'decode'), ['npu', 'dml', 'cuda', 'cpu']);
  assert.deepEqual(providerPreference('dml', 'decode'), ['dml', 'cuda', 'cpu']);
  assert.deepEqual(providerPreference('dml', 'prefill'), ['dml', 'cuda', 'cpu']);
  assert.deepEqual(providerPreference('cpu', 'prefill'), ['cpu']);
  // A device outside the role's chain is tried first, then the chain.
  assert.deepEqual(providerPreference('npu', 'prefill'), ['npu', 'dml', 'cuda', 'cpu']);
});

test('BAD POLICY - an unknown device names the policy key', () => {
  assert.throws(() => providerPreference('tpu', 'decode'), /scheduler\.decode_device: unknown device "tpu"/);
});
