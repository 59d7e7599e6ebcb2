// The decode worker: continuous batching over sequences held by the kv-store. Each iteration:
//   admit  — DecodeJobs that arrived since the last step join the batch (claimed from the kv-store)
//   run    — one model step per sequence, reading its tiers in place from shared memory
//   choose — sample each sequence's next token (on a copy of its sampler)
//   commit — every sequence's new K/V with the token chosen, in one request; the kv-store appends and demotes
//   emit   — stream the token, and let finished sequences leave (their KV is freed)
// The kv-store holds each job as of its last commit (the claim carries the job, each commit the token and
// the sampler's draws): when this worker dies, another continues every sequence exactly (a resumed job).
// How many sequences run at once is bounded by the kv-store's budget (admission happens there) and the
// policy's scheduler.max_batch. Compressed sequences of one group size share one model run (tiers padded
// to the longest row and masked: Engine.stepBatch), and so do the full-precision baseline sequences (the
// graph's float path); a batch of one is exactly the single-sequence reference.
import { Sampler, lastPosition, type StepOutput } from '@inferos/inference';
import { loadPolicy } from '@inferos/kv';
import { pb, Subjects, QueueGroups, serve, inferos, type NatsConnection } from '@inferos/proto';
import { KvClient, KvError, RemoteSeq, workerId, type StepFailure, type StepToCommit } from './kv-client';
import { nextBatch, runsOf, graphPath, commitWithRetry, failure } from './scheduler';
import { followPolicy, startReporter, loadEngine } from './control';
import {
  providerPreference, announce, sendChunk, stepChecked, abandon, chosenLogprob, type WorkerOptions, type RunningWorker, type ChunkFields,
} from './worker';

/** `policy`: the policy whose scheduler.decode_device picks the execution provider. */
export type DecodeWorkerOptions = WorkerOptions;

interface Active {
  job: inferos.v1.DecodeJob;
  seq: RemoteSeq;
  sampler: Sampler;
  /** The last token chosen, to be fed next. */
  next: number;
  generated: number;
}

