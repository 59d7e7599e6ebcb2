// The prefill worker's work: accept a PrefillJob (claiming its sequence with the job before the ack), run
// the prompt in chunks into the sequence's cache (held by the kv-store), choose the first token, and hand
// the sequence to a decode worker. Each job is
//   claim    — a fresh table for the sequence this worker holds
//   prompt   — chunk after chunk: run → commit (a stale chunk runs again), taking turns with decode steps
//   sample   — the first token, from the last position's logits
//   hand over — the decode job recorded at the kv-store, the first token streamed, the job sent to a decode worker
// The model, the kv-store, the stream and the decode queue are ports (ports.ts): prefill-worker.ts wires the
// Engine, a KvClient and NATS to them, the tests fakes.
import { Sampler, tokenLogprob, lastPosition } from '@inferos/inference';
import { prefillSteps } from '@inferos/kv';
import { pb, LOST_AFTER_MS, UnavailableError, type inferos, type Fields } from '@inferos/proto';
import { KvError, type RemoteSeq } from './kv-client';
import { stepChecked, commitWithRetry } from './commit';
import {
  abandon, chosenLogprob, logprobMessage, INTERLEAVED_CHUNK_MS, PROMPT_LOGPROBS_PER_CHUNK, type Turns,
} from './worker';
import type { Emit, KvPort, ModelPort, SeqPort } from './ports';

export interface PrefillPorts<S extends SeqPort = RemoteSeq> {
  model: Pick<ModelPort<S>, 'info' | 'step'>;
  kv: KvPort<S>;
  emit: Emit;
  /** Send a decode job to the decode workers' queue; the Ack of the one that took it. */
  handOver(job: inferos.v1.IDecodeJob): Promise<{ ok: boolean; message: string }>;
  log: (line: string) => void;
  /** This worker's id (acks carry it). */
  id: string;
  /** Shared with the decode loop of this process (decode-worker --prefill): see Turns. */
  turns?: Turns;
}

export class Prefiller<S extends SeqPort = RemoteSeq> {
  /** Jobs accepted (their sequences claimed with the job) and waiting their turn. */
  readonly queue: inferos.v1.PrefillJob[] = [];
  /** The job running (set by the worker's loop). */
  running: inferos.v1.PrefillJob | undefined;
  /** First tokens chosen (heartbeats report it). */
  generated = 0;
  /** Set when the worker stops: jobs are refused from then on. */
  closing = false;
  // Sequences being accepted (their claim in flight), so that a job sent twice is queued once.
  private readonly accepting = new Set<string>();

  /**
   * `tokensPerMs`: this engine's prefill speed, measured at start and refined by every chunk (chunkFor).
   * `queued`: called when a job joins the queue.
   */
  constructor(private readonly ports: PrefillPorts<S>, public tokensPerMs: number, private readonly queued: () => void = () => {}) {}

  /**
   * A model run blocks this process's event loop, heartbeats included, so no prompt chunk may run longer
   * than a fraction of LOST_AFTER_MS: the chunk asked for is capped by the prefill speed measured, so a
   * large model prefills in more, shorter steps. Shorter chunks while the same process decodes (Turns):
   * the streams' gaps, not only heartbeats.
   */
  chunkFor(asked: number): number {
    return Math.min(asked, Math.max(16, Math.floor(this.tokensPerMs * (this.ports.turns?.decoding() ? INTERLEAVED_CHUNK_MS : STEP_BUDGET_MS))));
  }

