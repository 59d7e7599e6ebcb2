// The controller: the control API, policy distribution, and the mid and slow loops. (The fast loop, which
// acts on memory pressure, runs inside the kv-store, next to the memory it guards: a round trip over the
// bus would take longer than its period.)
//
//   mid  (loops.mid_ms): steers scheduler.max_batch, then kv.recent_window, toward the latency targets
//        (scheduler.target_tpot_ms against the inter-token gaps of recent requests; their time to first
//        token against the tightest target_ftl_ms they asked for, else the policy's); at most one change
//        per MID_CHANGE_MS, published as a policy version.
//   slow (loops.slow_ms): the quality guard. The quality probe scores sampled live prompts with the current
//        policy's compressed cache and at full precision; when the estimated delta-perplexity exceeds
//        quality.max_delta_ppl, the system enters baseline mode; it leaves when the estimate stays below
//        half the budget for RECOVER_MS (only if the guard, not an operator, entered it).
import { cpus } from 'node:os';
import { applyPolicy, cachePolicy, PolicyError, type Policy } from '@inferos/kv';
import type { PartialPolicyDocument } from '@inferos/kv/policy-schema';
import {
  pb, Subjects, REPORT_MS, serve, decode, type NatsConnection, type Subscription, type inferos,
} from '@inferos/proto';
import { PeriodicLoop, startReporter, type PolicyState } from '@inferos/serving';
import { buildRegistry, Aggregator } from '@inferos/metrics';
import { buildApp } from './app';
import { refuseNotApplied } from './not-applied';
import { PolicyStore, readHistory } from './policy-store';
import { ExternalRuns } from './external';
import { QualityEstimator, QualityProbe, RemoteQualityProbe, type Estimate, type ProbeRunner } from './quality';
import type { ProbeResult } from './probe-worker';

export const MID_CHANGE_MS = 2000;
export const RECOVER_MS = 2000;
/** Reports older than this mean the service is gone. */
const STALE_MS = 3 * REPORT_MS;
/** Window of finished requests behind tps, ftl_ms, p95_ms and the mid loop. */
const WINDOW_MS = 10_000;

export interface ControllerOptions {
  seed: Policy;
  seedName: string;
  modelDir?: string;
  modelName: string;
  port?: number;
  host?: string;
  apiKey?: string;
  /** KV group sizes the model has graphs for: a policy asking another is refused (422). */
  groups?: readonly number[];
  /**
   * Where the quality probe runs: 'thread' (the model loaded once more, in a worker thread; the default),
   * 'workers' (on the decode workers' session, over NATS: decode-worker --quality-probe), or false (off).
   */
  probe?: 'thread' | 'workers' | false;
  /** Enter baseline mode before serving anything, with this reason (INFEROS_ENABLED=0). */
  baselineAtStart?: string;
  /** The whole system's memory budget (`inferos up --memory-budget`), shown in the metrics. */
  memoryBudgetBytes?: number;
  log?: (line: string) => void;
}

interface Seen<T> {
  at: number;
  value: T;
}

