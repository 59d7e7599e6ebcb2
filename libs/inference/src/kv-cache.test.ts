import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KvCache } from './kv-cache';

const shape = { layers: 2, kvHeads: 2, headDim: 4, maxTokens: 600 };
const floats = (n: number, start: number) => Float32Array.from({ length: n * 8 }, (_, i) => start + i);

test('append keeps tokens in order and views expose exactly the held prefix', () => {
  const c = new KvCache(shape);
  c.append([floats(3, 0), floats(3, 100)], [floats(3, 200), floats(3, 300)], 3);
  c.append([floats(1, 24), floats(1, 124)], [floats(1, 224), floats(1, 324)], 1);
  assert.equal(c.length, 4);
  assert.deepEqual(Array.from(c.pastKey(0)), Array.from(floats(4, 0)));
  assert.deepEqual(Array.from(c.pastValue(1)), Array.from(floats(4, 300)));
});

test('bytesHeld equals the byte lengths of the buffers actually held, through growth', () => {
  const c = new KvCache(shape);
  assert.equal(c.bytesHeld, 0);
  c.append([floats(10, 0), floats(10, 0)], [floats(10, 0), floats(10, 0)], 10);
  // 4 buffers (keys and values of 2 layers), each the initial 256 tokens x 8 floats x 4 bytes.
  const buffers = (c as unknown as { keys: Float32Array[]; values: Float32Array[] });
  const sum = () => [...buffers.keys, ...buffers.values].reduce((s, b) => s + b.byteLength, 0);
  assert.equal(c.bytesHeld, sum());
  assert.equal(c.bytesHeld, 4 * 256 * 8 * 4);
  assert.equal(c.bytesUsed, 4 * 10 * 8 * 4);
  c.append([floats(300, 0), floats(300, 0)], [floats(300, 0), floats(300, 0)], 300);
  assert.equal(c.bytesHeld, sum());
  assert.equal(c.bytesHeld, 4 * 512 * 8 * 4);
  assert.deepEqual(Array.from(c.pastKey(0).subarray(0, 80)), Array.from(floats(10, 0)), 'growth keeps old tokens');
});

test('BAD CALL - wrong float count is refused and changes nothing', () => {
  const c = new KvCache(shape);
  c.append([floats(1, 0), floats(1, 0)], [floats(1, 0), floats(1, 0)], 1);
  assert.throws(() => c.append([floats(2, 0), floats(1, 0)], [floats(2, 0), floats(2, 0)], 2), RangeError);
  assert.throws(() => c.append([floats(1, 0)], [floats(1, 0)], 1), /expected 2 layers/);
  assert.equal(c.length, 1);
});

test('BAD CALL - appending past maxTokens is refused', () => {
  const c = new KvCache({ ...shape, maxTokens: 4 });
  assert.throws(() => c.append([floats(5, 0), floats(5, 0)], [floats(5, 0), floats(5, 0)], 5), /exceed the context of 4/);
  assert.equal(c.length, 0);
});

test('BAD CALL - non-positive shape values and out-of-range layers', () => {
  assert.throws(() => new KvCache({ ...shape, headDim: 0 }), /headDim must be a positive integer/);
  assert.throws(() => new KvCache(shape).pastKey(2), /layer 2 out of range/);
});
