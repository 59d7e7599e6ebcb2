// A byte budget of shared memory, carved into segments created on demand, handed out as extents.
// One process (the kv-store) owns a pool: it alone allocates, writes and frees; other processes map its
// segments by name and read extents through handles. Typed-array views of extents feed ONNX Runtime
// directly (no copy).
import { Segment } from './segment';
import { Allocator, ALIGN } from './allocator';

export interface Extent {
  segment: number;
  offset: number;
  /** Bytes asked for (the allocator may hold up to ALIGN - 1 more). */
  length: number;
}

/** Segments stay at most 1 GiB, so offsets and lengths fit 32 bits in handles. */
export const MAX_SEGMENT_BYTES = 2 ** 30;

export class BudgetExceededError extends RangeError {
  override name = 'BudgetExceededError';
}

export interface PoolStats {
  budgetBytes: number;
  /** Bytes in allocated extents (alignment included). */
  usedBytes: number;
  segments: number;
  /** Bytes of segment address space mapped (tmpfs backs only the pages written). */
  mappedBytes: number;
  extents: number;
}

export type View = Float32Array | Uint16Array | Uint8Array;

export class ShmPool {
  private readonly segments: { seg: Segment; alloc: Allocator }[] = [];
  private readonly extents = new Map<View, Extent>();
  private readonly bySegmentBuffer = new Map<ArrayBuffer, number>();
  private used = 0;

  /**
   * @param prefix segment names are `<prefix>-<pid>-<n>` (see sweepStale)
   * @param budgetBytes the most bytes held in extents at once
   * @param segmentBytes size of each segment (default: the budget, at most 256 MiB)
   */
  constructor(
    readonly prefix: string,
    public budgetBytes: number,
    readonly segmentBytes = Math.min(Math.ceil(budgetBytes / ALIGN) * ALIGN, 256 * 2 ** 20),
  ) {
    if (!Number.isSafeInteger(budgetBytes) || budgetBytes <= 0) throw new RangeError(`ShmPool: budget must be a positive integer of bytes, got ${budgetBytes}`);
    if (segmentBytes > MAX_SEGMENT_BYTES) throw new RangeError(`ShmPool: segments are at most ${MAX_SEGMENT_BYTES} bytes`);
    if (segmentBytes % ALIGN !== 0) throw new RangeError(`ShmPool: segment size must be a multiple of ${ALIGN}`);
  }

  segmentName(i: number): string {
    return `${this.prefix}-${process.pid}-${i}`;
  }

  /** Segment names and sizes, for readers to map. */
  get segmentList(): { name: string; bytes: number }[] {
    return this.segments.map((s) => ({ name: s.seg.name, bytes: s.seg.bytes }));
  }

  /** An extent of `bytes`, or BudgetExceededError. */
  alloc(bytes: number): Extent {
    const need = Allocator.round(bytes);
    if (this.used + need > this.budgetBytes) {
      throw new BudgetExceededError(`KV budget exceeded: ${this.used} + ${need} bytes > ${this.budgetBytes} (io.host_pool_bytes)`);
    }
    for (let i = 0; i < this.segments.length; i++) {
      const offset = this.segments[i]!.alloc.alloc(need);
      if (offset !== undefined) return this.take(i, offset, bytes, need);
    }
    const size = Math.max(this.segmentBytes, need);
    const i = this.segments.length;
    if (size > MAX_SEGMENT_BYTES) throw new RangeError(`ShmPool: an extent of ${need} bytes exceeds the largest segment (${MAX_SEGMENT_BYTES})`);
    const seg = Segment.create(this.segmentName(i), size);
    this.segments.push({ seg, alloc: new Allocator(size) });
    this.bySegmentBuffer.set(seg.buffer, i);
    return this.take(i, this.segments[i]!.alloc.alloc(need)!, bytes, need);
  }

  private take(segment: number, offset: number, length: number, rounded: number): Extent {
    this.used += rounded;
    return { segment, offset, length };
  }

  free(e: Extent): void {
    const s = this.segments[e.segment];
    if (!s) throw new RangeError(`ShmPool.free: no segment ${e.segment}`);
    const len = s.alloc.lengthOf(e.offset);
    if (len === undefined) throw new RangeError(`ShmPool.free: extent ${e.segment}:${e.offset} is not allocated`);
    s.alloc.release(e.offset);
    this.used -= len;
  }

  buffer(segment: number): ArrayBuffer {
    const s = this.segments[segment];
    if (!s) throw new RangeError(`ShmPool: no segment ${segment}`);
    return s.seg.buffer;
  }

  // Typed views over new extents, remembered so that `extentOf` and `release` find them.
  f32(n: number): Float32Array {
    return this.view(n, 4, (b, o, l) => new Float32Array(b, o, l));
  }

  u16(n: number): Uint16Array {
    return this.view(n, 2, (b, o, l) => new Uint16Array(b, o, l));
  }

  u8(n: number): Uint8Array {
    return this.view(n, 1, (b, o, l) => new Uint8Array(b, o, l));
  }

  private view<T extends View>(n: number, size: number, make: (b: ArrayBuffer, o: number, l: number) => T): T {
    if (n === 0) return make(new ArrayBuffer(0), 0, 0);
    const e = this.alloc(n * size);
    const v = make(this.buffer(e.segment), e.offset, n);
    this.extents.set(v, e);
    return v;
  }

  /** Free the extent behind a view made by f32/u16/u8 (empty views are ignored). */
  release(v: View): void {
    if (v.length === 0) return;
    const e = this.extents.get(v);
    if (!e) throw new RangeError('ShmPool.release: this view was not allocated by the pool');
    this.extents.delete(v);
    this.free(e);
  }

  /** Where any view into the pool's segments lives (a sub-view too); a zero-length handle for empty views. */
  locate(v: View): Extent {
    if (v.byteLength === 0) return { segment: 0, offset: 0, length: 0 };
    const segment = this.bySegmentBuffer.get(v.buffer as ArrayBuffer);
    if (segment === undefined) throw new RangeError('ShmPool.locate: the view is not in this pool');
    return { segment, offset: v.byteOffset, length: v.byteLength };
  }

  /** Where a view made by f32/u16/u8 lives; undefined for empty views. */
  extentOf(v: View): Extent | undefined {
    return this.extents.get(v);
  }

  get stats(): PoolStats {
    return {
      budgetBytes: this.budgetBytes,
      usedBytes: this.used,
      segments: this.segments.length,
      mappedBytes: this.segments.reduce((s, x) => s + x.seg.bytes, 0),
      extents: this.segments.reduce((s, x) => s + x.alloc.ranges, 0),
    };
  }

  /** Unlink every segment (mappings elsewhere stay valid until unmapped). */
  close(): void {
    for (const s of this.segments) s.seg.unlink();
    this.segments.length = 0;
    this.extents.clear();
    this.bySegmentBuffer.clear();
    this.used = 0;
  }
}

/** Read-only side: maps a pool's segments by name, once each, and makes views from handles. */
export class SegmentMap {
  private readonly mapped = new Map<string, Segment>();

  buffer(name: string, bytes: number): ArrayBuffer {
    let s = this.mapped.get(name);
    if (!s || s.bytes < bytes) {
      s = Segment.open(name, bytes);
      this.mapped.set(name, s);
    }
    return s.buffer;
  }

  /** Forget mappings of segments whose names start with `prefix` (the owner went away). */
  forget(prefix: string): void {
    for (const k of [...this.mapped.keys()]) if (k.startsWith(prefix)) this.mapped.delete(k);
  }
}
