// Policies in the seed's YAML shape: infer_os: { quality, kv, io, scheduler, loops }.
// A policy file may give any subset of keys; the rest come from DEFAULT_POLICY. Every key is checked:
// unknown keys and out-of-range values are refused with the key's path.
//
// kv.level_thresholds are shares of a layer's "old" blocks (tokens outside the sinks and the recent
// window, evicted blocks included), ranked lowest first: blocks already demoted (evicted, then INT4, then
// INT8; nothing moves up), then the rest by importance (the attention the model gave their tokens,
// forgotten with a half-life of 256 queries; importance.ts). A block's quantile r in (0, 1) is its
// mid-rank divided by the number of old blocks. r < L3_evict: evicted; else r < L2_int4: INT4; else
// r < L1_int8: INT8; else it stays FP16. So L3_evict <= L2_int4 <= L1_int8, and with the seed's
// 0.3 / 0.5 / 0.7, 30% of old blocks are evicted, 20% INT4, 20% INT8 and 30% stay FP16 (to within one
// block). While a prompt is prefilled its evictions wait for its end: blocks wait in the lowest tier the
// policy keeps (INT4, or INT8 without an INT4 share), and one the prompt's end keeps stays there (so that
// tier may then hold up to the evicted share more than its own).
// Blocks only move down (FP16 -> INT8 -> INT4 -> evicted), each move quantizes once.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const KvMode = {
  baseline: 'baseline',
  dynamic: 'dynamic',
  latency_optimized: 'latency_optimized',
  throughput_optimized: 'throughput_optimized',
  quality_optimized: 'quality_optimized',
} as const;
export type KvMode = (typeof KvMode)[keyof typeof KvMode];

export interface Policy {
  quality: { max_delta_ppl: number; min_accept_rate: number };
  kv: {
    /** `baseline` keeps the whole cache at full precision (float32): exact. */
    mode: KvMode;
    recent_window: number;
    sink_tokens: number;
    /** Tokens per key group (= block) and channels per value group. */
    group_size: 32 | 64 | 128;
    level_thresholds: { L1_int8: number; L2_int4: number; L3_evict: number };
  };
  io: { enable_iobinding: boolean; dml_pool_bytes: number; host_pool_bytes: number };
  scheduler: {
    mode: 'hybrid' | 'gpu_only' | 'npu_only';
    prefill_device: string;
    decode_device: string;
    /** Most sequences a decode worker steps per iteration (the mid loop steers it). */
    max_batch: number;
    /** Latency targets the mid loop steers toward: time per output token, time to first token. */
    target_tpot_ms: number;
    target_ftl_ms: number;
  };
  loops: { fast_ms: number; mid_ms: number; slow_ms: number };
}

export const DEFAULT_POLICY: Policy = {
  quality: { max_delta_ppl: 0.5, min_accept_rate: 0.5 },
  kv: {
    mode: 'dynamic',
    recent_window: 64,
    sink_tokens: 4,
    group_size: 64,
    level_thresholds: { L1_int8: 0.7, L2_int4: 0.5, L3_evict: 0.3 },
  },
  io: { enable_iobinding: true, dml_pool_bytes: 2 * 2 ** 30, host_pool_bytes: 4 * 2 ** 30 },
  scheduler: { mode: 'hybrid', prefill_device: 'dml', decode_device: 'npu', max_batch: 64, target_tpot_ms: 100, target_ftl_ms: 2000 },
  loops: { fast_ms: 1, mid_ms: 10, slow_ms: 100 },
};

export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

type Rule =
  | { kind: 'number'; min: number; max: number; integer?: boolean }
  | { kind: 'enum'; values: readonly (string | number)[] }
  | { kind: 'boolean' }
  | { kind: 'bytes'; min: number };

const DEVICES = ['npu', 'dml', 'cuda', 'cpu'] as const;
const SCHEMA: Record<string, Record<string, Rule | Record<string, Rule>>> = {
  quality: {
    max_delta_ppl: { kind: 'number', min: 0, max: 2 },
    min_accept_rate: { kind: 'number', min: 0, max: 1 },
  },
  kv: {
    mode: { kind: 'enum', values: Object.values(KvMode) },
    recent_window: { kind: 'number', min: 16, max: 512, integer: true },
    sink_tokens: { kind: 'number', min: 0, max: 64, integer: true },
    group_size: { kind: 'enum', values: [32, 64, 128] },
    level_thresholds: {
      L1_int8: { kind: 'number', min: 0, max: 1 },
      L2_int4: { kind: 'number', min: 0, max: 1 },
      L3_evict: { kind: 'number', min: 0, max: 1 },
    },
  },
  io: {
    enable_iobinding: { kind: 'boolean' },
    dml_pool_bytes: { kind: 'bytes', min: 2 ** 30 },
    host_pool_bytes: { kind: 'bytes', min: 2 ** 20 },
  },
  scheduler: {
    mode: { kind: 'enum', values: ['hybrid', 'gpu_only', 'npu_only'] },
    prefill_device: { kind: 'enum', values: DEVICES },
    decode_device: { kind: 'enum', values: DEVICES },
    max_batch: { kind: 'number', min: 1, max: 1024, integer: true },
    target_tpot_ms: { kind: 'number', min: 1, max: 60000 },
    target_ftl_ms: { kind: 'number', min: 1, max: 600000 },
  },
  loops: {
    fast_ms: { kind: 'number', min: 0.1, max: 1000 },
    mid_ms: { kind: 'number', min: 1, max: 10000 },
    slow_ms: { kind: 'number', min: 10, max: 600000 },
  },
};

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };

