// `inferos bench peer`: Infer-OS against llama.cpp (through node-llama-cpp) on the same weights, in one run.
//
// Each engine configuration runs in a process of its own (peer-child.ts): Infer-OS with `baseline` and a
// policy; llama.cpp with each KV cache type asked for. They are loaded once, then take turns: for every
// round and context length, each configuration in turn (the order reversed every other round) prefills the
// same context token ids and decodes the same number of single-token steps after a few untimed warm-up
// steps. Only one runs at a time; both get the same number of threads (--threads: ONNX Runtime's
// intra-op threads and llama.cpp's), single sequence, greedy. Peak resident memory is each process's
// VmHWM at the end.
// The weights are the same checkpoint, quantized by each engine's own format: Infer-OS int4 is asymmetric
// blocks of 32 with a float32 scale and a 4-bit zero (about 5.1 bits per weight), llama.cpp's Q4_0
// symmetric blocks of 32 with a float16 scale (4.5 bits): the format the issue names as the reference.
//
// First, on a model whose weights both engines hold exactly (float32: the bundled model, converted to an
// F32 GGUF by our converter), llama.cpp's greedy tokens must equal Infer-OS baseline's golden tokens, or
// the comparison would not be of the same model, and the benchmark stops.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextTextPath, defaultModelDir, loadModelInfo, TextTokenizer } from '@inferos/inference';
import { linePlot } from './plot';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..', '..');
const TOOLS = join(REPO, 'tools');
/** node-llama-cpp is installed on first use, outside the workspace (its CUDA/Vulkan builds are not needed). */
export const NODE_LLAMA_CPP_VERSION = '3.22.0';
const PEER_DIR = join(TOOLS, '.work', 'peer');

export interface PeerOptions {
  model: string;
  gguf: string;
  contexts: number[];
  tokens: number;
  rounds: number;
  kvTypes: string[];
  policy: string;
  threads: number;
  /** An F32 GGUF of the bundled model for the greedy check (default: converted on first use). */
  checkGguf?: string;
  say: (line: string) => void;
}

interface RunReply {
  prefill_ms: number;
  decode_ms: number[];
  tokens: number[];
  error?: string;
}

/** One engine configuration in a process of its own (peer-child.ts), asked one JSON line at a time. */
export class Child {
  private readonly lines: Interface;
  private readonly queue: ((line: string) => void)[] = [];
  private readonly early: string[] = [];
  private exited: string | undefined;
  private readonly proc: ChildProcessWithoutNullStreams;
  private stderr = '';

  constructor(readonly label: string, args: string[]) {
    this.proc = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'peer-child.ts'), ...args], { cwd: REPO, stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.lines = createInterface({ input: this.proc.stdout });
    this.lines.on('line', (line) => {
      if (!line.startsWith('{')) return; // a library's stray output, not an answer
      const waiter = this.queue.shift();
      if (waiter) waiter(line);
      else this.early.push(line); // e.g. "ready" before anyone asked
    });
    this.proc.stdin.on('error', () => {}); // a dead child: the 'close' below answers every waiter
    this.proc.on('close', (code) => {
      this.exited = `${label} exited with ${code}: ${this.stderr.trim().split('\n').slice(-3).join(' / ')}`;
      for (const waiter of this.queue.splice(0)) waiter(JSON.stringify({ error: this.exited }));
    });
  }

  private next(): Promise<Record<string, unknown>> {
    const early = this.early.shift();
    if (early !== undefined) return Promise.resolve(JSON.parse(early) as Record<string, unknown>);
    if (this.exited) return Promise.resolve({ error: this.exited });
    return new Promise((resolveLine) => this.queue.push((line) => resolveLine(JSON.parse(line) as Record<string, unknown>)));
  }

  /** The child's first line: what it loaded (llama-serve: its slots and resident memory). */
  async ready(): Promise<Record<string, unknown>> {
    const r = await this.next();
    if (r['error']) throw new Error(`${this.label}: ${String(r['error'])}`);
    return r;
  }

  async ask(req: object): Promise<Record<string, unknown>> {
    const reply = this.next();
    this.proc.stdin.write(JSON.stringify(req) + '\n');
    const r = await reply;
    if (r['error']) throw new Error(`${this.label}: ${String(r['error'])}`);
    return r;
  }

  close(): void {
    this.proc.stdin.end();
    this.proc.kill('SIGTERM');
  }
}

