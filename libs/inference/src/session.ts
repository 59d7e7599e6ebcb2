// One ONNX Runtime session over an exported model, opened with the first execution provider of a
// preference list that actually works on this machine. Which one it got, and why the others failed,
// is recorded: a device that is not present is reported as unavailable, never assumed.
import * as ort from 'onnxruntime-node';

/** Execution providers a preference list may name, in our spelling. */
export const Provider = {
  cpu: 'cpu',
  cuda: 'cuda',
  dml: 'dml',
  webgpu: 'webgpu',
  npu: 'npu',
} as const;
export type Provider = (typeof Provider)[keyof typeof Provider];

// Providers that cannot load log an error from inside ORT before the exception we catch and record;
// keep ORT's process-wide log to fatal messages so that a fallback does not look like a failure.
ort.env.logLevel = 'fatal';

export const DEFAULT_PROVIDERS: readonly Provider[] = ['dml', 'cuda', 'cpu'];

export interface ProviderAttempt {
  provider: Provider;
  ok: boolean;
  /** Why the provider could not be used (absent on success). */
  error?: string;
}

/** Parse "dml,cuda,cpu" into a checked list. */
export function parseProviders(list: string): Provider[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new RangeError('provider list is empty; expected e.g. "dml,cuda,cpu"');
  const known = Object.values(Provider) as string[];
  for (const n of names) {
    if (!known.includes(n)) throw new RangeError(`unknown execution provider "${n}"; expected one of ${known.join(', ')}`);
  }
  return names as Provider[];
}

export type Feeds = Record<string, ort.Tensor>;

export class ModelSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    /** The provider the session runs on. */
    readonly provider: Provider,
    /** Every provider tried, in order, with the reason for each failure. */
    readonly attempts: readonly ProviderAttempt[],
  ) {
    this.inputs = new Set(session.inputNames);
  }

  private readonly inputs: Set<string>;

  /**
   * For a format-11 model's segments, which run one after another:
   * `spin: 'within-run'`: the session's intra-op threads spin between operators but stop when a run ends
   * (ONNX Runtime's session.force_spinning_stop). Spinning threads of the session that just ran competed
   * with the next one's: 1B shape, 17 sessions, 67-92 ms a step spinning throughout, 33-36 ms sleeping
   * or stopped after each run; with 16 rows 308-314, 119-127 sleeping, 109-110 stopped after each run
   * (tools/bench/segment-sessions.ts). `spin: false`: they sleep between operators;
   * `arena: false`: no CPU memory arena (each session's arena kept its largest prompt chunk's buffers: the
   * 1B shape's process held 2.10 GiB after a 1,024-token prompt with arenas, 0.90-1.13 without, at the same
   * decode speed; tools/bench/session-memory.ts).
   */
  static async open(graphPath: string, preference: readonly Provider[] = DEFAULT_PROVIDERS, { spin = spinning() as boolean | 'within-run', arena = true } = {}): Promise<ModelSession> {
    if (!spinning()) spin = false; // INFEROS_ORT_SPINNING=0 turns it off everywhere
    const attempts: ProviderAttempt[] = [];
    for (const provider of preference) {
      if (provider === 'npu') {
        // onnxruntime-node ships no NPU execution provider (Ryzen AI's Vitis AI EP is not in its builds).
        attempts.push({ provider, ok: false, error: 'onnxruntime-node has no NPU execution provider' });
        continue;
      }
      try {
        const session = await ort.InferenceSession.create(graphPath, {
          executionProviders: [provider],
          graphOptimizationLevel: 'all',
          ...(arena ? {} : { enableCpuMemArena: false }),
          // INFEROS_INTRA_OP_THREADS: ONNX Runtime's intra-op threads (default: its own, the physical cores).
          ...(intraOpThreads() ? { intraOpNumThreads: intraOpThreads() } : {}),
          logSeverityLevel: provider === 'cpu' ? 3 : 4,
          // INFEROS_ORT_SPINNING=0: the intra-op threads sleep between operators instead of spinning (for
          // measuring; spinning is faster here, tools/inferos_tools/GRAPH.md "ONNX Runtime session settings").
          // INFEROS_ORT_PREPACKING=0: ONNX Runtime keeps the weights as the file has them instead of repacking
          // them for its kernels (for measuring memory: docs/measurement-history.md).
          ...(spin === true && prepacking() ? {} : { extra: { session: {
            ...(spin === true ? {} : spin === false ? { intra_op: { allow_spinning: '0' } } : { force_spinning_stop: '1' }),
            ...(prepacking() ? {} : { disable_prepacking: '1' }),
          } } }),
        });
        attempts.push({ provider, ok: true });
        return new ModelSession(session, provider, attempts);
      } catch (err) {
        attempts.push({ provider, ok: false, error: firstLine(err) });
      }
    }
    const why = attempts.map((a) => `${a.provider}: ${a.error}`).join('; ');
    throw new Error(`no execution provider in [${preference.join(', ')}] could open ${graphPath} (${why})`);
  }

  /** The graph's input names. */
  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  /** Whether the graph takes an input of this name (inputs newer exports added: logits_from). */
  hasInput(name: string): boolean {
    return this.inputs.has(name);
  }

  /** Run the graph; only the outputs named in `fetch` are returned. */
  async run(feeds: Feeds, fetch: readonly string[]): Promise<Record<string, ort.Tensor>> {
    return this.session.run(feeds, fetch as string[]);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

function intraOpThreads(): number | undefined {
  const v = process.env['INFEROS_INTRA_OP_THREADS'];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`INFEROS_INTRA_OP_THREADS must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function spinning(): boolean {
  const v = process.env['INFEROS_ORT_SPINNING'];
  if (v === undefined || v === '' || v === '1') return true;
  if (v === '0') return false;
  throw new RangeError(`INFEROS_ORT_SPINNING must be 0 or 1, got ${JSON.stringify(v)}`);
}

function prepacking(): boolean {
  const v = process.env['INFEROS_ORT_PREPACKING'];
  if (v === undefined || v === '' || v === '1') return true;
  if (v === '0') return false;
  throw new RangeError(`INFEROS_ORT_PREPACKING must be 0 or 1, got ${JSON.stringify(v)}`);
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] ?? msg).slice(0, 300);
}

export { ort };
