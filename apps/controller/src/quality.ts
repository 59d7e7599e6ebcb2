// The live delta-perplexity estimate: the quality probe's measurements of sampled prompts, for the
// current KV policy (a policy change starts a new estimate), over a sliding window.
import { Worker } from 'node:worker_threads';
import type { CachePolicy } from '@inferos/kv';
import { pb, Subjects, request, type NatsConnection } from '@inferos/proto';
import type { ProbeJob, ProbeResult } from './probe-worker';

export interface Estimate {
  /** exp(mean NLL, compressed) - exp(mean NLL, full precision); null until enough tokens were scored. */
  deltaPpl: number | null;
  pplPolicy: number | null;
  pplBaseline: number | null;
  tokens: number;
  samples: number;
  /** When the newest sample was measured (ms since the epoch), or null. */
  measuredAtMs: number | null;
  policyVersion: number;
}

interface Sample {
  atMs: number;
  tokens: number;
  nllPolicy: number;
  nllBaseline: number;
}

export class QualityEstimator {
  private samples: Sample[] = [];
  private policyKey = '';
  private policyVersion = 0;

  constructor(
    /** Samples older than this leave the estimate. */
    readonly windowMs = 60_000,
    /** Fewer scored tokens than this give no estimate. */
    readonly minTokens = 64,
  ) {}

  /** The KV policy being measured; a different one starts a new estimate. */
  setPolicy(policy: CachePolicy, version: number): void {
    const key = JSON.stringify(policy);
    if (key !== this.policyKey) {
      this.policyKey = key;
      this.samples = [];
    }
    this.policyVersion = version;
  }

  add(r: ProbeResult, version: number, nowMs = Date.now()): void {
    if (r.error || r.tokens <= 0) return;
    if (version !== this.policyVersion) return; // measured under a policy that is no longer current
    this.samples.push({ atMs: nowMs, tokens: r.tokens, nllPolicy: r.nllPolicy, nllBaseline: r.nllBaseline });
  }

  estimate(nowMs = Date.now()): Estimate {
    this.samples = this.samples.filter((s) => nowMs - s.atMs <= this.windowMs);
    const tokens = this.samples.reduce((a, s) => a + s.tokens, 0);
    const base = { tokens, samples: this.samples.length, measuredAtMs: this.samples.at(-1)?.atMs ?? null, policyVersion: this.policyVersion };
    if (tokens < this.minTokens) return { deltaPpl: null, pplPolicy: null, pplBaseline: null, ...base };
    const pplPolicy = Math.exp(this.samples.reduce((a, s) => a + s.nllPolicy, 0) / tokens);
    const pplBaseline = Math.exp(this.samples.reduce((a, s) => a + s.nllBaseline, 0) / tokens);
    return { deltaPpl: pplPolicy - pplBaseline, pplPolicy, pplBaseline, ...base };
  }
}

/** Where the probe's jobs run: one at a time; jobs that arrive while one runs are dropped (counted). */
export interface ProbeRunner {
  dropped: number;
  /** Why the probe cannot run, or null. */
  error: string | null;
  whenReady(): Promise<void>;
  /** Score a prompt unless a job is already running; returns whether it was taken. */
  offer(job: ProbeJob): boolean;
  close(): Promise<void>;
}

/**
 * Runs probe jobs on the workers' model session (`decode-worker --quality-probe`, queue group) over
 * NATS: no process loads the model for the probe alone. A worker scores between its decode steps.
 */
export class RemoteQualityProbe implements ProbeRunner {
  private busy = false;
  private closed = false;
  dropped = 0;
  error: string | null = null;

  constructor(private readonly nc: NatsConnection, private readonly onResult: (r: ProbeResult) => void,
    private readonly onError: (e: Error) => void, private readonly timeoutMs = 300_000) {}

  async whenReady(): Promise<void> {}

  offer(job: ProbeJob): boolean {
    if (this.busy || this.closed) {
      this.dropped++;
      return false;
    }
    this.busy = true;
    const p = job.policy;
    const req = {
      promptIds: job.promptIds, policyVersion: job.policyVersion,
      policy: { fullPrecision: p.fullPrecision, sinks: p.sinks, window: p.window, groupSize: p.groupSize, ...p.thresholds },
    };
    void request(this.nc, Subjects.qualityScore, pb.QualityScoreRequest, req, pb.QualitySample, this.timeoutMs).then((r) => {
      if (r.error) throw new Error(r.error);
      this.error = null;
      this.onResult({ tokens: r.tokens, nllPolicy: r.nllPolicy, nllBaseline: r.nllBaseline, policyVersion: job.policyVersion });
    }).catch((e: Error) => {
      this.error = `no worker scored the last sampled prompt: ${e.message} (the probe runs on decode workers started with --quality-probe)`;
      this.onError(e);
    }).finally(() => {
      this.busy = false;
    });
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Runs probe jobs one at a time in a worker thread of its own (the model loaded once more). */
export class QualityProbe implements ProbeRunner {
  private readonly worker: Worker;
  private busy = true;
  private readonly ready: Promise<void>;
  dropped = 0;

  constructor(modelDir: string | undefined, private readonly onResult: (r: ProbeResult) => void, onError: (e: Error) => void) {
    this.worker = new Worker(new URL('./probe-worker.mjs', import.meta.url), { workerData: { modelDir } });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: ProbeResult | { ready: true }) => {
        this.busy = false;
        if ('ready' in m) resolve();
        else this.onResult(m);
      });
    });
    this.worker.on('error', (e) => {
      this.error = `the probe thread failed: ${e.message}; no new estimate until the controller restarts`;
      onError(e);
    });
  }

  /** Why the probe cannot run (its thread died), or null. */
  error: string | null = null;

  async whenReady(): Promise<void> {
    await this.ready;
  }

  /** Score a prompt unless a job is already running; returns whether it was taken. */
  offer(job: ProbeJob): boolean {
    if (this.busy) {
      this.dropped++;
      return false;
    }
    this.busy = true;
    this.worker.postMessage(job);
    return true;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
