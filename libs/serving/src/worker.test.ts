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

test('Turns: a prompt chunk waits for a decode step while sequences decode, never while none do', async () => {
  const { Turns } = await import('./worker');
  const turns = new Turns();
  let order: string[] = [];
  // Nothing decodes: no wait.
  await turns.awaitStep(turns.done);
  turns.decoding = () => true;
  // A step already happened since `since`: no wait either.
  const since = turns.done;
  turns.stepped();
  await turns.awaitStep(since);
  // Decoding and no step since: the chunk waits for the next step.
  order = [];
  const waiting = turns.awaitStep(turns.done).then(() => order.push('chunk'));
  await new Promise((r) => setImmediate(r));
  order.push('step');
  turns.stepped();
  await waiting;
  assert.deepEqual(order, ['step', 'chunk']);
  // A decode loop that never steps does not stall prompts for good.
  await turns.awaitStep(turns.done, 20);
});
