import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Value } from 'typebox/value';
import { DEFAULT_POLICY, PROFILES, applyPolicy, loadPolicy, parseBytes, parsePolicyYaml, policiesDir, policyJsonSchema, PolicyError } from './policy';
import { BYTE_SIZE_PATTERN, PartialPolicyDocumentSchema, PolicySchema } from './policy-schema';

// The example configuration of the seed project, verbatim.
const SEED_CONFIG = `infer_os:
  quality:
    max_delta_ppl: 0.5
    min_accept_rate: 0.5
  kv:
    recent_window: 64
    level_thresholds:
      L1_int8: 0.7
      L2_int4: 0.5
      L3_evict: 0.3
  io:
    enable_iobinding: true
    dml_pool_bytes: 2048MiB
    host_pool_bytes: 4096MiB
  scheduler:
    mode: hybrid
    prefill_device: dml
    decode_device: npu
  loops:
    fast_ms: 1
    mid_ms: 10
    slow_ms: 100
`;

test("the seed's example configuration loads", () => {
  const p = parsePolicyYaml(SEED_CONFIG);
  assert.equal(p.kv.recent_window, 64);
  assert.deepEqual(p.kv.level_thresholds, { L1_int8: 0.7, L2_int4: 0.5, L3_evict: 0.3 });
  assert.equal(p.io.host_pool_bytes, 4096 * 2 ** 20);
  assert.equal(p.scheduler.decode_device, 'npu');
  assert.equal(p.loops.mid_ms, 10);
});

test('every named profile loads', () => {
  for (const name of PROFILES) {
    const { policy } = loadPolicy(name);
    assert.ok(policy.kv.recent_window >= 16, name);
  }
  assert.equal(loadPolicy('baseline').policy.kv.mode, 'baseline');
});

test('a partial update keeps the other fields and does not touch its base', () => {
  const before = JSON.stringify(DEFAULT_POLICY);
  const p = applyPolicy(DEFAULT_POLICY, { kv: { recent_window: 128 } });
  assert.equal(p.kv.recent_window, 128);
  assert.equal(p.kv.group_size, DEFAULT_POLICY.kv.group_size);
  assert.equal(JSON.stringify(DEFAULT_POLICY), before);
});

test('BAD CALL - unknown keys are refused with their path', () => {
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { level_thresholds: { L4_int2: 0.1 } } }),
    (e: unknown) => e instanceof PolicyError && e.path === 'infer_os.kv.level_thresholds.L4_int2');
  assert.throws(() => parsePolicyYaml('infer_os:\n  kvv: {}\n'), /infer_os.kvv: unknown key/);
  assert.throws(() => parsePolicyYaml('infer_os: {}\nextra: 1\n'), /extra: unknown key/);
});

test('BAD CALL - out-of-range and wrongly typed values are refused with their path', () => {
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { recent_window: 8 } }), /infer_os.kv.recent_window: 8 is out of range \[16, 512\]/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { recent_window: 64.5 } }), /infer_os.kv.recent_window: expected an integer/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { group_size: 48 } }), /infer_os.kv.group_size: expected one of 32, 64, 128/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { quality: { max_delta_ppl: '0.5' } }), /infer_os.quality.max_delta_ppl: expected a number/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { io: { host_pool_bytes: '12 parsecs' } }), /infer_os.io.host_pool_bytes: expected a byte size/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { io: { host_pool_bytes: '512KiB' } }), /below the minimum/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { level_thresholds: { L3_evict: 0.9 } } }), /L3_evict <= L2_int4 <= L1_int8/);
  assert.throws(() => parsePolicyYaml('infer_os: [1, 2]'), /infer_os: expected a mapping/);
  assert.throws(() => parsePolicyYaml('infer_os: {kv: {mode: turbo}}'), /infer_os.kv.mode: expected one of baseline/);
  assert.throws(() => parsePolicyYaml(': : :'), PolicyError);
});

test('byte sizes', () => {
  assert.equal(parseBytes('4GiB', 'x'), 4 * 2 ** 30);
  assert.equal(parseBytes('512MB', 'x'), 512e6);
  assert.equal(parseBytes(1234, 'x'), 1234);
  assert.throws(() => parseBytes(-1.5, 'x'), /expected a byte size/);
});

