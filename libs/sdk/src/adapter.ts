// The integration guide's adapter, for an app that runs its own model with onnxruntime-node and wants
// Infer-OS's control plane around it: before a run, the current policy (fetched from the control API,
// at most every `refreshMs`) and the ONNX Runtime options it implies; after a run, its figures reported
// to the controller (POST /v1/report: /v1/metrics shows them under `external`, per source).
//
//   const ctx = new InferenceContext(new InferOSClient(), { source: 'my-app' });
//   const { sessionOptions } = await ctx.prerun();          // once, before creating the session
//   const session = await ort.InferenceSession.create(path, sessionOptions);
//   const { runOptions } = await ctx.prerun();              // before each run
//   const out = await session.run(feeds, runOptions);
//   await ctx.postrun({ tokens: 1 });                        // the run's figures
//
// Which policy keys can act on someone else's session is limited, and said: applyOrtPolicy returns the
// keys it applied and, for every other key, why it does not apply (never silently ignored).
import { InferOSClient, InferOSError, type PartialPolicy, type PolicyReply } from './client';

/** The subset of onnxruntime-node's InferenceSession.SessionOptions the adapter sets. */
export interface OrtSessionOptions {
  executionProviders?: string[];
  [key: string]: unknown;
}

/** The subset of onnxruntime-node's InferenceSession.RunOptions the adapter sets. */
export interface OrtRunOptions {
  tag?: string;
  [key: string]: unknown;
}

export interface OrtPolicyResult {
  applied: { key: string; value: unknown; as: string }[];
  notApplied: { key: string; reason: string }[];
}

/** The device fallback chains of ARCHITECTURE.md, per role (as the workers use them). */
const CHAINS: Record<'prefill' | 'decode', readonly string[]> = { prefill: ['dml', 'cuda', 'cpu'], decode: ['npu', 'dml', 'cuda', 'cpu'] };
/** Infer-OS's device names -> onnxruntime-node's execution provider names (NPU: none in its builds). */
const ORT_NAME: Record<string, string | null> = { npu: null, dml: 'dml', cuda: 'cuda', cpu: 'cpu' };

/**
 * Set `sessionOptions` and `runOptions` from `policy` (the control API's `policy.infer_os`) for a session
 * that plays `role`, keeping only execution providers in `available` (onnxruntime-node's
 * `listSupportedBackends()` names, e.g. ['cpu']). Returns what was applied and, for every other key, why not.
 */
export function applyOrtPolicy(
  policy: PartialPolicy,
  sessionOptions: OrtSessionOptions,
  runOptions: OrtRunOptions,
  opts: { role?: 'prefill' | 'decode'; available?: readonly string[]; version?: number } = {},
): OrtPolicyResult {
  const role = opts.role ?? 'decode';
  const available = new Set(opts.available ?? ['cpu']);
  const result: OrtPolicyResult = { applied: [], notApplied: [] };
  const device = policy.scheduler?.[`${role}_device`];
  if (typeof device === 'string') {
    const chain = CHAINS[role];
    const from = chain.indexOf(device);
    const wanted = [...new Set([...(from >= 0 ? chain.slice(from) : [device]), 'cpu'])];
    const providers = wanted.map((d) => ORT_NAME[d] ?? null).filter((p): p is string => p !== null && available.has(p));
    if (providers.length === 0) {
      result.notApplied.push({ key: `scheduler.${role}_device`, reason: `none of ${wanted.join(', ')} is available to onnxruntime-node here (available: ${[...available].join(', ')})` });
    } else {
      sessionOptions.executionProviders = providers;
      result.applied.push({ key: `scheduler.${role}_device`, value: device, as: `sessionOptions.executionProviders = ${JSON.stringify(providers)}` });
    }
  }
  if (opts.version !== undefined) {
    runOptions.tag = `inferos-policy-v${opts.version}`;
    result.applied.push({ key: 'version', value: opts.version, as: `runOptions.tag = "${runOptions.tag}" (ONNX Runtime's logs name the policy a run had)` });
  }
  const other = role === 'decode' ? 'prefill' : 'decode';
  const reasons: Record<string, string> = {
    kv: "the KV cache policy shapes Infer-OS's own graphs' tiered cache; a session's own graph keeps its cache as it was exported",
    quality: "the quality budget is enforced by Infer-OS's controller on the sequences it serves",
    loops: "the control loops' periods belong to Infer-OS's services",
    'io.enable_iobinding': 'onnxruntime-node has no I/O binding API (preallocated outputs are passed to run() by the caller)',
    'io.dml_pool_bytes': 'onnxruntime-node has no option for the DirectML memory pool',
    'io.host_pool_bytes': "the host pool is the kv-store's KV budget, not an ONNX Runtime arena",
    'scheduler.mode': 'the devices are chosen per role (scheduler.prefill_device / decode_device)',
    [`scheduler.${other}_device`]: `this session plays the ${role} role`,
    'scheduler.max_batch': "batching is the caller's: ONNX Runtime runs the batch it is given",
    'scheduler.target_tpot_ms': "the latency targets steer Infer-OS's controller (its mid loop)",
    'scheduler.target_ftl_ms': "the latency targets steer Infer-OS's controller (its mid loop)",
  };
  for (const [section, values] of Object.entries(policy)) {
    for (const key of Object.keys(values ?? {})) {
      const path = `${section}.${key}`;
      if (path === `scheduler.${role}_device`) continue;
      result.notApplied.push({ key: path, reason: reasons[path] ?? reasons[section] ?? 'no ONNX Runtime option corresponds to it' });
    }
  }
  return result;
}

