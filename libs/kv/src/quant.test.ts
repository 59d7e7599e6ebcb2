import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  f32ToF16, f16ToF32, encodeF16, decodeF16, quantizeKeys, dequantizeKeys, quantizeValues, dequantizeValues,
  packedBytes, roundHalfUp, type Bits,
} from './quant';

test('f32ToF16 matches hand-computed binary16 bits, rounding to nearest even', () => {
  assert.equal(f32ToF16(1), 0x3c00);
  assert.equal(f32ToF16(-2), 0xc000);
  assert.equal(f32ToF16(0.1), 0x2e66);
  assert.equal(f32ToF16(65504), 0x7bff);
  assert.equal(f32ToF16(65520), 0x7c00, 'overflow to infinity');
  assert.equal(f32ToF16(2 ** -24), 0x0001, 'smallest subnormal');
  assert.equal(f32ToF16(1e-9), 0, 'underflow to zero');
  assert.equal(f32ToF16(1 + 2 ** -11), 0x3c00, 'tie goes to even');
  assert.equal(f32ToF16(1 + 3 * 2 ** -11), 0x3c02, 'tie goes to even (up)');
  assert.ok(Number.isNaN(f16ToF32(f32ToF16(NaN))));
});

test('f32ToF16 rounds to the nearest FP16 value, ties to even, around every exponent', () => {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  // Every float32 exponent, both signs, mantissas whose dropped bits sit at and around a half (and the
  // extremes), for kept bits both even and odd.
  for (let exp = 0; exp < 255; exp++) {
    for (const kept of [0, 1, 2, 0x3fe, 0x3ff, 0x155, 0x2aa]) {
      for (const dropped of [0, 1, 0xfff, 0x1000, 0x1001, 0x1fff]) {
        for (const sign of [0, 0x80000000]) {
          u[0] = (sign | (exp << 23) | (kept << 13) | dropped) >>> 0;
          const x = f[0]!;
          const h = f32ToF16(x);
          const y = f16ToF32(h);
          const err = Math.abs(y - x);
          // No FP16 value is nearer (its neighbours), and a tie goes to the even one.
          for (const other of [h - 1, h + 1]) {
            if ((other & 0x7fff) > 0x7c00 || (other & 0x8000) !== (h & 0x8000) || other < 0) continue;
            const e = Math.abs(f16ToF32(other) - x);
            assert.ok(err < e || (err === e && (h & 1) === 0) || !Number.isFinite(y), `f32ToF16(${x}) = ${h.toString(16)}: ${other.toString(16)} is nearer`);
          }
          if (Math.abs(x) >= 65520) assert.equal(h & 0x7fff, 0x7c00, `${x} overflows to infinity`);
          else if (Number.isFinite(x)) assert.ok(Number.isFinite(y), `${x} (below 65520) must not overflow: got ${h.toString(16)}`);
        }
      }
    }
  }
});

test('f16 round trip is exact on representable values and within half an ulp otherwise', () => {
  for (let h = 0; h < 0x7c00; h += 7) assert.equal(f32ToF16(f16ToF32(h)), h);
  const src = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10);
  const bits = new Uint16Array(src.length);
  encodeF16(src, bits);
  const back = new Float32Array(src.length);
  decodeF16(bits, back);
  for (let i = 0; i < src.length; i++) assert.ok(Math.abs(back[i]! - src[i]!) <= Math.abs(src[i]!) * 2 ** -11 + 1e-7);
});

