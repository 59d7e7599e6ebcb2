// The deployed backend: admission at the kv-store, prefill through the prefill workers' queue group,
// tokens streamed back from whichever worker holds the sequence.
//
//   open    SeqOpenRequest -> kv-store reserves the sequence's worst-case bytes (waits while saturated)
//   listen  subscribe to the request's stream subject (before anything can be published on it)
//   send    PrefillJob -> a prefill worker acks; it later hands the sequence to a decode worker
//   stream  TokenChunk messages, in order (index checked), until one is done or carries an error
//   lost    a SeqLost from the kv-store (a worker gone, its job not taken over), or the kv-store itself
//           silent for LOST_AFTER_MS (its reports stopped), ends it with an error
// Aborting frees the sequence at the kv-store; the worker then drops it at its next commit.
import {
  pb, Subjects, type Fields, INFERENCE_SERVICES, LOST_AFTER_MS, HEARTBEAT_MS, request, untilAnswered, publish, UnavailableError, decode, inferos, type NatsConnection, type Subscription,
} from '@inferos/proto';
import type { TokenLogprob } from '@inferos/inference';
import { BackendError, BackendErrorCode, type Backend, type GenerationEvent, type GenerationRequest, type ServiceHealth } from './backend';

/** How long the gateway keeps sending a prompt no prefill worker has taken (the kv-store's handoff window too). */
const PREFILL_SEND_WINDOW_MS = 30_000;
/** One try: a live worker answers within milliseconds (it records the claim at the kv-store, then acks). */
const PREFILL_TRY_MS = 5000;

export interface NatsBackendOptions {
  modelName: string;
  maxContext: number;
  vocabSize: number;
  /** How long a request may wait for room in the KV budget before it is refused with 503 (default 60 s). */
  admissionTimeoutMs?: number;
  /** A stream that stays silent this long ends with an error (default 60 s). */
  silenceTimeoutMs?: number;
  /** Send a request's prompt to the controller's quality probe at most this often (default 5000 ms; 0: never). */
  probeEveryMs?: number;
  log?: (line: string) => void;
}

export class NatsBackend implements Backend {
  /** Streams in flight, by sequence: end one with the reason its sequence is gone. */
  private readonly lost = new Map<string, (why: string) => void>();
  private readonly lostSub: Subscription;
  /** The kv-store's reports (every REPORT_MS): when they stop, every sequence it held is gone with it. */
  private readonly kvReportSub: Subscription;
  private kvReportAt = Date.now();
  private readonly kvWatch: NodeJS.Timeout;
  private waiting = 0;
  private running = 0;
  private lastProbe = 0;

  constructor(private readonly nc: NatsConnection, private readonly opts: NatsBackendOptions) {
    this.lostSub = nc.subscribe(Subjects.kvLost, {
      callback: (err, msg) => {
        if (err) return;
        try {
          const m = decode(pb.SeqLost, msg.data);
          this.lost.get(m.seqId)?.(`the worker serving this request was lost (${m.reason}); its KV blocks were freed`);
        } catch {
          // A malformed announcement concerns nobody we serve.
        }
      },
    });
    // A dead kv-store announces nothing, and a worker's commit to it waits out its own timeout: the
    // gateway ends the streams in flight itself once the kv-store has been silent for LOST_AFTER_MS.
    this.kvReportSub = nc.subscribe(Subjects.report('kv-store'), { callback: () => { this.kvReportAt = Date.now(); } });
    this.kvWatch = setInterval(() => {
      const silent = Date.now() - this.kvReportAt;
      if (silent <= LOST_AFTER_MS || this.lost.size === 0) return;
      for (const end of [...this.lost.values()]) end(`the kv-store holding this request's KV cache stopped reporting ${silent} ms ago; the request is lost with it`);
    }, HEARTBEAT_MS / 2);
    this.kvWatch.unref();
  }

  get modelName(): string {
    return this.opts.modelName;
  }

  get maxContext(): number {
    return this.opts.maxContext;
  }

  get vocabSize(): number {
    return this.opts.vocabSize;
  }

  /** Requests waiting for room in the KV budget. */
  get waitingRequests(): number {
    return this.waiting;
  }

  /** Requests admitted and not finished. */
  get runningRequests(): number {
    return this.running;
  }