export interface InferenceContextOptions {
  /** The name the controller files this app's reports under. */
  source: string;
  role?: 'prefill' | 'decode';
  /** onnxruntime-node's available execution providers (default ['cpu']). */
  available?: readonly string[];
  /** Fetch the policy at most this often (default 1000 ms). */
  refreshMs?: number;
}

export interface Prerun {
  policy: PolicyReply;
  sessionOptions: OrtSessionOptions;
  runOptions: OrtRunOptions;
  result: OrtPolicyResult;
  /** The policy version moved since the previous prerun (a session created before may need re-creating). */
  changed: boolean;
  /** Set when the control API could not be reached and the last known policy is used. */
  stale?: string;
}

export class InferenceContext {
  private last: PolicyReply | undefined;
  private fetchedAt = 0;
  private startedAt: number | undefined;

  constructor(
    readonly client: InferOSClient,
    private readonly opts: InferenceContextOptions,
  ) {
    if (!opts.source) throw new RangeError('InferenceContext: a source name is required');
  }

  /** The current policy and the ONNX Runtime options it implies; starts the run's clock. */
  async prerun(): Promise<Prerun> {
    const before = this.last?.version;
    let stale: string | undefined;
    if (!this.last || Date.now() - this.fetchedAt >= (this.opts.refreshMs ?? 1000)) {
      try {
        this.last = await this.client.policy();
        this.fetchedAt = Date.now();
      } catch (err) {
        // Never reached: the app cannot know what to run under. Reached before: run under the last policy.
        if (!this.last || !(err instanceof InferOSError)) throw err;
        stale = err.message;
      }
    }
    const sessionOptions: OrtSessionOptions = {};
    const runOptions: OrtRunOptions = {};
    const result = applyOrtPolicy(this.last!.policy.infer_os, sessionOptions, runOptions, {
      role: this.opts.role ?? 'decode', available: this.opts.available ?? ['cpu'], version: this.last!.version,
    });
    this.startedAt = performance.now();
    return { policy: this.last!, sessionOptions, runOptions, result, changed: before !== undefined && before !== this.last!.version, ...(stale ? { stale } : {}) };
  }

  /** Report the run started by the last prerun: its tokens (and prompt tokens, TTFT when known). */
  async postrun(stats: { tokens: number; promptTokens?: number; ttftMs?: number }): Promise<void> {
    if (this.startedAt === undefined) throw new Error('InferenceContext.postrun: no prerun started a run');
    const durationMs = Math.max(performance.now() - this.startedAt, 1e-3);
    this.startedAt = undefined;
    await this.client.report({ source: this.opts.source, durationMs, ...stats });
  }
}
