// The prefill worker's work on fakes of the model, the kv-store, the stream and the decode queue
// (test-fakes.ts): no NATS, no ONNX Runtime, no shared memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pb, LOST_AFTER_MS, UnavailableError, type inferos } from '@inferos/proto';
import { KvError } from './kv-client';
import { Prefiller } from './prefill-step';
import { Turns, INTERLEAVED_CHUNK_MS } from './worker';
import { FakeKv, FakeModel, fakeStream, stale, notOwner, EOS, VOCAB } from './test-fakes';

function job(over: inferos.v1.IPrefillJob = {}): inferos.v1.PrefillJob {
  return pb.PrefillJob.create({
    requestId: 'r-a', seqId: 'a', promptIds: Array.from({ length: 40 }, (_, i) => i % VOCAB), maxTokens: 10, stopAtEos: true,
    streamSubject: 'stream.a', chunk: 16, sampling: { temperature: 0, topP: 1, seed: 0 }, ...over,
  });
}

function setup(first = 5, opts: { turns?: Turns; ack?: (j: inferos.v1.IDecodeJob) => Promise<{ ok: boolean; message: string }> } = {}) {
  const events: string[] = [];
  const model = new FakeModel(() => first, 10, events);
  const kv = new FakeKv(events);
  const stream = fakeStream(events);
  const logs: string[] = [];
  const handedOver: inferos.v1.IDecodeJob[] = [];
  let queued = 0;
  const prefiller = new Prefiller({
    model, kv, emit: stream.emit, log: (l) => logs.push(l), id: 'prefill-worker-1', ...(opts.turns ? { turns: opts.turns } : {}),
    handOver: async (j) => {
      events.push('hand over');
      handedOver.push(j);
      return opts.ack ? opts.ack(j) : { ok: true, message: '' };
    },
  }, 1e6, () => queued++);
  return { events, model, kv, sent: stream.sent, logs, handedOver, prefiller, queued: () => queued };
}

test('prefill: the prompt runs in chunks, in order, each committed before the next; the first token is sampled and the decode job handed over', async () => {
  const { events, model, kv, sent, handedOver, prefiller } = setup(5);
  const j = job();
  await prefiller.run(j);
  const ids = j.promptIds;
  assert.deepEqual(events, [
    'claim a none',
    `step a [${ids.slice(0, 16).join(',')}]`, 'commit a',
    `step a [${ids.slice(16, 32).join(',')}]`, 'commit a',
    `step a [${ids.slice(32).join(',')}]`, 'commit a',
    'claim a decode', 'emit r-a [5]', 'hand over',
  ], 'claim, chunks run and committed in order, the decode job recorded before the first token is sent, then handed over');
  assert.deepEqual(model.runs.map((r) => r.logits), ['last', 'last', 'last'], 'without echo only the last position is read');
  assert.deepEqual(kv.commits.map((c) => c.map((s) => [s.seqId, s.tokens, s.progress])), [[['a', 16, undefined]], [['a', 16, undefined]], [['a', 8, undefined]]], 'each chunk committed with its tokens, no decode progress');
  const decodeJob = {
    requestId: 'r-a', seqId: 'a', nextToken: 5, generated: 1, maxTokens: 10,
    sampling: { temperature: 0, topP: 1, seed: 0, draws: 0, logprobs: false, topLogprobs: 0 },
    stopAtEos: true, streamSubject: 'stream.a', promptTokens: 40,
  };
  assert.deepEqual(kv.claims.at(-1)!.decode, decodeJob, 'the kv-store holds the decode job before anything is sent');
  assert.deepEqual(handedOver, [decodeJob], 'the same job goes to the decode queue');
  assert.deepEqual(sent, [{ requestId: 'r-a', index: 0, tokenIds: [5], logprobs: undefined }], 'the first token streamed at index 0');
  assert.equal(prefiller.generated, 1, 'one first token chosen');
  assert.deepEqual(kv.freed, [], 'nothing freed: the decode worker has it');
});