export interface RunningController {
  url: string;
  store: PolicyStore;
  estimate(): Estimate;
  close(): Promise<void>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pct = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export async function startController(nc: NatsConnection, opts: ControllerOptions): Promise<RunningController> {
  const log = opts.log ?? (() => {});
  const instance = `controller-${process.pid}`;
  const store = await PolicyStore.open(nc, opts.seed, opts.seedName, opts.modelName);
  store.onHistoryError = (err) => log(`a policy change is not in the history: ${err.message}`);
  if (opts.baselineAtStart && !store.current.baselineMode) await store.setBaseline(true, opts.baselineAtStart);
  const acks = new Map<string, Seen<inferos.v1.PolicyAck>>();
  const reports = new Map<string, Seen<inferos.v1.ServiceReport>>();
  let requests: Seen<inferos.v1.RequestMetrics>[] = [];
  const subs: Subscription[] = [];
  // The same registry and aggregation as the telemetry service, for GET /v1/metrics/prometheus.
  const registry = buildRegistry(opts.modelName);
  const aggregator = new Aggregator(registry);

  // Quality: estimate over the current KV policy's content (a change starts a new estimate).
  const estimator = new QualityEstimator();
  let contentKey = '';
  let contentVersion = 0;
  const trackContent = (s: PolicyState) => {
    const key = JSON.stringify(s.policy.kv);
    if (key !== contentKey) {
      contentKey = key;
      contentVersion++;
      estimator.setPolicy(cachePolicy(s.policy), contentVersion);
    }
  };
  trackContent(store.current);
  const onProbeResult = (r: ProbeResult) => estimator.add(r, r.policyVersion);
  const onProbeError = (e: Error) => log(`quality probe: ${e.message}`);
  const probe: ProbeRunner | undefined = opts.probe === false ? undefined
    : opts.probe === 'workers' ? new RemoteQualityProbe(nc, onProbeResult, onProbeError)
      : new QualityProbe(opts.modelDir, onProbeResult, onProbeError);
  // A restarted controller's guard may leave the baseline mode its predecessor's guard entered.
  let guardEntered = store.current.baselineMode && (store.current.baselineByGuard ?? false);
  let belowSince = 0;
  let operatorMaxBatch = store.current.policy.scheduler.max_batch;
  let lastMidChange = 0;
  let guardTrippedAt: number | null = null;

  const apply = async (patch: unknown, reason: string) => {
    const s = await store.update(patch, reason);
    trackContent(s);
    return s;
  };

  const on = <T>(subject: string, type: { decode(b: Uint8Array): T }, fn: (m: T) => void) => {
    subs.push(nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return;
        try {
          fn(decode(type as never, msg.data) as T);
        } catch (e) {
          log(`${subject}: ${(e as Error).message}`);
        }
      },
    }));
  };
  on(Subjects.policyAck, pb.PolicyAck, (a: inferos.v1.PolicyAck) => acks.set(a.instance, { at: Date.now(), value: a }));
  on(Subjects.reportAll, pb.ServiceReport, (r: inferos.v1.ServiceReport) => {
    reports.set(r.instance, { at: Date.now(), value: r });
    aggregator.report(r);
  });
  on(Subjects.requestMetrics, pb.RequestMetrics, (m: inferos.v1.RequestMetrics) => {
    requests.push({ at: Date.now(), value: m });
    aggregator.observeRequest(m);
  });
  on(Subjects.qualityProbe, pb.QualityProbe, (q: inferos.v1.QualityProbe) => {
    const p = cachePolicy(store.current.policy);
    // Nothing to measure while the configured policy is itself full precision, or on very short prompts.
    if (p.fullPrecision || q.promptIds.length < 64) return;
    probe?.offer({ promptIds: [...q.promptIds], policy: p, policyVersion: contentVersion });
  });

  const recent = () => {
    const now = Date.now();
    requests = requests.filter((r) => now - r.at <= WINDOW_MS);
    return requests.map((r) => r.value);
  };
  const live = (service?: string) => [...reports.values()].filter((r) => Date.now() - r.at <= STALE_MS && (!service || r.value.service === service)).map((r) => r.value);

  // ---- the loops ----
  const slow = new PeriodicLoop('slow', store.current.policy.loops.slow_ms, async () => {
    const e = estimator.estimate();
    const s = store.current;
    const budget = s.policy.quality.max_delta_ppl;
    if (e.deltaPpl === null) return;
    if (!s.baselineMode && e.deltaPpl > budget) {
      guardEntered = true;
      belowSince = 0;
      guardTrippedAt = Date.now();
      await store.setBaseline(true, `quality guard: delta ppl ${e.deltaPpl.toFixed(3)} > ${budget} (${e.tokens} tokens of ${e.samples} sampled prompts)`, true);
      log(`quality guard: entered baseline (delta ppl ${e.deltaPpl.toFixed(3)} > ${budget})`);
    } else if (s.baselineMode && guardEntered) {
      if (e.deltaPpl < budget / 2) {
        belowSince ||= Date.now();
        if (Date.now() - belowSince >= RECOVER_MS) {
          guardEntered = false;
          await store.setBaseline(false, `quality guard: delta ppl ${e.deltaPpl.toFixed(3)} < ${budget / 2} for ${RECOVER_MS} ms`);
          log('quality guard: left baseline');
        }
      } else belowSince = 0;
    }
  }, (e) => log(`slow loop: ${e.message}`));

  const mid = new PeriodicLoop('mid', store.current.policy.loops.mid_ms, async () => {
    if (Date.now() - lastMidChange < MID_CHANGE_MS) return;
    const done = recent().filter((r) => r.ok);
    if (done.length === 0) return;
    const kv = live('kv-store')[0];
    const step = midStep({
      policy: store.current.policy,
      baselineMode: store.current.baselineMode,
      operatorMaxBatch,
      requests: done,
      running: live('gateway').reduce((a, r) => a + r.requestsRunning, 0),
      kvUsage: kv && kv.kvBudgetBytes > 0 ? kv.kvUsedBytes / kv.kvBudgetBytes : 0,
    });
    if (step) {
      lastMidChange = Date.now();
      await apply(step.patch, `mid loop: ${step.why}`);
    }
  }, (e) => log(`mid loop: ${e.message}`));

  const setPeriods = (s: PolicyState) => {
    mid.periodMs = s.policy.loops.mid_ms;
    slow.periodMs = s.policy.loops.slow_ms;
  };

  // ---- reports and API ----
  let lastLoopStats = [mid.stats(), slow.stats()];
  const stopReporter = startReporter(nc, 'controller', instance, () => {
    lastLoopStats = [mid.stats(), slow.stats()];
    const e = estimator.estimate();
    return {
      model: opts.modelName,
      policyVersion: store.current.version,
      hasControl: true,
      baselineMode: store.current.baselineMode,
      deltaPplEstimate: e.deltaPpl ?? 0,
      deltaPplTokens: e.tokens,
      loops: lastLoopStats,
    };
  }, log);

  subs.push(serve(nc, Subjects.health('controller'), { request: pb.HealthRequest, reply: pb.HealthReply, log, onError: (e) => ({ service: 'controller', ok: false, detailJson: JSON.stringify({ error: e.message }) }) }, () => ({
    service: 'controller', instance, ok: true, detailJson: JSON.stringify({ policyVersion: store.current.version, baselineMode: store.current.baselineMode }),
  })));

  const health = () => {
    const now = Date.now();
    const services = [...reports.values()].filter((r) => r.value.service !== 'controller').map((r) => {
      const ack = acks.get(r.value.instance)?.value;
      return {
        service: r.value.service,
        instance: r.value.instance,
        status: now - r.at <= STALE_MS ? 'ok' : 'gone',
        policy_version: ack && !ack.error ? ack.version : r.value.policyVersion,
        policy_error: ack?.error || null,
        last_report_ms_ago: now - r.at,
        restarts: r.value.restarts,
      };
    }).sort((a, b) => a.service.localeCompare(b.service));
    const v = store.current.version;
    const behind = services.filter((s) => s.status === 'ok' && s.policy_version !== v);
    return {
      status: services.some((s) => s.status === 'ok') && behind.length === 0 ? 'ok' : 'degraded',
      policy_version: v,
      baseline_mode: store.current.baselineMode,
      controller: { instance, status: 'ok', policy_version: v },
      services,
    };
  };

  const external = new ExternalRuns();
  const metrics = () => {
    const reqs = recent();
    const ok = reqs.filter((r) => r.ok);
    const tokens = ok.reduce((a, r) => a + r.completionTokens, 0);
    const kv = live('kv-store')[0];
    const all = live();
    const e = estimator.estimate();
    const providers = [...new Set(all.filter((r) => r.provider).map((r) => r.provider))];
    const pss = all.reduce((a, r) => a + (r.pssBytes || r.rssBytes), 0);
    const weights = all.reduce((a, r) => a + r.weightsBytes, 0);
    const deviceReason = providers.every((p) => p === 'cpu')
      ? `no device memory in use: the workers run on ${providers.join(', ') || 'no provider yet'}`
      : `no device memory counter: onnxruntime-node reports none (workers on ${providers.join(', ')})`;
    const noCounter = (dev: string) => `no ${dev} utilisation counter: onnxruntime-node reports none, and the workers run on ${providers.join(', ') || 'no provider yet'}`;
    return {
      window_s: WINDOW_MS / 1000,
      tps: tokens / (WINDOW_MS / 1000),
      ftl_ms: ok.length ? mean(ok.map((r) => r.ttftS * 1000)) : null,
      p95_ms: ok.length ? pct(ok.map((r) => r.e2eS * 1000), 95) : null,
      requests: { finished: reqs.length, failed: reqs.length - ok.length, running: live('gateway').reduce((a, r) => a + r.requestsRunning, 0), waiting: live('gateway').reduce((a, r) => a + r.requestsWaiting, 0) },
      mem: {
        host_bytes: all.reduce((a, r) => a + r.rssBytes, 0),
        // The whole system's memory in three parts (PSS: shared pages split among the processes that map
        // them, so the KV pool in shared memory counts once): the model sessions' weights as held, the KV
        // cache, and the rest (runtimes, activations, buffers).
        pss_bytes: pss,
        weights_bytes: weights,
        runtime_bytes: kv ? Math.max(0, pss - weights - kv.kvUsedBytes) : null,
        memory_budget_bytes: opts.memoryBudgetBytes ?? null,
        device_bytes: null,
        device_bytes_reason: deviceReason,
        vram_gb: null, // the guide's key for the same figure
        vram_gb_reason: deviceReason,
        kv_budget_bytes: kv?.kvBudgetBytes ?? null,
        kv_used_bytes: kv?.kvUsedBytes ?? null,
        kv_reserved_bytes: kv?.kvReservedBytes ?? null,
        kv_bytes_by_tier: kv ? { f32: kv.kvBytesF32, f16: kv.kvBytesF16, int8: kv.kvBytesInt8, int4: kv.kvBytesInt4 } : null,
        admission_paused: kv?.admissionPaused ?? null,
      },
      util: {
        cpu: all.reduce((a, r) => a + r.cpuCores, 0) / cpus().length,
        cpu_how: 'CPU time of every Infer-OS process over its last report interval, over the machine\'s cores',
        npu: null, npu_reason: noCounter('NPU'),
        igpu: null, igpu_reason: noCounter('iGPU'),
        gpu: null, gpu_reason: noCounter('GPU'),
      },
      quality: {
        delta_ppl_est: e.deltaPpl,
        ppl_policy: e.pplPolicy,
        ppl_baseline: e.pplBaseline,
        tokens: e.tokens,
        samples: e.samples,
        measured_at: e.measuredAtMs === null ? null : new Date(e.measuredAtMs).toISOString(),
        how: 'prompts of sampled live requests, teacher-forced in chunks of 32 through the real decode path with the current policy\'s compressed cache and at full precision (controller quality probe); exp(mean NLL) difference over the last 60 s',
        probe_dropped: probe?.dropped ?? 0,
        probe_error: probe === undefined ? 'the quality probe is off (--no-probe): no estimate, no guard' : probe.error,
        guard_tripped_at: guardTrippedAt === null ? null : new Date(guardTrippedAt).toISOString(),
      },
      loops: Object.fromEntries([...lastLoopStats, ...(kv?.loops ?? [])].map((l) => [l.name, { target_ms: l.targetPeriodMs, period_ms: l.meanPeriodMs, jitter_ms: l.jitterMs, max_jitter_ms: l.maxJitterMs, work_ms: l.meanWorkMs }])),
      policy_version: store.current.version,
      baseline_mode: store.current.baselineMode,
      // Runs of apps' own models reported through the SDK (POST /v1/report), per source.
      external: external.snapshot(),
    };
  };

  const app = await buildApp({ apiKey: opts.apiKey }, {
    policy: () => store.current,
    updatePolicy: async (patch) => {
      const next = applyPolicy(store.current.policy, patch);
      refuseNotApplied(store.current.policy, next); // no key is acknowledged and then ignored
      // The model must have a graph for the group size, or no kv-store could apply the policy.
      const group = next.kv.group_size;
      if (opts.groups && !opts.groups.includes(group)) {
        throw new PolicyError('infer_os.kv.group_size', `the model has no graph for group size ${group} (exported: ${opts.groups.join(', ')})`);
      }
      const s = await apply(patch, 'POST /v1/policy');
      // Only an operator's own max_batch moves the ceiling the mid loop steers under.
      if ((patch as PartialPolicyDocument | undefined)?.infer_os?.scheduler?.max_batch !== undefined) {
        operatorMaxBatch = s.policy.scheduler.max_batch;
      }
      setPeriods(s);
      return s;
    },
    setBaseline: async (enable) => {
      guardEntered = false;
      return store.setBaseline(enable, `POST /v1/baseline ${enable}`);
    },
    health,
    metrics,
    prometheus: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
    history: (limit) => readHistory(nc, limit),
    report: (r) => external.record(r),
  });
  const url = await app.listen({ port: opts.port ?? 7031, host: opts.host ?? '127.0.0.1' });
  mid.start();
  slow.start();
  // Services that started before us, or missed an update, converge on the current version.
  const reannounce = setInterval(() => {
    const v = store.current.version;
    if ([...acks.values()].some((a) => Date.now() - a.at < 60_000 && a.value.version < v) || live().some((r) => r.service !== 'controller' && r.policyVersion < v)) store.announce();
  }, 1000);
  store.announce();

  return {
    url,
    store,
    estimate: () => estimator.estimate(),
    async close() {
      clearInterval(reannounce);
      mid.stop();
      slow.stop();
      stopReporter();
      for (const s of subs) s.unsubscribe();
      await app.close();
      await probe?.close();
    },
  };
}

