// One engine of `inferos bench peer` in a process of its own, so that its resident memory is its own and
// its threads run only when asked. Reads one JSON request per stdin line, answers one JSON line on stdout:
//   {"op":"run","ids":[...],"tokens":N,"warmup":W}  prefill ids[0..n-1), then N+W single-token steps
//       starting with ids[n-1], greedy; answers {"prefill_ms","decode_ms":[per timed step],"tokens":[...]}
//   {"op":"greedy","ids":[...],"tokens":N}           the prompt, then N greedy tokens: {"tokens":[...]}
//   {"op":"peak"}                                    {"peak_rss_bytes"} from /proc/self/status (VmHWM)
// Modes:
//   inferos MODEL_DIR POLICY THREADS    Infer-OS's Engine (CPU, THREADS intra-op threads), POLICY a profile
//   llama GGUF KV_TYPE CONTEXT THREADS  llama.cpp through node-llama-cpp (installed by bench peer), the
//                                       K and V cache types KV_TYPE (f16, q8_0, q4_0), flash attention on
//   llama-serve GGUF KV_TYPE CONTEXT SLOTS THREADS MODULE BUDGET
//                                       llama.cpp serving many requests at once (`bench serve --peer`):
//                                       one context of SLOTS sequences of CONTEXT tokens each, batched
//                                       together by node-llama-cpp as llama.cpp's server batches its slots;
//                                       with BUDGET > 0 bytes, as many slots (at most SLOTS) as keep the
//                                       process's resident memory within it. Answers {ready, slots,
//                                       rss_bytes}, then:
//   {"op":"mix","prompts":[[ids]...],"tokens":N,"concurrency":C,"total":T}   serve-mix.ts runMix
//   {"op":"admission","short":[[ids]...],"long":[ids],"streams":S,"tokens":N} serve-mix.ts runAdmission: {admission}
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Engine, BASELINE_CACHE, argmax } from '@inferos/inference';
import { cachePolicy, loadPolicy, type CachePolicy } from '@inferos/kv';
import { runAdmission, runMix, timing, type MixRound, type Stream } from './serve-mix';

interface Request {
  op: 'run' | 'greedy' | 'peak' | 'mix' | 'admission';
  ids?: number[];
  tokens?: number;
  warmup?: number;
  prompts?: number[][];
  concurrency?: number;
  total?: number;
  short?: number[][];
  long?: number[];
  streams?: number;
}

interface Runner {
  run(ids: number[], tokens: number, warmup: number): Promise<{ prefill_ms: number; decode_ms: number[]; tokens: number[] }>;
  greedy(ids: number[], tokens: number): Promise<number[]>;
}

async function inferos(modelDir: string, policyName: string, threads: string | undefined): Promise<Runner> {
  if (threads) process.env['INFEROS_INTRA_OP_THREADS'] = threads; // read by ModelSession.open
  const engine = await Engine.load(modelDir, ['cpu']);
  const cache: CachePolicy = policyName === 'baseline' ? BASELINE_CACHE : cachePolicy(loadPolicy(policyName).policy);
  return {
    async run(ids, tokens, warmup) {
      const kv = engine.newCache(cache);
      const t0 = performance.now();
      if (ids.length > 1) await engine.prefill(kv, ids.slice(0, -1), 256);
      const prefill = performance.now() - t0;
      let next = ids[ids.length - 1]!;
      const times: number[] = [];
      const out: number[] = [];
      for (let s = 0; s < tokens + warmup; s++) {
        const t = performance.now();
        next = argmax(await engine.forward(kv, [next]));
        if (s >= warmup) times.push(performance.now() - t);
        out.push(next);
      }
      return { prefill_ms: prefill, decode_ms: times, tokens: out };
    },
    async greedy(ids, tokens) {
      const res = await engine.generate(ids, { maxTokens: tokens, stopAtEos: false, cachePolicy: cache });
      return res.tokens;
    },
  };
}

// The slice of node-llama-cpp's API this uses (it is installed outside the workspace, untyped here).
interface LlamaSequence {
  evaluateWithoutGeneratingNewTokens(tokens: number[]): Promise<void>;
  evaluate(tokens: number[], opts: { temperature: number; yieldEogToken: boolean }): AsyncIterable<number>;
  clearHistory(): Promise<void>;
  readonly nextTokenIndex: number;
  dispose(): void;
}
interface LlamaContext {
  getSequence(): LlamaSequence;
  dispose(): Promise<void>;
}
interface LlamaModel {
  createContext(o: object): Promise<LlamaContext>;
}

