// The bus is not open: a NATS server that `inferos up` starts admits only users it made for this run, one
// per service (and `admin` for `up` itself and its clients), each with a random password, and limits what
// each may publish. Only the controller (and admin) may publish policy updates or write the policy bucket
// and its stream; only the controller and telemetry write the history stream. Everything else (requests,
// replies, heartbeats, reports, reading the bucket) is open to every user.
//
// Services get their user and password from INFEROS_NATS_USER / INFEROS_NATS_PASSWORD (or _PASSWORD_FILE;
// connectBus reads them); a server that refuses them stops the service with a message that says so. A NATS server that
// `up` did not start (one already answering) is used as it is: its own configuration decides.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Subjects, POLICY_BUCKET, HISTORY_STREAM, SERVICES } from './subjects';

export type BusUser = (typeof SERVICES)[number] | 'admin';
export const BUS_USERS: readonly BusUser[] = [...SERVICES, 'admin'];

export interface BusCredentials {
  user: string;
  pass: string;
}

/** Stream operations that change a stream (what a reader never needs). */
const STREAM_WRITES = ['CREATE', 'UPDATE', 'DELETE', 'PURGE', 'RESTORE', 'MSG.DELETE'];

function denyStream(stream: string): string[] {
  return STREAM_WRITES.map((op) => `$JS.API.STREAM.${op}.${stream}`);
}

/** What each user may not publish (none for admin and the controller). */
export function publishDenied(user: BusUser): string[] {
  if (user === 'admin' || user === 'controller') return [];
  const policy = [Subjects.policyUpdate, `$KV.${POLICY_BUCKET}.>`, ...denyStream(`KV_${POLICY_BUCKET}`), Subjects.historyPolicy];
  if (user === 'telemetry') return policy; // it keeps the history stream (metric snapshots)
  return [...policy, 'inferos.history.>', ...denyStream(HISTORY_STREAM)];
}

/** A fresh random password for every user. */
export function newBusCredentials(): Record<BusUser, BusCredentials> {
  return Object.fromEntries(BUS_USERS.map((u) => [u, { user: u, pass: randomBytes(18).toString('base64url') }])) as Record<BusUser, BusCredentials>;
}

/** The nats-server configuration block that admits exactly these users, with their permissions. */
export function authorizationConfig(creds: Record<BusUser, BusCredentials>): string {
  const users = BUS_USERS.map((u) => {
    const deny = publishDenied(u);
    const perms = deny.length > 0 ? `, permissions: { publish: { allow: [">"], deny: [${deny.map((d) => JSON.stringify(d)).join(', ')}] }, subscribe: { allow: [">"] } }` : '';
    return `    { user: ${JSON.stringify(creds[u].user)}, password: ${JSON.stringify(creds[u].pass)}${perms} }`;
  });
  return `authorization {\n  users: [\n${users.join(',\n')}\n  ]\n}\n`;
}

/**
 * The credentials in the environment, if any: INFEROS_NATS_USER with INFEROS_NATS_PASSWORD, or with
 * INFEROS_NATS_PASSWORD_FILE (a file holding the password, as the compose deployment mounts it).
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): BusCredentials | undefined {
  const user = env['INFEROS_NATS_USER'];
  if (!user) return undefined;
  const file = env['INFEROS_NATS_PASSWORD_FILE'];
  if (!env['INFEROS_NATS_PASSWORD'] && file) {
    try {
      return { user, pass: readFileSync(file, 'utf8').trim() };
    } catch (err) {
      throw new Error(`INFEROS_NATS_PASSWORD_FILE=${file}: cannot read the password of NATS user ${JSON.stringify(user)} (${(err as Error).message})`);
    }
  }
  return { user, pass: env['INFEROS_NATS_PASSWORD'] ?? '' };
}

/** The environment that gives a service its credentials. */
export function credentialsEnv(c: BusCredentials): Record<string, string> {
  return { INFEROS_NATS_USER: c.user, INFEROS_NATS_PASSWORD: c.pass };
}
