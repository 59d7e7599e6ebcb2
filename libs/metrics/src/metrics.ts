// The metric names of the whole system, and the one registry that holds them. Names follow vLLM's
// (`vllm:time_to_first_token_seconds` -> `inferos_time_to_first_token_seconds`), in base units, and every
// series carries `model_name`. The Grafana dashboards import NAME, so a renamed metric breaks their build.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export const NAME = {
  timeToFirstToken: 'inferos_time_to_first_token_seconds',
  interTokenLatency: 'inferos_inter_token_latency_seconds',
  e2eRequestLatency: 'inferos_e2e_request_latency_seconds',
  requestsRunning: 'inferos_num_requests_running',
  requestsWaiting: 'inferos_num_requests_waiting',
  kvCacheUsage: 'inferos_kv_cache_usage_perc',
  kvCacheBytes: 'inferos_kv_cache_bytes',
  kvCacheBudgetBytes: 'inferos_kv_cache_budget_bytes',
  promptTokens: 'inferos_prompt_tokens_total',
  generationTokens: 'inferos_generation_tokens_total',
  requestSuccess: 'inferos_request_success_total',
  requestFailure: 'inferos_request_failure_total',
  policyVersion: 'inferos_policy_version',
  deltaPplEstimate: 'inferos_delta_ppl_estimate',
  baselineMode: 'inferos_baseline_mode',
  loopPeriod: 'inferos_loop_period_seconds',
  loopTargetPeriod: 'inferos_loop_target_period_seconds',
  loopJitter: 'inferos_loop_jitter_seconds',
  loopMaxJitter: 'inferos_loop_max_jitter_seconds',
  admissionPaused: 'inferos_admission_paused',
  processCpuCores: 'inferos_process_cpu_cores',
  processResidentMemory: 'inferos_process_resident_memory_bytes',
  serviceRestarts: 'inferos_service_restarts',
  kvCacheExactBytes: 'inferos_kv_cache_exact_bytes',
  decodeSeconds: 'inferos_decode_seconds_total',
  decodeTokens: 'inferos_decode_tokens_total',
} as const;
export type MetricName = (typeof NAME)[keyof typeof NAME];

/** The `policy` label of a request that named no KV policy (it ran with the one in force). */
export const SYSTEM_POLICY = 'system';

/** KV tiers as the kv-store reports them (`kv_bytes_<tier>` in ServiceReport). */
export const KV_TIERS = ['f32', 'f16', 'int8', 'int4'] as const;
export type KvTier = (typeof KV_TIERS)[number];

// Buckets for a small model on a CPU: a first token in a few ms (short prompt) to tens of seconds (a long
// prompt on a busy machine); token gaps from 1 ms to a few s; whole requests up to two minutes.
export const BUCKETS = {
  ttft: [0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 20, 40],
  itl: [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2.5, 5],
  e2e: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120],
} as const;

/** The typed handles of every metric in a registry built by buildRegistry. */
export interface Metrics {
  modelName: string;
  ttft: Histogram<'model_name' | 'policy'>;
  itl: Histogram<'model_name' | 'policy'>;
  e2e: Histogram<'model_name' | 'policy'>;
  requestsRunning: Gauge<'model_name'>;
  requestsWaiting: Gauge<'model_name'>;
  kvUsage: Gauge<'model_name'>;
  kvBytes: Gauge<'model_name' | 'tier'>;
  kvBudget: Gauge<'model_name'>;
  kvExact: Gauge<'model_name'>;
  promptTokens: Counter<'model_name' | 'policy'>;
  decodeSeconds: Counter<'model_name' | 'policy'>;
  decodeTokens: Counter<'model_name' | 'policy'>;
  generationTokens: Counter<'model_name' | 'policy'>;
  success: Counter<'model_name' | 'policy' | 'finished_reason'>;
  failure: Counter<'model_name' | 'policy' | 'error_code'>;
  policyVersion: Gauge<'model_name'>;
  deltaPpl: Gauge<'model_name'>;
  baselineMode: Gauge<'model_name'>;
  loopPeriod: Gauge<'model_name' | 'loop'>;
  loopTarget: Gauge<'model_name' | 'loop'>;
  loopJitter: Gauge<'model_name' | 'loop'>;
  loopMaxJitter: Gauge<'model_name' | 'loop'>;
  admissionPaused: Gauge<'model_name'>;
  cpuCores: Gauge<'model_name' | 'service'>;
  rss: Gauge<'model_name' | 'service'>;
  restarts: Gauge<'model_name' | 'service'>;
}

const handles = new WeakMap<Registry, Metrics>();
const collectors = new WeakMap<Registry, () => void>();

/**
 * A fresh registry (never prom-client's global one) with every Infer-OS metric. Gauges are filled when
 * the registry is collected, by the hook an Aggregator installs (see `onCollect`). A gauge with no source
 * (no kv-store report, say) has no series at all rather than a made-up 0.
 */
