// Admission: the ledger of the KV budget. A sequence is opened only when its worst case fits what the
// budget has left (and a lock slot is free); its reservation and slot are returned when it is freed.
// The ledger's pause (set by the fast loop under memory pressure) refuses new sequences too.
//
// A sequence is opened with the worst-case bytes its policy can hold for prompt + max tokens
// (`reservation`, prompt chunks of the configured size included); the sum of reservations never exceeds
// the budget (io.host_pool_bytes), so a running sequence never finds the pool exhausted, and the number of
// concurrent sequences is whatever the budget holds under each sequence's policy. Once its prompt is in,
// a compressed sequence's worst case is that of single-token steps: KvStore.settle refits its hot store
// and `lower` returns the difference, so the budget holds the decoding sequences at what they can hold.
import { randomUUID } from 'node:crypto';
import { reservation, type CachePolicy, type CacheShape, type TieredKvCache } from '@inferos/kv';
import { BudgetExceededError, type ShmPool } from '@inferos/shm';
import { pb, type inferos, type Fields } from '@inferos/proto';
import type { StoreConfig } from './config';
import type { Policies } from './policies';
import { newCache, type Sequence } from './sequence';

export class Admission {
  /** io.host_pool_bytes in force (the pool's hard cap may sit above it while old reservations drain). */
  private budget: number;
  private reservedBytes = 0;
  /** Admission paused by the fast loop (memory pressure). */
  paused = false;
  private readonly freeSlots: number[];

  constructor(
    private readonly config: StoreConfig,
    private readonly pool: ShmPool,
    private readonly policies: Policies,
    private readonly sequences: Map<string, Sequence>,
    maxSequences: number,
  ) {
    this.budget = config.budgetBytes;
    this.freeSlots = Array.from({ length: maxSequences }, (_, i) => maxSequences - 1 - i);
  }

  /** io.host_pool_bytes: a lower budget pauses admission until the bytes held fit under it. */
  setBudget(bytes: number): void {
    if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError(`budget must be a positive integer of bytes, got ${bytes}`);
    this.budget = bytes;
    this.capPool();
  }

  get budgetBytes(): number {
    return this.budget;
  }

  /** The bytes reserved by the sequences open. */
  get reserved(): number {
    return this.reservedBytes;
  }

  /** The pool's cap follows the budget down as old reservations drain. */
  capPool(): void {
    this.pool.budgetBytes = Math.max(this.budget, this.reservedBytes);
  }

  /** Open a sequence if its reservation fits: it joins `sequences` with a slot and an empty cache. */
  open(req: inferos.v1.SeqOpenRequest): Fields<typeof pb.SeqOpenReply> {
    const total = req.promptTokens + req.maxTokens;
    if (req.promptTokens <= 0 || req.maxTokens <= 0) return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: 'prompt_tokens and max_tokens must be positive' };
    if (total > this.config.shape.maxContext) {
      return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: `prompt (${req.promptTokens}) + max tokens (${req.maxTokens}) exceed the model's context of ${this.config.shape.maxContext}` };
    }
    let resolved: { name: string; policy: CachePolicy };
    try {
      resolved = this.policies.resolve(req.policy);
    } catch (err) {
      return { status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: (err as Error).message };
    }
    const shape: CacheShape = { ...this.config.shape, maxTokens: total };
    const r = reservation(shape, resolved.policy, total, this.config.chunk, req.promptTokens);
    if (r.bytes > this.budget) {
      return { status: pb.OpenStatus.OPEN_STATUS_TOO_LARGE, message: `a sequence of ${total} tokens under ${resolved.name} needs up to ${r.bytes} bytes, more than the whole KV budget of ${this.budget}`, reservedBytes: r.bytes };
    }
    if (this.paused) {
      return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: `admission paused: ${this.pool.stats.usedBytes} of ${this.budget} budget bytes in use`, retryAfterMs: 50, reservedBytes: r.bytes };
    }
    if (this.reservedBytes + r.bytes > this.budget || this.freeSlots.length === 0) {
      return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: `KV budget full: ${this.reservedBytes} of ${this.budget} bytes reserved by ${this.sequences.size} sequences`, retryAfterMs: 50, reservedBytes: r.bytes };
    }
    const slot = this.freeSlots.pop()!;
    let cache: TieredKvCache;
    try {
      cache = newCache(this.config, this.pool, total, resolved.policy, req.promptTokens);
    } catch (err) {
      this.freeSlots.push(slot);
      if (err instanceof BudgetExceededError) return { status: pb.OpenStatus.OPEN_STATUS_SATURATED, message: err.message, retryAfterMs: 50 };
      throw err;
    }
    const seq: Sequence = {
      id: randomUUID(), requestId: req.requestId, policyName: resolved.name, slot, cache, reserved: r.bytes, maxTokens: total, openedAt: Date.now(),
      promptTokens: req.promptTokens, policy: resolved.policy, handoffs: 0,
    };
    this.sequences.set(seq.id, seq);
    this.reservedBytes += r.bytes;
    this.capPool();
    return { status: pb.OpenStatus.OPEN_STATUS_OK, seqId: seq.id, reservedBytes: r.bytes, chunk: this.config.chunk };
  }

  /**
   * Lower a sequence's reservation to `bytes` once its worst case dropped (its prompt is in: a compressed
   * policy's hot store no longer needs room for a prompt chunk): the difference goes back to the budget.
   */
  lower(seq: Sequence, bytes: number): void {
    if (!(bytes < seq.reserved)) return;
    this.reservedBytes -= seq.reserved - bytes;
    seq.reserved = bytes;
    this.capPool();
  }

  /** Return a freed sequence's slot and reservation. */
  release(seq: Sequence): void {
    this.freeSlots.push(seq.slot);
    this.reservedBytes -= seq.reserved;
    this.capPool();
  }
}
