// First-fit allocation of byte ranges inside a fixed-size region, with coalescing of free neighbours.
// Offsets are aligned to ALIGN bytes so that any typed array (and SIMD loads in ORT) may view them.

export const ALIGN = 64;

export class Allocator {
  /** Free ranges, sorted by offset, never adjacent (coalesced). */
  private free: { offset: number; length: number }[];
  private readonly used = new Map<number, number>();
  private usedBytes = 0;

  constructor(readonly size: number) {
    if (!Number.isSafeInteger(size) || size <= 0 || size % ALIGN !== 0) throw new RangeError(`Allocator: size must be a positive multiple of ${ALIGN}, got ${size}`);
    this.free = [{ offset: 0, length: size }];
  }

  static round(bytes: number): number {
    return Math.ceil(bytes / ALIGN) * ALIGN;
  }

  /** Offset of a new range of at least `bytes` (rounded up to ALIGN), or undefined when none fits. */
  alloc(bytes: number): number | undefined {
    if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError(`Allocator.alloc: bytes must be a positive integer, got ${bytes}`);
    const need = Allocator.round(bytes);
    const i = this.free.findIndex((f) => f.length >= need);
    if (i < 0) return undefined;
    const f = this.free[i]!;
    const offset = f.offset;
    if (f.length === need) this.free.splice(i, 1);
    else {
      f.offset += need;
      f.length -= need;
    }
    this.used.set(offset, need);
    this.usedBytes += need;
    return offset;
  }

  /** Return a range given by `alloc`; freeing anything else throws. */
  release(offset: number): void {
    const length = this.used.get(offset);
    if (length === undefined) throw new RangeError(`Allocator.release: ${offset} is not an allocated offset`);
    this.used.delete(offset);
    this.usedBytes -= length;
    let i = 0;
    while (i < this.free.length && this.free[i]!.offset < offset) i++;
    this.free.splice(i, 0, { offset, length });
    // Coalesce with the next, then the previous neighbour.
    const cur = this.free[i]!;
    const next = this.free[i + 1];
    if (next && cur.offset + cur.length === next.offset) {
      cur.length += next.length;
      this.free.splice(i + 1, 1);
    }
    const prev = this.free[i - 1];
    if (prev && prev.offset + prev.length === cur.offset) {
      prev.length += cur.length;
      this.free.splice(i, 1);
    }
  }

  lengthOf(offset: number): number | undefined {
    return this.used.get(offset);
  }

  get bytesUsed(): number {
    return this.usedBytes;
  }

  get largestFree(): number {
    return this.free.reduce((m, f) => Math.max(m, f.length), 0);
  }

  get ranges(): number {
    return this.used.size;
  }
}