export async function startDecodeWorker(nc: NatsConnection, opts: DecodeWorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? (() => {});
  const { policy } = loadPolicy(opts.policy);
  const preference = providerPreference(policy.scheduler.decode_device, 'decode');
  const engine = opts.engine ?? await loadEngine(opts.modelDir, preference);
  const vocab = engine.info.vocabSize;
  const id = workerId('decode-worker');
  const kv = new KvClient(nc, id);
  const pending: inferos.v1.DecodeJob[] = [];
  let active: Active[] = [];
  let tokens = 0;
  let wake: (() => void) | undefined;
  let closing = false;
  // scheduler.max_batch: the most sequences stepped per iteration; the rest wait their turn (round robin).
  let maxBatch = policy.scheduler.max_batch;
  // Batched compute for compressed sequences (INFEROS_BATCH=0 turns it off, to measure what it brings).
  const batching = process.env['INFEROS_BATCH'] !== '0';
  let turn = 0;

  if (opts.turns) opts.turns.decoding = () => active.length > 0;
  const stopAnnounce = announce(nc, 'decode-worker', id, engine, preference, () => ({
    running: active.length,
    waiting: pending.length,
    seqIds: [...active.map((a) => a.seq.id), ...pending.map((j) => j.seqId)],
    tokensGenerated: tokens,
  }), log);

  const follower = await followPolicy(nc, 'decode-worker', id, (s) => {
    maxBatch = s.policy.scheduler.max_batch;
  }, log);
  const stopReporter = startReporter(nc, 'decode-worker', id, () => {
    return { model: engine.info.name, policyVersion: follower.version, provider: engine.provider, maxBatch };
  }, log);

  const sub = serve(nc, Subjects.decodeJobs, { queue: QueueGroups.decode, request: pb.DecodeJob, reply: pb.Ack, log, onError: (e) => ({ ok: false, message: e.message, workerId: id }) }, (job) => {
    if (closing) return { ok: false, message: 'worker is stopping', workerId: id };
    pending.push(job);
    wake?.();
    return { ok: true, workerId: id };
  });

  const finish = async (a: Active, fields: Omit<ChunkFields, 'index'>) => {
    sendChunk(nc, a.job.streamSubject, a.job.requestId, id, {
      index: a.generated - (fields.tokenIds?.length ?? 0), done: true, promptTokens: a.job.promptTokens, completionTokens: a.generated, ...fields,
    }, log);
    await kv.free(a.seq.id, fields.errorMessage ?? 'finished');
  };

  const admit = async () => {
    while (pending.length > 0) {
      const job = pending.shift()!;
      // The same sequence twice (a handoff that reached the worker already running it, or a retried
      // handoff delivered twice): the running copy goes on; two would append to one cache.
      if (active.some((a) => a.seq.id === job.seqId)) {
        log(`request ${job.requestId}: sequence ${job.seqId} already runs here; the second job is dropped`);
        continue;
      }
      try {
        const seq = await kv.claim(job.seqId, { decode: job });
        const s = job.sampling;
        const sampler = new Sampler({ temperature: s?.temperature ?? 0, topP: s?.topP || 1, seed: s?.seed ?? 0 }).skip(s?.draws ?? 0);
        const a: Active = { job, seq, sampler, next: job.nextToken, generated: job.generated };
        if (job.resumed) {
          // The worker that ran it died after committing the step that chose next_token, perhaps before
          // that token's chunk left: send it again (the gateway drops a token it already has).
          log(`resuming sequence ${job.seqId} (request ${job.requestId}) after ${job.generated} tokens`);
          const eos = job.stopAtEos && engine.info.eosTokenIds.includes(job.nextToken);
          if (eos || job.generated >= job.maxTokens) {
            await finish(a, { tokenIds: [job.nextToken], finishReason: eos ? 'stop' : 'length' });
            continue;
          }
          sendChunk(nc, job.streamSubject, job.requestId, id, { index: job.generated - 1, tokenIds: [job.nextToken] }, log);
        }
        active.push(a);
      } catch (err) {
        // Another decode worker has taken this sequence further (a resumed job raced with the one the
        // prefill worker sent): it serves the stream; this one stands down.
        if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) {
          log(`request ${job.requestId}: ${err.message}`);
          continue;
        }
        sendChunk(nc, job.streamSubject, job.requestId, id, { index: job.generated, done: true, errorCode: 'internal_error', errorMessage: (err as Error).message }, log);
      }
    }
  };

  // INFEROS_TRACE=1: where a decode iteration's time goes, logged every 200 iterations.
  const trace = process.env['INFEROS_TRACE'] ? { n: 0, seqs: 0, run: 0, commit: 0, emit: 0, idle: 0, at: performance.now() } : undefined;
  const step = async () => {
    if (active.length === 0) return;
    const t0 = performance.now();
    if (trace) trace.idle += t0 - trace.at;
    const ran: StepToCommit[] = [];
    const failed: [Active, StepFailure][] = [];
    const next = nextBatch(active, turn, maxBatch);
    const { batch, waiting } = next;
    turn = next.turn;
    // One run per graph path (runsOf): the exact full-precision sequences share one, the compressed ones
    // one per group size. A batch of one is the single-sequence reference exactly; a padded batch may round
    // differently (within the tolerance libs/inference/src/batch.test.ts measures), as every serving
    // engine's batches do.
    const runAlone = async (a: Active) => {
      try {
        ran.push({ seq: a.seq, tokens: 1, out: await stepChecked(engine, kv, a.seq, [a.next]) });
      } catch (err) {
        failed.push([a, failure(err)]);
      }
    };
    for (const rows of runsOf(batch, (a) => graphPath(a.seq), batching)) {
      if (rows.length === 1) {
        await runAlone(rows[0]!);
        continue;
      }
      let outs;
      try {
        outs = await engine.stepBatch(rows.map((a) => a.seq), rows.map((a) => a.next));
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
    const t1 = performance.now();
    // Each step's token is chosen on a copy of the sequence's sampler and committed with its K/V; the copy
    // replaces the sampler once the commit holds. A stale step runs again on the new table and chooses
    // again from its new output (commitWithRetry); nothing was sent yet.
    const chosen = new Map<Active, { sampler: Sampler; tok: number; logits: Float32Array }>();
    const choose = (r: StepToCommit, out: StepOutput) => {
      const a = batch.find((x) => x.seq === r.seq)!;
      const sampler = a.sampler.clone();
      const logits = lastPosition(out.logits, vocab);
      const tok = sampler.sample(logits);
      chosen.set(a, { sampler, tok, logits });
      r.progress = { nextToken: tok, generated: a.generated + 1, draws: sampler.draws };
    };
    for (const r of ran) choose(r, r.out);
    const errors = await commitWithRetry(kv, ran, async (r) => {
      const out = await stepChecked(engine, kv, r.seq, [batch.find((a) => a.seq === r.seq)!.next]);
      choose(r, out);
      return out;
    });
    const t2 = performance.now();
    if (trace) {
      trace.n++;
      trace.seqs += ran.length;
      trace.run += t1 - t0;
      trace.commit += t2 - t1;
    }
    const byId = new Map(ran.map((r, i) => [r.seq.id, { error: errors[i] }]));
    const still: Active[] = [...waiting];
    for (const a of batch) {
      const f = failed.find(([x]) => x === a);
      const r = byId.get(a.seq.id);
      const c = chosen.get(a);
      if (f || !r || r.error || !c) {
        // A sequence freed by the gateway (client gone) shows up here as unknown, one handed to another
        // worker (this one was taken for dead) as not ours: drop it quietly.
        const why = f?.[1] ?? r?.error ?? { message: 'step did not run' };
        if (why.code !== pb.KvError.KV_ERROR_NO_SEQUENCE && why.code !== pb.KvError.KV_ERROR_NOT_OWNER) await finish(a, { errorCode: 'internal_error', errorMessage: why.message });
        continue;
      }
      const { tok, logits } = c;
      a.sampler = c.sampler;
      const logprobs = chosenLogprob(a.job.sampling, logits, tok);
      a.generated++;
      tokens++;
      const eos = a.job.stopAtEos && engine.info.eosTokenIds.includes(tok);
      if (eos || a.generated >= a.job.maxTokens) {
        await finish(a, { tokenIds: [tok], logprobs, finishReason: eos ? 'stop' : 'length' });
        continue;
      }
      sendChunk(nc, a.job.streamSubject, a.job.requestId, id, { index: a.generated - 1, tokenIds: [tok], logprobs }, log);
      a.next = tok;
      still.push(a);
    }
    active = still;
    if (trace) {
      trace.at = performance.now();
      trace.emit += trace.at - t2;
      if (trace.n % 200 === 0) {
        const per = (x: number) => (x / trace.n).toFixed(2);
        log(`decode trace: ${trace.n} iterations, ${(trace.seqs / trace.n).toFixed(1)} seqs each; per iteration ms: run ${per(trace.run)}, commit ${per(trace.commit)}, emit ${per(trace.emit)}, between ${per(trace.idle)}`);
      }
    }
  };

  const loop = (async () => {
    while (!closing || active.length > 0) {
      if (active.length === 0 && pending.length === 0) {
        if (closing) break;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      if (!closing) await admit();
      try {
        await step();
        opts.turns?.stepped();
      } catch (err) {
        // The commit itself failed (kv-store unreachable): every running sequence gets an error.
        const msg = (err as Error).message;
        log(`step failed: ${msg}`);
        for (const a of active) await finish(a, { errorCode: 'internal_error', errorMessage: msg });
        active = [];
      }
      // Let NATS deliver new jobs and heartbeats between steps.
      await new Promise((r) => setImmediate(r));
    }
  })();

  return {
    id,
    provider: engine.provider,
    async close() {
      // Running sequences finish; new jobs are refused (another instance, if any, takes them).
      closing = true;
      sub.unsubscribe();
      wake?.();
      await loop;
      for (const job of pending.splice(0)) await abandon(nc, kv, id, job, job.generated, 'unavailable', 'decode worker stopped', log);
      stopAnnounce();
      follower.stop();
      stopReporter();
      kv.close();
      if (!opts.engine) await engine.close();
    },
  };
}