/** node-llama-cpp with this platform's CPU binaries only, in tools/.work/peer (installed once). */
export function ensureNodeLlamaCpp(say: (line: string) => void): string {
  const entry = join(PEER_DIR, 'node_modules', 'node-llama-cpp', 'dist', 'index.js');
  const platform = `${process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux'}-${process.arch}`;
  const binaries = join(PEER_DIR, 'node_modules', '@node-llama-cpp', platform);
  if (existsSync(entry) && existsSync(binaries)) return entry;
  say(`installing node-llama-cpp ${NODE_LLAMA_CPP_VERSION} (CPU binaries for ${platform}) into ${PEER_DIR}`);
  mkdirSync(PEER_DIR, { recursive: true });
  if (!existsSync(join(PEER_DIR, 'package.json'))) writeFileSync(join(PEER_DIR, 'package.json'), '{"name":"inferos-peer","private":true}\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--omit=optional', '--ignore-scripts',
    `node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`, `@node-llama-cpp/${platform}@${NODE_LLAMA_CPP_VERSION}`], { cwd: PEER_DIR, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !existsSync(entry)) throw new Error(`installing node-llama-cpp failed (npm exited with ${r.status})`);
  return entry;
}

/** Our converter (tools/inferos_tools/gguf_convert.py) through the tools' Python environment. */
export function convertGguf(checkpoint: string, out: string, type: string, say: (line: string) => void): void {
  const setup = spawnSync('bash', [join(TOOLS, 'setup-python.sh')], { stdio: ['ignore', 2, 2] });
  if (setup.status !== 0) throw new Error('setting up the Python environment failed (see above)');
  say(`converting ${checkpoint} to ${out} (${type})`);
  mkdirSync(dirname(out), { recursive: true });
  const r = spawnSync(join(TOOLS, '.venv', 'bin', 'python'), ['-m', 'inferos_tools.gguf_convert', '--checkpoint', checkpoint, '--out', out, '--type', type], { cwd: TOOLS, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`GGUF conversion failed (exit ${r.status})`);
}

interface Golden {
  cases: { prompt: string; prompt_ids: number[]; greedy: number[] }[];
}

/** llama.cpp's greedy tokens against Infer-OS baseline's golden ones on the bundled model (fp32 both). */
async function greedyCheck(llamaEntry: string, opts: PeerOptions): Promise<object> {
  const bundled = defaultModelDir();
  const gguf = opts.checkGguf ?? join(TOOLS, '.work', 'peer', 'inferos-tiny-f32.gguf');
  if (!existsSync(gguf)) convertGguf(join(bundled, '..', 'checkpoint'), gguf, 'f32', opts.say);
  const golden = JSON.parse(readFileSync(join(bundled, 'golden.json'), 'utf8')) as Golden;
  const child = new Child('llama.cpp check', ['llama', gguf, 'f16', '512', String(opts.threads), llamaEntry]);
  try {
    await child.ready();
    const cases = [];
    for (const c of golden.cases) {
      const r = await child.ask({ op: 'greedy', ids: c.prompt_ids, tokens: c.greedy.length });
      const got = r['tokens'] as number[];
      let first = got.findIndex((t, i) => t !== c.greedy[i]);
      if (first < 0 && got.length < c.greedy.length) first = got.length;
      cases.push({ prompt: c.prompt, tokens: c.greedy.length, first_difference: first < 0 ? null : first });
    }
    const equal = cases.every((c) => c.first_difference === null);
    return { model: 'inferos-tiny (fp32) / its F32 GGUF', reference: 'golden.json greedy (equal to PyTorch and Infer-OS baseline)', equal, cases };
  } finally {
    child.close();
  }
}

export interface PeerRow {
  engine: 'infer-os' | 'llama.cpp';
  config: string;
  context: number;
  decode_tokens_per_s: number;
  decode_tokens_per_s_by_round: number[];
  prefill_tokens_per_s: number;
}

export async function benchPeer(opts: PeerOptions): Promise<object> {
  const info = loadModelInfo(opts.model);
  if (!opts.contexts.length || !opts.kvTypes.length) throw new RangeError('--contexts and --kv need at least one value each');
  if (opts.policy === 'baseline') throw new RangeError('--policy: baseline runs anyway; name the policy to compare with it');
  const maxContext = Math.max(...opts.contexts);
  if (maxContext + opts.tokens + 8 > info.maxPosition) {
    throw new RangeError(`--contexts up to ${maxContext} + --tokens ${opts.tokens} exceed the model's context of ${info.maxPosition}`);
  }
  const llamaEntry = ensureNodeLlamaCpp(opts.say);
  opts.say('checking that llama.cpp and Infer-OS compute the same model (greedy tokens, bundled model, fp32)');
  const check = await greedyCheck(llamaEntry, opts) as { equal: boolean };
  if (!check.equal) throw new Error(`llama.cpp's greedy tokens differ from Infer-OS baseline's on the bundled model: ${JSON.stringify(check)}`);

  // Context: real text in the model's own tokens (its held-out slice, else the bundled model's).
  const tok = TextTokenizer.load(info.tokenizerPath);
  const textFile = contextTextPath(info)!;
  const text = tok.encode(readFileSync(textFile, 'utf8'), false);
  const ids = [info.bosTokenId ?? 0];
  while (ids.length < maxContext) ids.push(...text.slice(0, maxContext - ids.length));

  const configs: Child[] = [
    new Child('infer-os baseline', ['inferos', info.dir, 'baseline', String(opts.threads)]),
    new Child(`infer-os ${opts.policy}`, ['inferos', info.dir, opts.policy, String(opts.threads)]),
    ...opts.kvTypes.map((kv) => new Child(`llama.cpp kv ${kv}`, ['llama', opts.gguf, kv, String(maxContext + opts.tokens + 8), String(opts.threads), llamaEntry])),
  ];
  try {
    opts.say(`loading ${configs.length} engine configurations`);
    for (const c of configs) await c.ready();
    // One untimed run each: first runs pay for memory planning and page faults.
    for (const c of configs) await c.ask({ op: 'run', ids: ids.slice(0, Math.min(64, maxContext)), tokens: 2, warmup: 2 });
    const times = new Map<string, { prefill: number[]; decode: number[][] }>();
    const total = opts.rounds * opts.contexts.length * configs.length;
    let done = 0;
    for (let r = 0; r < opts.rounds; r++) {
      for (const context of opts.contexts) {
        const order = r % 2 === 0 ? configs : [...configs].reverse();
        for (const c of order) {
          const reply = (await c.ask({ op: 'run', ids: ids.slice(0, context), tokens: opts.tokens, warmup: 4 })) as unknown as RunReply;
          if (reply.decode_ms.length !== opts.tokens) throw new Error(`${c.label} timed ${reply.decode_ms.length} steps, not ${opts.tokens}`);
          const key = `${c.label}@${context}`;
          const t = times.get(key) ?? { prefill: [], decode: [] };
          t.prefill.push(reply.prefill_ms);
          t.decode.push(reply.decode_ms);
          times.set(key, t);
          opts.say(`[${++done}/${total}] round ${r + 1}, context ${context}: ${c.label} ${(1000 * reply.decode_ms.length / sum(reply.decode_ms)).toFixed(2)} tok/s`);
        }
      }
    }
    const rows: PeerRow[] = [];
    for (const c of configs) {
      for (const context of opts.contexts) {
        const t = times.get(`${c.label}@${context}`)!;
        const [engine, ...rest] = c.label.split(' ');
        rows.push({
          engine: engine === 'infer-os' ? 'infer-os' : 'llama.cpp',
          config: rest.join(' '),
          context,
          decode_tokens_per_s: round((1000 * t.decode.flat().length) / sum(t.decode.flat()), 2),
          decode_tokens_per_s_by_round: t.decode.map((d) => round((1000 * d.length) / sum(d), 2)),
          prefill_tokens_per_s: round((1000 * (context - 1) * t.prefill.length) / sum(t.prefill), 2),
        });
      }
    }
    const peak: Record<string, number> = {};
    for (const c of configs) peak[c.label] = (await c.ask({ op: 'peak' }))['peak_rss_bytes'] as number;
    const ref = opts.kvTypes.includes('f16') ? 'kv f16' : `kv ${opts.kvTypes[0]}`;
    const ratios: Record<string, Record<string, { decode: number; prefill: number }>> = {};
    for (const row of rows.filter((x) => x.engine === 'infer-os')) {
      const peer = rows.find((x) => x.engine === 'llama.cpp' && x.config === ref && x.context === row.context)!;
      (ratios[row.config] ??= {})[String(row.context)] = {
        decode: round(row.decode_tokens_per_s / peer.decode_tokens_per_s, 3),
        prefill: round(row.prefill_tokens_per_s / peer.prefill_tokens_per_s, 3),
      };
    }
    return {
      // Paths relative to the working directory: the JSON is a result to share, not this machine's layout.
      model: info.name, model_dir: relative(process.cwd(), info.dir) || '.', weights: info.weights.type, int8_copy: info.weights.int8Copy, gguf: relative(process.cwd(), opts.gguf),
      threads: opts.threads, tokens: opts.tokens, warmup: 4, rounds: opts.rounds, contexts: opts.contexts,
      greedy_check: check, results: rows, peak_rss_bytes: peak,
      ratios_vs_llama_cpp: { reference: `llama.cpp ${ref}`, ...ratios },
      method: 'one process per configuration, loaded once; configurations take turns per round and context (order reversed every other round); prefill of context-1 tokens (Infer-OS in 256-token chunks, llama.cpp in 512-token batches), then single-token greedy steps after 4 untimed warm-up steps; decode tokens/s pools every timed step of every round',
    };
  } finally {
    for (const c of configs) c.close();
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `--plot`: decode tokens/s against context, one line per engine configuration (plot.ts). */
export function peerPlot(report: { model: string; results: PeerRow[]; weights: string }): string {
  const names = [...new Set(report.results.map((r) => `${r.engine} ${r.config}`))];
  return linePlot({
    title: `Decode tokens/s against context: ${report.model} (${report.weights} weights)`,
    xLabel: 'context (tokens)', yLabel: 'decode tokens/s',
    series: names.map((name) => ({ name, points: report.results.filter((r) => `${r.engine} ${r.config}` === name).map((r) => ({ x: r.context, y: r.decode_tokens_per_s })) })),
    data: report.results,
  });
}
