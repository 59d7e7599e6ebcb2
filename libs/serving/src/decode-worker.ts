// The decode worker on NATS: DecodeJobs from its queue group wait in `pending` until the loop admits them
// between steps; the steps themselves (schedule → run → commit → sample → emit) are decode-step.ts's
// Decoder, here on the Engine, a KvClient and NATS. Heartbeats, health replies and reports tell the others
// what it runs.
import { loadPolicy } from '@inferos/kv';
import { pb, Subjects, QueueGroups, serve, inferos, type NatsConnection } from '@inferos/proto';
import { KvClient, workerId } from './kv-client';
import { Decoder } from './decode-step';
import { followPolicy, startReporter, loadEngine } from './control';
import { providerPreference, announce, abandon, streamTo, type WorkerOptions, type RunningWorker } from './worker';

/** `policy`: the policy whose scheduler.decode_device picks the execution provider. */
export type DecodeWorkerOptions = WorkerOptions;

export async function startDecodeWorker(nc: NatsConnection, opts: DecodeWorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? (() => {});
  const { policy } = loadPolicy(opts.policy);
  const preference = providerPreference(policy.scheduler.decode_device, 'decode');
  const engine = opts.engine ?? await loadEngine(opts.modelDir, preference);
  const id = workerId('decode-worker');
  const kv = new KvClient(nc, id);
  const emit = streamTo(nc, id, log);
  const pending: inferos.v1.DecodeJob[] = [];
  const decoder = new Decoder({ model: engine, kv, emit, log }, {
    // scheduler.max_batch: the most sequences stepped per iteration; the rest wait their turn (round robin).
    maxBatch: policy.scheduler.max_batch,
    // Batched compute for compressed sequences (INFEROS_BATCH=0 turns it off, to measure what it brings).
    batching: process.env['INFEROS_BATCH'] !== '0',
  });
  let wake: (() => void) | undefined;
  let closing = false;

  if (opts.turns) opts.turns.decoding = () => decoder.active.length > 0;
  const stopAnnounce = announce(nc, 'decode-worker', id, engine, preference, () => ({
    running: decoder.active.length,
    waiting: pending.length,
    seqIds: [...decoder.active.map((a) => a.seq.id), ...pending.map((j) => j.seqId)],
    tokensGenerated: decoder.tokens,
  }), log);

  const follower = await followPolicy(nc, 'decode-worker', id, (s) => {
    decoder.limits.maxBatch = s.policy.scheduler.max_batch;
  }, log);
  const stopReporter = startReporter(nc, 'decode-worker', id, () => {
    return { model: engine.info.name, policyVersion: follower.version, provider: engine.provider, maxBatch: decoder.limits.maxBatch };
  }, log);

  const sub = serve(nc, Subjects.decodeJobs, { queue: QueueGroups.decode, request: pb.DecodeJob, reply: pb.Ack, log, onError: (e) => ({ ok: false, message: e.message, workerId: id }) }, (job) => {
    if (closing) return { ok: false, message: 'worker is stopping', workerId: id };
    pending.push(job);
    wake?.();
    return { ok: true, workerId: id };
  });

  const loop = (async () => {
    while (!closing || decoder.active.length > 0) {
      if (decoder.active.length === 0 && pending.length === 0) {
        if (closing) break;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      if (!closing) await decoder.admit(pending);
      try {
        await decoder.step();
        opts.turns?.stepped();
      } catch (err) {
        await decoder.failAll(err);
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
      for (const job of pending.splice(0)) await abandon(emit, kv, job, job.generated, 'unavailable', 'decode worker stopped');
      stopAnnounce();
      follower.stop();
      stopReporter();
      kv.close();
      if (!opts.engine) await engine.close();
    },
  };
}
