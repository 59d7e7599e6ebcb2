// A partial policy checked against the schema (policy-schema.ts) with TypeBox's validator, and each
// refusal said in words with the key's path: "infer_os.kv.recent_window: 8 is out of range [16, 512]".
// Byte sizes written as text are read here (the schema checks their form only). Of several refused keys,
// the first one as written is named (the document read top-down).
import { Type, type TObject, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { TLocalizedValidationError } from 'typebox/error';
import { BYTE_SIZE_PATTERN, isByteSize, PartialPolicySchema, PolicySchema, type Policy, type TByteSize } from './policy-schema';

export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };
/** The schema's pattern for byte sizes as text: its second group is the unit. */
const BYTE_SIZE_TEXT = new RegExp(BYTE_SIZE_PATTERN);

/** "2048MiB", "4GiB", "512MB" or a plain integer -> bytes. */
export function parseBytes(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string') {
    const m = BYTE_SIZE_TEXT.exec(value);
    if (m) {
      const bytes = parseFloat(value) * UNITS[m[2] ?? 'B']!;
      if (Number.isSafeInteger(Math.round(bytes))) return Math.round(bytes);
    }
  }
  throw new PolicyError(path, `expected a byte size such as 4096MiB or 4GiB, got ${JSON.stringify(value)}`);
}

/** A byte size of a partial policy, in bytes, at least the schema's minimum. */
function byteSize(schema: TByteSize, value: unknown, path: string): number {
  const bytes = parseBytes(value, path);
  if (bytes < schema.minimum) throw new PolicyError(path, `${bytes} bytes is below the minimum of ${schema.minimum}`);
  return bytes;
}

// ---- the schema's refusals, in words ----

/** The schema of a whole policy at `keys` (undefined past its leaves or at a key it does not have). */
function schemaAt(keys: readonly string[]): TSchema | undefined {
  let node: TSchema | undefined = PolicySchema;
  for (const key of keys) node = node && Type.IsObject(node) && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
  return node;
}

function valueAt(doc: unknown, keys: readonly string[]): unknown {
  return keys.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc);
}

/** "/kv/recent_window" -> ["kv", "recent_window"] (JSON Pointer, RFC 6901). */
function pointerKeys(pointer: string): string[] {
  return pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const pathOf = (keys: readonly string[]) => ['infer_os', ...keys].join('.');

function unknownKey(parent: readonly string[], key: string): PolicyError {
  const known = Object.keys((schemaAt(parent) as TObject).properties);
  return new PolicyError(pathOf([...parent, key]), `unknown key (expected one of ${known.join(', ')})`);
}

/** The refusal of `value` at `keys`, in words, for the schema keyword it failed. */
function refusal(keys: readonly string[], value: unknown, keyword: string, fallback: string): PolicyError {
  const path = pathOf(keys);
  const schema = schemaAt(keys) as (TSchema & { type?: string; minimum?: number; maximum?: number; enum?: unknown[] }) | undefined;
  const got = JSON.stringify(value);
  if (isByteSize(schema)) return catchPolicyError(() => byteSize(schema, value, path)) ?? new PolicyError(path, `${fallback}, got ${got}`);
  if (schema && Type.IsObject(schema)) return new PolicyError(path, `expected a mapping, got ${got}`);
  if (schema?.enum) return new PolicyError(path, `expected one of ${schema.enum.join(', ')}, got ${got}`);
  if (schema?.type === 'boolean') return new PolicyError(path, `expected true or false, got ${got}`);
  if (schema?.type === 'number' || schema?.type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return new PolicyError(path, `expected a number, got ${got}`);
    if (keyword === 'type') return new PolicyError(path, `expected an integer, got ${value}`);
    if (keyword === 'minimum' || keyword === 'maximum') return new PolicyError(path, `${value} is out of range [${schema.minimum}, ${schema.maximum}]`);
  }
  return new PolicyError(path, `${fallback}, got ${got}`);
}

function catchPolicyError(fn: () => unknown): PolicyError | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  return undefined;
}

/** A TypeBox error as the key it concerns and its refusal in words. */
function located(doc: unknown, e: TLocalizedValidationError): { keys: string[]; error: () => PolicyError } {
  const keys = pointerKeys(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const key = e.params.additionalProperties[0]!;
    return { keys: [...keys, key], error: () => unknownKey(keys, key) };
  }
  if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) return { keys, error: () => unknownKey(keys.slice(0, -1), keys[keys.length - 1]!) };
  return { keys, error: () => refusal(keys, valueAt(doc, keys), e.keyword, e.message) };
}

/** Where `keys` come in `doc` as written: the index of each key among its mapping's keys. */
function positionIn(doc: unknown, keys: readonly string[]): number[] {
  let node = doc;
  return keys.map((key) => {
    const at = node !== null && typeof node === 'object' ? Object.keys(node).indexOf(key) : -1;
    node = valueAt(node, [key]);
    return at;
  });
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/** The keys of every byte size in a policy (io.dml_pool_bytes, ...). */
const BYTE_SIZE_KEYS: readonly string[][] = (function leaves(schema: TSchema, keys: string[]): string[][] {
  if (Type.IsObject(schema)) return Object.entries(schema.properties).flatMap(([key, child]) => leaves(child, [...keys, key]));
  return isByteSize(schema) ? [keys] : [];
})(PolicySchema, []);

function undefinedKeys(schema: TSchema, value: unknown, keys: string[]): string[][] {
  if (!Type.IsObject(schema) || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (!Object.hasOwn(schema.properties, key)) return [];
    return v === undefined ? [[...keys, key]] : undefinedKeys(schema.properties[key]!, v, [...keys, key]);
  });
}

/**
 * Throws a PolicyError for `doc` (a bare partial policy) when PartialPolicySchema refuses it, or a byte
 * size in it does not read or is below its minimum (text such as 512KiB: the schema checks its form only).
 * Of several refused keys, the first one as written (the document read top-down).
 */
export function checkPartialPolicy(doc: unknown): void {
  const refused = Value.Check(PartialPolicySchema, doc) ? [] : Value.Errors(PartialPolicySchema, doc).map((e) => located(doc, e));
  // The schema lets an optional key be present and undefined (only a JavaScript caller can say that).
  for (const keys of undefinedKeys(PolicySchema, doc, [])) refused.push({ keys, error: () => refusal(keys, undefined, 'type', 'must be given') });
  for (const keys of BYTE_SIZE_KEYS) {
    const value = valueAt(doc, keys);
    const err = value === undefined ? undefined : catchPolicyError(() => byteSize(schemaAt(keys) as TByteSize, value, pathOf(keys)));
    if (err) refused.push({ keys, error: () => err });
  }
  let first: { error: () => PolicyError; at: number[] } | undefined;
  for (const r of refused) {
    const at = positionIn(doc, r.keys);
    if (!first || before(at, first.at)) first = { error: r.error, at };
  }
  if (first) throw first.error();
}

function merge(schema: TObject, base: Record<string, unknown>, patch: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const child = schema.properties[key]!;
    const at = [...keys, key];
    out[key] = Type.IsObject(child)
      ? merge(child, base[key] as Record<string, unknown>, value as Record<string, unknown>, at)
      : isByteSize(child) ? byteSize(child, value, pathOf(at)) : value;
  }
  return out;
}

/** `base` with `doc` (a partial policy that checkPartialPolicy passed) laid over it; byte sizes given as text become bytes. */
export function overlay(base: Policy, doc: unknown): Policy {
  return merge(PolicySchema, base, doc as Record<string, unknown>, []) as Policy;
}
