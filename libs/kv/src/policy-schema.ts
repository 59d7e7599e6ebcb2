// The policy, defined once (TypeBox). From these schemas come the TypeScript types (Static), the checks
// applyPolicy runs (policy-check.ts: TypeBox's validator, with each refusal said in words; policy.ts: the
// thresholds' order, which a schema cannot say), and the JSON Schema the control API validates and
// documents its policy routes with. This file imports only typebox, so a client (the SDK) can take the
// types without the cache: import from '@inferos/kv/policy-schema'.
//
// Two forms:
//   PolicySchema / Policy                  a whole policy: every key, byte sizes as numbers of bytes
//   PartialPolicySchema / PartialPolicy    any subset of it (a policy file, an update), byte sizes also as
//                                          text such as 4096MiB; derived from PolicySchema by partialOf
// and the seed's document shape around either: PolicyDocument, PartialPolicyDocument ({ infer_os: ... }).
import { Type, type Static, type TInteger, type TObject, type TOptional, type TProperties, type TSchema, type TString, type TUnion } from 'typebox';

export const KvMode = {
  baseline: 'baseline',
  dynamic: 'dynamic',
  latency_optimized: 'latency_optimized',
  throughput_optimized: 'throughput_optimized',
  quality_optimized: 'quality_optimized',
} as const;
export type KvMode = (typeof KvMode)[keyof typeof KvMode];

const DEVICES = ['npu', 'dml', 'cuda', 'cpu'] as const;

/** A byte size written as text: "2048MiB", "4GiB", "512MB" or a plain number (parseBytes reads it). */
export const BYTE_SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)?\\s*$';

const BYTE_SIZE: unique symbol = Symbol('inferos.policy.byteSize');

/** A size in bytes: an integer in a whole policy; a partial policy may also write it as text (BYTE_SIZE_PATTERN). */
export type TByteSize = TInteger & { readonly minimum: number; readonly [BYTE_SIZE]: true };

function ByteSize(minimum: number): TByteSize {
  // The mark is a symbol: invisible to JSON, Ajv and TypeBox's validator.
  return Object.defineProperty(Type.Integer({ minimum }), BYTE_SIZE, { value: true }) as TByteSize;
}

export function isByteSize(schema: unknown): schema is TByteSize {
  return typeof schema === 'object' && schema !== null && BYTE_SIZE in schema;
}

/** A mapping of known keys: any other key is refused. */
const Section = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });

/** A share in [0, 1]. */
const Share = () => Type.Number({ minimum: 0, maximum: 1 });

// kv.level_thresholds are shares of a layer's "old" blocks; see policy.ts for what they mean and for
// L3_evict <= L2_int4 <= L1_int8, which a JSON Schema cannot say (checked after the schema).
export const PolicySchema = Section({
  quality: Section({
    max_delta_ppl: Type.Number({ minimum: 0, maximum: 2 }),
    min_accept_rate: Share(),
  }),
  kv: Section({
    /** `baseline` keeps the whole cache at full precision (float32): exact. */
    mode: Type.Enum(Object.values(KvMode)),
    recent_window: Type.Integer({ minimum: 16, maximum: 512 }),
    sink_tokens: Type.Integer({ minimum: 0, maximum: 64 }),
    /** Tokens per key group (= block) and channels per value group. */
    group_size: Type.Enum([32, 64, 128]),
    level_thresholds: Section({ L1_int8: Share(), L2_int4: Share(), L3_evict: Share() }),
  }),
  io: Section({
    enable_iobinding: Type.Boolean(),
    dml_pool_bytes: ByteSize(2 ** 30),
    host_pool_bytes: ByteSize(2 ** 20),
  }),
  scheduler: Section({
    mode: Type.Enum(['hybrid', 'gpu_only', 'npu_only']),
    prefill_device: Type.Enum(DEVICES),
    decode_device: Type.Enum(DEVICES),
    /** Most sequences a decode worker steps per iteration (the mid loop steers it). */
    max_batch: Type.Integer({ minimum: 1, maximum: 1024 }),
    /** Latency targets the mid loop steers toward: time per output token, time to first token. */
    target_tpot_ms: Type.Number({ minimum: 1, maximum: 60000 }),
    target_ftl_ms: Type.Number({ minimum: 1, maximum: 600000 }),
  }),
  loops: Section({
    fast_ms: Type.Number({ minimum: 0.1, maximum: 1000 }),
    mid_ms: Type.Number({ minimum: 1, maximum: 10000 }),
    slow_ms: Type.Number({ minimum: 10, maximum: 600000 }),
  }),
});
export type Policy = Static<typeof PolicySchema>;

/** The partial form of a schema: every key of every mapping optional, byte sizes also as text. */
export type TPartialOf<T extends TSchema> =
  T extends TObject<infer P extends TProperties> ? TObject<{ [K in keyof P]: TOptional<TPartialOf<P[K]>> }>
  : T extends TByteSize ? TUnion<[T, TString]>
  : T;

export function partialOf<T extends TSchema>(schema: T): TPartialOf<T> {
  if (Type.IsObject(schema)) {
    const properties = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, Type.Optional(partialOf(child))]));
    return Type.Object(properties, { additionalProperties: false }) as unknown as TPartialOf<T>;
  }
  if (isByteSize(schema)) return Type.Union([schema, Type.String({ pattern: BYTE_SIZE_PATTERN })]) as unknown as TPartialOf<T>;
  return schema as TPartialOf<T>;
}

/** Any subset of a policy (what a policy file or an update gives; the rest comes from a base policy). */
export const PartialPolicySchema = partialOf(PolicySchema);
export type PartialPolicy = Static<typeof PartialPolicySchema>;

/** A whole policy in the seed's shape, as the control API answers it. */
export const PolicyDocumentSchema = Type.Object({ infer_os: PolicySchema });
export type PolicyDocument = Static<typeof PolicyDocumentSchema>;

/** A partial policy in the seed's shape: a policy file, or the body of POST /v1/policy. */
export const PartialPolicyDocumentSchema = Type.Object({ infer_os: Type.Optional(PartialPolicySchema) }, { additionalProperties: false });
export type PartialPolicyDocument = Static<typeof PartialPolicyDocumentSchema>;

/** What applyPolicy and POST /v1/policy take: a partial policy, bare ({kv: {...}}) or in the seed's shape. */
export type PolicyPatch = PartialPolicy | PartialPolicyDocument;