test('prefill: a stale chunk runs again on a fresh claim and is committed once, before the next chunk runs', async () => {
  const { events, kv, handedOver, prefiller } = setup(5);
  kv.answers.set('a', [undefined, stale]);
  await prefiller.run(job());
  assert.deepEqual(events.filter((e) => !e.startsWith('emit')).map((e) => e.replace(/ \[.*\]/, '')), [
    'claim a none', 'step a', 'commit a', 'step a', 'commit a', 'claim a none', 'step a', 'commit a', 'step a', 'commit a', 'claim a decode', 'hand over',
  ], 'the second chunk: stale, claimed again, run again, committed; then the third');
  const steps = events.filter((e) => e.startsWith('step'));
  assert.equal(steps[1], steps[2], 'the same tokens run again');
  assert.equal(handedOver.length, 1, 'handed over once');
});

test('prefill: EOS or max_tokens 1 end the request at the first token; its KV is freed and nothing is handed over', async () => {
  const eos = setup(EOS);
  await eos.prefiller.run(job());
  assert.deepEqual(eos.sent, [{ requestId: 'r-a', index: 0, tokenIds: [EOS], logprobs: undefined, done: true, finishReason: 'stop', promptTokens: 40, completionTokens: 1 }], 'stop');
  assert.deepEqual(eos.kv.freed, [{ seqId: 'a', reason: 'finished' }], 'freed');
  assert.deepEqual([eos.handedOver.length, eos.kv.claims.filter((c) => c.job === 'decode').length], [0, 0], 'no decode job');
  const one = setup(5);
  await one.prefiller.run(job({ maxTokens: 1 }));
  assert.deepEqual(one.sent.map((c) => [c.tokenIds, c.done, c.finishReason]), [[[5], true, 'length']], 'length');
  assert.equal(one.handedOver.length, 0, 'nothing handed over');
  const on = setup(EOS);
  await on.prefiller.run(job({ stopAtEos: false }));
  assert.equal(on.handedOver.length, 1, 'without stop_at_eos, EOS is a token like another');
});

test('prefill: taken for gone (NOT_OWNER) it stands down quietly; another failure ends the request with an error and frees it', async () => {
  const claim = setup();
  claim.kv.refuseClaim = () => new KvError('sequence a was handed to another worker', pb.KvError.KV_ERROR_NOT_OWNER);
  await claim.prefiller.run(job());
  const commit = setup();
  commit.kv.answers.set('a', [undefined, notOwner]);
  await commit.prefiller.run(job());
  for (const t of [claim, commit]) {
    assert.deepEqual([t.sent, t.kv.freed, t.handedOver], [[], [], []], 'nothing sent, freed or handed over');
    assert.equal(t.logs.length, 1, 'the stand-down is logged');
  }
  const refused = setup();
  refused.kv.answers.set('a', [{ code: pb.KvError.KV_ERROR_REFUSED, message: 'refused' }]);
  await refused.prefiller.run(job());
  assert.deepEqual(refused.sent, [{ requestId: 'r-a', index: 0, done: true, errorCode: 'internal_error', errorMessage: 'refused' }], 'the client hears why');
  assert.deepEqual(refused.kv.freed, [{ seqId: 'a', reason: 'refused' }], 'and the KV is freed');
  assert.equal(refused.model.runs.length, 1, 'no chunk after the refused one');
  const busy = setup(5, { ack: async () => ({ ok: false, message: 'worker is stopping' }) });
  await busy.prefiller.run(job());
  assert.deepEqual(busy.sent.at(-1), { requestId: 'r-a', index: 0, done: true, errorCode: 'internal_error', errorMessage: 'no decode worker took the sequence: worker is stopping' }, 'a refused handover');
  const none = setup(5, { ack: async () => { throw new UnavailableError('no decode worker answers'); } });
  await none.prefiller.run(job());
  assert.deepEqual(none.sent.at(-1)?.errorCode, 'unavailable', 'no decode worker at all');
  assert.deepEqual(none.kv.freed.map((f) => f.seqId), ['a'], 'freed');
});

