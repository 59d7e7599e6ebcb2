// The prefill worker: takes PrefillJobs from its queue group, runs the prompt in chunks into the
// sequence's cache (held by the kv-store), chooses the first token, and hands the sequence to a decode
// worker. One job at a time per instance (a prefill fills the CPU); more instances share the queue. The
// work itself (accept, claim → prompt → sample → hand over) is prefill-step.ts's Prefiller, here on the
// Engine, a KvClient and NATS.
import type { Engine } from '@inferos/inference';
import { loadPolicy } from '@inferos/kv';
import { pb, Subjects, QueueGroups, serve, request, untilAnswered, type NatsConnection } from '@inferos/proto';
import { KvClient, workerId } from './kv-client';
import { Prefiller } from './prefill-step';
import { followPolicy, startReporter, loadEngine } from './control';
import { providerPreference, announce, abandon, streamTo, type WorkerOptions, type RunningWorker } from './worker';

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
  // step at start, then every chunk: Prefiller.chunkFor), so a large model prefills in more, shorter steps.
  const tokensPerMs = await measurePrefillSpeed(engine);
  const kv = new KvClient(nc, id);
  const emit = streamTo(nc, id, log);
  let wake: (() => void) | undefined;
  const prefiller = new Prefiller({
    model: engine, kv, emit, log, id, turns: opts.turns,
    // The decode job is recorded at the kv-store before this (Prefiller.handOver): sending it again while
    // no decode worker answers (the only one restarting) is harmless, and a decode worker takes it once.
    handOver: async (job) => (await untilAnswered(() => request(nc, Subjects.decodeJobs, pb.DecodeJob, job, pb.Ack, 5000), HANDOVER_WINDOW_MS, {
      onRetry: (err) => log(`decode job for ${job.seqId}: ${err.message}; sending it again`),
    }))!,
  }, tokensPerMs, () => wake?.());
  const queue = prefiller.queue;

  const stopAnnounce = announce(nc, 'prefill-worker', id, engine, preference, () => {
    const current = prefiller.running?.seqId;
    return {
      running: current ? 1 : 0,
      waiting: queue.length,
      seqIds: [...(current ? [current] : []), ...queue.map((j) => j.seqId)],
      tokensGenerated: prefiller.generated,
    };
  }, log);

  // The prefill worker runs no policy-dependent logic of its own (the kv-store holds the cache, providers
  // are chosen at start): it acknowledges the version so that the controller sees every service follow.
  const follower = await followPolicy(nc, 'prefill-worker', id, () => {}, log);
  const stopReporter = startReporter(nc, 'prefill-worker', id, () => ({
    model: engine.info.name, policyVersion: follower.version, provider: engine.provider,
  }), log);

  const sub = serve(nc, Subjects.prefillJobs, { queue: QueueGroups.prefill, request: pb.PrefillJob, reply: pb.Ack, log, onError: (e) => ({ ok: false, message: e.message, workerId: id }) }, (job) => prefiller.accept(job));

  // Jobs waiting here, and the one running, tell their gateway every KEEPALIVE_MS that a live worker holds
  // them (a chunk without tokens): with a large model a prompt can wait longer than the gateway's silence
  // timeout behind others, and must not be abandoned for it. A dead worker sends nothing, as before.
  const keepalive = setInterval(() => {
    const running = prefiller.running;
    for (const job of [...(running ? [running] : []), ...queue]) emit(job, { index: 0, tokenIds: [] });
  }, KEEPALIVE_MS);

  const loop = (async () => {
    while (!prefiller.closing) {
      const job = queue.shift();
      if (!job) {
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      prefiller.running = job;
      await prefiller.run(job);
      prefiller.running = undefined;
    }
  })();

  return {
    id,
    provider: engine.provider,
    async close() {
      prefiller.closing = true;
      sub.unsubscribe();
      wake?.();
      await loop;
      clearInterval(keepalive);
      // Jobs acknowledged but not started: their clients hear it now, and their KV is freed.
      for (const job of queue.splice(0)) await abandon(emit, kv, job, 0, 'unavailable', 'prefill worker stopped');
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

/** How long a prompt's decode job is offered to the decode workers' queue group (the kv-store's handoff window too). */
const HANDOVER_WINDOW_MS = 30_000;

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
