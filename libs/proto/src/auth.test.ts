// The bus as `inferos up` starts it: a real nats-server with the generated users and permissions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Kvm } from '@nats-io/kv';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startNatsServer, type NatsServerHandle } from './nats-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizationConfig, credentialsFromEnv, newBusCredentials, publishDenied, type BusCredentials, type BusUser } from './auth';
import { connectBus, UnavailableError } from './bus';
import { Subjects, POLICY_BUCKET, POLICY_KEY } from './subjects';

let nats: NatsServerHandle;
const creds = newBusCredentials();
const open: NatsConnection[] = [];

before(async () => {
  nats = await startNatsServer({ config: authorizationConfig(creds) });
});
after(async () => {
  for (const nc of open) await nc.close().catch(() => {});
  await nats?.stop();
});

async function as(user: BusUser): Promise<NatsConnection> {
  const nc = await connectBus(nats.url, `auth-test-${user}`, creds[user]);
  open.push(nc);
  return nc;
}

/** Whether `subject` published by `user` reaches a subscriber (admin's) within 300 ms. */
async function delivered(user: BusUser, subject: string): Promise<boolean> {
  const admin = await as('admin');
  const sub = admin.subscribe(subject, { max: 1 });
  await admin.flush();
  const got = (async () => {
    for await (const _ of sub) return true;
    return false;
  })();
  const nc = await as(user);
  nc.publish(subject, new Uint8Array([1]));
  await nc.flush();
  const r = await Promise.race([got, new Promise<boolean>((res) => setTimeout(() => res(false), 300))]);
  sub.unsubscribe();
  return r;
}

test('wrong, unknown or missing credentials are refused, and the error says which user and what to set', async () => {
  const wrong: BusCredentials = { user: 'decode-worker', pass: 'not-the-password' };
  await assert.rejects(connectBus(nats.url, 'x', wrong), (e: Error) => e instanceof UnavailableError && /refused user "decode-worker"/.test(e.message) && /INFEROS_NATS_PASSWORD/.test(e.message));
  await assert.rejects(connectBus(nats.url, 'x', { user: 'mallory', pass: 'x' }), /refused user "mallory"/);
  await assert.rejects(connectBus(nats.url, 'x', undefined), /requires credentials .*INFEROS_NATS_USER/);
  // and every generated password differs
  assert.equal(new Set(Object.values(creds).map((c) => c.pass)).size, Object.keys(creds).length);
});

test('only the controller (and admin) may publish policy updates; every service may publish its own traffic', async () => {
  assert.equal(await delivered('controller', Subjects.policyUpdate), true);
  for (const u of ['decode-worker', 'prefill-worker', 'kv-store', 'gateway', 'telemetry'] as const) {
    assert.equal(await delivered(u, Subjects.policyUpdate), false, `${u} cannot publish a policy update`);
    assert.ok(publishDenied(u).includes(Subjects.policyUpdate));
  }
  assert.equal(await delivered('decode-worker', Subjects.heartbeat('decode-worker')), true, 'heartbeats go through');
  assert.equal(await delivered('gateway', Subjects.prefillJobs), true);
  assert.equal(await delivered('telemetry', Subjects.historySnapshot), true, 'telemetry keeps the metric history');
  assert.equal(await delivered('decode-worker', Subjects.historySnapshot), false, 'a worker does not write history');
});

test('workers read the policy bucket but cannot write it', async () => {
  const ctl = await as('controller');
  const kv = await new Kvm(ctl).create(POLICY_BUCKET, { history: 2 });
  await kv.put(POLICY_KEY, '{"version":1}');
  const worker = await as('decode-worker');
  const wkv = await new Kvm(worker).open(POLICY_BUCKET);
  assert.equal((await wkv.get(POLICY_KEY))?.string(), '{"version":1}', 'a worker reads the current policy');
  await assert.rejects(wkv.put(POLICY_KEY, '{"version":99}'), 'a worker\'s write is refused');
  assert.equal((await kv.get(POLICY_KEY))?.string(), '{"version":1}', 'the stored policy is unchanged');
  const jsm = await jetstreamManager(worker, { timeout: 1000 });
  await assert.rejects(jsm.streams.purge(`KV_${POLICY_BUCKET}`), 'nor purge its stream');
  await assert.rejects(jsm.streams.delete(`KV_${POLICY_BUCKET}`), 'nor delete it');
  assert.equal((await kv.get(POLICY_KEY))?.string(), '{"version":1}', 'still there');
});

test('a client without credentials cannot even connect to a server started with users', async () => {
  await assert.rejects(connect({ servers: nats.url, reconnect: false, timeout: 2000 }), /authori[sz]ation/i);
});

test('a service reads its password from INFEROS_NATS_PASSWORD_FILE (as the compose deployment mounts it), and a missing file is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferos-auth-'));
  try {
    const file = join(dir, 'password');
    writeFileSync(file, `${creds['kv-store'].pass}\n`);
    const env = { INFEROS_NATS_USER: 'kv-store', INFEROS_NATS_PASSWORD_FILE: file };
    assert.deepEqual(credentialsFromEnv(env), creds['kv-store'], 'the file\'s password, its newline trimmed');
    const nc = await connectBus(nats.url, 'auth-test-file', credentialsFromEnv(env));
    open.push(nc);
    assert.deepEqual(credentialsFromEnv({ ...env, INFEROS_NATS_PASSWORD: 'given' }), { user: 'kv-store', pass: 'given' }, 'a password given outright wins');
    assert.throws(() => credentialsFromEnv({ ...env, INFEROS_NATS_PASSWORD_FILE: join(dir, 'none') }), /INFEROS_NATS_PASSWORD_FILE=.*none: cannot read the password of NATS user "kv-store"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
