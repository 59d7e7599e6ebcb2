// Turns the services' messages into the registry's figures, with no I/O: RequestMetrics feed the
// histograms and counters; the latest ServiceReport of each service instance feeds the gauges (a report
// older than `staleMs` no longer counts, so a dead service drops out); `tick` samples the live series.
import type { Registry } from 'prom-client';
import { KV_TIERS, SYSTEM_POLICY, metricsOf, onCollect, type KvTier, type Metrics } from './metrics';

// The fields read from the decoded proto messages (pb.RequestMetrics, pb.ServiceReport): structural, so
// that this lib needs no proto dependency and tests can pass plain objects.
type Opt<T> = T | null | undefined;

export interface RequestMetricsLike {
  /** The KV policy the request named ("": none, the one in force). */
  policy?: Opt<string>;
  ok?: Opt<boolean>;
  errorCode?: Opt<string>;
  /** Not in RequestMetrics yet: without it a success counts under finished_reason="unknown". */
  finishReason?: Opt<string>;
  promptTokens?: Opt<number>;
  completionTokens?: Opt<number>;
  ttftS?: Opt<number>;
  e2eS?: Opt<number>;
  itlS?: Opt<readonly number[]>;
}

export interface LoopStatsLike {
  name?: Opt<string>;
  targetPeriodMs?: Opt<number>;
  meanPeriodMs?: Opt<number>;
  jitterMs?: Opt<number>;
  maxJitterMs?: Opt<number>;
  meanWorkMs?: Opt<number>;
  iterations?: Opt<number>;
}

export interface ServiceReportLike {
  service?: Opt<string>;
  instance?: Opt<string>;
  timeMs?: Opt<number>;
  policyVersion?: Opt<number>;
  hasRequests?: Opt<boolean>;
  requestsRunning?: Opt<number>;
  requestsWaiting?: Opt<number>;
  hasKv?: Opt<boolean>;
  kvBudgetBytes?: Opt<number>;
  kvUsedBytes?: Opt<number>;
  kvReservedBytes?: Opt<number>;
  kvBytesF32?: Opt<number>;
  kvBytesF16?: Opt<number>;
  kvBytesInt8?: Opt<number>;
  kvBytesInt4?: Opt<number>;
  kvBytesExact?: Opt<number>;
  kvSequences?: Opt<number>;
  admissionPaused?: Opt<boolean>;
  hasControl?: Opt<boolean>;
  baselineMode?: Opt<boolean>;
  deltaPplEstimate?: Opt<number>;
  deltaPplTokens?: Opt<number>;
  loops?: Opt<readonly LoopStatsLike[]>;
  cpuCores?: Opt<number>;
  rssBytes?: Opt<number>;
  restarts?: Opt<number>;
}

export interface AggregatorOptions {
  /** A report older than this (by arrival) is dropped: default 1500 ms (3 * REPORT_MS). */
  staleMs?: number;
  /** Points kept by the live series, one per tick: default 900 (15 minutes at 1 per second). */
  seriesPoints?: number;
  /** Window of the live TPS and TTFT figures: default 5000 ms. */
  windowMs?: number;
  /** Window of the per-policy figures against baseline (kpis): default 600,000 ms. */
  kpiWindowMs?: number;
  /** Clock used when the registry is collected (default Date.now). */
  now?: () => number;
}

export interface KvFigures {
  budgetBytes: number;
  usedBytes: number;
  reservedBytes: number;
  /** usedBytes / budgetBytes (0 when the budget is 0). */
  usage: number;
  bytes: Record<KvTier, number>;
  /** What the same tokens would hold in an exact (float32) cache, as `baseline` keeps them (0: not reported). */
  exactBytes: number;
  sequences: number;
  admissionPaused: boolean;
}

export interface ControlFigures {
  policyVersion: number;
  /** null until the controller has measured some tokens (its report then carries no estimate). */
  deltaPplEstimate: number | null;
  deltaPplTokens: number;
  baselineMode: boolean;
}

export interface LoopFigures {
  name: string;
  service: string;
  targetPeriodS: number;
  meanPeriodS: number;
  jitterS: number;
  maxJitterS: number;
  meanWorkS: number;
  iterations: number;
}

/** The gauges' figures from the reports that are still fresh; null where no service reports the group. */
export interface Current {
  requestsRunning: number | null;
  requestsWaiting: number | null;
  kv: KvFigures | null;
  control: ControlFigures | null;
  loops: LoopFigures[];
  processes: { service: string; instances: number; cpuCores: number; rssBytes: number; restarts: number }[];
  instances: { service: string; instance: string; ageMs: number }[];
}

