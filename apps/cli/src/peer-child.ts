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
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Engine, BASELINE_CACHE, argmax } from '@inferos/inference';
import { cachePolicy, loadPolicy, type CachePolicy } from '@inferos/kv';

interface Request {
  op: 'run' | 'greedy' | 'peak';
  ids?: number[];
  tokens?: number;
  warmup?: number;
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
  dispose(): void;
}
interface LlamaContext {
  getSequence(): LlamaSequence;
}

async function llama(gguf: string, kvType: string, contextSize: number, threads: number, moduleDir: string): Promise<Runner> {
  const mod = (await import(pathToFileURL(moduleDir).href)) as {
    getLlama(o: object): Promise<{ loadModel(o: object): Promise<{ createContext(o: object): Promise<LlamaContext> }> }>;
  };
  const lib = await mod.getLlama({ gpu: false, build: 'never', logLevel: 'error' });
  const model = await lib.loadModel({ modelPath: gguf });
  const type = kvType.toUpperCase();
  const ctx = await model.createContext({
    contextSize, threads, batchSize: 512, flashAttention: true,
    experimentalKvCacheKeyType: type, experimentalKvCacheValueType: type,
  });
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

function peakRss(): number {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const runner = mode === 'inferos'
    ? await inferos(args[0]!, args[1]!, args[2])
    : mode === 'llama'
      ? await llama(args[0]!, args[1]!, Number(args[2]), Number(args[3]), args[4]!)
      : undefined;
  if (!runner) throw new Error(`unknown mode ${mode}`);
  const reply = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
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