async function loadLlama(gguf: string, moduleDir: string): Promise<LlamaModel> {
  const mod = (await import(pathToFileURL(moduleDir).href)) as {
    getLlama(o: object): Promise<{ loadModel(o: object): Promise<LlamaModel> }>;
  };
  const lib = await mod.getLlama({ gpu: false, build: 'never', logLevel: 'error' });
  return lib.loadModel({ modelPath: gguf });
}

/** The context options both modes share: llama.cpp's 512-token batches, flash attention, the KV type. */
function contextOptions(kvType: string, contextSize: number, threads: number, sequences: number): object {
  const type = kvType.toUpperCase();
  return {
    contextSize, sequences, threads, batchSize: 512, flashAttention: true,
    experimentalKvCacheKeyType: type, experimentalKvCacheValueType: type,
  };
}

async function llama(gguf: string, kvType: string, contextSize: number, threads: number, moduleDir: string): Promise<Runner> {
  const model = await loadLlama(gguf, moduleDir);
  const ctx = await model.createContext(contextOptions(kvType, contextSize, threads, 1));
  const steps = async (seq: LlamaSequence, first: number, n: number, onStep: (tok: number, ms: number) => void) => {
    let t = performance.now();
    let k = 0;
    // yieldEogToken: an end-of-generation token is a step like any other (Infer-OS does not stop either).
    for await (const tok of seq.evaluate([first], { temperature: 0, yieldEogToken: true })) {
      const now = performance.now();
      onStep(tok, now - t);
      t = now;
      if (++k >= n) break;
    }
  };
  return {
    async run(ids, tokens, warmup) {
      const seq = ctx.getSequence();
      try {
        const t0 = performance.now();
        if (ids.length > 1) await seq.evaluateWithoutGeneratingNewTokens(ids.slice(0, -1));
        const prefill = performance.now() - t0;
        const times: number[] = [];
        const out: number[] = [];
        await steps(seq, ids[ids.length - 1]!, tokens + warmup, (tok, ms) => {
          if (out.length >= warmup) times.push(ms);
          out.push(tok);
        });
        return { prefill_ms: prefill, decode_ms: times, tokens: out };
      } finally {
        seq.dispose();
      }
    },
    async greedy(ids, tokens) {
      const seq = ctx.getSequence();
      try {
        if (ids.length > 1) await seq.evaluateWithoutGeneratingNewTokens(ids.slice(0, -1));
        const out: number[] = [];
        await steps(seq, ids[ids.length - 1]!, tokens, (tok) => out.push(tok));
        return out;
      } finally {
        seq.dispose();
      }
    },
  };
}

