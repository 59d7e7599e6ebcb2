import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schedule, nextBatch, runsOf, graphPath } from './scheduler';

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

test('schedule: round robin up to max_batch, one run per graph path, each sequence of the batch in exactly one run', () => {
  const seqs = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, needsImportance: i === 2, policy: { groupSize: i === 4 ? 32 : 64 } }));
  const graphOf = (s: (typeof seqs)[number]) => graphPath(s);
  const ids = (rows: (typeof seqs)[number][][]) => rows.map((r) => r.map((s) => s.id));
  let turn = 0;
  const seen: string[][][] = [];
  for (let i = 0; i < 3; i++) {
    const s = schedule(seqs, turn, { maxBatch: 4, batching: true }, graphOf);
    assert.deepEqual(s.runs.flat().map((x) => x.id).sort(), s.batch.map((x) => x.id).sort(), 'the runs hold the batch, each sequence once');
    assert.deepEqual([...s.batch, ...s.waiting].map((x) => x.id).sort(), ['a', 'b', 'c', 'd', 'e'], 'each sequence runs or waits');
    seen.push(ids(s.runs));
    turn = s.turn;
  }
  assert.deepEqual(seen, [
    [['a', 'b', 'd'], ['c']],
    [['e'], ['a', 'b'], ['c']],
    [['d', 'a', 'b'], ['e']],
  ], 'round robin from where the last step stopped, grouped by graph path in batch order');
  assert.deepEqual(ids(schedule(seqs, 0, { maxBatch: 3, batching: false }, graphOf).runs), [['a'], ['b'], ['c']], 'without batching every sequence runs alone');
  const native = schedule(seqs, 0, { maxBatch: 5, batching: true }, (s) => graphPath(s, 'native'));
  assert.deepEqual(ids(native.runs), [['a', 'b', 'c', 'd', 'e']], 'format 11: every policy and group size shares one run');
  assert.deepEqual(schedule([], 5, { maxBatch: 3, batching: true }, graphOf), { batch: [], waiting: [], turn: 0, runs: [] }, 'nothing running: nothing to run');
});