export function buildRegistry(modelName: string): Registry {
  if (typeof modelName !== 'string' || modelName === '') throw new TypeError(`buildRegistry: modelName must be a non-empty string, got ${JSON.stringify(modelName)}`);
  const registry = new Registry();
  const registers = [registry];
  const collect = () => collectors.get(registry)?.();
  const hist = (name: string, help: string, buckets: readonly number[]) => new Histogram({ name, help, labelNames: ['model_name', 'policy'] as const, buckets: [...buckets], registers });
  const counter = <L extends string>(name: string, help: string, labels: readonly L[]) => new Counter<'model_name' | L>({ name, help, labelNames: ['model_name', ...labels], registers });
  const gauge = <L extends string>(name: string, help: string, labels: readonly L[]) => new Gauge<'model_name' | L>({ name, help, labelNames: ['model_name', ...labels], registers, collect });
  const gw = 'measured by the gateway per finished request, by the KV policy it named (`system`: none, the policy in force)';
  const m: Metrics = {
    modelName,
    ttft: hist(NAME.timeToFirstToken, `Time from a request's arrival to its first generated token, ${gw}.`, BUCKETS.ttft),
    itl: hist(NAME.interTokenLatency, `Gap between consecutive tokens of a request as the gateway received them, ${gw}.`, BUCKETS.itl),
    e2e: hist(NAME.e2eRequestLatency, `Time from a request's arrival to its last token, ${gw} (successful requests).`, BUCKETS.e2e),
    requestsRunning: gauge(NAME.requestsRunning, 'Requests being generated now, summed over the gateways\' reports.', []),
    requestsWaiting: gauge(NAME.requestsWaiting, 'Requests waiting for room in the KV budget, summed over the gateways\' reports.', []),
    kvUsage: gauge(NAME.kvCacheUsage, 'Fraction (0..1) of the KV budget held by KV blocks, from the kv-store\'s report.', []),
    kvBytes: gauge(NAME.kvCacheBytes, 'Bytes of KV cache held per tier (f32, f16, int8, int4), counted from the kv-store\'s buffers.', ['tier']),
    kvBudget: gauge(NAME.kvCacheBudgetBytes, 'The kv-store\'s KV budget in bytes.', []),
    kvExact: gauge(NAME.kvCacheExactBytes, 'Bytes the kv-store\'s tokens would hold in an exact (float32) cache, as the baseline policy keeps them: the KV cache bytes against it are what compression saves.', []),
    promptTokens: counter(NAME.promptTokens, `Prompt tokens of finished requests, ${gw}.`, ['policy']),
    decodeSeconds: counter(NAME.decodeSeconds, `Seconds from the first token to the last of successful requests that generated more than one, ${gw}: with decode tokens, a stream's decode speed.`, ['policy']),
    decodeTokens: counter(NAME.decodeTokens, `Tokens after the first of those requests (what decode seconds timed), ${gw}.`, ['policy']),
    generationTokens: counter(NAME.generationTokens, `Generated tokens of finished requests, ${gw}.`, ['policy']),
    success: counter(NAME.requestSuccess, `Requests that finished successfully, by finish reason, ${gw}.`, ['policy', 'finished_reason']),
    failure: counter(NAME.requestFailure, `Requests that ended with an error, by error code, ${gw}.`, ['policy', 'error_code']),
    policyVersion: gauge(NAME.policyVersion, 'Version of the KV policy in force, from the controller\'s report.', []),
    deltaPpl: gauge(NAME.deltaPplEstimate, 'The controller\'s live estimate of the perplexity increase caused by KV compression.', []),
    baselineMode: gauge(NAME.baselineMode, '1 while the controller runs the system in baseline (full precision), else 0.', []),
    loopPeriod: gauge(NAME.loopPeriod, 'Measured mean period of a control loop (fast, mid, slow), from its owner\'s report.', ['loop']),
    loopTarget: gauge(NAME.loopTargetPeriod, 'Target period of a control loop, from its owner\'s report.', ['loop']),
    loopJitter: gauge(NAME.loopJitter, 'Mean absolute deviation of a control loop\'s period from its target, from its owner\'s report.', ['loop']),
    loopMaxJitter: gauge(NAME.loopMaxJitter, 'Largest deviation of a control loop\'s period from its target in the report window.', ['loop']),
    admissionPaused: gauge(NAME.admissionPaused, '1 while the kv-store refuses new sequences (memory pressure), else 0.', []),
    cpuCores: gauge(NAME.processCpuCores, 'CPU used by a service\'s processes in cores, measured by each process, summed over its instances.', ['service']),
    rss: gauge(NAME.processResidentMemory, 'Resident memory of a service\'s processes in bytes, measured by each process, summed over its instances.', ['service']),
    restarts: gauge(NAME.serviceRestarts, 'Times the supervisor (inferos up) restarted a service after a crash, summed over its live instances\' reports.', ['service']),
  };
  // Counters and histograms start at a real zero (nothing observed yet), so that rate() works from the start.
  const labels = { model_name: modelName, policy: SYSTEM_POLICY };
  for (const h of [m.ttft, m.itl, m.e2e]) h.zero(labels);
  for (const c of [m.promptTokens, m.generationTokens, m.decodeSeconds, m.decodeTokens]) c.inc(labels, 0);
  handles.set(registry, m);
  return registry;
}

/** The typed handles of a registry made by buildRegistry. */
export function metricsOf(registry: Registry): Metrics {
  const m = handles.get(registry);
  if (!m) throw new TypeError('metricsOf: this registry was not made by buildRegistry');
  return m;
}

/** Run `fill` whenever the registry's gauges are collected (one hook per registry; a later one replaces it). */
export function onCollect(registry: Registry, fill: () => void): void {
  metricsOf(registry);
  collectors.set(registry, fill);
}