test('roundHalfUp is Math.round: halves, their neighbours, 0.5 - 2^-54, and random values', () => {
  const bits = new Float64Array(1);
  const ulps = new BigInt64Array(bits.buffer);
  // y moved by k units in the last place.
  const near = (y: number, k: number) => {
    bits[0] = y;
    ulps[0] = ulps[0]! + BigInt(k);
    return bits[0]!;
  };
  const check = (y: number) => assert.ok(roundHalfUp(y) === Math.round(y), `roundHalfUp(${y}) = ${roundHalfUp(y)}, Math.round gives ${Math.round(y)}`);
  for (const y of [0.49999999999999994, -0.49999999999999994, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0, 2 ** 52 - 0.5, Infinity, -Infinity]) check(y);
  assert.ok(Number.isNaN(roundHalfUp(NaN)));
  for (let m = -300; m <= 300; m++) {
    for (const y of [m, m + 0.25, m + 0.5, m + 0.75]) for (let k = -4; k <= 4; k++) if (y !== 0) check(near(y, k));
  }
  for (let e = -60; e < 52; e++) {
    for (const y of [2 ** e, 2 ** e - 0.5, 0.5 - 2 ** e]) {
      if (y === 0) continue;
      for (let k = -4; k <= 4; k++) {
        check(near(y, k));
        check(-near(y, k));
      }
    }
  }
  const src = gaussian(100_000, 5);
  for (const x of src) for (const s of [0.013, 0.37, 1.9]) check(x / s);
});

test('INT8 keys: per-channel scale and integer zero point, hand-computed', () => {
  // 2 tokens x 2 channels: channel 0 spans [0, 1] (zero point 0, scale ~1/255); channel 1 spans [-1, 1]:
  // 1/127 is the smallest scale whose grid [-zp * s, (255 - zp) * s] covers it, with zero point 127.
  const src = Float32Array.from([0, -1, 1, 1]);
  const q = new Uint8Array(4);
  const scale = new Uint16Array(2);
  const zero = new Uint8Array(2);
  quantizeKeys(src, 2, 2, 8, q, scale, zero);
  assert.deepEqual(Array.from(zero), [0, 127]);
  assert.deepEqual(Array.from(q), [0, 0, 255, 254]);
  assert.ok(Math.abs(f16ToF32(scale[0]!) - 1 / 255) < 1e-5);
  assert.ok(Math.abs(f16ToF32(scale[1]!) - 1 / 127) < 1e-5);
  const back = new Float32Array(4);
  dequantizeKeys(q, scale, zero, 2, 2, 8, back);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(back[i]! - src[i]!) < 0.005);
});

test('INT4 values: two per byte, paired within each group (channel j with j + G/2), hand-computed', () => {
  // One token, two groups of 4 channels: [0, 1, 2, 15 | 3, 0, 15, 6]. Group 0: zero 0, scale 1, codes =
  // the values; byte 0 = q0 | q2 << 4, byte 1 = q1 | q3 << 4. Group 1 likewise with channels 4..7.
  const src = Float32Array.from([0, 1, 2, 15, 3, 0, 15, 6]);
  const q = new Uint8Array(4);
  const scale = new Uint16Array(2);
  const zero = new Uint8Array(2);
  quantizeValues(src, 1, 8, 4, 4, q, scale, zero);
  assert.deepEqual(Array.from(scale, f16ToF32), [1, 1]);
  assert.deepEqual(Array.from(zero), [0, 0]);
  assert.deepEqual(Array.from(q), [0x20, 0xf1, 0xf3, 0x60]);
  const back = new Float32Array(8);
  dequantizeValues(q, scale, zero, 1, 8, 4, 4, back);
  assert.deepEqual(Array.from(back), Array.from(src));
});

test('INT4 keys: two per byte, token r with token r + n/2 of the same channel, hand-computed', () => {
  // A block of 4 tokens and 2 channels, token-major. Channel 0 holds 0, 1, 2, 15; channel 1 holds
  // 15, 3, 0, 6: zero 0 and scale 1 for both, codes = the values. Row r (r < 2) holds tokens r and r + 2:
  // byte (0, c0) = 0 | 2 << 4, (0, c1) = 15 | 0 << 4, (1, c0) = 1 | 15 << 4, (1, c1) = 3 | 6 << 4.
  const src = Float32Array.from([0, 15, 1, 3, 2, 0, 15, 6]);
  const q = new Uint8Array(4);
  const scale = new Uint16Array(2);
  const zero = new Uint8Array(2);
  quantizeKeys(src, 4, 2, 4, q, scale, zero);
  assert.deepEqual(Array.from(scale, f16ToF32), [1, 1]);
  assert.deepEqual(Array.from(zero), [0, 0]);
  assert.deepEqual(Array.from(q), [0x20, 0x0f, 0xf1, 0x63]);
  const back = new Float32Array(8);
  dequantizeKeys(q, scale, zero, 4, 2, 4, back);
  assert.deepEqual(Array.from(back), Array.from(src));
  assert.throws(() => quantizeKeys(new Float32Array(6), 3, 2, 4, new Uint8Array(3), scale, zero), /even number of tokens/);
});

