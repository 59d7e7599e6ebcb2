// Who may talk to a service: loopback by default; anything beyond it needs an API key, sent as
// `Authorization: Bearer KEY`. Every HTTP service (gateway, controller, telemetry) uses these two.
import { createHash, timingSafeEqual } from 'node:crypto';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Refuse to bind beyond loopback without a key (thrown at start, before anything listens). */
export function checkBind(host: string, apiKey: string | undefined, what: string): void {
  if (!LOOPBACK.has(host) && !apiKey) throw new Error(`--host ${host} exposes ${what} beyond loopback: give --api-key (or INFEROS_API_KEY)`);
}

/**
 * A checker of `Authorization` headers against `apiKey`: 'missing' (no bearer token), 'wrong', or 'ok'.
 * Compares digests in constant time, so neither the key nor its length leaks through timing.
 */
export function bearerCheck(apiKey: string): (authorization: string | undefined) => 'ok' | 'missing' | 'wrong' {
  const want = createHash('sha256').update(apiKey).digest();
  return (authorization) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return 'missing';
    return timingSafeEqual(createHash('sha256').update(m[1]!).digest(), want) ? 'ok' : 'wrong';
  };
}
