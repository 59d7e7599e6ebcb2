// What a worker's step needs from the world, as small interfaces: the model (Engine), the kv-store
// (KvClient, its sequences RemoteSeq) and the client's stream (TokenChunks published on NATS: streamTo).
// The steps take these, so that unit tests run them on fakes: no NATS, no ONNX Runtime, no shared memory.
import type { KvSource, StepOutput } from '@inferos/inference';
import type { inferos } from '@inferos/proto';
import type { StepFailure, StepToCommit } from './kv-client';
import type { ChunkFields } from './worker';

/** A sequence held by the kv-store, as a step sees it (RemoteSeq). */
export interface SeqPort extends KvSource {
  readonly id: string;
  /** The table this worker mapped last (a fresh claim's replaces it: `update`). */
  readonly table: inferos.v1.SeqTable;
  /** Whether the data read since the table was made is intact (the seqlock). */
  valid(): boolean;
  update(table: inferos.v1.SeqTable): void;
}

/** The model, as a step runs it (Engine). */
export interface ModelPort<S extends KvSource = KvSource> {
  /** attention 'native' (format 11): rows of any policy share a run (absent: 'graph', format 10). */
  readonly info: { readonly vocabSize: number; readonly eosTokenIds: readonly number[]; readonly attention?: 'graph' | 'native' };
  step(seq: S, ids: readonly number[], logits?: 'all' | 'last'): Promise<StepOutput>;
  stepBatch(seqs: readonly S[], ids: readonly number[]): Promise<StepOutput[]>;
}

/** The kv-store, as a worker uses it (KvClient). */
export interface KvPort<S extends SeqPort = SeqPort> {
  /** Become the sequence's owner (with the job it runs, when given) and map its table. */
  claim(seqId: string, job?: { decode?: inferos.v1.IDecodeJob; prefill?: inferos.v1.IPrefillJob }): Promise<S>;
  /** Commit steps in one request; a failure per refused step. */
  commit(steps: readonly StepToCommit<S>[]): Promise<(StepFailure | undefined)[]>;
  free(seqId: string, reason: string): Promise<void>;
}

/** Send a chunk to a request's stream (publishing never throws: a failure is logged). */
export type Emit = (to: { streamSubject: string; requestId: string }, chunk: ChunkFields) => void;
