// Sequence locks in shared memory: how a reader in another process knows that the extents it read were
// not changed while it read them.
//
// One Int32 counter per slot (one slot per KV sequence). The single writer (the kv-store) makes the counter
// odd before it changes anything a published block table points at, and even again after; it never
// rewrites a published extent in place — a demotion writes the new tier into fresh extents, and old
// extents are freed (and may be reused) only inside such an odd window. A reader takes the counter
// (even) with the table, uses the data, then checks the counter is unchanged: if it is not, the data may
// have been torn and the reader discards its result and fetches the table again.
import { Segment } from './segment';

export class SeqLocks {
  private readonly words: Int32Array;

  private constructor(readonly segment: Segment, readonly slots: number) {
    this.words = new Int32Array(segment.buffer, 0, slots);
  }

  static create(name: string, slots: number): SeqLocks {
    if (!Number.isSafeInteger(slots) || slots <= 0) throw new RangeError(`SeqLocks: slots must be a positive integer, got ${slots}`);
    return new SeqLocks(Segment.create(name, slots * 4), slots);
  }

  static open(name: string, slots: number): SeqLocks {
    return new SeqLocks(Segment.open(name, slots * 4), slots);
  }

  private check(slot: number): void {
    if (!Number.isSafeInteger(slot) || slot < 0 || slot >= this.slots) throw new RangeError(`SeqLocks: slot ${slot} out of range [0, ${this.slots})`);
  }

  /** Writer: enter the critical section (counter becomes odd). */
  beginWrite(slot: number): void {
    this.check(slot);
    const v = Atomics.add(this.words, slot, 1) + 1;
    if ((v & 1) !== 1) throw new Error(`SeqLocks: slot ${slot} was already being written`);
  }

  /** Writer: leave it (counter becomes even); returns the new generation. */
  endWrite(slot: number): number {
    this.check(slot);
    const v = Atomics.add(this.words, slot, 1) + 1;
    if ((v & 1) !== 0) throw new Error(`SeqLocks: slot ${slot} was not being written`);
    return v;
  }

  /** Run `write` inside a critical section; returns the generation after it. */
  write(slot: number, write: () => void): number {
    this.beginWrite(slot);
    try {
      write();
    } finally {
      this.endWrite(slot);
    }
    return Atomics.load(this.words, slot);
  }

  /** Reader: the current generation (odd: a write is in progress). */
  generation(slot: number): number {
    this.check(slot);
    return Atomics.load(this.words, slot);
  }

  /** Reader: whether data read under `generation` is intact (no write began or happened since). */
  validate(slot: number, generation: number): boolean {
    return (generation & 1) === 0 && this.generation(slot) === generation;
  }
}
