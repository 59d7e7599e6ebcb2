// The demotion plan as a pure function: blocks and scores in, moves out, nothing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demotionPlan, type Move } from './demotion/plan';
import type { Block } from './demotion/ranking';
import type { CachePolicy } from './cache-policy';

const policy: CachePolicy = { fullPrecision: false, sinks: 4, window: 16, groupSize: 32, thresholds: { int8: 1, int4: 0.5, evict: 0.25 } };
const blocks = (...tiers: Block['tier'][]): Block[] => tiers.map((tier, i) => ({ start: 4 + 32 * i, tier }));
/** Scores by block index (start 4 + 32 i). */
const byIndex = (...s: number[]) => (start: number) => s[(start - 4) / 32]!;
const flat = () => 0;
const moves = (m: Move[]) => m.map(([b, t]) => `${b.start}:${t}`).sort();

test('thresholds are shares of the ranked blocks: the least important go lowest', () => {
  const b = blocks('hot', 'hot', 'hot', 'hot');
  const m = demotionPlan(b, { importance: byIndex(4, 1, 3, 2), cue: flat }, policy);
  // Quantiles 1/8, 3/8, 5/8, 7/8: below 0.25 evicted, below 0.5 INT4, below 1 INT8.
  assert.deepEqual(moves(m), ['100:i4', '36:evicted', '4:i8', '68:i8'], 'one block per share');
  assert.deepEqual(b.map((x) => x.tier), ['hot', 'hot', 'hot', 'hot'], 'the plan changes no block');
  assert.deepEqual(b.map((x) => x.start), [4, 36, 68, 100], 'nor their order');
});

test('blocks already demoted take the lowest ranks and nothing moves up', () => {
  // The evicted block has the highest importance: it still takes the evicted share, so the others keep theirs.
  const m = demotionPlan(blocks('evicted', 'i4', 'hot', 'hot'), { importance: byIndex(9, 0, 1, 2), cue: flat }, policy);
  assert.deepEqual(moves(m), ['100:i8', '68:i8'], 'only hot blocks move, to INT8; the INT4 block stays');
  assert.deepEqual(demotionPlan(blocks('i8', 'i4', 'evicted'), { importance: byIndex(0, 5, 9), cue: flat }, { ...policy, thresholds: { int8: 0, int4: 0, evict: 0 } }), [], 'no threshold moves a block up');
});

test('a held prompt parks its evictions in the lowest kept tier; its end picks them by the cue', () => {
  const b = blocks('hot', 'hot', 'hot', 'hot');
  const scores = { importance: byIndex(4, 1, 3, 2), cue: byIndex(1, 9, 9, 9) };
  assert.deepEqual(moves(demotionPlan(b, scores, policy, { hold: true })), ['100:i4', '36:i4', '4:i8', '68:i8'], 'the evicted share waits at INT4');
  assert.deepEqual(moves(demotionPlan(b, scores, policy, { promptEnd: true })), ['100:i8', '36:i4', '4:evicted', '68:i8'], 'the block the cue ignored goes first, the others rank by importance above it');
  const int8Only: CachePolicy = { ...policy, thresholds: { int8: 1, int4: 0.25, evict: 0.25 } };
  assert.deepEqual(moves(demotionPlan(b, scores, int8Only, { hold: true })), ['100:i8', '36:i8', '4:i8', '68:i8'], 'without an INT4 share, blocks wait at INT8');
});

test('force moves every old block at least that far down (squeeze)', () => {
  const keep: CachePolicy = { ...policy, thresholds: { int8: 0, int4: 0, evict: 0 } };
  assert.deepEqual(moves(demotionPlan(blocks('hot', 'i8', 'i4'), { importance: flat, cue: flat }, keep, { force: 'i4' })), ['36:i4', '4:i4'], 'hot and INT8 blocks go to INT4');
});
