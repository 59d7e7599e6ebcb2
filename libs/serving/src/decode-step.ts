// The decode worker's work: continuous batching over sequences held by the kv-store. DecodeJobs join
// between steps (admit); each step is
//   schedule — which running sequences take this step, and which of them share a model run (scheduler.ts)
//   run      — one model step per sequence, reading its tiers in place from shared memory
//   commit   — every sequence's new K/V with the token chosen from it (on a copy of its sampler), in one
//              request; the kv-store appends and demotes
//   sample   — the committed token becomes the sequence's: its sampler copy replaces its sampler
//   emit     — stream the token, and let finished sequences leave (their KV is freed)
// The kv-store holds each job as of its last commit (the claim carries the job, each commit the token and
// the sampler's draws): when this worker dies, another continues every sequence exactly (a resumed job).
// How many sequences run at once is bounded by the kv-store's budget (admission happens there) and the
// policy's scheduler.max_batch. With a format-11 model every sequence of the batch shares one run (attention
// reads each row's tiers as they are: Engine.stepBatch); with a format-10 one, compressed sequences of one
// group size share one (tiers padded to the longest row and masked), and so do the full-precision baseline
// sequences (the graph's float path). A batch of one is exactly the single-sequence reference.
// The model, the kv-store and the stream are ports (ports.ts): decode-worker.ts wires the Engine, a
// KvClient and NATS to them, the tests fakes.
import { Sampler, lastPosition, type StepOutput } from '@inferos/inference';
import { pb, type inferos } from '@inferos/proto';
import { KvError, type RemoteSeq, type StepFailure, type StepToCommit } from './kv-client';
import { schedule, graphPath, type BatchLimits, type Schedule } from './scheduler';
import { stepChecked, commitWithRetry, failure } from './commit';
import { chosenLogprob, type ChunkFields } from './worker';
import type { Emit, KvPort, ModelPort, SeqPort } from './ports';

export interface Active<S = RemoteSeq> {
  job: inferos.v1.DecodeJob;
  seq: S;
  sampler: Sampler;
  /** The last token chosen, to be fed next. */
  next: number;
  generated: number;
}

export interface DecodePorts<S extends SeqPort = RemoteSeq> {
  model: ModelPort<S>;
  kv: KvPort<S>;
  emit: Emit;
  log: (line: string) => void;
}

/** A sequence's token, chosen from its step's output on a copy of its sampler. */
interface Chosen {
  sampler: Sampler;
  tok: number;
  logits: Float32Array;
}

/** What became of a sequence of the batch: its step committed with the token chosen, or why not. */
type Committed = { chosen: Chosen; failure?: undefined } | { chosen?: undefined; failure: StepFailure };

export class Decoder<S extends SeqPort = RemoteSeq> {
  /** The sequences this worker steps. */
  active: Active<S>[] = [];
  /** Tokens generated so far (heartbeats report it). */
  tokens = 0;
  // INFEROS_TRACE=1: where a decode iteration's time goes, logged every 200 iterations.
  private readonly trace = process.env['INFEROS_TRACE'] ? { n: 0, seqs: 0, run: 0, commit: 0, emit: 0, idle: 0, at: performance.now() } : undefined;

  /** `limits`: scheduler.max_batch (the worker follows the policy's) and batched compute. */
  constructor(private readonly ports: DecodePorts<S>, readonly limits: BatchLimits) {}