test('prefill echo: every prompt position is scored, and the prompt\'s log-probabilities are sent before the first token', async () => {
  const { model, sent, prefiller } = setup(3);
  await prefiller.run(job({ echo: true, promptIds: Array.from({ length: 20 }, (_, i) => i % VOCAB) }));
  assert.deepEqual(model.runs.map((r) => [r.ids.length, r.logits]), [[16, 'all'], [4, 'all']], 'all positions asked for');
  assert.deepEqual(sent.map((c) => (c.promptLogprobs ? `logprobs ${c.promptLogprobs.length}` : `token ${c.tokenIds}`)), ['logprobs 19', 'token 3'], 'the prompt\'s 19 scores first');
  const lp = sent[0]!.promptLogprobs!;
  // Position p scores token p + 1; the fake peaks at 3 everywhere, so token 3's score is the highest.
  assert.ok(lp[2]!.logprob! > lp[0]!.logprob!, 'position 2 scores token 3 (the peak), above position 0 scoring token 1');
});

test('prefill accept: the ack waits for the kv-store to record the claim with its job; a job sent twice is queued once', async () => {
  const { kv, prefiller, queued } = setup();
  let release!: () => void;
  const recorded = new Promise<void>((r) => (release = r));
  const claim = kv.claim.bind(kv);
  kv.claim = async (id, j) => {
    await recorded; // the kv-store answers when it has recorded the claim
    return claim(id, j);
  };
  let answered = false;
  const first = prefiller.accept(job()).then((a) => ((answered = true), a));
  await new Promise((r) => setImmediate(r));
  assert.equal(answered, false, 'no ack while the claim is in flight');
  assert.deepEqual(await prefiller.accept(job()), { ok: true, message: 'already queued here', workerId: 'prefill-worker-1' }, 'the same job while it is being accepted');
  release();
  assert.deepEqual(await first, { ok: true, workerId: 'prefill-worker-1' }, 'acked once recorded');
  assert.deepEqual(kv.claims.map((c) => [c.seqId, c.job]), [['a', 'prefill']], 'one claim, carrying the prefill job');
  assert.deepEqual([prefiller.queue.map((j) => j.seqId), queued()], [['a'], 1], 'queued once');
  assert.deepEqual(await prefiller.accept(job()), { ok: true, message: 'already queued here', workerId: 'prefill-worker-1' }, 'the same job while it waits');
  prefiller.running = prefiller.queue.shift();
  assert.deepEqual(await prefiller.accept(job()), { ok: true, message: 'already queued here', workerId: 'prefill-worker-1' }, 'the same job while it runs');
});

test('prefill accept: a job offered again after this worker was taken for gone is claimed back when only queued, refused (to be offered again) while it runs', async () => {
  const { kv, prefiller } = setup();
  assert.deepEqual(await prefiller.accept(job()), { ok: true, workerId: 'prefill-worker-1' });
  // The kv-store handed the job off (this worker stalled): a claim without the job is refused now.
  let handedOff = true;
  kv.refuseClaim = (c) => (handedOff && c.job === 'none' ? new KvError('sequence a was handed to another worker; prefill-worker-1 was taken for gone', pb.KvError.KV_ERROR_NOT_OWNER) : undefined);
  assert.deepEqual(await prefiller.accept(job()), { ok: true, message: 'claimed back, still queued here', workerId: 'prefill-worker-1' }, 'queued here: claimed back');
  assert.deepEqual(kv.claims.map((c) => c.job), ['prefill', 'none', 'prefill'], 'checked, then claimed back with its job');
  assert.equal(prefiller.queue.length, 1, 'still queued once');
  prefiller.running = prefiller.queue.shift();
  const offered = await prefiller.accept(job());
  assert.equal(offered.ok, false, 'while it runs here, the offer is refused, so the kv-store offers it again');
  assert.match(offered.message!, /runs here but was taken for gone/);
  assert.equal(prefiller.queue.length, 0, 'and not queued');
  handedOff = false; // the gateway's second try while this worker still owns it
  assert.deepEqual(await prefiller.accept(job()), { ok: true, message: 'already queued here', workerId: 'prefill-worker-1' }, 'still its owner: ok, run once');
});