export interface Totals {
  requestsOk: number;
  requestsFailed: number;
  promptTokens: number;
  generationTokens: number;
  ttftCount: number;
  ttftSumS: number;
}

/** The live series, column by column (index i of every array is the point at t[i]). */
export interface Series {
  /** Milliseconds since the epoch. */
  t: number[];
  /** Generated tokens per second over the last window (tokens counted when their request finished). */
  tps: (number | null)[];
  /** Mean time to first token of the requests that finished in the last window, seconds. */
  ttftS: (number | null)[];
  kvBytes: Record<KvTier, (number | null)[]>;
  kvBudgetBytes: (number | null)[];
  deltaPpl: (number | null)[];
  policyVersion: (number | null)[];
  baselineMode: (number | null)[];
}

export interface Snapshot {
  timeMs: number;
  model: string;
  tps: number | null;
  ttftS: number | null;
  totals: Omit<Totals, 'ttftSumS' | 'ttftCount'>;
  current: Current;
}

/** One finished request as the KPI window keeps it. */
interface Finished {
  t: number;
  policy: string;
  ok: boolean;
  tokens: number;
  ttftS: number | null;
  decodeS: number | null;
  e2eS: number | null;
}

/** The KPI window keeps at most this many requests (the oldest go first). */
const MAX_FINISHED = 20_000;

/** One policy's figures over the KPI window. */
export interface PolicyFigures {
  requests: number;
  failed: number;
  /** Generated tokens. */
  tokens: number;
  /** Tokens per second of one stream while it decodes (after its first token), over every request that decoded. */
  decodeTpsPerStream: number | null;
  ttftMeanS: number | null;
  /** Mean end-to-end latency of successful requests. */
  e2eMeanS: number | null;
}

export interface PolicyKpis extends PolicyFigures {
  policy: string;
  /** This policy's figure over baseline's, each; null for baseline itself and while no baseline request finished in the window. */
  vsBaseline: { decodeTpsPerStream: number | null; ttftMeanS: number | null; e2eMeanS: number | null } | null;
}

export interface Kpis {
  windowS: number;
  /** `baseline` first, then the others by name. */
  policies: PolicyKpis[];
  /** KV bytes held now against an exact cache of the same tokens (null until the kv-store reports both). */
  kv: { heldBytes: number; exactBytes: number; ratio: number } | null;
}

interface Point {
  t: number;
  totals: Totals;
  tps: number | null;
  ttftS: number | null;
  kv: KvFigures | null;
  control: ControlFigures | null;
}

interface Held {
  report: ServiceReportLike;
  at: number;
}

/** KV bytes the tiers hold (their stores' bytes, not the budget's reservations). */
const held = (kv: KvFigures): number => KV_TIERS.reduce((a, t) => a + kv.bytes[t], 0);

