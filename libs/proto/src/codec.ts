// Encoding and decoding of the proto/ messages, with the schema version set and checked in one place.
import { inferos } from './generated/inferos.js';

export const pb = inferos.v1;
// 2: a commit may answer with SeqGrown instead of a whole table (a version-1 worker would not understand it).
export const SCHEMA_VERSION = 2;

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** What every generated message class offers. */
export interface MessageType<T> {
  decode(b: Uint8Array): T;
  // Loosely typed on purpose: T is inferred from `decode` alone (the generated `encode` takes the
  // message's interface, which would otherwise fight the inference).
  /* eslint-disable @typescript-eslint/no-explicit-any */
  fromObject(o: any): any;
  verify(o: any): string | null;
  encode(m: any): { finish(): Uint8Array };
  /* eslint-enable @typescript-eslint/no-explicit-any */
  getTypeUrl(prefix?: string): string;
}

/**
 * The fields a message class takes, from its generated `encode` (the schema version excepted: encode sets
 * it). Object literals of this type are checked at compile time: a misspelled or foreign field is an
 * error, which protobufjs's `verify` would let through and `encode` would drop.
 */
export type Fields<M> = M extends { encode(m: infer P, ...rest: never[]): unknown } ? Omit<P, 'schemaVersion'> : never;

/** Build `obj` as a `type` message (schema version set), verified first; returns its bytes. */
export function encode<M extends MessageType<unknown>>(type: M, obj: Fields<M>): Uint8Array {
  const o = { ...obj, schemaVersion: SCHEMA_VERSION } as Record<string, unknown>;
  const err = type.verify(o);
  if (err) throw new ProtocolError(`${type.getTypeUrl('')}: ${err}`);
  return type.encode(type.fromObject(o)).finish();
}

/** Decode bytes as a `type` message; refuses a schema version this build does not know. */
export function decode<T extends { schemaVersion: number }>(type: MessageType<T>, data: Uint8Array): T {
  let m: T;
  try {
    m = type.decode(data);
  } catch (err) {
    throw new ProtocolError(`${type.getTypeUrl('')}: cannot decode ${data.length} bytes: ${(err as Error).message}`);
  }
  if (m.schemaVersion !== SCHEMA_VERSION) {
    throw new ProtocolError(`${type.getTypeUrl('')}: schema version ${m.schemaVersion}, this build speaks ${SCHEMA_VERSION}`);
  }
  return m;
}