test('prefill accept: a sequence taken elsewhere is acked and left; a failed claim or a stopping worker refuses', async () => {
  const taken = setup();
  taken.kv.refuseClaim = () => new KvError('sequence a is past its prompt', pb.KvError.KV_ERROR_NOT_OWNER);
  assert.deepEqual(await taken.prefiller.accept(job()), { ok: true, message: 'sequence a is past its prompt', workerId: 'prefill-worker-1' }, 'ok, so the gateway does not send it again');
  assert.equal(taken.prefiller.queue.length, 0, 'not queued');
  const gone = setup();
  gone.kv.refuseClaim = () => new KvError('no sequence a', pb.KvError.KV_ERROR_NO_SEQUENCE);
  assert.deepEqual(await gone.prefiller.accept(job()), { ok: false, message: 'no sequence a', workerId: 'prefill-worker-1' }, 'refused');
  const slow = setup();
  slow.kv.refuseClaim = () => new UnavailableError('inferos.kv.claim did not answer within 10000 ms');
  assert.deepEqual(await slow.prefiller.accept(job()), { ok: true, message: 'queued; the kv-store did not answer the claim in time', workerId: 'prefill-worker-1' }, 'a late answer may still have recorded the claim: queued, and run() decides');
  assert.equal(slow.prefiller.queue.length, 1, 'queued');
  const bad = setup();
  assert.equal((await bad.prefiller.accept(job({ promptIds: [] }))).ok, false, 'a job without prompt ids is refused');
  assert.equal(bad.kv.claims.length, 0, 'and not claimed');
  const stopping = setup();
  const claimed = stopping.kv.claim.bind(stopping.kv);
  stopping.kv.claim = async (id, j) => {
    stopping.prefiller.closing = true; // the worker stops while the claim is in flight
    return claimed(id, j);
  };
  assert.deepEqual(await stopping.prefiller.accept(job()), { ok: false, message: 'worker is stopping', workerId: 'prefill-worker-1' }, 'refused');
  assert.equal(stopping.prefiller.queue.length, 0, 'not queued');
});

test('prefill turns: while the process decodes, each prompt chunk waits for a decode step', async () => {
  const turns = new Turns();
  turns.decoding = () => true;
  const { model, prefiller } = setup(5, { turns });
  const done = prefiller.run(job());
  const tick = () => new Promise((r) => setImmediate(r));
  for (let chunk = 0; chunk < 3; chunk++) {
    for (let i = 0; i < 5; i++) await tick();
    assert.equal(model.runs.length, chunk, `chunk ${chunk} waits for a decode step`);
    turns.stepped();
    for (let i = 0; i < 5; i++) await tick();
    assert.equal(model.runs.length, chunk + 1, `one chunk (${chunk}) per decode step`);
  }
  await done;
});

test('prefill chunkFor: the chunk asked for, capped by the measured speed; shorter while the process decodes', () => {
  const turns = new Turns();
  const { prefiller } = setup(5, { turns });
  prefiller.tokensPerMs = 0.5;
  assert.equal(prefiller.chunkFor(4096), Math.floor(0.5 * LOST_AFTER_MS / 4), 'a quarter of LOST_AFTER_MS of prefill');
  assert.equal(prefiller.chunkFor(64), 64, 'never more than asked');
  turns.decoding = () => true;
  assert.equal(prefiller.chunkFor(4096), Math.floor(0.5 * INTERLEAVED_CHUNK_MS), 'INTERLEAVED_CHUNK_MS while decoding');
  prefiller.tokensPerMs = 0.001;
  assert.equal(prefiller.chunkFor(4096), 16, 'at least 16 tokens');
});