const num = (x: Opt<number>): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export class Aggregator {
  readonly registry: Registry;
  readonly modelName: string;
  private readonly m: Metrics;
  private readonly staleMs: number;
  private readonly windowMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly reports = new Map<string, Held>();
  private readonly totals: Totals = { requestsOk: 0, requestsFailed: 0, promptTokens: 0, generationTokens: 0, ttftCount: 0, ttftSumS: 0 };
  private readonly ring: Point[] = [];
  private head = 0; // index of the oldest point once the ring is full
  private readonly start: { t: number; totals: Totals };
  private readonly kpiWindowMs: number;
  /** Requests finished inside the KPI window, oldest first. */
  private readonly finished: Finished[] = [];

  constructor(registry: Registry, opts: AggregatorOptions = {}) {
    this.m = metricsOf(registry);
    this.registry = registry;
    this.modelName = this.m.modelName;
    this.staleMs = opts.staleMs ?? 1500;
    this.windowMs = opts.windowMs ?? 5000;
    this.capacity = opts.seriesPoints ?? 900;
    this.kpiWindowMs = opts.kpiWindowMs ?? 600_000;
    this.now = opts.now ?? Date.now;
    for (const [k, v] of Object.entries({ staleMs: this.staleMs, windowMs: this.windowMs, seriesPoints: this.capacity, kpiWindowMs: this.kpiWindowMs })) {
      if (!Number.isFinite(v) || v <= 0) throw new RangeError(`Aggregator: ${k} must be a positive number, got ${v}`);
    }
    this.start = { t: this.now(), totals: { ...this.totals } };
    onCollect(registry, () => this.refresh(this.now()));
  }

  /** One finished request, as the gateway measured it. */
  observeRequest(r: RequestMetricsLike): void {
    const policy = r.policy || SYSTEM_POLICY;
    const labels = { model_name: this.modelName, policy };
    const prompt = num(r.promptTokens);
    const completion = num(r.completionTokens);
    this.m.promptTokens.inc(labels, prompt);
    this.m.generationTokens.inc(labels, completion);
    this.totals.promptTokens += prompt;
    this.totals.generationTokens += completion;
    // A request that produced no token has no time to first token (its ttft_s is a default 0).
    const ttft = completion > 0 && num(r.ttftS) > 0 ? num(r.ttftS) : null;
    if (ttft !== null) {
      this.m.ttft.observe(labels, ttft);
      this.totals.ttftCount++;
      this.totals.ttftSumS += ttft;
    }
    for (const gap of r.itlS ?? []) if (Number.isFinite(gap) && gap >= 0) this.m.itl.observe(labels, gap);
    if (r.ok) {
      if (num(r.e2eS) > 0) this.m.e2e.observe(labels, num(r.e2eS));
      this.m.success.inc({ ...labels, finished_reason: r.finishReason || 'unknown' });
      this.totals.requestsOk++;
    } else {
      this.m.failure.inc({ ...labels, error_code: r.errorCode || 'unknown' });
      this.totals.requestsFailed++;
    }
    // Decoding (first token to last), what the KPI table's decode speed divides: successful requests only.
    const decodeS = r.ok && ttft !== null && completion > 1 && num(r.e2eS) > ttft ? num(r.e2eS) - ttft : null;
    if (decodeS !== null) {
      this.m.decodeSeconds.inc(labels, decodeS);
      this.m.decodeTokens.inc(labels, completion - 1);
    }
    const t = this.now();
    this.finished.push({
      t, policy, ok: Boolean(r.ok), tokens: completion, ttftS: ttft,
      decodeS,
      e2eS: r.ok && num(r.e2eS) > 0 ? num(r.e2eS) : null,
    });
    this.forget(t);
  }

  /**
   * Each KV policy's figures over the last kpiWindowMs (requests as the gateway measured them, grouped by the
   * policy they named), and each one's change against `baseline`'s over the same window: a ratio, or null
   * while no baseline request finished in it. With the kv-store's report, the KV bytes held against what
   * an exact cache of the same tokens would hold.
   */
  kpis(nowMs: number = this.now()): Kpis {
    this.forget(nowMs);
    const by = new Map<string, Finished[]>();
    for (const f of this.finished) {
      const list = by.get(f.policy);
      if (list) list.push(f);
      else by.set(f.policy, [f]);
    }
    const figures = (fs: Finished[]): PolicyFigures => {
      const decoding = fs.filter((f) => f.decodeS !== null);
      const decodeS = decoding.reduce((a, f) => a + f.decodeS!, 0);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      return {
        requests: fs.length,
        failed: fs.filter((f) => !f.ok).length,
        tokens: fs.reduce((a, f) => a + f.tokens, 0),
        decodeTpsPerStream: decodeS > 0 ? decoding.reduce((a, f) => a + f.tokens - 1, 0) / decodeS : null,
        ttftMeanS: mean(fs.flatMap((f) => (f.ttftS === null ? [] : [f.ttftS]))),
        e2eMeanS: mean(fs.flatMap((f) => (f.e2eS === null ? [] : [f.e2eS]))),
      };
    };
    const base = by.has('baseline') ? figures(by.get('baseline')!) : null;
    const ratio = (a: number | null, b: number | null | undefined) => (a !== null && b !== null && b !== undefined && b > 0 ? a / b : null);
    const policies = [...by.keys()].sort((a, b) => (a === 'baseline' ? -1 : b === 'baseline' ? 1 : a.localeCompare(b))).map((policy): PolicyKpis => {
      const f = figures(by.get(policy)!);
      return {
        policy, ...f,
        vsBaseline: base && policy !== 'baseline'
          ? { decodeTpsPerStream: ratio(f.decodeTpsPerStream, base.decodeTpsPerStream), ttftMeanS: ratio(f.ttftMeanS, base.ttftMeanS), e2eMeanS: ratio(f.e2eMeanS, base.e2eMeanS) }
          : null,
      };
    });
    const kv = this.current(nowMs).kv;
    return {
      windowS: this.kpiWindowMs / 1000,
      policies,
      kv: kv && kv.exactBytes > 0 ? { heldBytes: held(kv), exactBytes: kv.exactBytes, ratio: held(kv) / kv.exactBytes } : null,
    };
  }

  /** Drop finished requests older than the KPI window (and any beyond MAX_FINISHED). */
  private forget(nowMs: number): void {
    let drop = 0;
    while (drop < this.finished.length && (nowMs - this.finished[drop]!.t > this.kpiWindowMs || this.finished.length - drop > MAX_FINISHED)) drop++;
    if (drop > 0) this.finished.splice(0, drop);
  }

  /** The latest report of one service instance, received at `nowMs`. */
  report(r: ServiceReportLike, nowMs: number = this.now()): void {
    if (!r.service) return;
    this.reports.set(`${r.service}\u0000${r.instance ?? ''}`, { report: r, at: nowMs });
    this.refresh(nowMs);
  }

  /** The gauges' figures at `nowMs`, from the reports that are not stale (stale ones are forgotten). */
  current(nowMs: number = this.now()): Current {
    const fresh: Held[] = [];
    for (const [k, h] of this.reports) {
      if (nowMs - h.at > this.staleMs) this.reports.delete(k);
      else fresh.push(h);
    }
    fresh.sort((a, b) => a.at - b.at); // newest last: where one figure has several sources, the newest wins
    const out: Current = { requestsRunning: null, requestsWaiting: null, kv: null, control: null, loops: [], processes: [], instances: [] };
    const loops = new Map<string, LoopFigures>();
    const procs = new Map<string, Current['processes'][number]>();
    for (const { report: r, at } of fresh) {
      const service = r.service!;
      out.instances.push({ service, instance: r.instance ?? '', ageMs: nowMs - at });
      if (r.hasRequests) {
        out.requestsRunning = (out.requestsRunning ?? 0) + num(r.requestsRunning);
        out.requestsWaiting = (out.requestsWaiting ?? 0) + num(r.requestsWaiting);
      }
      if (r.hasKv && service === 'kv-store') {
        const kv = out.kv ?? { budgetBytes: 0, usedBytes: 0, reservedBytes: 0, usage: 0, bytes: { f32: 0, f16: 0, int8: 0, int4: 0 }, exactBytes: 0, sequences: 0, admissionPaused: false };
        kv.budgetBytes += num(r.kvBudgetBytes);
        kv.usedBytes += num(r.kvUsedBytes);
        kv.reservedBytes += num(r.kvReservedBytes);
        kv.bytes.f32 += num(r.kvBytesF32);
        kv.bytes.f16 += num(r.kvBytesF16);
        kv.bytes.int8 += num(r.kvBytesInt8);
        kv.bytes.int4 += num(r.kvBytesInt4);
        kv.exactBytes += num(r.kvBytesExact);
        kv.sequences += num(r.kvSequences);
        kv.admissionPaused ||= Boolean(r.admissionPaused);
        kv.usage = kv.budgetBytes > 0 ? kv.usedBytes / kv.budgetBytes : 0;
        out.kv = kv;
      }
      if (r.hasControl && service === 'controller') {
        // A proto double cannot be null: with no scored tokens the report's estimate means "none yet".
        const measured = num(r.deltaPplTokens) > 0;
        out.control = { policyVersion: num(r.policyVersion), deltaPplEstimate: measured ? num(r.deltaPplEstimate) : null, deltaPplTokens: num(r.deltaPplTokens), baselineMode: Boolean(r.baselineMode) };
      }
      if (service === 'controller' || service === 'kv-store') {
        for (const l of r.loops ?? []) {
          if (!l.name) continue;
          loops.set(l.name, {
            name: l.name, service,
            targetPeriodS: num(l.targetPeriodMs) / 1000, meanPeriodS: num(l.meanPeriodMs) / 1000,
            jitterS: num(l.jitterMs) / 1000, maxJitterS: num(l.maxJitterMs) / 1000, meanWorkS: num(l.meanWorkMs) / 1000,
            iterations: num(l.iterations),
          });
        }
      }
      const p = procs.get(service) ?? { service, instances: 0, cpuCores: 0, rssBytes: 0, restarts: 0 };
      p.instances++;
      p.cpuCores += num(r.cpuCores);
      p.rssBytes += num(r.rssBytes);
      p.restarts += num(r.restarts);
      procs.set(service, p);
    }
    out.loops = [...loops.values()].sort((a, b) => a.name.localeCompare(b.name));
    out.processes = [...procs.values()].sort((a, b) => a.service.localeCompare(b.service));
    return out;
  }

  /** Set every gauge from `current(nowMs)`; a figure without a source has no series. */
  refresh(nowMs: number = this.now()): void {
    const c = this.current(nowMs);
    const m = this.m;
    const base = { model_name: this.modelName };
    const gauges = [m.requestsRunning, m.requestsWaiting, m.kvUsage, m.kvBytes, m.kvBudget, m.kvExact, m.policyVersion, m.deltaPpl, m.baselineMode,
      m.loopPeriod, m.loopTarget, m.loopJitter, m.loopMaxJitter, m.admissionPaused, m.cpuCores, m.rss, m.restarts];
    for (const g of gauges) g.reset();
    if (c.requestsRunning !== null) m.requestsRunning.set(base, c.requestsRunning);
    if (c.requestsWaiting !== null) m.requestsWaiting.set(base, c.requestsWaiting);
    if (c.kv) {
      m.kvUsage.set(base, c.kv.usage);
      m.kvBudget.set(base, c.kv.budgetBytes);
      if (c.kv.exactBytes > 0) m.kvExact.set(base, c.kv.exactBytes);
      for (const tier of KV_TIERS) m.kvBytes.set({ ...base, tier }, c.kv.bytes[tier]);
      m.admissionPaused.set(base, c.kv.admissionPaused ? 1 : 0);
    }
    if (c.control) {
      m.policyVersion.set(base, c.control.policyVersion);
      if (c.control.deltaPplEstimate === null) m.deltaPpl.remove(base);
      else m.deltaPpl.set(base, c.control.deltaPplEstimate);
      m.baselineMode.set(base, c.control.baselineMode ? 1 : 0);
    }
    for (const l of c.loops) {
      const labels = { ...base, loop: l.name };
      m.loopPeriod.set(labels, l.meanPeriodS);
      m.loopTarget.set(labels, l.targetPeriodS);
      m.loopJitter.set(labels, l.jitterS);
      m.loopMaxJitter.set(labels, l.maxJitterS);
    }
    for (const p of c.processes) {
      m.cpuCores.set({ ...base, service: p.service }, p.cpuCores);
      m.rss.set({ ...base, service: p.service }, p.rssBytes);
      m.restarts.set({ ...base, service: p.service }, p.restarts);
    }
  }

  /** Append one point to the live series (call once per second). */
  tick(nowMs: number = this.now()): void {
    this.refresh(nowMs);
    const c = this.current(nowMs);
    const { tps, ttftS } = this.windowed(nowMs);
    const point: Point = { t: nowMs, totals: { ...this.totals }, tps, ttftS, kv: c.kv, control: c.control };
    if (this.ring.length < this.capacity) this.ring.push(point);
    else {
      this.ring[this.head] = point;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** The live series, oldest point first. */
  series(): Series {
    const pts = this.points();
    const col = <T>(f: (p: Point) => T): T[] => pts.map(f);
    return {
      t: col((p) => p.t),
      tps: col((p) => p.tps),
      ttftS: col((p) => p.ttftS),
      kvBytes: Object.fromEntries(KV_TIERS.map((tier) => [tier, col((p) => (p.kv ? p.kv.bytes[tier] : null))])) as Record<KvTier, (number | null)[]>,
      kvBudgetBytes: col((p) => p.kv?.budgetBytes ?? null),
      deltaPpl: col((p) => p.control?.deltaPplEstimate ?? null),
      policyVersion: col((p) => p.control?.policyVersion ?? null),
      baselineMode: col((p) => (p.control ? (p.control.baselineMode ? 1 : 0) : null)),
    };
  }

  /** Everything worth keeping about this moment (the history's snapshots). */
  snapshot(nowMs: number = this.now()): Snapshot {
    const { tps, ttftS } = this.windowed(nowMs);
    const { ttftCount: _c, ttftSumS: _s, ...totals } = this.totals;
    return { timeMs: nowMs, model: this.modelName, tps, ttftS, totals, current: this.current(nowMs) };
  }

  /** Generation rate and mean TTFT since the oldest point inside the window (or since the start). */
  private windowed(nowMs: number): { tps: number | null; ttftS: number | null } {
    const pts = this.points();
    const base = pts.find((p) => p.t >= nowMs - this.windowMs) ?? pts.at(-1) ?? this.start;
    const dt = (nowMs - base.t) / 1000;
    const tps = dt > 0 ? (this.totals.generationTokens - base.totals.generationTokens) / dt : null;
    const n = this.totals.ttftCount - base.totals.ttftCount;
    const ttftS = n > 0 ? (this.totals.ttftSumS - base.totals.ttftSumS) / n : null;
    return { tps, ttftS };
  }

  private points(): Point[] {
    return this.head === 0 ? this.ring : [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
  }
}
