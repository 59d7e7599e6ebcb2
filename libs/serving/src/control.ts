// What every service does for the controller and telemetry: follow the distributed policy (take the
// current one from the JetStream KV bucket at start, apply each PolicyUpdate, acknowledge the version it
// runs), publish a ServiceReport every REPORT_MS, and run periodic loops whose real period and jitter
// are measured.
import { readFileSync } from 'node:fs';
import { cpuUsage, memoryUsage } from 'node:process';
import { Engine, type Provider } from '@inferos/inference';
import { Kvm } from '@nats-io/kv';
import { applyPolicy, DEFAULT_POLICY, type Policy } from '@inferos/kv';
import { pb, Subjects, REPORT_MS, POLICY_BUCKET, POLICY_KEY, publish, decode, type NatsConnection } from '@inferos/proto';

export interface PolicyState {
  version: number;
  policy: Policy;
  baselineMode: boolean;
  reason: string;
  /** Baseline mode was entered by the controller's quality guard (which may leave it), not an operator. */
  baselineByGuard?: boolean;
  /** The model the policy (and a guard verdict) was set on; '' when unknown (written before it was kept). */
  model?: string;
}

/** The JSON stored in the KV bucket (and carried by PolicyUpdate): the policy in the seed's shape. */
export interface StoredPolicy {
  version: number;
  policy: { infer_os: Policy };
  baseline_mode: boolean;
  reason: string;
  issued_at_ms: number;
  baseline_by_guard?: boolean;
  model?: string;
}

export function parseStoredPolicy(json: string): PolicyState {
  const s = JSON.parse(json) as StoredPolicy;
  if (!Number.isSafeInteger(s.version) || s.version < 1) throw new RangeError(`stored policy: bad version ${s.version}`);
  return {
    version: s.version, policy: applyPolicy(DEFAULT_POLICY, s.policy), baselineMode: s.baseline_mode === true, reason: s.reason ?? '',
    baselineByGuard: s.baseline_mode === true && s.baseline_by_guard === true, model: s.model ?? '',
  };
}

export interface PolicyFollower {
  /** The version applied last (0: none from the controller yet; the service runs its command-line policy). */
  readonly version: number;
  stop(): void;
}

/**
 * Apply the controller's policy: the current one from the KV bucket (if any) now, then every newer
 * PolicyUpdate. `apply` may throw: the service keeps its previous policy and the ack carries the error.
 */
export async function followPolicy(
  nc: NatsConnection,
  service: string,
  instance: string,
  apply: (s: PolicyState) => void | Promise<void>,
  log: (line: string) => void,
): Promise<PolicyFollower> {
  let version = 0;
  let chain = Promise.resolve();
  const take = (s: PolicyState) => {
    chain = chain.then(async () => {
      if (s.version <= version) return;
      let error = '';
      try {
        await apply(s);
        version = s.version;
      } catch (err) {
        error = (err as Error).message;
        log(`cannot apply policy version ${s.version}: ${error}`);
      }
      try {
        publish(nc, Subjects.policyAck, pb.PolicyAck, { service, instance, version: s.version, appliedAtMs: Date.now(), error });
      } catch (err) {
        log(`cannot acknowledge policy version ${s.version}: ${(err as Error).message}`);
      }
    });
  };
  const sub = nc.subscribe(Subjects.policyUpdate, {
    callback: (err, msg) => {
      if (err) return;
      try {
        const u = decode(pb.PolicyUpdate, msg.data);
        const s = parseStoredPolicy(u.policyJson);
        take({ ...s, version: u.version, baselineMode: u.baselineMode, reason: u.reason });
      } catch (e) {
        log(`bad policy update: ${(e as Error).message}`);
      }
    },
  });
  // The current policy, if a controller has ever run on this NATS server.
  try {
    const kv = await new Kvm(nc).open(POLICY_BUCKET);
    const e = await kv.get(POLICY_KEY);
    if (e && e.operation === 'PUT' && e.value.length > 0) take(parseStoredPolicy(e.string()));
  } catch {
    // No JetStream, no bucket, or no controller yet: keep the command-line policy until an update comes.
  }
  await chain;
  return {
    get version() {
      return version;
    },
    stop() {
      sub.unsubscribe();
    },
  };
}

