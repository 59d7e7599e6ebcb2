import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pb } from '@inferos/proto';
import type { StepOutput } from '@inferos/inference';
import { stepChecked, commitWithRetry, failure } from './commit';
import { KvError, type KvClient, type RemoteSeq, type StepFailure, type StepToCommit } from './kv-client';

/** A kv-store that answers commits from a script, and counts claims. */
function fakeKv(answers: (StepFailure | undefined)[][]): KvClient & { claims: string[]; commits: number } {
  const fake = {
    claims: [] as string[],
    commits: 0,
    async commit(steps: readonly StepToCommit[]) {
      const a = answers[fake.commits++]!;
      assert.equal(a.length, steps.length, 'one answer per step');
      return a;
    },
    async claim(id: string) {
      fake.claims.push(id);
      if (id === 'gone') throw new KvError('no sequence gone', pb.KvError.KV_ERROR_NO_SEQUENCE);
      return { table: {} };
    },
  };
  return fake as unknown as KvClient & { claims: string[]; commits: number };
}
const seq = (id: string) => ({ id, update() {} }) as unknown as RemoteSeq;
const out = (tag: number) => ({ logits: new Float32Array([tag]) }) as unknown as StepOutput;
const stale: StepFailure = { code: pb.KvError.KV_ERROR_STALE_STEP, message: 'stale step' };

test('commitWithRetry: only stale steps run again, on a fresh claim; what was committed is what is returned', async () => {
  const kv = fakeKv([[undefined, stale, { code: pb.KvError.KV_ERROR_REFUSED, message: 'refused' }], [undefined]]);
  const steps = [{ seq: seq('a'), tokens: 1, out: out(1) }, { seq: seq('b'), tokens: 1, out: out(2) }, { seq: seq('c'), tokens: 1, out: out(3) }];
  let reruns = 0;
  const errors = await commitWithRetry(kv, steps, async () => out(20 + reruns++));
  assert.deepEqual(errors.map((e) => e?.code), [undefined, undefined, pb.KvError.KV_ERROR_REFUSED]);
  assert.deepEqual(kv.claims, ['b']);
  assert.equal(steps[1]!.out.logits[0], 20, 'the rerun output replaces the stale one');
  assert.equal(steps[0]!.out.logits[0], 1);
});

test('commitWithRetry: gives up after its attempts, and a sequence gone meanwhile fails alone', async () => {
  const kv = fakeKv([[stale, stale], [stale], [stale], [stale]]);
  const steps = [{ seq: seq('gone'), tokens: 1, out: out(1) }, { seq: seq('b'), tokens: 1, out: out(2) }];
  const errors = await commitWithRetry(kv, steps, async () => out(9), 3);
  assert.equal(errors[0]!.code, pb.KvError.KV_ERROR_NO_SEQUENCE);
  assert.equal(errors[1]!.code, pb.KvError.KV_ERROR_STALE_STEP, 'still stale after 3 attempts: reported, not looped on');
  assert.equal(kv.commits, 4);
  assert.deepEqual(await commitWithRetry(fakeKv([]), [], async () => out(0)), [], 'nothing to commit: no request');
});

test('failure: the kv-store\'s code when it refused, else the message alone', () => {
  assert.deepEqual(failure(new KvError('stale', pb.KvError.KV_ERROR_STALE_STEP)), { code: pb.KvError.KV_ERROR_STALE_STEP, message: 'stale' });
  assert.deepEqual(failure(new Error('onnx failed')), { message: 'onnx failed' });
});

test('stepChecked: a step whose tiers changed while it read them runs again on a fresh claim; one that keeps changing fails', async () => {
  let invalid = 2;
  let updates = 0;
  const s = { id: 'a', valid: () => invalid-- <= 0, update: () => updates++ } as unknown as RemoteSeq;
  const kv = fakeKv([]);
  let runs = 0;
  const model = { step: async () => out(runs++) };
  const o = await stepChecked(model, kv, s, [1]);
  assert.equal(o.logits[0], 2, 'the output of the run that read intact tiers');
  assert.equal(runs, 3, 'two runs discarded');
  assert.deepEqual(kv.claims, ['a', 'a'], 'a fresh claim before each run again');
  assert.equal(updates, 2, 'the fresh table replaces the old one');
  const never = { id: 'b', valid: () => false, update() {} } as unknown as RemoteSeq;
  await assert.rejects(stepChecked(model, fakeKv([]), never, [1]), /sequence b kept changing while it was read/);
});