test('zeros quantize exactly; a constant group stays within half a step', () => {
  for (const value of [0, 0.5, -3]) {
    const src = new Float32Array(8).fill(value);
    const q = new Uint8Array(4);
    const s = new Uint16Array(2);
    const z = new Uint8Array(2);
    quantizeKeys(src, 4, 2, 4, q, s, z);
    const back = new Float32Array(8);
    dequantizeKeys(q, s, z, 4, 2, 4, back);
    for (let i = 0; i < 8; i++) assert.ok(Math.abs(back[i]! - value) <= f16ToF32(s[0]!) / 2 + 1e-7, `${value}: ${back[i]}`);
    if (value === 0) assert.deepEqual(Array.from(back), Array.from(src));
  }
});

function gaussian(n: number, seed: number): Float32Array {
  let a = seed;
  const rnd = () => ((a = (a * 1103515245 + 12345) >>> 0) + 0.5) / 4294967296;
  return Float32Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd()) * 3);
}

for (const bits of [8, 4] as Bits[]) {
  for (const group of [32, 64, 128]) {
    test(`round-trip error is at most half a step (INT${bits}, group ${group})`, () => {
      const n = group;
      const channels = 128;
      const src = gaussian(n * channels, bits * group);
      const levels = (1 << bits) - 1;
      // keys: per channel over the n tokens of the block
      const kq = new Uint8Array(packedBytes(n * channels, bits));
      const ks = new Uint16Array(channels);
      const kz = new Uint8Array(channels);
      quantizeKeys(src, n, channels, bits, kq, ks, kz);
      const kb = new Float32Array(n * channels);
      dequantizeKeys(kq, ks, kz, n, channels, bits, kb);
      for (let t = 0; t < n; t++) {
        for (let c = 0; c < channels; c++) {
          const step = f16ToF32(ks[c]!);
          const err = Math.abs(kb[t * channels + c]! - src[t * channels + c]!);
          assert.ok(err <= step / 2 + 1e-4, `key err ${err} > ${step / 2}`);
          assert.ok(step * levels < 2 * 30, 'scale spans the data (and 0), not more');
        }
      }
      // values: per token over groups of `group` channels
      const groups = channels / group;
      const vq = new Uint8Array(packedBytes(n * channels, bits));
      const vs = new Uint16Array(n * groups);
      const vz = new Uint8Array(n * groups);
      quantizeValues(src, n, channels, group, bits, vq, vs, vz);
      const vb = new Float32Array(n * channels);
      dequantizeValues(vq, vs, vz, n, channels, group, bits, vb);
      for (let i = 0; i < n * channels; i++) {
        const step = f16ToF32(vs[Math.floor(i / channels) * groups + Math.floor((i % channels) / group)]!);
        assert.ok(Math.abs(vb[i]! - src[i]!) <= step / 2 + 1e-4);
      }
    });
  }
}

test('BAD CALL - wrong buffer lengths and a group that does not divide the channels', () => {
  const src = new Float32Array(8);
  assert.throws(() => quantizeKeys(src, 2, 4, 4, new Uint8Array(3), new Uint16Array(4), new Uint8Array(4)), /quantizeKeys q: expected length 4, got 3/);
  assert.throws(() => quantizeValues(src, 2, 4, 3, 8, new Uint8Array(8), new Uint16Array(2), new Uint8Array(2)), /group size 3 does not divide 4 channels/);
});
