// Quantization kernels over typed arrays: FP16 conversion, and group-wise asymmetric INT8 / INT4.
//
// A token's K or V row has C = kvHeads * headDim channels.
//   keys   (KIVI): grouped per channel over a block of n tokens: scale[c], zero[c] for c < C
//   values       : grouped per token over `groupSize` consecutive channels: scale[t][g], zero[t][g]
// x ≈ (q - zero) * scale with q in [0, 2^bits - 1]: the scale is FP16 (its bits in a Uint16Array), the
// zero point an integer in the same range (Uint8Array), as ONNX's DequantizeLinear takes them; the graph
// dequantizes with that fused kernel, which measured 2.5-6x faster than float arithmetic on the tier
// (tools/bench/dequant_variants.py). The range is widened to include 0, so that the zero point is an
// integer. INT4 packs two codes per byte that share one scale and zero point, so that the graph can
// attend to a byte's two halves without splitting it (see tools/inferos_tools/graph.py, quant_tier):
//   keys   a block of n tokens is n/2 rows of C bytes: byte (r, c) holds token r (low nibble) and token
//          r + n/2 (high nibble) of channel c;
//   values in each token's row of C/2 bytes, group g's groupSize/2 bytes hold channel g*groupSize + j (low)
//          and g*groupSize + groupSize/2 + j (high).
// Every function that writes takes its destination, so callers own the memory.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE binary16 bits of `x`, rounded to nearest even (overflow gives infinity). */
export function f32ToF16(x: number): number {
  f32[0] = x;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const abs = bits & 0x7fffffff;
  // The common case first, without a data-dependent branch (the hot store encodes every new token's K
  // and V): the result is a normal FP16 number (2^-14 <= |x| < 65520). Rebias the exponent (127 -> 15),
  // then round to nearest even by adding 0xfff plus the lowest kept bit before the shift; a carry out of
  // the mantissa moves to the next exponent, as it should. It gave the general path's bits for every
  // float32 when it was written; quant.test.ts checks the rounding around every exponent.
  if (abs >= 0x38800000 && abs < 0x477ff000) return sign | ((abs - 0x38000000 + 0xfff + ((abs >>> 13) & 1)) >>> 13);
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && (half & 1) === 1)) half++;
    return sign | half;
  }
  let half = sign | (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (half & 1) === 1)) half++;
  return half;
}

/** The value of binary16 bits `h`. */
export function f16ToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

const F16_TABLE = (() => {
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) t[h] = f16ToF32(h);
  return t;
})();

/** dst[dstOffset + i] = fp16(src[i]). */
export function encodeF16(src: Float32Array, dst: Uint16Array, dstOffset = 0): void {
  encodeF16At(src, 0, dst, dstOffset, src.length);
}

/** dst[i] = float(src[i]). */
export function decodeF16(src: Uint16Array, dst: Float32Array): void {
  decodeF16At(src, 0, dst, 0, src.length);
}

// The same over `count` values at given offsets: a strided layout's rows (the hot store's head-major
// rows) are converted in place, without a subarray view per row.
/** dst[dstAt + i] = fp16(src[srcAt + i]) for i < count. */
export function encodeF16At(src: Float32Array, srcAt: number, dst: Uint16Array, dstAt: number, count: number): void {
  for (let i = 0; i < count; i++) dst[dstAt + i] = f32ToF16(src[srcAt + i]!);
}

/** dst[dstAt + i] = float(src[srcAt + i]) for i < count. */
export function decodeF16At(src: Uint16Array, srcAt: number, dst: Float32Array, dstAt: number, count: number): void {
  for (let i = 0; i < count; i++) dst[dstAt + i] = F16_TABLE[src[srcAt + i]!]!;
}

export type Bits = 8 | 4;

/** Bytes of packed payload for `count` values. */
export function packedBytes(count: number, bits: Bits): number {
  return bits === 8 ? count : Math.ceil(count / 2);
}

/** FP16 bits of the smallest FP16 value >= x (x > 0). */
function f16Up(x: number): number {
  const h = f32ToF16(x);
  return F16_TABLE[h]! < x ? h + 1 : h;
}

