// Storage of the quantized tiers: one layer's INT8 or INT4 blocks (quantized once on the way in; the
// arithmetic is in quant.ts), stored contiguously in block order and exactly sized, rebuilt whole when
// blocks arrive or leave.
import { quantizeKeys, dequantizeKeys, quantizeValues, dequantizeValues, packedBytes, type Bits } from '../quant';
import type { KvArena } from './arena';

export interface QuantBlock {
  start: number;
  kq: Uint8Array;
  ks: Uint16Array;
  kz: Uint8Array;
  vq: Uint8Array;
  vs: Uint16Array;
  vz: Uint8Array;
}

/** INT8 or INT4 blocks, stored contiguously in block order, exactly sized. */
export class QuantStore {
  blocks: number[] = [];
  kq: Uint8Array = new Uint8Array(0);
  ks: Uint16Array = new Uint16Array(0);
  kz: Uint8Array = new Uint8Array(0);
  vq: Uint8Array = new Uint8Array(0);
  vs: Uint16Array = new Uint16Array(0);
  vz: Uint8Array = new Uint8Array(0);

  constructor(readonly bits: Bits, readonly channels: number, readonly group: number, private readonly arena: KvArena) {}

  get rowBytes(): number {
    return packedBytes(this.channels, this.bits);
  }

  quantize(start: number, k: Float32Array, v: Float32Array): QuantBlock {
    const n = this.group;
    const c = this.channels;
    const vGroups = c / this.group;
    const b: QuantBlock = {
      start,
      kq: new Uint8Array(packedBytes(n * c, this.bits)),
      ks: new Uint16Array(c),
      kz: new Uint8Array(c),
      vq: new Uint8Array(packedBytes(n * c, this.bits)),
      vs: new Uint16Array(n * vGroups),
      vz: new Uint8Array(n * vGroups),
    };
    quantizeKeys(k, n, c, this.bits, b.kq, b.ks, b.kz);
    quantizeValues(v, n, c, this.group, this.bits, b.vq, b.vs, b.vz);
    return b;
  }

  /** Block i's stored data (views). */
  slice(i: number): QuantBlock {
    const n = this.group;
    const c = this.channels;
    const rows = packedBytes(n * c, this.bits);
    const vGroups = c / this.group;
    return {
      start: this.blocks[i]!,
      kq: this.kq.subarray(i * rows, (i + 1) * rows),
      ks: this.ks.subarray(i * c, (i + 1) * c),
      kz: this.kz.subarray(i * c, (i + 1) * c),
      vq: this.vq.subarray(i * rows, (i + 1) * rows),
      vs: this.vs.subarray(i * n * vGroups, (i + 1) * n * vGroups),
      vz: this.vz.subarray(i * n * vGroups, (i + 1) * n * vGroups),
    };
  }

  read(i: number): [Float32Array, Float32Array] {
    const b = this.slice(i);
    const n = this.group;
    const k = new Float32Array(n * this.channels);
    const v = new Float32Array(n * this.channels);
    dequantizeKeys(b.kq, b.ks, b.kz, n, this.channels, this.bits, k);
    dequantizeValues(b.vq, b.vs, b.vz, n, this.channels, this.group, this.bits, v);
    return [k, v];
  }

  /**
   * Replace the contents with `blocks` (copied into fresh, exactly sized arrays). The new contents are
   * assembled on the heap first and the old buffers released before the arena allocates the new ones,
   * so the arena never holds both (its peak is the larger of the two, which `reservation` counts on).
   */
  rebuild(blocks: QuantBlock[]): void {
    const cat = <T extends Uint8Array | Uint16Array>(parts: T[], make: (n: number) => T): T => {
      const out = make(parts.reduce((s, p) => s + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p as never, at);
        at += p.length;
      }
      return out;
    };
    const heap8 = (n: number) => new Uint8Array(n);
    const heap16 = (n: number) => new Uint16Array(n);
    const staged = {
      kq: cat(blocks.map((b) => b.kq), heap8),
      ks: cat(blocks.map((b) => b.ks), heap16),
      kz: cat(blocks.map((b) => b.kz), heap8),
      vq: cat(blocks.map((b) => b.vq), heap8),
      vs: cat(blocks.map((b) => b.vs), heap16),
      vz: cat(blocks.map((b) => b.vz), heap8),
    };
    this.free();
    const u8 = (a: Uint8Array) => {
      const out = this.arena.u8(a.length);
      out.set(a);
      return out;
    };
    const u16 = (a: Uint16Array) => {
      const out = this.arena.u16(a.length);
      out.set(a);
      return out;
    };
    this.kq = u8(staged.kq);
    this.ks = u16(staged.ks);
    this.kz = u8(staged.kz);
    this.vq = u8(staged.vq);
    this.vs = u16(staged.vs);
    this.vz = u8(staged.vz);
    this.blocks = blocks.map((b) => b.start);
  }

  free(): void {
    for (const a of [this.kq, this.ks, this.kz, this.vq, this.vs, this.vz]) this.arena.release(a);
    this.kq = this.kz = this.vq = this.vz = new Uint8Array(0);
    this.ks = this.vs = new Uint16Array(0);
    this.blocks = [];
  }

  get tokens(): number {
    return this.blocks.length * this.group;
  }

  get bytes(): number {
    return this.kq.byteLength + this.ks.byteLength + this.kz.byteLength + this.vq.byteLength + this.vs.byteLength + this.vz.byteLength;
  }
}