  private emit(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.opts.log?.(`telemetry: ${(err as Error).message}`);
    }
  }

  private async admit(req: GenerationRequest, signal: AbortSignal): Promise<inferos.v1.SeqOpenReply | undefined> {
    const deadline = Date.now() + (this.opts.admissionTimeoutMs ?? 60_000);
    this.waiting++;
    try {
      for (;;) {
        let rep: inferos.v1.SeqOpenReply;
        try {
          rep = await request(this.nc, Subjects.kvOpen, pb.SeqOpenRequest, {
            requestId: req.requestId, policy: req.policy ?? '', promptTokens: req.promptIds.length, maxTokens: req.maxTokens,
          }, pb.SeqOpenReply, 5000);
        } catch (err) {
          if (err instanceof UnavailableError) throw new BackendError(BackendErrorCode.unavailable, `kv-store: ${err.message}`);
          throw err;
        }
        switch (rep.status) {
          case pb.OpenStatus.OPEN_STATUS_OK:
            return rep;
          case pb.OpenStatus.OPEN_STATUS_SATURATED: {
            if (signal.aborted) return undefined;
            if (Date.now() >= deadline) throw new BackendError(BackendErrorCode.saturated, `no room in the KV budget within ${this.opts.admissionTimeoutMs ?? 60_000} ms: ${rep.message}`, 1);
            await sleep(Math.max(10, rep.retryAfterMs || 50), signal);
            if (signal.aborted) return undefined; // the client left while it waited: open nothing
            continue;
          }
          case pb.OpenStatus.OPEN_STATUS_TOO_LARGE:
          case pb.OpenStatus.OPEN_STATUS_BAD_REQUEST:
            throw new BackendError(BackendErrorCode.invalidRequest, rep.message);
          default:
            throw new BackendError(BackendErrorCode.internal, `kv-store answered status ${rep.status}`);
        }
      }
    } finally {
      this.waiting--;
    }
  }

  async generate(req: GenerationRequest, onEvent: (e: GenerationEvent) => void, signal: AbortSignal): Promise<void> {
    if (req.promptIds.length + req.maxTokens > this.maxContext) {
      throw new BackendError(BackendErrorCode.contextLengthExceeded, `prompt (${req.promptIds.length} tokens) + max_tokens (${req.maxTokens}) exceed the model's context of ${this.maxContext}`);
    }
    const t0 = performance.now();
    const open = await this.admit(req, signal);
    if (!open) return;
    const seqId = open.seqId;
    this.running++;
    const every = this.opts.probeEveryMs ?? 5000;
    if (every > 0 && Date.now() - this.lastProbe >= every) {
      this.lastProbe = Date.now();
      this.emit(() => publish(this.nc, Subjects.qualityProbe, pb.QualityProbe, { requestId: req.requestId, promptIds: req.promptIds }));
    }
    const times: number[] = [];
    let outcome: { ok: boolean; code: string; tokens: number; finish?: string } = { ok: false, code: 'aborted', tokens: 0 };
    const report = (e: GenerationEvent) => {
      if (e.kind === 'tokens') for (const _ of e.ids) times.push(performance.now());
      else if (e.kind === 'done') outcome = { ok: true, code: '', tokens: e.completionTokens, finish: e.finishReason };
      else if (e.kind === 'error') outcome = { ok: false, code: e.code, tokens: times.length };
      onEvent(e);
    };
    const free = (reason: string) =>
      request(this.nc, Subjects.kvFree, pb.SeqFreeRequest, { seqId, reason }, pb.Ack, 2000).catch(() => undefined);
    const subject = Subjects.stream(req.requestId);
    const sub = this.nc.subscribe(subject);
    let finished = false;
    try {
      const ack = await this.sendPrefill({
        requestId: req.requestId, seqId, promptIds: req.promptIds, maxTokens: req.maxTokens,
        sampling: {
          temperature: req.temperature, topP: req.topP, seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
          logprobs: req.logprobs !== undefined, topLogprobs: req.logprobs ?? 0,
        },
        stopAtEos: req.stopAtEos, streamSubject: subject, chunk: open.chunk, echo: req.echo ?? false,
      }, signal);
      if (!ack) return;
      if (!ack.ok) throw new BackendError(BackendErrorCode.unavailable, `prefill-worker refused the request: ${ack.message}`);
      await this.consume(req, sub, seqId, t0, report, signal);
      finished = true;
    } catch (err) {
      outcome = { ok: false, code: err instanceof BackendError ? err.code : BackendErrorCode.internal, tokens: times.length };
      throw err;
    } finally {
      this.running--;
      const end = performance.now();
      this.emit(() => publish(this.nc, Subjects.requestMetrics, pb.RequestMetrics, {
        model: this.modelName, policy: req.policy ?? '', ok: outcome.ok, errorCode: outcome.code, finishReason: outcome.finish ?? '', targetFtlMs: req.targetFtlMs ?? 0,
        promptTokens: req.promptIds.length, completionTokens: outcome.tokens,
        ttftS: times.length ? (times[0]! - t0) / 1000 : 0, e2eS: (end - t0) / 1000,
        itlS: times.slice(1).map((t, i) => (t - times[i]!) / 1000),
      }));
      sub.unsubscribe();
      this.lost.delete(seqId);
      // On success the worker freed the sequence; otherwise (an error event, a throw, an abort) make sure
      // it is gone: freeing twice is harmless, a leaked reservation is not.
      if (!finished || !outcome.ok || signal.aborted) await free(signal.aborted ? 'client went away' : 'request failed');
    }
  }

  /**
   * Send the prompt to the prefill workers' queue group until one accepts it. A worker acknowledges only
   * once the kv-store records it as the sequence's owner, so an unanswered try means nobody took the job:
   * it reached a worker that died before answering (NATS routed it to a subscription whose connection it
   * had not yet seen close), or the only worker is restarting (no responders). Sending it again is safe: a
   * worker that finds the sequence already taken answers ok without running it, and one worker never
   * queues a sequence twice. Gives up after PREFILL_SEND_WINDOW_MS; undefined when the client went away.
   */
  private async sendPrefill(job: Fields<typeof pb.PrefillJob>, signal: AbortSignal): Promise<inferos.v1.Ack | undefined> {
    try {
      return await untilAnswered(() => request(this.nc, Subjects.prefillJobs, pb.PrefillJob, job, pb.Ack, PREFILL_TRY_MS), PREFILL_SEND_WINDOW_MS, {
        signal, onRetry: (err) => this.opts.log?.(`prefill job for ${job.seqId}: ${err.message}; sending it again`),
      });
    } catch (err) {
      if (err instanceof UnavailableError) throw new BackendError(BackendErrorCode.unavailable, `prefill-worker: ${err.message}`);
      throw err;
    }
  }

  private consume(
    req: GenerationRequest,
    sub: Subscription,
    seqId: string,
    t0: number,
    onEvent: (e: GenerationEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      let received = 0;
      let firstAt = 0;
      let lastAt = 0;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const end = (e?: GenerationEvent) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (e) onEvent(e);
        resolve();
      };
      const arm = () => {
        clearTimeout(timer);
        const ms = this.opts.silenceTimeoutMs ?? 60_000;
        timer = setTimeout(() => end({ kind: 'error', code: BackendErrorCode.workerLost, message: `no token for ${ms} ms; the request was abandoned` }), ms);
      };
      const onAbort = () => end();
      signal.addEventListener('abort', onAbort);
      this.lost.set(seqId, (why) => end({ kind: 'error', code: BackendErrorCode.workerLost, message: why }));
      arm();
      void (async () => {
        for await (const msg of sub) {
          if (settled) break;
          let c: inferos.v1.TokenChunk;
          try {
            c = decode(pb.TokenChunk, msg.data);
          } catch (err) {
            end({ kind: 'error', code: BackendErrorCode.internal, message: (err as Error).message });
            break;
          }
          arm();
          if (c.promptLogprobs.length > 0) onEvent({ kind: 'prompt', logprobs: c.promptLogprobs.map((lp) => fromWire(lp)) });
          if (c.tokenIds.length > 0) {
            if (c.index > received) {
              end({ kind: 'error', code: BackendErrorCode.internal, message: `token stream gap: expected token ${received}, got ${c.index}` });
              break;
            }
            if (c.logprobs.length > 0 && c.logprobs.length !== c.tokenIds.length) {
              end({ kind: 'error', code: BackendErrorCode.internal, message: `a chunk carried ${c.tokenIds.length} tokens and ${c.logprobs.length} log-probabilities` });
              break;
            }
            // A decode worker that took over a sequence (its first worker died) sends the last token it
            // knows again, in case that chunk died with the first worker: keep only what is new.
            const have = received - c.index;
            const ids = c.tokenIds.slice(have);
            if (ids.length > 0) {
              const now = performance.now();
              if (received === 0) firstAt = now;
              lastAt = now;
              received += ids.length;
              onEvent(c.logprobs.length > 0 ? { kind: 'tokens', ids, logprobs: c.logprobs.slice(have).map((lp, i) => fromWire(lp, ids[i]!)) } : { kind: 'tokens', ids });
            }
          }
          if (c.errorCode) {
            const code = (Object.values(BackendErrorCode) as string[]).includes(c.errorCode) ? (c.errorCode as BackendErrorCode) : BackendErrorCode.internal;
            end({ kind: 'error', code, message: c.errorMessage || c.errorCode });
            break;
          }
          if (c.done) {
            end({
              kind: 'done',
              finishReason: c.finishReason === 'stop' ? 'stop' : 'length',
              promptTokens: req.promptIds.length,
              completionTokens: received,
              promptMs: firstAt - t0,
              decodeMs: lastAt - firstAt,
            });
            break;
          }
        }
      })();
    });
  }

  async health(): Promise<ServiceHealth[]> {
    const out: ServiceHealth[] = [];
    for (const service of INFERENCE_SERVICES) {
      try {
        const r = await request(this.nc, Subjects.health(service), pb.HealthRequest, {}, pb.HealthReply, 2000);
        out.push({ name: service, status: r.ok ? 'ok' : 'unavailable', detail: { instance: r.instance, ...(JSON.parse(r.detailJson || '{}') as object) } });
      } catch (err) {
        out.push({ name: service, status: 'unavailable', detail: { error: (err as Error).message } });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.lostSub.unsubscribe();
    this.kvReportSub.unsubscribe();
    clearInterval(this.kvWatch);
  }
}

/** A wire TokenLogprob (the chosen id travels beside it, or is not needed: a prompt's ids are the request's). */
function fromWire(lp: inferos.v1.ITokenLogprob, id = -1): TokenLogprob {
  const ids = lp.topIds ?? [];
  const lps = lp.topLogprobs ?? [];
  return { id, logprob: lp.logprob ?? 0, top: ids.map((t, i) => ({ id: t, logprob: lps[i] ?? -Infinity })) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
