// The prefill worker: takes PrefillJobs from its queue group, runs the prompt in chunks into the
// sequence's cache (held by the kv-store), chooses the first token, and hands the sequence to a decode
// worker. One job at a time per instance (a prefill fills the CPU); more instances share the queue.
import { Sampler, tokenLogprob, lastPosition, type Engine } from '@inferos/inference';
import { loadPolicy, prefillSteps } from '@inferos/kv';
import { pb, Subjects, QueueGroups, LOST_AFTER_MS, UnavailableError, serve, request, inferos, type NatsConnection } from '@inferos/proto';
import { KvClient, KvError, workerId, type RemoteSeq } from './kv-client';
import { commitWithRetry } from './scheduler';
import { followPolicy, startReporter, loadEngine } from './control';
import {
  providerPreference, announce, sendChunk, stepChecked, abandon, chosenLogprob, logprobMessage, INTERLEAVED_CHUNK_MS,
  PROMPT_LOGPROBS_PER_CHUNK, type WorkerOptions, type RunningWorker,
} from './worker';

/** `policy`: the policy whose scheduler.prefill_device picks the execution provider. */
export type PrefillWorkerOptions = WorkerOptions;

export async function startPrefillWorker(nc: NatsConnection, opts: PrefillWorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? (() => {});
  const { policy } = loadPolicy(opts.policy);
  const preference = providerPreference(policy.scheduler.prefill_device, 'prefill');
  const engine = opts.engine ?? await loadEngine(opts.modelDir, preference);
  const id = workerId('prefill-worker');
  // A model run blocks this process's event loop, heartbeats included, so no prompt chunk may run longer
  // than a fraction of LOST_AFTER_MS: the chunk is capped by the prefill speed measured here (a warm-up
  // step at start, then every chunk), so a large model prefills in more, shorter steps.
  let tokensPerMs = await measurePrefillSpeed(engine);
  // Shorter chunks while the same process decodes (Turns): the streams' gaps, not only heartbeats.
  const chunkFor = (asked: number) => Math.min(asked, Math.max(16, Math.floor(tokensPerMs * (opts.turns?.decoding() ? INTERLEAVED_CHUNK_MS : STEP_BUDGET_MS))));
  const kv = new KvClient(nc, id);
  const queue: inferos.v1.PrefillJob[] = [];
  let current: string | undefined;
  let generated = 0;
  let wake: (() => void) | undefined;
  let closing = false;

  const stopAnnounce = announce(nc, 'prefill-worker', id, engine, preference, () => ({
    running: current ? 1 : 0,
    waiting: queue.length,
    seqIds: [...(current ? [current] : []), ...queue.map((j) => j.seqId)],
    tokensGenerated: generated,
  }), log);

  // The prefill worker runs no policy-dependent logic of its own (the kv-store holds the cache, providers
  // are chosen at start): it acknowledges the version so that the controller sees every service follow.
  const follower = await followPolicy(nc, 'prefill-worker', id, () => {}, log);
  const stopReporter = startReporter(nc, 'prefill-worker', id, () => ({
    model: engine.info.name, policyVersion: follower.version, provider: engine.provider,
  }), log);

  // Sequences being accepted (their claim in flight), so that a job sent twice is queued once.
  const accepting = new Set<string>();
  const sub = serve(nc, Subjects.prefillJobs, { queue: QueueGroups.prefill, request: pb.PrefillJob, reply: pb.Ack, log, onError: (e) => ({ ok: false, message: e.message, workerId: id }) }, async (job) => {
    if (closing) return { ok: false, message: 'worker is stopping', workerId: id };
    if (job.promptIds.length === 0 || job.chunk <= 0 || job.maxTokens <= 0) return { ok: false, message: 'a prefill job needs prompt ids, a chunk and max tokens', workerId: id };
    // The same job twice (the gateway sent it again while the kv-store handed it over): run it once.
    if (current === job.seqId || accepting.has(job.seqId) || queue.some((j) => j.seqId === job.seqId)) return { ok: true, message: 'already queued here', workerId: id };
    // The sequence is this worker's, with its job, before the ack: if this worker dies from here on, the
    // kv-store gives the job to another prefill worker (the prompt runs again from the start); a gateway
    // whose try went unanswered can send it again, and a worker that finds it taken answers ok and leaves
    // it. Waiting in this queue never frees it (behind other long prompts it can wait longer than the
    // kv-store's unclaimed TTL). run() claims it again for a fresh table.
    accepting.add(job.seqId);
    try {
      await kv.claim(job.seqId, { prefill: job });
    } catch (err) {
      if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) return { ok: true, message: err.message, workerId: id };
      return { ok: false, message: (err as Error).message, workerId: id };
    } finally {
      accepting.delete(job.seqId);
    }
    if (closing) return { ok: false, message: 'worker is stopping', workerId: id };
    queue.push(job);
    wake?.();
    return { ok: true, workerId: id };
  });

  const run = async (job: inferos.v1.PrefillJob) => {
    const { requestId, seqId, streamSubject: subject } = job;
    const trace: [string, number][] = [['start', performance.now()]];
    try {
      const seq: RemoteSeq = await kv.claim(seqId);
      trace.push(['claim', performance.now()]);
      const ids = job.promptIds;
      const vocab = engine.info.vocabSize;
      const top = job.sampling?.topLogprobs ?? 0;
      // echo: position p's logits give prompt token p + 1's log-probability.
      const echoed: inferos.v1.ITokenLogprob[] = [];
      let last;
      let at = 0;
      // The prompt's last tokens run as a step of their own when the cache picks evictions by them.
      let seen = opts.turns?.done ?? 0;
      for (const t of prefillSteps(ids.length, chunkFor(job.chunk), seq.needsImportance)) {
        // One chunk per decode step of this process while it decodes (Turns).
        if (opts.turns) {
          await opts.turns.awaitStep(seen);
          seen = opts.turns.done;
        }
        const part = ids.slice(at, (at += t));
        const t0 = performance.now();
        // Echo scores every prompt position; otherwise only the last chunk's last position is sampled.
        const logits = job.echo ? 'all' : 'last';
        const step = { seq, tokens: part.length, out: await stepChecked(engine, kv, seq, part, logits) };
        trace.push(['step', performance.now()]);
        if (part.length >= 16) tokensPerMs = 0.7 * tokensPerMs + 0.3 * (part.length / (performance.now() - t0));
        // Stale (the kv-store squeezed the sequence after the step read it): the chunk runs again.
        const [err] = await commitWithRetry(kv, [step], (s) => stepChecked(engine, kv, s.seq, part, logits));
        trace.push(['commit', performance.now()]);
        if (err) throw new KvError(err.message, err.code);
        last = lastPosition(step.out.logits, vocab);
        if (job.echo) {
          // O(vocab) per position: let heartbeats and decode turns out every 64 positions.
          const start = at - part.length;
          for (let p = start; p < at && p + 1 < ids.length; p++) {
            echoed.push(logprobMessage(tokenLogprob(step.out.logits.subarray((p - start) * vocab, (p - start + 1) * vocab), ids[p + 1]!, top)));
            if ((p - start) % 64 === 63) await new Promise((r) => setImmediate(r));
          }
        }
        await new Promise((r) => setImmediate(r)); // let heartbeats and health replies out between steps
      }
      const s = job.sampling;
      const sampler = new Sampler({ temperature: s?.temperature ?? 0, topP: s?.topP || 1, seed: s?.seed ?? 0 });
      const first = sampler.sample(last!);
      generated++;
      trace.push(['sample', performance.now()]);
      if (process.env['INFEROS_TRACE']) log(`prefill ${ids.length} tokens: ${trace.slice(1).map(([k, t], i) => `${k} ${(t - trace[i]![1]).toFixed(1)}`).join(', ')} ms`);
      const eos = job.stopAtEos && engine.info.eosTokenIds.includes(first);
      const decodeJob: inferos.v1.IDecodeJob = {
        requestId, seqId, nextToken: first, generated: 1, maxTokens: job.maxTokens,
        sampling: { temperature: s?.temperature ?? 0, topP: s?.topP || 1, seed: s?.seed ?? 0, draws: sampler.draws, logprobs: s?.logprobs ?? false, topLogprobs: top },
        stopAtEos: job.stopAtEos, streamSubject: subject, promptTokens: ids.length,
      };
      // Before anything is sent, the sequence becomes a decode job at the kv-store: if this worker dies
      // from here on, a decode worker continues it (sending the first token again, which the gateway drops
      // if it has it); before this point, another prefill worker would run the prompt again.
      if (!eos && job.maxTokens > 1) await kv.claim(seqId, { decode: decodeJob });
      // The prompt's log-probabilities go first, in token-less chunks the gateway collects in order.
      for (let k = 0; k < echoed.length; k += PROMPT_LOGPROBS_PER_CHUNK) {
        sendChunk(nc, subject, requestId, id, { index: 0, promptLogprobs: echoed.slice(k, k + PROMPT_LOGPROBS_PER_CHUNK) }, log);
      }
      const logprobs = chosenLogprob(s, last!, first);
      if (eos || job.maxTokens === 1) {
        sendChunk(nc, subject, requestId, id, { index: 0, tokenIds: [first], logprobs, done: true, finishReason: eos ? 'stop' : 'length', promptTokens: ids.length, completionTokens: 1 }, log);
        await kv.free(seqId, 'finished');
        return;
      }
      sendChunk(nc, subject, requestId, id, { index: 0, tokenIds: [first], logprobs }, log);
      const ack = await request(nc, Subjects.decodeJobs, pb.DecodeJob, decodeJob, pb.Ack, 5000);
      if (!ack.ok) throw new Error(`no decode worker took the sequence: ${ack.message}`);
    } catch (err) {
      const msg = (err as Error).message;
      log(`request ${requestId}: ${msg}`);
      // Taken for gone (a long stall) and handed to another worker, which serves it: stand down quietly.
      if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) return;
      await abandon(nc, kv, id, job, 0, err instanceof UnavailableError ? 'unavailable' : 'internal_error', msg, log);
    }
  };

  // Jobs waiting here, and the one running, tell their gateway every KEEPALIVE_MS that a live worker holds
  // them (a chunk without tokens): with a large model a prompt can wait longer than the gateway's silence
  // timeout behind others, and must not be abandoned for it. A dead worker sends nothing, as before.
  let running: inferos.v1.PrefillJob | undefined;
  const keepalive = setInterval(() => {
    for (const job of [...(running ? [running] : []), ...queue]) {
      sendChunk(nc, job.streamSubject, job.requestId, id, { index: 0, tokenIds: [] }, log);
    }
  }, KEEPALIVE_MS);

  const loop = (async () => {
    while (!closing) {
      const job = queue.shift();
      if (!job) {
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      current = job.seqId;
      running = job;
      await run(job);
      current = undefined;
      running = undefined;
    }
  })();

  return {
    id,
    provider: engine.provider,
    async close() {
      closing = true;
      sub.unsubscribe();
      wake?.();
      await loop;
      clearInterval(keepalive);
      // Jobs acknowledged but not started: their clients hear it now, and their KV is freed.
      for (const job of queue.splice(0)) await abandon(nc, kv, id, job, 0, 'unavailable', 'prefill worker stopped', log);
      stopAnnounce();
      follower.stop();
      stopReporter();
      kv.close();
      if (!opts.engine) await engine.close();
    },
  };
}

/** How often a waiting or running job tells its gateway that it is held (see keepalive). */
const KEEPALIVE_MS = 10_000;

/** A prompt chunk's run may take this long at most (heartbeats wait meanwhile). */
const STEP_BUDGET_MS = LOST_AFTER_MS / 4;

/** Prefill tokens per ms of this engine: one untimed and one timed 64-token step (the graph's prefill path)
 * on a scratch cache; later chunks refine it. */
async function measurePrefillSpeed(engine: Engine): Promise<number> {
  const n = Math.min(64, engine.info.maxPosition - 1);
  const ids = Array.from({ length: n }, (_, i) => (i * 31 + 7) % engine.info.vocabSize);
  await engine.prefill(engine.newCache(), ids, n);
  const t0 = performance.now();
  await engine.prefill(engine.newCache(), ids, n);
  return n / Math.max(performance.now() - t0, 1e-3);
}
