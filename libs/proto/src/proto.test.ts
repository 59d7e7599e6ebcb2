import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  pb, encode, decode, ProtocolError, SCHEMA_VERSION, startNatsServer, connectBus, request, serve, publish,
  PayloadTooLargeError, UnavailableError, type NatsServerHandle, type NatsConnection,
} from './index';

let server: NatsServerHandle;
let nc: NatsConnection;
before(async () => {
  server = await startNatsServer({ config: 'max_payload: 4096' });
  nc = await connectBus(server.url, 'proto-test');
});
after(async () => {
  await nc.close();
  await server.stop();
});

test('the generated code is up to date with proto/inferos.proto', () => {
  execFileSync(process.execPath, [fileURLToPath(new URL('../generate.mjs', import.meta.url)), '--check'], { stdio: 'pipe' });
});

test('messages carry the schema version; token ids are packed', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => i * 7);
  const bytes = encode(pb.PrefillJob, { requestId: 'r1', seqId: 's1', promptIds: ids, maxTokens: 8 });
  // Packed varints: about 2 bytes per id here, not 3+ as unpacked (tag + varint) would take.
  assert.ok(bytes.length < 2200, `${bytes.length} bytes`);
  const back = decode(pb.PrefillJob, bytes);
  assert.equal(back.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(back.promptIds, ids);
});

test('BAD MESSAGE - an unknown schema version is refused', () => {
  const bytes = pb.Ack.encode(pb.Ack.fromObject({ schemaVersion: 99, ok: true })).finish();
  assert.throws(() => decode(pb.Ack, bytes), /schema version 99/);
});

test('BAD MESSAGE - a field of the wrong kind is refused before sending', () => {
  // The compiler refuses it already (Fields<M>); a caller with untyped data meets the runtime check.
  const untyped = JSON.parse('{"promptTokens": "many"}') as object;
  assert.throws(() => encode(pb.SeqOpenRequest, untyped), ProtocolError);
  // @ts-expect-error a misspelled field is a compile error (protobufjs would drop it silently)
  encode(pb.SeqOpenRequest, { promptTokenz: 3 });
});

test('a message over the server max_payload is refused with a clear error, not a timeout', async () => {
  const ids = Array.from({ length: 5000 }, (_, i) => 100000 + i);
  await assert.rejects(request(nc, 'inferos.test.big', pb.PrefillJob, { promptIds: ids }, pb.Ack, 500), PayloadTooLargeError);
  assert.throws(() => publish(nc, 'inferos.test.big', pb.PrefillJob, { promptIds: ids }), /over the NATS server's max_payload of 4096/);
});

test('serve answers through one adapter; a throwing handler still replies', async () => {
  const sub = serve(nc, 'inferos.test.echo', { request: pb.SeqFreeRequest, reply: pb.Ack, onError: (e) => ({ ok: false, message: e.message }) }, (req) => {
    if (req.seqId === 'boom') throw new Error('handler failed');
    return { ok: true, message: req.seqId };
  });
  const ok = await request(nc, 'inferos.test.echo', pb.SeqFreeRequest, { seqId: 'a' }, pb.Ack);
  assert.deepEqual([ok.ok, ok.message], [true, 'a']);
  const bad = await request(nc, 'inferos.test.echo', pb.SeqFreeRequest, { seqId: 'boom' }, pb.Ack);
  assert.deepEqual([bad.ok, bad.message], [false, 'handler failed']);
  sub.unsubscribe();
});

test('a request nobody serves fails fast as unavailable', async () => {
  await assert.rejects(request(nc, 'inferos.test.nobody', pb.HealthRequest, {}, pb.HealthReply, 2000), UnavailableError);
});

test('a request whose server never answers fails as unavailable after its timeout, saying so', async () => {
  const silent = nc.subscribe('inferos.test.silent'); // subscribed (so not "no responders"), never replies
  try {
    await assert.rejects(request(nc, 'inferos.test.silent', pb.HealthRequest, {}, pb.HealthReply, 300), (err: Error) => {
      assert.ok(err instanceof UnavailableError, `${err.name}: ${err.message}`);
      assert.match(err.message, /inferos\.test\.silent did not answer within 300 ms/);
      return true;
    });
  } finally {
    silent.unsubscribe();
  }
});
