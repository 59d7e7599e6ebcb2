// What the prefill and decode workers share: execution-provider preference from the policy, heartbeats,
// health replies, token-chunk publishing and the quality probe.
import { Engine, probeScore, tokenLogprob, type Provider, type TokenLogprob } from '@inferos/inference';
import { pb, Subjects, QueueGroups, HEARTBEAT_MS, publish, serve, type inferos, type NatsConnection, type Subscription } from '@inferos/proto';
import { readFileSync, readlinkSync } from 'node:fs';
import type { Emit, KvPort } from './ports';

/**
 * The kernel's boot id and this process's PID namespace ("" where /proc cannot tell): two processes that
 * report the same string see each other's pids (Heartbeat.pid_namespace; the kv-store watches its workers'
 * pids with it). Containers that share a PID namespace (the compose file's workers join the kv-store's) match.
 */
export function pidNamespace(): string {
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return '';
  }
}

/** Fallback chains from ARCHITECTURE.md; a policy's device picks where the chain starts. */
const CHAINS: Record<'prefill' | 'decode', readonly Provider[]> = {
  prefill: ['dml', 'cuda', 'cpu'],
  decode: ['npu', 'dml', 'cuda', 'cpu'],
};

/** The provider preference for a role, starting at the policy's device (scheduler.prefill_device / decode_device). */
export function providerPreference(device: string, role: 'prefill' | 'decode'): Provider[] {
  const chain = CHAINS[role];
  const all: Provider[] = ['npu', 'dml', 'cuda', 'cpu'];
  if (!all.includes(device as Provider)) throw new RangeError(`scheduler.${role}_device: unknown device ${JSON.stringify(device)} (npu, dml, cuda, cpu)`);
  const at = chain.indexOf(device as Provider);
  const list = at >= 0 ? chain.slice(at) : [device as Provider, ...chain];
  return [...new Set([...list, 'cpu' as Provider])];
}

export interface WorkerOptions {
  modelDir?: string;
  /** Policy (profile name or file) whose scheduler devices pick the execution provider. */
  policy: string;
  log?: (line: string) => void;
  /**
   * A model session to share with the other workers of this process (the weights then held once); the
   * worker does not close it. Without it the worker opens its own from modelDir.
   */
  engine?: Engine;
  /** Shared by the decode and prefill loops of one process (decode-worker --prefill): see Turns. */
  turns?: Turns;
}

/**
 * Decode steps and prompt chunks of one process take turns on its one model session. A model run blocks
 * the event loop, so without this the prefill loop could run two chunks in the gaps of one decode
 * iteration (its commit, its yield) and every running stream would wait for both. With it, while
 * sequences decode, the prefill loop runs one chunk per decode step and sizes that chunk to
 * INTERLEAVED_CHUNK_MS instead of its usual budget: a stream's gap is one step plus one short chunk.
 */
export class Turns {
  /** Whether the decode loop has sequences to step (set by it). */
  decoding = (): boolean => false;
  private steps = 0;
  private waiters: (() => void)[] = [];

  /** The decode loop finished a step. */
  stepped(): void {
    this.steps++;
    for (const w of this.waiters.splice(0)) w();
  }

  /** A counter to pass to `awaitStep`: the steps done so far. */
  get done(): number {
    return this.steps;
  }

