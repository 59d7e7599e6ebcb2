// Policies in the seed's YAML shape: infer_os: { quality, kv, io, scheduler, loops }.
// A policy file may give any subset of keys; the rest come from DEFAULT_POLICY. Every key is checked
// against the schema (policy-schema.ts, TypeBox; the thresholds' order after it): unknown keys and
// out-of-range values are refused with the key's path.
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
import { PartialPolicyDocumentSchema, type Policy } from './policy-schema';
import { checkPartialPolicy, overlay, PolicyError } from './policy-check';

// The schema and the types it gives (PartialPolicy, PolicyDocument, ...): @inferos/kv/policy-schema.
export { KvMode, type Policy } from './policy-schema';
export { PolicyError, parseBytes } from './policy-check';

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

/**
 * Apply a partial policy (the object under `infer_os`, or a document with that key) to `base`.
 * Returns a new, fully checked policy; throws PolicyError and changes nothing on bad input.
 */
export function applyPolicy(base: Policy, patch: unknown): Policy {
  const doc = (patch && typeof patch === 'object' && 'infer_os' in patch ? (patch as { infer_os: unknown }).infer_os : patch) ?? {};
  checkPartialPolicy(doc);
  const out = overlay(base, doc);
  // What a JSON Schema cannot say: the thresholds' order.
  const t = out.kv.level_thresholds;
  if (!(t.L3_evict <= t.L2_int4 && t.L2_int4 <= t.L1_int8)) {
    throw new PolicyError('infer_os.kv.level_thresholds', `must satisfy L3_evict <= L2_int4 <= L1_int8, got ${t.L3_evict}, ${t.L2_int4}, ${t.L1_int8}`);
  }
  return out;
}

/**
 * The JSON Schema of a policy document (`{infer_os: {...}}`): PartialPolicyDocumentSchema, the schema
 * applyPolicy checks with, for HTTP APIs to validate and document. Every key is optional (a partial
 * update); unknown keys are refused.
 */
export function policyJsonSchema(): typeof PartialPolicyDocumentSchema {
  return PartialPolicyDocumentSchema;
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
