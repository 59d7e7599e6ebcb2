// Fakes of the ports (ports.ts) for the workers' unit tests: a model whose logits are scripted, a kv-store
// that records claims, commits and frees and answers from a script, and a stream that records chunks.
// Test support only (nothing outside tests imports it).
import type { StepOutput } from '@inferos/inference';
import { pb, type inferos } from '@inferos/proto';
import type { StepFailure, StepToCommit } from './kv-client';
import type { Emit, KvPort, ModelPort, SeqPort } from './ports';
import type { ChunkFields } from './worker';

export const VOCAB = 8;
export const EOS = 7;

/** A sequence the fake kv-store holds: no tiers; `moved` makes its seqlock report a change. */
export class FakeSeq implements SeqPort {
  length = 0;
  table: inferos.v1.SeqTable;
  /** valid() answers false this many more times (the kv-store changed the tiers while a run read them). */
  moved = 0;

  constructor(readonly id: string, readonly policy = { groupSize: 64 }, readonly needsImportance = false) {
    this.table = pb.SeqTable.create({ seqId: id, groupSize: policy.groupSize, needsImportance });
  }

  feeds(): never {
    throw new Error('a fake sequence has no tiers');
  }

  valid(): boolean {
    if (this.moved > 0) {
      this.moved--;
      return false;
    }
    return true;
  }

  update(table: inferos.v1.SeqTable): void {
    this.table = table;
  }
}

/** One model run: the sequences it stepped (one, or a batch), the tokens fed, the logits asked for. */
export interface FakeRun {
  seqs: string[];
  ids: number[];
  logits: 'all' | 'last';
}

/**
 * A model whose every run's last position peaks at `token(seq, n, ids)` (the sequence's n-th run, from 0;
 * the tokens fed): by `peak` above the others, so that greedy sampling takes it and seeded sampling mostly.
 */
export class FakeModel implements ModelPort<FakeSeq> {
  readonly info = { vocabSize: VOCAB, eosTokenIds: [EOS] };
  readonly runs: FakeRun[] = [];
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly token: (seq: string, n: number, ids: readonly number[]) => number,
    private readonly peak = 10,
    private readonly events?: string[],
  ) {}

  async step(seq: FakeSeq, ids: readonly number[], logits: 'all' | 'last' = 'all'): Promise<StepOutput> {
    this.runs.push({ seqs: [seq.id], ids: [...ids], logits });
    this.events?.push(`step ${seq.id} [${ids.join(',')}]`);
    return this.output(seq, ids, logits === 'all' ? ids.length : 1);
  }

  async stepBatch(seqs: readonly FakeSeq[], ids: readonly number[]): Promise<StepOutput[]> {
    this.runs.push({ seqs: seqs.map((s) => s.id), ids: [...ids], logits: 'last' });
    this.events?.push(`batch ${seqs.map((s) => s.id).join(',')}`);
    return seqs.map((s, i) => this.output(s, [ids[i]!], 1));
  }

  private output(seq: FakeSeq, ids: readonly number[], positions: number): StepOutput {
    const n = this.counts.get(seq.id) ?? 0;
    this.counts.set(seq.id, n + 1);
    const logits = new Float32Array(positions * VOCAB);
    // Every position peaks at the scripted token (echo reads them all).
    for (let p = 0; p < positions; p++) logits[p * VOCAB + this.token(seq.id, n, ids)] = this.peak;
    return { logits, keys: [], values: [], masses: undefined };
  }
}

/** A claim the fake kv-store saw: the sequence and the job it carried. */
export interface FakeClaim {
  seqId: string;
  job: 'decode' | 'prefill' | 'none';
  decode?: inferos.v1.IDecodeJob;
}

/** A step the fake kv-store was asked to commit. */
export interface FakeCommit {
  seqId: string;
  tokens: number;
  progress?: inferos.v1.IDecodeProgress;
}

export class FakeKv implements KvPort<FakeSeq> {
  readonly seqs = new Map<string, FakeSeq>();
  readonly claims: FakeClaim[] = [];
  /** Every commit request, one entry per step. */
  readonly commits: FakeCommit[][] = [];
  readonly freed: { seqId: string; reason: string }[] = [];
  /** What commits of a sequence answer, in order (undefined or none left: committed). */
  readonly answers = new Map<string, (StepFailure | undefined)[]>();
  /** A claim this returns an error for is refused with it. */
  refuseClaim: (c: FakeClaim) => Error | undefined = () => undefined;
  /** When set, commit requests fail as a whole (the kv-store unreachable). */
  down: Error | undefined;

  constructor(private readonly events?: string[]) {}

  seq(id: string): FakeSeq {
    let s = this.seqs.get(id);
    if (!s) {
      s = new FakeSeq(id);
      this.seqs.set(id, s);
    }
    return s;
  }

  async claim(seqId: string, job: { decode?: inferos.v1.IDecodeJob; prefill?: inferos.v1.IPrefillJob } = {}): Promise<FakeSeq> {
    const c: FakeClaim = { seqId, job: job.decode ? 'decode' : job.prefill ? 'prefill' : 'none', ...(job.decode ? { decode: job.decode } : {}) };
    this.claims.push(c);
    this.events?.push(`claim ${seqId} ${c.job}`);
    const err = this.refuseClaim(c);
    if (err) throw err;
    return this.seq(seqId);
  }

  async commit(steps: readonly StepToCommit<FakeSeq>[]): Promise<(StepFailure | undefined)[]> {
    if (this.down) throw this.down;
    this.commits.push(steps.map((s) => ({ seqId: s.seq.id, tokens: s.tokens, ...(s.progress ? { progress: { ...s.progress } } : {}) })));
    this.events?.push(`commit ${steps.map((s) => s.seq.id).join(',')}`);
    return steps.map((s) => {
      const answer = this.answers.get(s.seq.id)?.shift();
      if (!answer) s.seq.length += s.tokens;
      return answer;
    });
  }

  async free(seqId: string, reason: string): Promise<void> {
    this.freed.push({ seqId, reason });
    this.events?.push(`free ${seqId}`);
  }
}

/** A chunk sent to a request's stream. */
export interface Sent extends ChunkFields {
  requestId: string;
}

/** A stream that records what is sent (`sent`) and an Emit port onto it. */
export function fakeStream(events?: string[]): { sent: Sent[]; emit: Emit } {
  const sent: Sent[] = [];
  return {
    sent,
    emit: (to, c) => {
      sent.push({ requestId: to.requestId, ...c });
      events?.push(`emit ${to.requestId} ${c.done ? 'done' : c.tokenIds ? `[${c.tokenIds.join(',')}]` : 'logprobs'}`);
    },
  };
}

export const stale: StepFailure = { code: pb.KvError.KV_ERROR_STALE_STEP, message: 'stale step' };
export const notOwner: StepFailure = { code: pb.KvError.KV_ERROR_NOT_OWNER, message: 'not the owner' };