/**
 * FP16 scale bits and integer zero point for values in [min, max] over `levels` steps. The range is
 * widened to include 0. The grid [-zp * s, (levels - zp) * s] must cover it: s = range / levels with
 * zp = ceil(-lo / s) usually does; s = range / (levels - 1) always does (then zp <= levels - 1).
 */
function scaleZero(min: number, max: number, levels: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`cannot quantize non-finite values (${min}, ${max})`);
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  if (hi === lo) return [0, 0];
  for (const steps of [levels, levels - 1]) {
    const s = f16Up((hi - lo) / steps);
    const sf = F16_TABLE[s]!;
    const zp = Math.min(levels, Math.ceil(-lo / sf));
    if (-zp * sf <= lo && (levels - zp) * sf >= hi) return [s, zp];
  }
  throw new Error(`scaleZero: no grid covers [${lo}, ${hi}]`); // unreachable: the second candidate covers
}

// Where an INT4 code lives: 2 * byte + (1 for the high nibble, 0 for the low one).
/** INT4 key (t, c) in a block of n tokens. */
function keyNibble(t: number, c: number, n: number, channels: number): number {
  const half = n >> 1;
  return t < half ? 2 * (t * channels + c) : 2 * ((t - half) * channels + c) + 1;
}

/** INT4 value (t, c) with groups of `group` channels. */
function valueNibble(t: number, c: number, channels: number, group: number): number {
  const half = group >> 1;
  const j = c % group;
  const base = t * (channels >> 1) + (c - j) / 2;
  return j < half ? 2 * (base + j) : 2 * (base + j - half) + 1;
}

function get4(q: Uint8Array, at: number): number {
  return at & 1 ? q[at >> 1]! >> 4 : q[at >> 1]! & 0x0f;
}

/**
 * Math.round(y) (halves up), for |y| < 2^52. With V8's Math.round, quantizing a block of the 1B model's
 * keys or values (64 x 512) took 0.42-0.46 ms, with this 0.21-0.23 ms (Node 20). floor(y + 0.5) is the
 * same number except where the sum is inexact and rounds up to the next integer, which happens for one
 * double only, 0.5 - 2^-54 (the sum rounds to 1; Math.round gives 0). A zero may come out +0 where
 * Math.round gives -0, which the quantizers cannot tell apart (they add the zero point and store bytes).
 * quant.test.ts checks it against Math.round.
 */
export function roundHalfUp(y: number): number {
  return y === 0.49999999999999994 ? 0 : Math.floor(y + 0.5);
}

function quantizeValue(x: number, scale: number, zero: number, levels: number): number {
  if (!(scale > 0)) return zero;
  const v = roundHalfUp(x / scale) + zero;
  return v < 0 ? 0 : v > levels ? levels : v;
}

function checkLength(name: string, got: number, want: number): void {
  if (got !== want) throw new RangeError(`${name}: expected length ${want}, got ${got}`);
}

/**
 * Keys, per channel over a block: src [n, C] floats -> q [n, C] (packed), scale[C] (FP16 bits), zero[C].
 */
export function quantizeKeys(src: Float32Array, n: number, channels: number, bits: Bits,
  q: Uint8Array, scale: Uint16Array, zero: Uint8Array): void {
  checkLength('quantizeKeys src', src.length, n * channels);
  checkLength('quantizeKeys q', q.length, packedBytes(n * channels, bits));
  checkLength('quantizeKeys scale', scale.length, channels);
  checkLength('quantizeKeys zero', zero.length, channels);
  if (bits === 4 && n % 2 !== 0) throw new RangeError(`quantizeKeys: INT4 blocks hold an even number of tokens, got ${n}`);
  const levels = (1 << bits) - 1;
  const sfs = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    let min = Infinity;
    let max = -Infinity;
    for (let t = 0; t < n; t++) {
      const x = src[t * channels + c]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const [s, z] = scaleZero(min, max, levels);
    scale[c] = s;
    zero[c] = z;
    sfs[c] = F16_TABLE[s]!;
  }
  if (bits === 8) {
    for (let i = 0, t = 0; t < n; t++) {
      for (let c = 0; c < channels; c++, i++) q[i] = quantizeValue(src[i]!, sfs[c]!, zero[c]!, levels);
    }
    return;
  }
  // INT4: byte (r, c) of the block's n/2 rows holds token r (low nibble) and token r + n/2 (high), both
  // written at once (one pass over the payload, no read-modify-write of half bytes).
  const high = (n >> 1) * channels;
  for (let row = 0; row < high; row += channels) {
    for (let c = 0; c < channels; c++) {
      const i = row + c;
      const s = sfs[c]!;
      const z = zero[c]!;
      q[i] = quantizeValue(src[i]!, s, z, levels) | (quantizeValue(src[high + i]!, s, z, levels) << 4);
    }
  }
}

