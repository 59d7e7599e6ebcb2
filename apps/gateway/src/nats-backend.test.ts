// The deployed backend against a real (private) NATS server, with the kv-store and the prefill workers
// played by plain subscriptions: what the gateway does when no prefill worker answers a prompt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  pb, Subjects, QueueGroups, startNatsServer, connectBus, decode, encode, publish,
  type NatsServerHandle, type NatsConnection, type Subscription,
} from '@inferos/proto';
import { NatsBackend } from './nats-backend';
import type { GenerationEvent } from './backend';

let server: NatsServerHandle;
let nc: NatsConnection;
let backend: NatsBackend;
const subs: Subscription[] = [];
const freed: string[] = [];

before(async () => {
  server = await startNatsServer();
  nc = await connectBus(server.url, 'gateway-backend-test');
  // The kv-store: every sequence admitted at once, frees recorded.
  subs.push(nc.subscribe(Subjects.kvOpen, {
    callback: (_e, msg) => {
      msg.respond(encode(pb.SeqOpenReply, { status: pb.OpenStatus.OPEN_STATUS_OK, seqId: `seq-${randomUUID().slice(0, 8)}`, reservedBytes: 1, chunk: 32 }));
    },
  }));
  subs.push(nc.subscribe(Subjects.kvFree, {
    callback: (_e, msg) => {
      freed.push(decode(pb.SeqFreeRequest, msg.data).seqId);
      msg.respond(encode(pb.Ack, { ok: true }));
    },
  }));
  backend = new NatsBackend(nc, { modelName: 'test', maxContext: 512, vocabSize: 100 });
});

after(async () => {
  await backend?.close();
  for (const s of subs) s.unsubscribe();
  await nc?.close();
  await server?.stop();
});

/** A prefill worker that accepts each job and streams `tokens` then done. */
function liveWorker(tokens: number[]): Subscription {
  return nc.subscribe(Subjects.prefillJobs, {
    queue: QueueGroups.prefill,
    callback: (_e, msg) => {
      const job = decode(pb.PrefillJob, msg.data);
      msg.respond(encode(pb.Ack, { ok: true, workerId: 'live' }));
      publish(nc, job.streamSubject, pb.TokenChunk, { requestId: job.requestId, index: 0, tokenIds: tokens, done: true, finishReason: 'length', workerId: 'live' });
    },
  });
}

async function generate(): Promise<{ events: GenerationEvent[]; ms: number }> {
  const events: GenerationEvent[] = [];
  const t0 = performance.now();
  await backend.generate(
    { requestId: randomUUID(), promptIds: [1, 2, 3], maxTokens: 3, temperature: 0, topP: 1, stopAtEos: false },
    (e) => events.push(e),
    new AbortController().signal,
  );
  return { events, ms: performance.now() - t0 };
}

test('a prompt that reached a worker which died before answering is sent again, and the request completes', async () => {
  // The first try reaches a subscription that never answers (a worker killed with the job in its socket);
  // the live worker joins the queue group only then, so the job can only complete by being sent again.
  let swallowed = 0;
  let live: Subscription | undefined;
  const dead = nc.subscribe(Subjects.prefillJobs, {
    queue: QueueGroups.prefill,
    callback: () => {
      swallowed++;
      dead.unsubscribe();
      live = liveWorker([7, 8, 9]);
    },
  });
  try {
    const { events } = await generate();
    assert.equal(swallowed, 1, 'the dead worker received the first try');
    assert.deepEqual(events.filter((e) => e.kind === 'tokens').flatMap((e) => (e.kind === 'tokens' ? e.ids : [])), [7, 8, 9], 'the tokens of the worker that took the second try');
    assert.equal(events.at(-1)?.kind, 'done', 'the request completes');
  } finally {
    dead.unsubscribe();
    live?.unsubscribe();
  }
});

test('a prompt sent while no prefill worker runs (the only one restarting) waits for one', async () => {
  let live: Subscription | undefined;
  const joins = setTimeout(() => { live = liveWorker([4]); }, 700);
  try {
    const { events, ms } = await generate();
    assert.ok(live !== undefined, 'the worker had joined when the request completed');
    assert.equal(events.at(-1)?.kind, 'done', `the request completes (${JSON.stringify(events.at(-1))})`);
    assert.ok(ms >= 600, `it completed after the worker came (${Math.round(ms)} ms)`);
  } finally {
    clearTimeout(joins);
    live?.unsubscribe();
  }
});

test('a worker that refuses the job ends the request with its reason, and the sequence is freed', async () => {
  const refusing = nc.subscribe(Subjects.prefillJobs, {
    queue: QueueGroups.prefill,
    callback: (_e, msg) => {
      msg.respond(encode(pb.Ack, { ok: false, message: 'a prefill job needs prompt ids', workerId: 'r' }));
    },
  });
  const before = freed.length;
  try {
    await assert.rejects(generate(), /prefill-worker refused the request: a prefill job needs prompt ids/);
    assert.equal(freed.length, before + 1, 'the gateway freed the sequence');
  } finally {
    refusing.unsubscribe();
  }
});
