import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interval, order, paired, slices, t975 } from './ab';

test('t975: the table for small samples, the expansion beyond, continuous where they meet', () => {
  assert.equal(t975(1), 12.706);
  assert.equal(t975(9), 2.262);
  assert.ok(Math.abs(t975(31) - 2.0395) < 1e-3);
  assert.ok(Math.abs(t975(120) - 1.9799) < 1e-3);
  assert.ok(t975(30) > t975(31) && t975(31) > t975(1000) && t975(1000) > 1.96);
  assert.throws(() => t975(0), /degrees of freedom/);
});

test('interval: mean, sample standard deviation and the t interval; null where it cannot be computed', () => {
  const iv = interval([1, 2, 3, 4]);
  assert.equal(iv.mean, 2.5);
  assert.ok(Math.abs(iv.std! - Math.sqrt(5 / 3)) < 1e-12);
  const half = (3.182 * Math.sqrt(5 / 3)) / 2;
  assert.ok(Math.abs(iv.ci95![0] - (2.5 - half)) < 1e-12 && Math.abs(iv.ci95![1] - (2.5 + half)) < 1e-12);
  assert.deepEqual(interval([]), { n: 0, mean: null, std: null, ci95: null });
  assert.deepEqual(interval([7]), { n: 1, mean: 7, std: null, ci95: null });
});

test('paired: differences by round, skipping rounds without both values; significant when the interval excludes 0', () => {
  const clear = paired([10, 11, 12, 13], [12, 13.1, 13.9, 15]);
  assert.equal(clear.n, 4);
  assert.equal(clear.significant, true);
  const noise = paired([10, 11, 12, 13], [11, 10, 13, 12]);
  assert.equal(noise.mean, 0);
  assert.equal(noise.significant, false);
  assert.equal(paired([1, null, 3], [2, 5, null]).n, 1);
  assert.equal(paired([1, null, 3], [2, 5, null]).significant, null);
});

test('order rotates by one every round, so each policy runs first equally often', () => {
  assert.deepEqual(order(['a', 'b', 'c'], 0), ['a', 'b', 'c']);
  assert.deepEqual(order(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
  assert.deepEqual(order(['a', 'b', 'c'], 5), ['c', 'a', 'b']);
});

test('slices: distinct windows cut at whitespace; a text too short is refused', () => {
  const text = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
  const s = slices(text, 100, 5);
  assert.equal(s.length, 5);
  assert.equal(new Set(s).size, 5);
  for (const x of s) {
    assert.ok(x.length <= 100 && x.length > 90);
    assert.match(x, /^w\d+/);
  }
  assert.throws(() => slices('short text', 100, 2), /too few/);
});