  /**
   * Resolve once a decode step has finished after `since` (at once if one has, or if nothing decodes),
   * or after `timeoutMs` however the decode loop fares (a prompt is never stalled by a stuck step).
   */
  awaitStep(since: number, timeoutMs = 2000): Promise<void> {
    if (this.steps > since || !this.decoding()) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/** A prompt chunk's run while sequences decode in the same process, at most (Turns). */
export const INTERLEAVED_CHUNK_MS = 300;

export interface RunningWorker {
  id: string;
  provider: Provider;
  close(): Promise<void>;
}

export interface HeartbeatState {
  running: number;
  waiting: number;
  seqIds: string[];
  tokensGenerated: number;
}

/** Heartbeats every HEARTBEAT_MS and health replies; returns a stop function. */
export function announce(
  nc: NatsConnection,
  kind: 'prefill-worker' | 'decode-worker',
  id: string,
  engine: Engine,
  preference: readonly Provider[],
  state: () => HeartbeatState,
  log: (line: string) => void,
): () => void {
  const ns = pidNamespace();
  const beat = () => {
    const s = state();
    try {
      publish(nc, Subjects.heartbeat(kind), pb.Heartbeat, {
        workerId: id, kind, pid: process.pid, pidNamespace: ns, provider: engine.provider, providerPreference: [...preference],
        running: s.running, waiting: s.waiting, seqIds: s.seqIds, tokensGenerated: s.tokensGenerated,
      });
    } catch (err) {
      log(`heartbeat: ${(err as Error).message}`);
    }
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  const health: Subscription = serve(nc, Subjects.health(kind), { request: pb.HealthRequest, reply: pb.HealthReply, log, onError: (e) => ({ service: kind, ok: false, detailJson: JSON.stringify({ error: e.message }) }) }, () => {
    const s = state();
    return {
      service: kind,
      instance: id,
      ok: true,
      detailJson: JSON.stringify({
        provider: engine.provider,
        providerPreference: preference,
        providerAttempts: engine.session.attempts,
        running: s.running,
        waiting: s.waiting,
        tokensGenerated: s.tokensGenerated,
      }),
    };
  });
  return () => {
    clearInterval(timer);
    health.unsubscribe();
  };
}

export interface ChunkFields {
  index: number;
  tokenIds?: number[];
  done?: boolean;
  finishReason?: string;
  errorCode?: string;
  errorMessage?: string;
  promptTokens?: number;
  completionTokens?: number;
  logprobs?: inferos.v1.ITokenLogprob[];
  promptLogprobs?: inferos.v1.ITokenLogprob[];
}

/** A TokenLogprob as the wire carries it. */
export function logprobMessage(lp: TokenLogprob): inferos.v1.ITokenLogprob {
  return { logprob: lp.logprob, topIds: lp.top.map((t) => t.id), topLogprobs: lp.top.map((t) => t.logprob) };
}

/** The chosen token's log-probability when the request asked for it (Sampling.logprobs), else undefined. */
export function chosenLogprob(sampling: inferos.v1.ISampling | null | undefined, logits: Float32Array, id: number): inferos.v1.ITokenLogprob[] | undefined {
  return sampling?.logprobs ? [logprobMessage(tokenLogprob(logits, id, sampling.topLogprobs ?? 0))] : undefined;
}

/** Prompt log-probabilities per TokenChunk at most: a chunk stays far below NATS's 1 MB payload limit. */
export const PROMPT_LOGPROBS_PER_CHUNK = 512;

export function sendChunk(nc: NatsConnection, subject: string, requestId: string, workerId: string, c: ChunkFields, log: (line: string) => void): void {
  try {
    publish(nc, subject, pb.TokenChunk, { requestId, workerId, ...c });
  } catch (err) {
    log(`cannot publish to ${subject}: ${(err as Error).message}`);
  }
}

/** A stream port (Emit) that publishes TokenChunks on NATS as this worker. */
export function streamTo(nc: NatsConnection, workerId: string, log: (line: string) => void): Emit {
  return (to, c) => sendChunk(nc, to.streamSubject, to.requestId, workerId, c, log);
}

/** End a request with an error event its client sees, and free its sequence at the kv-store. */
export async function abandon(
  emit: Emit,
  kv: Pick<KvPort, 'free'>,
  job: { streamSubject: string; requestId: string; seqId: string },
  index: number,
  code: string,
  message: string,
): Promise<void> {
  emit(job, { index, done: true, errorCode: code, errorMessage: message });
  await kv.free(job.seqId, message);
}

/**
 * Score the controller's quality-probe prompts on this process's model session (controller --probe
 * workers), one at a time: a request that arrives while one runs is answered at once with an error (the
 * controller drops it, as its own probe would). Between chunks the event loop runs, so the worker's
 * decode steps and heartbeats go on while it scores.
 */
export function serveQualityProbe(nc: NatsConnection, engine: Engine, id: string, log: (line: string) => void): { stop(): void } {
  let busy = false;
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const sub = serve(nc, Subjects.qualityScore, {
    queue: QueueGroups.quality, request: pb.QualityScoreRequest, reply: pb.QualitySample, log,
    onError: (e) => ({ instance: id, error: e.message }),
  }, async (req) => {
    if (busy) return { instance: id, policyVersion: req.policyVersion, error: `${id} is scoring another prompt` };
    const p = req.policy;
    if (!p || req.promptIds.length < 2) return { instance: id, policyVersion: req.policyVersion, error: 'a quality score needs a policy and at least two prompt tokens' };
    busy = true;
    const t0 = performance.now();
    try {
      const policy = {
        fullPrecision: p.fullPrecision === true, sinks: p.sinks ?? 0, window: p.window ?? 0, groupSize: p.groupSize ?? 0,
        thresholds: { int8: p.int8 ?? 0, int4: p.int4 ?? 0, evict: p.evict ?? 0 },
      };
      const s = await probeScore(engine, req.promptIds, policy, pause);
      return { instance: id, tokens: s.tokens, nllPolicy: s.nllPolicy, nllBaseline: s.nllBaseline, policyVersion: req.policyVersion, timeMs: performance.now() - t0 };
    } finally {
      busy = false;
    }
  });
  return { stop: () => sub.unsubscribe() };
}
