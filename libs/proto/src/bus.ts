// NATS plumbing shared by every service: connect, serve a subject through one adapter (decode, await,
// map errors to a reply, never leave a request unanswered), request with a payload-size check.
import { connect, RequestError, TimeoutError, type NatsConnection, type Msg, type Subscription } from '@nats-io/transport-node';
import { encode, decode, ProtocolError, type Fields, type MessageType } from './codec';
import { credentialsFromEnv, type BusCredentials } from './auth';

export type { NatsConnection, Msg, Subscription };

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export class PayloadTooLargeError extends RangeError {
  override name = 'PayloadTooLargeError';
}

export class UnavailableError extends Error {
  override name = 'UnavailableError';
}

/**
 * Connect a service (or client) to the bus, with `auth` or else the credentials in the environment
 * (INFEROS_NATS_USER / INFEROS_NATS_PASSWORD: `inferos up` gives each service its own). A server that
 * refuses them is named, with the user, in the error.
 */
export async function connectBus(url: string, name: string, auth: BusCredentials | undefined = credentialsFromEnv()): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 250, ...(auth ? { user: auth.user, pass: auth.pass } : {}) });
  } catch (err) {
    const msg = (err as Error).message;
    if (/authori[sz]ation|authentication|user/i.test(msg)) {
      throw new UnavailableError(auth
        ? `NATS at ${url} refused user ${JSON.stringify(auth.user)} (${msg}): the password is wrong or the server does not know this user (inferos up gives each service its own in INFEROS_NATS_USER / INFEROS_NATS_PASSWORD)`
        : `NATS at ${url} requires credentials (${msg}): set INFEROS_NATS_USER and INFEROS_NATS_PASSWORD`);
    }
    throw new UnavailableError(`cannot reach NATS at ${url}: ${msg}`);
  }
}

/** Refuse a message over the server's max_payload with a clear error instead of a timeout. */
export function checkPayload(nc: NatsConnection, subject: string, data: Uint8Array): void {
  const max = nc.info?.max_payload;
  if (max !== undefined && data.length > max) {
    throw new PayloadTooLargeError(`message for ${subject} is ${data.length} bytes, over the NATS server's max_payload of ${max}`);
  }
}

export function publish<M extends MessageType<unknown>>(nc: NatsConnection, subject: string, type: M, obj: Fields<M>): void {
  const data = encode(type, obj);
  checkPayload(nc, subject, data);
  nc.publish(subject, data);
}

export async function request<MReq extends MessageType<unknown>, Rep extends { schemaVersion: number }>(
  nc: NatsConnection,
  subject: string,
  reqType: MReq,
  obj: Fields<MReq>,
  repType: MessageType<Rep>,
  timeoutMs = 10_000,
): Promise<Rep> {
  const data = encode(reqType, obj);
  checkPayload(nc, subject, data);
  let msg: Msg;
  try {
    msg = await nc.request(subject, data, { timeout: timeoutMs });
  } catch (err) {
    if (err instanceof RequestError && err.isNoResponders()) throw new UnavailableError(`no service answers ${subject}`);
    if (err instanceof TimeoutError || (err instanceof RequestError && err.cause instanceof TimeoutError)) throw new UnavailableError(`${subject} did not answer within ${timeoutMs} ms`);
    throw err;
  }
  return decode(repType, msg.data);
}

/**
 * `send` tried again while it fails with UnavailableError (no responder, or none answered in time: a
 * request that reached a process dying before it answered, or the only one restarting), every `pauseMs`,
 * for up to `windowMs`; then that error, with the window said. Undefined when `signal` aborted between
 * tries. Only for requests whose receiver makes a repeat harmless (it records what it took, and takes a
 * job once).
 */
export async function untilAnswered<T>(send: () => Promise<T>, windowMs: number, o: { pauseMs?: number; signal?: AbortSignal; onRetry?: (err: UnavailableError) => void } = {}): Promise<T | undefined> {
  const deadline = performance.now() + windowMs;
  for (;;) {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof UnavailableError)) throw err;
      if (performance.now() >= deadline) throw new UnavailableError(`${err.message} (tried for ${windowMs / 1000} s)`);
      o.onRetry?.(err);
    }
    if (o.signal?.aborted) return undefined;
    await new Promise((r) => setTimeout(r, o.pauseMs ?? 200));
    if (o.signal?.aborted) return undefined;
  }
}

export interface ServeOptions<Req, MRep extends MessageType<unknown>> {
  queue?: string;
  request: MessageType<Req>;
  reply: MRep;
  /** The reply to send when the handler throws (or the request cannot be decoded). */
  onError: (err: Error) => Fields<MRep>;
  log?: (line: string) => void;
}

/**
 * Serve `subject`: every request is decoded, handed to `handler`, and answered with its result (or with
 * `onError(err)`); handlers run concurrently. Returns the subscription (drain it to stop).
 */
export function serve<Req extends { schemaVersion: number }, MRep extends MessageType<unknown>>(
  nc: NatsConnection,
  subject: string,
  opts: ServeOptions<Req, MRep>,
  handler: (req: Req, msg: Msg) => Promise<Fields<MRep>> | Fields<MRep>,
): Subscription {
  const sub = nc.subscribe(subject, opts.queue ? { queue: opts.queue } : {});
  void (async () => {
    for await (const msg of sub) {
      void (async () => {
        let out: Fields<MRep>;
        try {
          out = await handler(decode(opts.request, msg.data), msg);
        } catch (err) {
          const e = err instanceof Error ? err : new Error(String(err));
          if (!(e instanceof ProtocolError)) opts.log?.(`${subject}: ${e.stack ?? e.message}`);
          out = opts.onError(e);
        }
        if (msg.reply) {
          try {
            const data = encode(opts.reply, out);
            checkPayload(nc, msg.reply, data);
            msg.respond(data);
          } catch (err) {
            opts.log?.(`${subject}: cannot reply: ${(err as Error).message}`);
          }
        }
      })();
    }
  })();
  return sub;
}