export interface MidInputs {
  policy: Policy;
  baselineMode: boolean;
  /** The max_batch an operator last set: the mid loop never steers above it. */
  operatorMaxBatch: number;
  /** Finished requests of the window (time to first token, gaps between tokens, their own FTL target). */
  requests: readonly { ttftS: number; itlS: ArrayLike<number>; targetFtlMs: number }[];
  /** Requests running now (gateway reports). */
  running: number;
  /** KV bytes held / budget. */
  kvUsage: number;
}

/**
 * The mid loop's decision, a pure function of what it measured: lower max_batch when the time per
 * output token or to first token is over target (10% slack) and more than one request runs; else, when
 * only TPOT is over target and memory is plentiful (and not in baseline mode), widen the FP16 window
 * (fewer quantized tokens to dequantize per step); raise max_batch back toward the operator's value when
 * both are well under target (30% slack). Undefined: no change.
 */
export function midStep(x: MidInputs): { patch: Record<string, unknown>; why: string } | undefined {
  const sched = x.policy.scheduler;
  const tpot = mean(x.requests.flatMap((r) => Array.from(r.itlS)));
  const ftl = mean(x.requests.map((r) => r.ttftS));
  if (tpot === null || ftl === null) return undefined;
  const tpotMs = tpot * 1000;
  const ftlMs = ftl * 1000;
  // The tightest time-to-first-token target among the requests that gave one, else the policy's.
  const targets = x.requests.map((r) => r.targetFtlMs).filter((t) => t > 0);
  const targetFtl = targets.length ? Math.min(...targets) : sched.target_ftl_ms;
  if ((tpotMs > sched.target_tpot_ms * 1.1 || ftlMs > targetFtl * 1.1) && sched.max_batch > 1 && x.running > 1) {
    const to = Math.max(1, Math.min(sched.max_batch, x.running) - 1);
    if (to !== sched.max_batch) {
      return { patch: { scheduler: { max_batch: to } }, why: `tpot ${tpotMs.toFixed(1)} ms / ftl ${ftlMs.toFixed(0)} ms over targets ${sched.target_tpot_ms} / ${targetFtl}: max_batch ${sched.max_batch} -> ${to}` };
    }
  } else if (tpotMs > sched.target_tpot_ms * 1.1 && x.kvUsage < 0.5 && x.policy.kv.recent_window < 512 && !x.baselineMode) {
    // (Not in baseline mode: new sequences do not use the window then, and a change of the KV policy
    // restarts the quality estimate the guard needs to leave baseline.)
    const to = Math.min(512, x.policy.kv.recent_window * 2);
    return { patch: { kv: { recent_window: to } }, why: `tpot ${tpotMs.toFixed(1)} ms over target ${sched.target_tpot_ms} at max_batch ${sched.max_batch}, KV use ${(x.kvUsage * 100).toFixed(0)}%: recent_window -> ${to}` };
  } else if (tpotMs < sched.target_tpot_ms * 0.7 && ftlMs < targetFtl * 0.7 && sched.max_batch < x.operatorMaxBatch) {
    const to = Math.min(x.operatorMaxBatch, sched.max_batch + 1);
    return { patch: { scheduler: { max_batch: to } }, why: `tpot ${tpotMs.toFixed(1)} ms and ftl ${ftlMs.toFixed(0)} ms well under targets: max_batch ${sched.max_batch} -> ${to}` };
  }
  return undefined;
}
