// The kv-store on the bus: every request goes through `serve` (decode, handle, always reply).
import { pb, Subjects, LOST_AFTER_MS, HEARTBEAT_MS, serve, publish, request, decode, type NatsConnection, type Subscription } from '@inferos/proto';
import { followPolicy, PeriodicLoop, startReporter, pidNamespace } from '@inferos/serving';
import { KvStore, type StoreConfig, type Handoff } from './store';

/** How often owners are checked: a worker of this PID namespace that exited is noticed within this. */
const REAP_MS = Math.min(100, HEARTBEAT_MS / 2);

const HANDOFF_WINDOW_MS = 30_000;
const HANDOFF_TIMEOUT_MS = 1000;

export interface KvStoreOptions {
  /** Keep this budget whatever the controller's policy says (the --budget flag). */
  pinnedBudget?: boolean;
  modelName?: string;
  /** Fast loop period until the controller's policy gives one (loops.fast_ms). */
  fastMs?: number;
}

export interface RunningStore {
  store: KvStore;
  close(): Promise<void>;
}

export async function startKvStore(nc: NatsConnection, config: StoreConfig, log: (line: string) => void = () => {}, opts: KvStoreOptions = {}): Promise<RunningStore> {
  const store = new KvStore({ pidNamespace: pidNamespace(), ...config });
  const instance = `kv-store-${process.pid}`;
  if (store.sweptBytes > 0) log(`swept ${store.sweptBytes} bytes of shared memory left by a crashed process`);
  const subs: Subscription[] = [];
  const seqError = (e: Error) => ({ error: e.message });
  subs.push(serve(nc, Subjects.kvOpen, { request: pb.SeqOpenRequest, reply: pb.SeqOpenReply, log, onError: (e) => ({ status: pb.OpenStatus.OPEN_STATUS_BAD_REQUEST, message: e.message }) }, (req) => store.open(req)));
  subs.push(serve(nc, Subjects.kvClaim, { request: pb.SeqClaimRequest, reply: pb.SeqReply, log, onError: seqError }, (req) => store.claim(req)));
  subs.push(serve(nc, Subjects.kvCommit, { request: pb.StepCommitRequest, reply: pb.StepCommitReply, log, onError: (e) => ({ results: [{ code: pb.KvError.KV_ERROR_BAD_REQUEST, error: e.message }] }) }, (req) => store.commit(req)));
  subs.push(serve(nc, Subjects.kvFree, { request: pb.SeqFreeRequest, reply: pb.Ack, log, onError: (e) => ({ ok: false, message: e.message }) }, (req) => {
    const ok = store.free(req.seqId);
    return { ok, message: ok ? '' : `no sequence ${req.seqId}` };
  }));
  const stats = () => {
    const s = store.stats;
    return {
      budgetBytes: s.budgetBytes, usedBytes: s.usedBytes, reservedBytes: s.reservedBytes, sequences: s.sequences,
      bytesF32: s.bytesByTier.f32, bytesF16: s.bytesByTier.f16, bytesInt8: s.bytesByTier.int8, bytesInt4: s.bytesByTier.int4,
      bytesFp16Equivalent: s.bytesFp16Equivalent, segments: s.segments, peakUsedBytes: s.peakUsedBytes,
      peakSequences: s.peakSequences, freedLost: s.freedLost, sweptBytes: s.sweptBytes,
      admissionPaused: store.admissionPaused, squeezes: store.squeezeCount, policyVersion: store.policyVersion,
    };
  };
  subs.push(serve(nc, Subjects.kvStats, { request: pb.HealthRequest, reply: pb.KvStats, log, onError: () => ({}) }, () => stats()));
  subs.push(serve(nc, `${Subjects.kvStats}.reset`, { request: pb.HealthRequest, reply: pb.KvStats, log, onError: () => ({}) }, () => {
    store.resetPeaks();
    return stats();
  }));
  subs.push(serve(nc, Subjects.health('kv-store'), { request: pb.HealthRequest, reply: pb.HealthReply, log, onError: (e) => ({ service: 'kv-store', ok: false, detailJson: JSON.stringify({ error: e.message }) }) }, () => ({
    service: 'kv-store',
    instance: `kv-store-${process.pid}`,
    ok: true,
    detailJson: JSON.stringify({ ...store.stats, defaultPolicy: config.defaultPolicy, chunk: config.chunk }),
  })));
  const hb = nc.subscribe(Subjects.heartbeatAll, {
    callback: (err, msg) => {
      if (err) return;
      try {
        store.heartbeat(decode(pb.Heartbeat, msg.data));
      } catch (e) {
        log(`bad heartbeat: ${(e as Error).message}`);
      }
    },
  });
  subs.push(hb);
  // A decode job whose worker is gone goes to another decode worker (queue group), which claims the
  // sequence and continues it; when none takes it, the sequence is freed and announced lost.
  // A job whose worker is gone goes to another worker of its kind (queue group): a decode job continues
  // from the KV held here, a prefill job runs its prompt again into the emptied cache. A request can reach
  // the dead worker's subscription while NATS has not yet noticed its connection close, or find no worker
  // while the only one restarts (`inferos up` restarts it after 0.5 s): it is tried again until
  // HANDOFF_WINDOW_MS have passed; then the sequence is freed and announced lost.
  const handOff = async (h: Handoff) => {
    log(`sequence ${h.seqId} (request ${h.requestId}${h.kind === 'decode' ? `, ${h.job.generated} tokens generated` : ', prompt'}): ${h.reason}; handing it to another ${h.kind} worker`);
    let why = '';
    const deadline = Date.now() + HANDOFF_WINDOW_MS;
    while (Date.now() < deadline && store.awaitingHandoff(h.seqId)) {
      try {
        const ack = h.kind === 'decode'
          ? await request(nc, Subjects.decodeJobs, pb.DecodeJob, h.job, pb.Ack, HANDOFF_TIMEOUT_MS)
          : await request(nc, Subjects.prefillJobs, pb.PrefillJob, h.job, pb.Ack, HANDOFF_TIMEOUT_MS);
        if (ack.ok) return;
        why = ack.message;
      } catch (err) {
        why = (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const dropped = store.dropHandoff(h.seqId, `${h.reason}, and no ${h.kind} worker took it over (${why})`);
    if (dropped) lost(dropped.seq, dropped.reason);
  };
  const reaper = setInterval(() => {
    const { lost: gone, handoffs } = store.reap(LOST_AFTER_MS);
    for (const { seq, reason } of gone) lost(seq, reason);
    for (const h of handoffs) void handOff(h);
  }, REAP_MS);
  // The fast loop: memory pressure, acted on here where the memory is (see fast-loop.ts).
  const lost = (seq: { id: string; requestId: string; owner?: string }, reason: string) => {
    log(`freed sequence ${seq.id} (request ${seq.requestId}): ${reason}`);
    try {
      publish(nc, Subjects.kvLost, pb.SeqLost, { seqId: seq.id, requestId: seq.requestId, workerId: seq.owner ?? '', reason });
    } catch (e) {
      log(`cannot announce a lost sequence: ${(e as Error).message}`);
    }
  };
  const fast = new PeriodicLoop('fast', opts.fastMs ?? 1, () => {
    const did = store.relieve();
    if (did === 'paused' || did === 'resumed') log(`admission ${did} (${store.stats.usedBytes} of ${store.budgetBytes} bytes in use)`);
    else if (typeof did === 'object') lost(did.lost, did.reason);
  }, (e) => log(`fast loop: ${e.message}`)).start();
  const follower = await followPolicy(nc, 'kv-store', instance, (s) => {
    store.setPolicy(s.policy, s.version, s.baselineMode);
    if (!opts.pinnedBudget) store.setBudget(s.policy.io.host_pool_bytes);
    fast.periodMs = s.policy.loops.fast_ms;
  }, log);
  const stopReporter = startReporter(nc, 'kv-store', instance, () => {
    const s = store.stats;
    return {
      model: opts.modelName ?? '',
      policyVersion: follower.version,
      hasKv: true,
      kvBudgetBytes: s.budgetBytes,
      kvUsedBytes: s.usedBytes,
      kvReservedBytes: s.reservedBytes,
      kvBytesF32: s.bytesByTier.f32,
      kvBytesF16: s.bytesByTier.f16,
      kvBytesInt8: s.bytesByTier.int8,
      kvBytesInt4: s.bytesByTier.int4,
      // The same tokens at float32 (baseline's cache): twice their FP16 bytes.
      kvBytesExact: 2 * s.bytesFp16Equivalent,
      kvSequences: s.sequences,
      admissionPaused: store.admissionPaused,
      kvDemotions: store.squeezeCount,
      loops: [fast.stats()],
    };
  }, log);
  return {
    store,
    async close() {
      fast.stop();
      follower.stop();
      stopReporter();
      clearInterval(reaper);
      for (const s of subs) s.unsubscribe();
      store.close();
    },
  };
}