export function dequantizeKeys(q: Uint8Array, scale: Uint16Array, zero: Uint8Array, n: number, channels: number,
  bits: Bits, dst: Float32Array): void {
  checkLength('dequantizeKeys dst', dst.length, n * channels);
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < channels; c++) {
      const i = t * channels + c;
      const code = bits === 8 ? q[i]! : get4(q, keyNibble(t, c, n, channels));
      dst[i] = (code - zero[c]!) * F16_TABLE[scale[c]!]!;
    }
  }
}

/**
 * Values, per token over groups of `groupSize` channels: src [n, C] -> q [n, C] (packed),
 * scale [n, C / groupSize] (FP16 bits), zero [n, C / groupSize].
 */
export function quantizeValues(src: Float32Array, n: number, channels: number, groupSize: number, bits: Bits,
  q: Uint8Array, scale: Uint16Array, zero: Uint8Array): void {
  if (channels % groupSize !== 0) throw new RangeError(`quantizeValues: group size ${groupSize} does not divide ${channels} channels`);
  if (bits === 4 && groupSize % 2 !== 0) throw new RangeError(`quantizeValues: INT4 groups hold an even number of channels, got ${groupSize}`);
  const groups = channels / groupSize;
  checkLength('quantizeValues src', src.length, n * channels);
  checkLength('quantizeValues q', q.length, packedBytes(n * channels, bits));
  checkLength('quantizeValues scale', scale.length, n * groups);
  checkLength('quantizeValues zero', zero.length, n * groups);
  const levels = (1 << bits) - 1;
  const half = groupSize >> 1;
  for (let t = 0; t < n; t++) {
    for (let g = 0; g < groups; g++) {
      const base = t * channels + g * groupSize;
      let min = Infinity;
      let max = -Infinity;
      for (let c = 0; c < groupSize; c++) {
        const x = src[base + c]!;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      const [s, z] = scaleZero(min, max, levels);
      scale[t * groups + g] = s;
      zero[t * groups + g] = z;
      const sf = F16_TABLE[s]!;
      if (bits === 8) {
        for (let c = 0; c < groupSize; c++) q[base + c] = quantizeValue(src[base + c]!, sf, z, levels);
      } else {
        // The group's groupSize/2 bytes: byte j holds channel j (low nibble) and j + groupSize/2 (high).
        const at = base >> 1;
        for (let j = 0; j < half; j++) {
          q[at + j] = quantizeValue(src[base + j]!, sf, z, levels) | (quantizeValue(src[base + half + j]!, sf, z, levels) << 4);
        }
      }
    }
  }
}

export function dequantizeValues(q: Uint8Array, scale: Uint16Array, zero: Uint8Array, n: number, channels: number,
  groupSize: number, bits: Bits, dst: Float32Array): void {
  checkLength('dequantizeValues dst', dst.length, n * channels);
  const groups = channels / groupSize;
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < channels; c++) {
      const i = t * channels + c;
      const g = t * groups + Math.floor(c / groupSize);
      const code = bits === 8 ? q[i]! : get4(q, valueNibble(t, c, channels, groupSize));
      dst[i] = (code - zero[g]!) * F16_TABLE[scale[g]!]!;
    }
  }
}