/** "2048MiB", "4GiB", "512MB" or a plain integer -> bytes. */
export function parseBytes(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?\s*$/.exec(value);
    if (m) {
      const bytes = Number(m[1]) * UNITS[m[2] ?? 'B']!;
      if (Number.isSafeInteger(Math.round(bytes))) return Math.round(bytes);
    }
  }
  throw new PolicyError(path, `expected a byte size such as 4096MiB or 4GiB, got ${JSON.stringify(value)}`);
}

function checkValue(rule: Rule, value: unknown, path: string): unknown {
  switch (rule.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new PolicyError(path, `expected a number, got ${JSON.stringify(value)}`);
      if (rule.integer && !Number.isInteger(value)) throw new PolicyError(path, `expected an integer, got ${value}`);
      if (value < rule.min || value > rule.max) throw new PolicyError(path, `${value} is out of range [${rule.min}, ${rule.max}]`);
      return value;
    case 'enum':
      if (!rule.values.includes(value as string | number)) throw new PolicyError(path, `expected one of ${rule.values.join(', ')}, got ${JSON.stringify(value)}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new PolicyError(path, `expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'bytes': {
      const bytes = parseBytes(value, path);
      if (bytes < rule.min) throw new PolicyError(path, `${bytes} bytes is below the minimum of ${rule.min}`);
      return bytes;
    }
  }
}

function isRule(x: object): x is Rule {
  return 'kind' in x;
}

function merge(schema: Record<string, Rule | Record<string, Rule>>, base: Record<string, unknown>, patch: unknown, path: string): Record<string, unknown> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw new PolicyError(path, `expected a mapping, got ${JSON.stringify(patch)}`);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const rule = schema[key];
    const p = `${path}.${key}`;
    if (!rule) throw new PolicyError(p, `unknown key (expected one of ${Object.keys(schema).join(', ')})`);
    out[key] = isRule(rule)
      ? checkValue(rule, value, p)
      : merge(rule as Record<string, Rule>, base[key] as Record<string, unknown>, value, p);
  }
  return out;
}

/**
 * Apply a partial policy (the object under `infer_os`, or a document with that key) to `base`.
 * Returns a new, fully checked policy; throws PolicyError and changes nothing on bad input.
 */
export function applyPolicy(base: Policy, patch: unknown): Policy {
  const doc = patch && typeof patch === 'object' && 'infer_os' in patch ? (patch as { infer_os: unknown }).infer_os : patch;
  const out = merge(SCHEMA as never, base as unknown as Record<string, unknown>, doc ?? {}, 'infer_os') as unknown as Policy;
  const t = out.kv.level_thresholds;
  if (!(t.L3_evict <= t.L2_int4 && t.L2_int4 <= t.L1_int8)) {
    throw new PolicyError('infer_os.kv.level_thresholds', `must satisfy L3_evict <= L2_int4 <= L1_int8, got ${t.L3_evict}, ${t.L2_int4}, ${t.L1_int8}`);
  }
  return out;
}

/**
 * The JSON Schema of a policy document (`{infer_os: {...}}`), generated from the same rules that
 * applyPolicy checks, for HTTP APIs to validate and document. Every key is optional (a partial update);
 * unknown keys are refused.
 */
export function policyJsonSchema(): object {
  const rule = (r: Rule): object => {
    switch (r.kind) {
      case 'number':
        return { type: r.integer ? 'integer' : 'number', minimum: r.min, maximum: r.max };
      case 'enum':
        return { enum: [...r.values] };
      case 'boolean':
        return { type: 'boolean' };
      case 'bytes':
        return { anyOf: [{ type: 'integer', minimum: r.min }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)?\\s*$' }] };
    }
  };
  const obj = (schema: Record<string, Rule | Record<string, Rule>>): object => ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, isRule(v) ? rule(v) : obj(v as Record<string, Rule>)])),
  });
  return { type: 'object', additionalProperties: false, properties: { infer_os: obj(SCHEMA as never) } };
}

export function parsePolicyYaml(text: string, source = 'policy'): Policy {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new PolicyError(source, `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || !('infer_os' in doc)) {
    throw new PolicyError(source, 'expected a document with the top-level key infer_os');
  }
  const extra = Object.keys(doc).filter((k) => k !== 'infer_os');
  if (extra.length) throw new PolicyError(extra[0]!, 'unknown key (expected infer_os)');
  return applyPolicy(DEFAULT_POLICY, doc);
}

/** The folder of named profiles (policies/ at the repository root). */
export function policiesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'policies', 'baseline.yaml'))) return join(dir, 'policies');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('policies/ not found above @inferos/kv');
    dir = parent;
  }
}

export const PROFILES = ['baseline', 'default', 'latency_optimized', 'throughput_optimized', 'quality_optimized'] as const;

/** A profile name (policies/NAME.yaml) or a YAML file path. */
export function loadPolicy(nameOrFile: string): { name: string; policy: Policy } {
  const isName = /^[a-z_]+$/.test(nameOrFile);
  const file = isName ? join(policiesDir(), `${nameOrFile}.yaml`) : nameOrFile;
  if (!existsSync(file)) {
    throw new PolicyError(nameOrFile, isName ? `no such profile (profiles: ${PROFILES.join(', ')})` : 'no such file');
  }
  return { name: isName ? nameOrFile : file, policy: parsePolicyYaml(readFileSync(file, 'utf8'), file) };
}