test('BAD CALL - a missing profile names the profiles', () => {
  assert.throws(() => loadPolicy('turbo'), /turbo: no such profile \(profiles: baseline, default/);
  assert.throws(() => loadPolicy('/nonexistent/p.yaml'), /no such file/);
});

test('one schema: the defaults and every applied policy are whole policies; every profile file is a partial policy document', () => {
  assert.equal(Value.Check(PolicySchema, DEFAULT_POLICY), true, 'DEFAULT_POLICY fits PolicySchema');
  for (const name of PROFILES) {
    const doc: unknown = parseYaml(readFileSync(join(policiesDir(), `${name}.yaml`), 'utf8'));
    assert.equal(Value.Check(PartialPolicyDocumentSchema, doc), true, `policies/${name}.yaml fits PartialPolicyDocumentSchema`);
    assert.equal(Value.Check(PolicySchema, applyPolicy(DEFAULT_POLICY, doc)), true, `${name} applied fits PolicySchema`);
  }
  const applied = applyPolicy(DEFAULT_POLICY, { io: { host_pool_bytes: '512MiB' } });
  assert.equal(applied.io.host_pool_bytes, 512 * 2 ** 20, 'a byte size given as text is bytes in the policy');
});

test('the JSON Schema served for policy updates: every key optional, unknown keys refused at every level, byte sizes as bytes or text', () => {
  const schema = policyJsonSchema();
  assert.equal(schema, PartialPolicyDocumentSchema, 'policyJsonSchema is the schema applyPolicy checks with');
  const objects: Record<string, unknown>[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node['type'] === 'object') objects.push(node);
    for (const child of Object.values((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) walk(child);
  };
  walk(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>);
  assert.equal(objects.length, 8, 'the document, infer_os, its five sections and level_thresholds');
  for (const o of objects) {
    assert.equal(o['additionalProperties'], false, `unknown keys refused under ${Object.keys(o['properties'] as object).join(', ')}`);
    assert.equal(o['required'], undefined, `no key required under ${Object.keys(o['properties'] as object).join(', ')}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(schema.properties.infer_os.properties.io.properties.host_pool_bytes)), {
    anyOf: [{ type: 'integer', minimum: 2 ** 20 }, { type: 'string', pattern: BYTE_SIZE_PATTERN }],
  });
  assert.deepEqual(JSON.parse(JSON.stringify(schema.properties.infer_os.properties.kv.properties.recent_window)), { type: 'integer', minimum: 16, maximum: 512 });
  assert.deepEqual(JSON.parse(JSON.stringify(schema.properties.infer_os.properties.kv.properties.group_size)), { enum: [32, 64, 128] });
});

test('BAD CALL - of several refused keys, the first one as written is named', () => {
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { loops: { fast_ms: 0 }, kv: { bogus: 1 } }), /^PolicyError: infer_os\.loops\.fast_ms: 0 is out of range/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { bogus: 1 }, loops: { fast_ms: 0 } }), /^PolicyError: infer_os\.kv\.bogus: unknown key/);
  // A byte size's text is read after the schema's check of its form; its refusal still comes in order.
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { io: { host_pool_bytes: '512KiB' }, kv: { recent_window: 8 } }), /^PolicyError: infer_os\.io\.host_pool_bytes: 524288 bytes is below/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { recent_window: 8 }, io: { host_pool_bytes: '512KiB' } }), /^PolicyError: infer_os\.kv\.recent_window: 8 is out of range/);
});

test('BAD CALL - what only JavaScript can send: a key given as undefined, an own __proto__ key, a byte count past 2^53', () => {
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: { recent_window: undefined } }), /infer_os\.kv\.recent_window: expected a number, got undefined/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { kv: undefined }), /infer_os\.kv: expected a mapping, got undefined/);
  assert.throws(() => applyPolicy(DEFAULT_POLICY, JSON.parse('{"kv": {"__proto__": {}}}')), (e: unknown) => e instanceof PolicyError && e.path === 'infer_os.kv.__proto__' && /unknown key/.test(e.message));
  assert.throws(() => applyPolicy(DEFAULT_POLICY, { io: { host_pool_bytes: 2 ** 60 } }), /infer_os\.io\.host_pool_bytes: expected a byte size/);
});
