import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pb } from '@inferos/proto';
import type { StepOutput } from '@inferos/inference';
import { nextBatch, runsOf, commitWithRetry, failure } from './scheduler';
import { KvError, type KvClient, type RemoteSeq, type StepFailure, type StepToCommit } from './kv-client';

test('nextBatch: at most maxBatch sequences, in turns, every sequence served', () => {
  const active = ['a', 'b', 'c', 'd', 'e'];
  let turn = 0;
  const served: string[] = [];
  for (let i = 0; i < 5; i++) {
    const n = nextBatch(active, turn, 2);
    assert.equal(n.batch.length, 2);
    assert.deepEqual([...n.batch, ...n.waiting].sort(), active);
    served.push(...n.batch);
    turn = n.turn;
  }
  assert.deepEqual(served, ['a', 'b', 'c', 'd', 'e', 'a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(nextBatch(active, 3, 64), { batch: ['d', 'e', 'a', 'b', 'c'], waiting: [], turn: 3 });
  assert.deepEqual(nextBatch([], 7, 4), { batch: [], waiting: [], turn: 0 });
});

test('runsOf: one run per graph path, order kept; without batching every sequence alone', () => {
  const batch = [{ id: 1, g: 'plain-64' }, { id: 2, g: 'importance-64' }, { id: 3, g: 'plain-64' }, { id: 4, g: 'plain-32' }];
  assert.deepEqual(runsOf(batch, (x) => x.g, true).map((r) => r.map((x) => x.id)), [[1, 3], [2], [4]]);
  assert.deepEqual(runsOf(batch, (x) => x.g, false).map((r) => r.map((x) => x.id)), [[1], [2], [3], [4]]);
});

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