/** A loop that runs `work` every `periodMs` and measures the period it actually kept. */
export class PeriodicLoop {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private n = 0;
  private sumPeriod = 0;
  private sumJitter = 0;
  private maxJitter = 0;
  private sumWork = 0;

  constructor(
    readonly name: string,
    public periodMs: number,
    private readonly work: () => void | Promise<void>,
    private readonly onError: (err: Error) => void = () => {},
  ) {}

  start(): this {
    const tick = async () => {
      const now = performance.now();
      if (this.last > 0) {
        const period = now - this.last;
        this.n++;
        this.sumPeriod += period;
        const jitter = Math.abs(period - this.periodMs);
        this.sumJitter += jitter;
        this.maxJitter = Math.max(this.maxJitter, jitter);
      }
      this.last = now;
      try {
        await this.work();
      } catch (err) {
        this.onError(err as Error);
      }
      this.sumWork += performance.now() - now;
      if (this.timer !== undefined) this.timer = setTimeout(tick, Math.max(0, this.periodMs - (performance.now() - now)));
    };
    this.timer = setTimeout(tick, this.periodMs);
    return this;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The measured figures since the last call (then reset), in the proto's LoopStats shape. */
  stats(): { name: string; targetPeriodMs: number; meanPeriodMs: number; jitterMs: number; maxJitterMs: number; meanWorkMs: number; iterations: number } {
    const n = this.n;
    const out = {
      name: this.name,
      targetPeriodMs: this.periodMs,
      meanPeriodMs: n ? this.sumPeriod / n : 0,
      jitterMs: n ? this.sumJitter / n : 0,
      maxJitterMs: this.maxJitter,
      meanWorkMs: n ? this.sumWork / n : 0,
      iterations: n,
    };
    this.n = 0;
    this.sumPeriod = this.sumJitter = this.maxJitter = this.sumWork = 0;
    return out;
  }
}

/**
 * Publish a ServiceReport every REPORT_MS: the process's own CPU (cores used since the last report) and
 * resident memory, plus what `fields()` adds. Returns a stop function.
 */
/** How many times `inferos up` restarted this service after a crash (it sets INFEROS_RESTARTS). */
const RESTARTS = Math.max(0, Math.floor(Number(process.env['INFEROS_RESTARTS'] ?? 0)) || 0);

/** Bytes this process's model sessions added to its resident memory while they opened (loadEngine). */
let weightsBytes = 0;

/**
 * Open a model and count what it holds: the process's resident memory after the session opened minus
 * before (ONNX Runtime's repacked weights, mostly). Reported as ServiceReport.weights_bytes.
 */
export async function loadEngine(modelDir: string | undefined, providers: readonly Provider[]): Promise<Engine> {
  const before = memoryUsage.rss();
  const engine = await Engine.load(modelDir, providers);
  weightsBytes += Math.max(0, memoryUsage.rss() - before);
  return engine;
}

/**
 * This process's proportional set size (Linux /proc/self/smaps_rollup), else its resident set size. The
 * kernel walks every mapping to answer (3 ms for a 900 MB process here), so reports re-read it at most
 * every PSS_EVERY_MS.
 */
export function pssBytes(): number {
  const now = performance.now();
  if (now - pssAt < PSS_EVERY_MS) return pssLast;
  pssAt = now;
  pssLast = readPss();
  return pssLast;
}

const PSS_EVERY_MS = 5000;
let pssAt = -Infinity;
let pssLast = 0;

function readPss(): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux, or no smaps_rollup: resident size instead
  }
  return memoryUsage.rss();
}

export function startReporter(
  nc: NatsConnection,
  service: string,
  instance: string,
  fields: () => Record<string, unknown>,
  log: (line: string) => void,
): () => void {
  let lastCpu = cpuUsage();
  let lastAt = performance.now();
  const beat = () => {
    const cpu = cpuUsage();
    const now = performance.now();
    const cores = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 / Math.max(1, now - lastAt);
    lastCpu = cpu;
    lastAt = now;
    try {
      publish(nc, Subjects.report(service), pb.ServiceReport, {
        service, instance, timeMs: Date.now(), cpuCores: cores, rssBytes: memoryUsage.rss(), pssBytes: pssBytes(), weightsBytes, restarts: RESTARTS, ...fields(),
      });
    } catch (err) {
      log(`report: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(beat, REPORT_MS);
  return () => clearInterval(timer);
}