  /** A job from the queue group: the answer to its sender (the Ack's fields). */
  async accept(job: inferos.v1.PrefillJob): Promise<Fields<typeof pb.Ack>> {
    const { kv, id } = this.ports;
    if (this.closing) return { ok: false, message: 'worker is stopping', workerId: id };
    if (job.promptIds.length === 0 || job.chunk <= 0 || job.maxTokens <= 0) return { ok: false, message: 'a prefill job needs prompt ids, a chunk and max tokens', workerId: id };
    // The same job again: the gateway sent it again (a try of its went unanswered), or the kv-store offers
    // it because it took this worker for gone (a stall) and handed the job off. Still its owner (a claim
    // says so): it runs here once. Taken for gone and only queued here: claim it back with its job (none of
    // it ran). Taken for gone while it runs here: that run stands down at its next commit (NOT_OWNER), so
    // the offer is refused and the kv-store offers it again, to be accepted afresh once the run is gone.
    if (this.accepting.has(job.seqId)) return { ok: true, message: 'already queued here', workerId: id };
    const running = this.running?.seqId === job.seqId;
    const queued = this.queue.some((j) => j.seqId === job.seqId);
    if (running || queued) {
      try {
        await kv.claim(job.seqId);
        return { ok: true, message: 'already queued here', workerId: id };
      } catch (err) {
        if (!(err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER)) return { ok: false, message: (err as Error).message, workerId: id };
      }
      if (running) return { ok: false, message: `sequence ${job.seqId} runs here but was taken for gone: offer it again once this run stands down`, workerId: id };
    }
    // The sequence is this worker's, with its job, before the ack: if this worker dies from here on, the
    // kv-store gives the job to another prefill worker (the prompt runs again from the start); a gateway
    // whose try went unanswered can send it again, and a worker that finds it taken answers ok and leaves
    // it. Waiting in this queue never frees it (behind other long prompts it can wait longer than the
    // kv-store's unclaimed TTL). run() claims it again for a fresh table.
    this.accepting.add(job.seqId);
    let late = false;
    try {
      await kv.claim(job.seqId, { prefill: job });
    } catch (err) {
      if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) return { ok: true, message: err.message, workerId: id };
      // The kv-store did not answer in time: it may have recorded the claim all the same, and then no other
      // worker may take the job. Queue it: run() claims again, and that answer decides.
      if (!(err instanceof UnavailableError)) return { ok: false, message: (err as Error).message, workerId: id };
      late = true;
    } finally {
      this.accepting.delete(job.seqId);
    }
    if (this.closing) return { ok: false, message: 'worker is stopping', workerId: id };
    if (queued) return { ok: true, message: 'claimed back, still queued here', workerId: id };
    this.queue.push(job);
    this.queued();
    return late ? { ok: true, message: 'queued; the kv-store did not answer the claim in time', workerId: id } : { ok: true, workerId: id };
  }

  /** Run a job: claim → prompt → sample → hand over. Never throws: a failure ends the request with an error. */
  async run(job: inferos.v1.PrefillJob): Promise<void> {
    const { kv, log } = this.ports;
    const { requestId, seqId } = job;
    const trace: [string, number][] = [['start', performance.now()]];
    try {
      const seq = await kv.claim(seqId);
      trace.push(['claim', performance.now()]);
      const ids = job.promptIds;
      const { last, echoed } = await this.prompt(job, seq, trace);
      const s = job.sampling;
      const sampler = new Sampler({ temperature: s?.temperature ?? 0, topP: s?.topP || 1, seed: s?.seed ?? 0 });
      const first = sampler.sample(last);
      this.generated++;
      trace.push(['sample', performance.now()]);
      if (process.env['INFEROS_TRACE']) log(`prefill ${ids.length} tokens: ${trace.slice(1).map(([k, t], i) => `${k} ${(t - trace[i]![1]).toFixed(1)}`).join(', ')} ms`);
      await this.handOver(job, first, sampler, last, echoed);
    } catch (err) {
      const msg = (err as Error).message;
      log(`request ${requestId}: ${msg}`);
      // Taken for gone (a long stall) and handed to another worker, which serves it: stand down quietly.
      if (err instanceof KvError && err.code === pb.KvError.KV_ERROR_NOT_OWNER) return;
      await abandon(this.ports.emit, kv, job, 0, err instanceof UnavailableError ? 'unavailable' : 'internal_error', msg);
    }
  }

  /**
   * The prompt into the sequence's cache, chunk after chunk (each committed before the next runs); returns
   * the last position's logits and, with echo, every prompt token's log-probability after the first.
   */
  private async prompt(job: inferos.v1.PrefillJob, seq: S, trace: [string, number][]): Promise<{ last: Float32Array; echoed: inferos.v1.ITokenLogprob[] }> {
    const { kv, model, turns } = this.ports;
    const ids = job.promptIds;
    const vocab = model.info.vocabSize;
    const top = job.sampling?.topLogprobs ?? 0;
    // echo: position p's logits give prompt token p + 1's log-probability.
    const echoed: inferos.v1.ITokenLogprob[] = [];
    let last;
    let at = 0;
    // The prompt's last tokens run as a step of their own when the cache picks evictions by them.
    let seen = turns?.done ?? 0;
    for (const t of prefillSteps(ids.length, this.chunkFor(job.chunk), seq.needsImportance)) {
      // One chunk per decode step of this process while it decodes (Turns).
      if (turns) {
        await turns.awaitStep(seen);
        seen = turns.done;
      }
      const part = ids.slice(at, (at += t));
      const t0 = performance.now();
      // Echo scores every prompt position; otherwise only the last chunk's last position is sampled.
      const logits = job.echo ? 'all' : 'last';
      const step = { seq, tokens: part.length, out: await stepChecked(model, kv, seq, part, logits) };
      trace.push(['step', performance.now()]);
      if (part.length >= 16) this.tokensPerMs = 0.7 * this.tokensPerMs + 0.3 * (part.length / (performance.now() - t0));
      // Stale (the kv-store squeezed the sequence after the step read it): the chunk runs again.
      const [err] = await commitWithRetry(kv, [step], (s) => stepChecked(model, kv, s.seq, part, logits));
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
    return { last: last!, echoed };
  }

  /**
   * The first token chosen: the sequence becomes a decode job at the kv-store, the prompt's log-probabilities
   * and the first token go to the stream, and a decode worker takes the job (or the request ends here: EOS,
   * max_tokens 1).
   */
  private async handOver(job: inferos.v1.PrefillJob, first: number, sampler: Sampler, last: Float32Array, echoed: inferos.v1.ITokenLogprob[]): Promise<void> {
    const { kv, model, emit } = this.ports;
    const { requestId, seqId, streamSubject: subject } = job;
    const ids = job.promptIds;
    const s = job.sampling;
    const top = s?.topLogprobs ?? 0;
    const eos = job.stopAtEos && model.info.eosTokenIds.includes(first);
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
      emit(job, { index: 0, promptLogprobs: echoed.slice(k, k + PROMPT_LOGPROBS_PER_CHUNK) });
    }
    const logprobs = chosenLogprob(s, last, first);
    if (eos || job.maxTokens === 1) {
      emit(job, { index: 0, tokenIds: [first], logprobs, done: true, finishReason: eos ? 'stop' : 'length', promptTokens: ids.length, completionTokens: 1 });
      await kv.free(seqId, 'finished');
      return;
    }
    emit(job, { index: 0, tokenIds: [first], logprobs });
    const ack = await this.ports.handOver(decodeJob);
    if (!ack.ok) throw new Error(`no decode worker took the sequence: ${ack.message}`);
  }
}

/** A prompt chunk's run may take this long at most (heartbeats wait meanwhile). */
const STEP_BUDGET_MS = LOST_AFTER_MS / 4;