function status(key: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${key}:\\s+(\\d+)\\s+kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
const peakRss = () => status('VmHWM');

interface Server {
  slots: number;
  rss: number;
  mix(prompts: number[][], tokens: number, concurrency: number, total: number): Promise<MixRound & { peak_sequences: number }>;
  admission(short: number[][], long: number[], streams: number, tokens: number): ReturnType<typeof runAdmission>;
}

/**
 * llama.cpp serving: `slots` sequences of one context, each request taking a free one (waiting for one,
 * as a request waits for a slot of llama.cpp's server); node-llama-cpp batches the sequences' pending tokens
 * (prompts and single decode tokens together, 512 per batch) into one evaluation, as the server does.
 */
async function llamaServer(gguf: string, kvType: string, contextSize: number, wanted: number, threads: number, moduleDir: string, budget: number): Promise<Server> {
  const model = await loadLlama(gguf, moduleDir);
  const open = async (n: number) => {
    const ctx = await model.createContext(contextOptions(kvType, contextSize, threads, n));
    const seqs = Array.from({ length: n }, () => ctx.getSequence());
    // One short evaluation: the compute buffers and the weights' pages are resident after it.
    for await (const _ of seqs[0]!.evaluate([1, 2, 3, 4], { temperature: 0, yieldEogToken: true })) break;
    await seqs[0]!.clearHistory();
    return { ctx, seqs, rss: status('VmRSS') };
  };
  let slots = wanted;
  let opened = await open(slots);
  if (budget > 0 && opened.rss > budget && slots > 1) {
    // What one slot costs, from one slot against `wanted`; then the most that fit.
    await opened.ctx.dispose();
    const one = await open(1);
    const perSlot = (opened.rss - one.rss) / (slots - 1);
    slots = Math.max(1, Math.min(wanted, 1 + Math.floor((budget - one.rss) / Math.max(perSlot, 1))));
    if (slots === 1) opened = one;
    else {
      await one.ctx.dispose();
      opened = await open(slots);
    }
  }
  if (budget > 0 && opened.rss > budget) throw new Error(`llama.cpp holds ${(opened.rss / 2 ** 30).toFixed(2)} GiB with ${slots} slot(s) of ${contextSize} tokens, over the memory budget of ${(budget / 2 ** 30).toFixed(2)} GiB`);
  const free = [...opened.seqs];
  const waiting: ((s: LlamaSequence) => void)[] = [];
  let inUse = 0;
  let peakInUse = 0;
  const acquire = () => new Promise<LlamaSequence>((res) => {
    const s = free.pop();
    if (s) res(s);
    else waiting.push(res);
  }).then((s) => {
    peakInUse = Math.max(peakInUse, ++inUse);
    return s;
  });
  const release = (s: LlamaSequence) => {
    inUse--;
    const w = waiting.shift();
    if (w) w(s);
    else free.push(s);
  };
  // A used slot is cleared before its next request, which takes node-llama-cpp's context lock; its batch
  // loop holds that lock as long as any sequence has a decode queued, so while others generate a clear
  // would wait for all of them to finish. The streams therefore pause between tokens while a clear is
  // pending (the batch in flight completes, the lock is free, the clear runs, they go on): one step's
  // pause per new request, where llama.cpp's server clears a slot between two batches.
  let gate: Promise<void> | undefined;
  let clears = Promise.resolve();
  const clear = (seq: LlamaSequence) => {
    if (seq.nextTokenIndex === 0) return Promise.resolve();
    const done = clears.then(async () => {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      try {
        await seq.clearHistory();
      } finally {
        gate = undefined;
        open();
      }
    });
    clears = done.catch(() => {});
    return done;
  };
  const stream: Stream<number[]> = async (prompt, maxTokens, o) => {
    const t0 = performance.now();
    const seq = await acquire();
    const times: number[] = [];
    try {
      await clear(seq);
      for await (const _ of seq.evaluate(prompt, { temperature: 0, yieldEogToken: true })) {
        const now = performance.now();
        times.push(now);
        o?.onToken?.(now);
        if (times.length >= maxTokens || o?.signal?.aborted) break;
        if (gate) await gate;
      }
    } finally {
      release(seq);
    }
    return timing(t0, times, performance.now(), prompt.length, times.length);
  };
  return {
    slots,
    rss: opened.rss,
    async mix(prompts, tokens, concurrency, total) {
      peakInUse = 0;
      return { ...(await runMix(stream, prompts, tokens, concurrency, total)), peak_sequences: peakInUse };
    },
    admission: (short, long, streams, tokens) => runAdmission(stream, short, long, long.length, streams, tokens),
  };
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const reply = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
  if (mode === 'llama-serve') {
    const [gguf, kv, context, slots, threads, moduleDir, budget] = args;
    const server = await llamaServer(gguf!, kv!, Number(context), Number(slots), Number(threads), moduleDir!, Number(budget));
    reply({ ready: true, slots: server.slots, rss_bytes: server.rss });
    for await (const line of createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      const req = JSON.parse(line) as Request;
      try {
        if (req.op === 'mix') reply(await server.mix(req.prompts!, req.tokens!, req.concurrency!, req.total!));
        else if (req.op === 'admission') reply({ admission: await server.admission(req.short!, req.long!, req.streams!, req.tokens!) }); // its own `error` is a finding, not a failure
        else reply({ peak_rss_bytes: peakRss(), rss_bytes: status('VmRSS') });
      } catch (err) {
        reply({ error: (err as Error).message });
      }
    }
    return;
  }
  const runner = mode === 'inferos'
    ? await inferos(args[0]!, args[1]!, args[2])
    : mode === 'llama'
      ? await llama(args[0]!, args[1]!, Number(args[2]), Number(args[3]), args[4]!)
      : undefined;
  if (!runner) throw new Error(`unknown mode ${mode}`);
  reply({ ready: true });
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const req = JSON.parse(line) as Request;
    try {
      if (req.op === 'run') reply(await runner.run(req.ids!, req.tokens!, req.warmup ?? 4));
      else if (req.op === 'greedy') reply({ tokens: await runner.greedy(req.ids!, req.tokens!) });
      else reply({ peak_rss_bytes: peakRss() });
    } catch (err) {
      reply({ error: (err as Error).message });
    }
  }
}

main().catch((err) => {
  process.stderr.write(`peer-child: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