  /** Let `pending` jobs join (each claimed from the kv-store with its job); empties `pending`. */
  async admit(pending: inferos.v1.DecodeJob[]): Promise<void> {
    const { kv, model, emit, log } = this.ports;
    while (pending.length > 0) {
      const job = pending.shift()!;
      // The same sequence twice (a handoff that reached the worker already running it: the kv-store took
      // this worker for gone during a stall; or a retried handoff delivered twice): the running copy goes
      // on, two would append to one cache. It claims the sequence back with the job, or after a handoff
      // nobody would own it (its next commit would meet NOT_OWNER and stand down); a job behind what was
      // committed is refused by the kv-store, and then the running copy stands down at its next commit.
      if (this.active.some((a) => a.seq.id === job.seqId)) {
        try {
          await kv.claim(job.seqId, { decode: job });
          log(`request ${job.requestId}: sequence ${job.seqId} already runs here; claimed back, the second job is dropped`);
        } catch (err) {
          log(`request ${job.requestId}: sequence ${job.seqId} already runs here and was not claimed back (${(err as Error).message}); the second job is dropped`);
        }
        continue;
      }
      try {
        const seq = await kv.claim(job.seqId, { decode: job });
        const s = job.sampling;
        const sampler = new Sampler({ temperature: s?.temperature ?? 0, topP: s?.topP || 1, seed: s?.seed ?? 0 }).skip(s?.draws ?? 0);
        const a: Active<S> = { job, seq, sampler, next: job.nextToken, generated: job.generated };
        if (job.resumed) {
          // The worker that ran it died after committing the step that chose next_token, perhaps before
          // that token's chunk left: send it again (the gateway drops a token it already has).
          log(`resuming sequence ${job.seqId} (request ${job.requestId}) after ${job.generated} tokens`);
          const eos = job.stopAtEos && model.info.eosTokenIds.includes(job.nextToken);
          if (eos || job.generated >= job.maxTokens) {
            await this.finish(a, { tokenIds: [job.nextToken], finishReason: eos ? 'stop' : 'length' });
            continue;
          }
          emit(job, { index: job.generated - 1, tokenIds: [job.nextToken] });
        }
        this.active.push(a);
      } catch (err) {
        // Another decode worker has taken this sequence further (a resumed job raced with the one the
        // prefill worker sent): it serves the stream; this one stands down.
        if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) {
          log(`request ${job.requestId}: ${err.message}`);
          continue;
        }
        emit(job, { index: job.generated, done: true, errorCode: 'internal_error', errorMessage: (err as Error).message });
      }
    }
  }

  /** One decode step: schedule → run → commit → sample → emit. Throws when the commit itself failed. */
  async step(): Promise<void> {
    if (this.active.length === 0) return;
    const trace = this.trace;
    const t0 = performance.now();
    if (trace) trace.idle += t0 - trace.at;
    const { batch, runs, waiting } = this.schedule();
    const { ran, failed } = await this.run(runs);
    const t1 = performance.now();
    const committed = await this.commit(batch, ran, failed);
    const t2 = performance.now();
    if (trace) {
      trace.n++;
      trace.seqs += ran.length;
      trace.run += t1 - t0;
      trace.commit += t2 - t1;
    }
    const still: Active<S>[] = [...waiting];
    for (const a of batch) {
      const c = committed.get(a)!;
      if (c.failure) {
        await this.drop(a, c.failure);
        continue;
      }
      this.sample(a, c.chosen);
      if (await this.emit(a, c.chosen)) still.push(a);
    }
    this.active = still;
    if (trace) {
      trace.at = performance.now();
      trace.emit += trace.at - t2;
      if (trace.n % 200 === 0) {
        const per = (x: number) => (x / trace.n).toFixed(2);
        this.ports.log(`decode trace: ${trace.n} iterations, ${(trace.seqs / trace.n).toFixed(1)} seqs each; per iteration ms: run ${per(trace.run)}, commit ${per(trace.commit)}, emit ${per(trace.emit)}, between ${per(trace.idle)}`);
      }
    }
  }

  /** A step failed as a whole (the commit itself: the kv-store unreachable): every running sequence gets an error. */
  async failAll(err: unknown): Promise<void> {
    const msg = (err as Error).message;
    this.ports.log(`step failed: ${msg}`);
    for (const a of this.active) await this.finish(a, { errorCode: 'internal_error', errorMessage: msg });
    this.active = [];
  }

  /** The last chunk of a sequence's stream; its KV is freed. */
  private async finish(a: Active<S>, fields: Omit<ChunkFields, 'index'>): Promise<void> {
    this.ports.emit(a.job, {
      index: a.generated - (fields.tokenIds?.length ?? 0), done: true, promptTokens: a.job.promptTokens, completionTokens: a.generated, ...fields,
    });
    await this.ports.kv.free(a.seq.id, fields.errorMessage ?? 'finished');
  }

  /**
   * This step's batch and its model runs (scheduler.ts); the others wait their turn. The round robin is
   * the order of `active` itself: after each step the ones that waited go first (step()), so the batch is
   * always taken from the start. (Also rotating the start, as this did, served 5 sequences at max_batch 3
   * 4 to 10 times in 10 steps instead of 6 each.)
   */
  private schedule(): Schedule<Active<S>> {
    return schedule(this.active, 0, this.limits, (a) => graphPath(a.seq, this.ports.model.info.attention));
  }

  /**
   * One run per graph path (runsOf): every sequence with a format-11 model; with a format-10 one the exact
   * full-precision sequences share one, the compressed ones one per group size. A batch of one is the
   * single-sequence reference exactly; a batch may round
   * differently (within the tolerance libs/inference/src/batch.test.ts measures), as every serving
   * engine's batches do.
   */
  private async run(runs: Active<S>[][]): Promise<{ ran: StepToCommit<S>[]; failed: [Active<S>, StepFailure][] }> {
    const { model, kv } = this.ports;
    const ran: StepToCommit<S>[] = [];
    const failed: [Active<S>, StepFailure][] = [];
    const runAlone = async (a: Active<S>) => {
      try {
        ran.push({ seq: a.seq, tokens: 1, out: await stepChecked(model, kv, a.seq, [a.next]) });
      } catch (err) {
        failed.push([a, failure(err)]);
      }
    };
    for (const rows of runs) {
      if (rows.length === 1) {
        await runAlone(rows[0]!);
        continue;
      }
      let outs;
      try {
        outs = await model.stepBatch(rows.map((a) => a.seq), rows.map((a) => a.next));
      } catch (err) {
        for (const a of rows) failed.push([a, failure(err)]);
        continue;
      }
      for (const [i, a] of rows.entries()) {
        // A sequence whose tiers changed while the batch read them runs again alone on a fresh table.
        if (a.seq.valid()) ran.push({ seq: a.seq, tokens: 1, out: outs[i]! });
        else await runAlone(a);
      }
    }
    return { ran, failed };
  }

  /**
   * Each step's token is chosen on a copy of the sequence's sampler and committed with its K/V; the copy
   * replaces the sampler once the commit holds (sample). A stale step runs again on the new table and
   * chooses again from its new output (commitWithRetry); nothing was sent yet.
   */
  private async commit(batch: Active<S>[], ran: StepToCommit<S>[], failed: [Active<S>, StepFailure][]): Promise<Map<Active<S>, Committed>> {
    const { model, kv } = this.ports;
    const vocab = model.info.vocabSize;
    const chosen = new Map<Active<S>, Chosen>();
    const choose = (r: StepToCommit<S>, out: StepOutput) => {
      const a = batch.find((x) => x.seq === r.seq)!;
      const sampler = a.sampler.clone();
      const logits = lastPosition(out.logits, vocab);
      const tok = sampler.sample(logits);
      chosen.set(a, { sampler, tok, logits });
      r.progress = { nextToken: tok, generated: a.generated + 1, draws: sampler.draws };
    };
    for (const r of ran) choose(r, r.out);
    const errors = await commitWithRetry(kv, ran, async (r) => {
      const out = await stepChecked(model, kv, r.seq, [batch.find((a) => a.seq === r.seq)!.next]);
      choose(r, out);
      return out;
    });
    const byId = new Map(ran.map((r, i) => [r.seq.id, { error: errors[i] }]));
    return new Map(batch.map((a): [Active<S>, Committed] => {
      const f = failed.find(([x]) => x === a);
      const r = byId.get(a.seq.id);
      const c = chosen.get(a);
      if (f || !r || r.error || !c) return [a, { failure: f?.[1] ?? r?.error ?? { message: 'step did not run' } }];
      return [a, { chosen: c }];
    }));
  }

  /**
   * A sequence whose step did not commit leaves. One freed by the gateway (client gone) shows up here as
   * unknown, one handed to another worker (this one was taken for dead) as not ours: drop it quietly.
   */
  private async drop(a: Active<S>, why: StepFailure): Promise<void> {
    if (why.code !== pb.KvError.KV_ERROR_NO_SEQUENCE && why.code !== pb.KvError.KV_ERROR_NOT_OWNER) await this.finish(a, { errorCode: 'internal_error', errorMessage: why.message });
  }

  /** The committed token becomes the sequence's: its sampler advances (the copy it was chosen on), it is fed next. */
  private sample(a: Active<S>, c: Chosen): void {
    a.sampler = c.sampler;
    a.generated++;
    this.tokens++;
    a.next = c.tok;
  }

  /** Stream the token; a sequence at EOS or max_tokens finishes (its KV freed). Returns whether it goes on. */
  private async emit(a: Active<S>, { tok, logits }: Chosen): Promise<boolean> {
    const logprobs = chosenLogprob(a.job.sampling, logits, tok);
    const eos = a.job.stopAtEos && this.ports.model.info.eosTokenIds.includes(tok);
    if (eos || a.generated >= a.job.maxTokens) {
      await this.finish(a, { tokenIds: [tok], logprobs, finishReason: eos ? 'stop' : 'length' });
      return false;
    }
    this.ports.emit(a.job, { index: a.generated - 1, tokenIds: [tok], logprobs });
    return true;
  }
}
