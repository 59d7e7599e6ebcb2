// Quantization kernels over typed arrays: FP16 conversion, and group-wise asymmetric INT8 / INT4.
//
// A token's K or V row has C = kvHeads * headDim channels.
//   keys   (KIVI): grouped per channel over a block of n tokens: scale[c], zero[c] for c < C
//   values       : grouped per token over `groupSize` consecutive channels: scale[t][g], zero[t][g]
// x ≈ q * scale + zero with q in [0, 2^bits - 1]; scale and zero are stored as FP16 (their bits in a
// Uint16Array). INT4 packs two values per byte, the even index in the low nibble. Every function that
// writes takes its destination, so callers own the memory.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE binary16 bits of `x`, rounded to nearest even (overflow gives infinity). */
export function f32ToF16(x: number): number {
  f32[0] = x;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
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
  for (let i = 0; i < src.length; i++) dst[dstOffset + i] = f32ToF16(src[i]!);
}

/** dst[i] = float(src[i]). */
export function decodeF16(src: Uint16Array, dst: Float32Array): void {
  for (let i = 0; i < src.length; i++) dst[i] = F16_TABLE[src[i]!]!;
}

export type Bits = 8 | 4;

/** Bytes of packed payload for `count` values. */
export function packedBytes(count: number, bits: Bits): number {
  return bits === 8 ? count : Math.ceil(count / 2);
}

/**
 * FP16 scale and zero for values in [min, max] over 2^bits - 1 levels, such that the FP16-rounded
 * zero <= min and zero + levels * scale >= max: every value is representable without clipping.
 */
function scaleZero(min: number, max: number, levels: number): [number, number] {
  let z = f32ToF16(min);
  if (F16_TABLE[z]! > min) z = stepDown(z);
  const zf = F16_TABLE[z]!;
  let s = f32ToF16((max - zf) / levels);
  if (zf + levels * F16_TABLE[s]! < max) s += 1; // positive: one ulp up
  return [s, z];
}

function stepDown(h: number): number {
  if (h === 0) return 0x8001;
  return h & 0x8000 ? h + 1 : h - 1;
}

function put(q: Uint8Array, index: number, v: number, bits: Bits): void {
  if (bits === 8) q[index] = v;
  else if ((index & 1) === 0) q[index >> 1] = (q[index >> 1]! & 0xf0) | v;
  else q[index >> 1] = (q[index >> 1]! & 0x0f) | (v << 4);
}

function get(q: Uint8Array, index: number, bits: Bits): number {
  if (bits === 8) return q[index]!;
  const b = q[index >> 1]!;
  return (index & 1) === 0 ? b & 0x0f : b >> 4;
}

function quantizeValue(x: number, scale: number, zero: number, levels: number): number {
  if (!(scale > 0)) return 0;
  const v = Math.round((x - zero) / scale);
  return v < 0 ? 0 : v > levels ? levels : v;
}

function checkLength(name: string, got: number, want: number): void {
  if (got !== want) throw new RangeError(`${name}: expected length ${want}, got ${got}`);
}

/**
 * Keys, per channel over a block: src [n, C] floats -> q [n, C] (packed), scale[C], zero[C] (FP16 bits).
 */
export function quantizeKeys(src: Float32Array, n: number, channels: number, bits: Bits,
  q: Uint8Array, scale: Uint16Array, zero: Uint16Array): void {
  checkLength('quantizeKeys src', src.length, n * channels);
  checkLength('quantizeKeys q', q.length, packedBytes(n * channels, bits));
  checkLength('quantizeKeys scale', scale.length, channels);
  checkLength('quantizeKeys zero', zero.length, channels);
  const levels = (1 << bits) - 1;
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
    const sf = F16_TABLE[s]!;
    const zf = F16_TABLE[z]!;
    for (let t = 0; t < n; t++) put(q, t * channels + c, quantizeValue(src[t * channels + c]!, sf, zf, levels), bits);
  }
}

export function dequantizeKeys(q: Uint8Array, scale: Uint16Array, zero: Uint16Array, n: number, channels: number,
  bits: Bits, dst: Float32Array): void {
  checkLength('dequantizeKeys dst', dst.length, n * channels);
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < channels; c++) {
      const i = t * channels + c;
      dst[i] = get(q, i, bits) * F16_TABLE[scale[c]!]! + F16_TABLE[zero[c]!]!;
    }
  }
}

/**
 * Values, per token over groups of `groupSize` channels: src [n, C] -> q [n, C] (packed),
 * scale/zero [n, C / groupSize] (FP16 bits).
 */
export function quantizeValues(src: Float32Array, n: number, channels: number, groupSize: number, bits: Bits,
  q: Uint8Array, scale: Uint16Array, zero: Uint16Array): void {
  if (channels % groupSize !== 0) throw new RangeError(`quantizeValues: group size ${groupSize} does not divide ${channels} channels`);
  const groups = channels / groupSize;
  checkLength('quantizeValues src', src.length, n * channels);
  checkLength('quantizeValues q', q.length, packedBytes(n * channels, bits));
  checkLength('quantizeValues scale', scale.length, n * groups);
  checkLength('quantizeValues zero', zero.length, n * groups);
  const levels = (1 << bits) - 1;
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
      const zf = F16_TABLE[z]!;
      for (let c = 0; c < groupSize; c++) put(q, base + c, quantizeValue(src[base + c]!, sf, zf, levels), bits);
    }
  }
}

export function dequantizeValues(q: Uint8Array, scale: Uint16Array, zero: Uint16Array, n: number, channels: number,
  groupSize: number, bits: Bits, dst: Float32Array): void {
  checkLength('dequantizeValues dst', dst.length, n * channels);
  const groups = channels / groupSize;
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < channels; c++) {
      const i = t * channels + c;
      const g = t * groups + Math.floor(c / groupSize);
      dst[i] = get(q, i, bits) * F16_TABLE[scale[g]!]! + F16_TABLE[zero[g]!]!;
    }
  }
}
