// The decode worker's step on fakes of the model, the kv-store and the stream (test-fakes.ts): no NATS,
// no ONNX Runtime, no shared memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pb, type inferos } from '@inferos/proto';
import { KvError } from './kv-client';
import { Decoder } from './decode-step';
import { FakeKv, FakeModel, fakeStream, stale, notOwner, EOS, type FakeCommit } from './test-fakes';

function job(seqId: string, over: inferos.v1.IDecodeJob = {}): inferos.v1.DecodeJob {
  return pb.DecodeJob.create({
    requestId: `r-${seqId}`, seqId, nextToken: 1, generated: 1, maxTokens: 100, stopAtEos: true, streamSubject: `stream.${seqId}`, promptTokens: 4,
    sampling: { temperature: 0, topP: 1, seed: 0, draws: 0 }, ...over,
  });
}

function setup(token: (seq: string, n: number, ids: readonly number[]) => number, opts: { maxBatch?: number; batching?: boolean; peak?: number } = {}) {
  const model = new FakeModel(token, opts.peak);
  const kv = new FakeKv();
  const stream = fakeStream();
  const logs: string[] = [];
  const decoder = new Decoder({ model, kv, emit: stream.emit, log: (l) => logs.push(l) }, { maxBatch: opts.maxBatch ?? 64, batching: opts.batching ?? true });
  return { model, kv, sent: stream.sent, logs, decoder };
}

/** The tokens sent to a request's stream, with their indices. */
const tokensOf = (sent: { requestId: string; index: number; tokenIds?: number[] }[], requestId: string) =>
  sent.filter((c) => c.requestId === requestId && c.tokenIds?.length).map((c) => [c.index, ...c.tokenIds!]);

/** What each commit request carried: sequence → the token it committed. */
const committedTokens = (commits: FakeCommit[][]) => commits.map((c) => c.map((s) => `${s.seqId}:${s.progress?.nextToken}`));

test('decode step: a batch\'s tokens are streamed in order with their indices, each committed with its K/V first', async () => {
  // a's n-th run gives 2 + n, b's 5 - n.
  const { model, kv, sent, decoder } = setup((seq, n) => (seq === 'a' ? 2 + n : 5 - n));
  await decoder.admit([job('a'), job('b', { nextToken: 3 })]);
  for (let i = 0; i < 3; i++) await decoder.step();
  assert.deepEqual(model.runs.map((r) => [r.seqs.join(','), r.ids.join(',')]), [['a,b', '1,3'], ['a,b', '2,5'], ['a,b', '3,4']], 'one batched run per step; each feeds the token chosen last');
  assert.deepEqual(committedTokens(kv.commits), [['a:2', 'b:5'], ['a:3', 'b:4'], ['a:4', 'b:3']], 'one commit per step, carrying the tokens chosen');
  assert.deepEqual(kv.commits[2]!.map((c) => c.progress), [{ nextToken: 4, generated: 4, draws: 0 }, { nextToken: 3, generated: 4, draws: 0 }], 'the progress counts the token committed');
  assert.deepEqual(sent.map((c) => `${c.requestId}:${c.index}:${c.tokenIds}`), ['r-a:1:2', 'r-b:1:5', 'r-a:2:3', 'r-b:2:4', 'r-a:3:4', 'r-b:3:3'], 'streamed in batch order, indices after the prefill\'s token 0');
  assert.equal(decoder.tokens, 6, 'every streamed token counted');
  assert.deepEqual(kv.freed, [], 'nothing finished');
});

test('decode step: EOS finishes with stop, max_tokens with length; the KV is freed and the sequence leaves', async () => {
  const { sent, kv, decoder } = setup((seq, n) => (seq === 'a' && n === 1 ? EOS : 2));
  await decoder.admit([job('a'), job('b', { maxTokens: 3 }), job('c', { stopAtEos: false })]);
  await decoder.step();
  await decoder.step();
  assert.deepEqual(sent.filter((c) => c.done).map((c) => ({ ...c, logprobs: undefined })), [
    { requestId: 'r-a', index: 2, tokenIds: [EOS], done: true, finishReason: 'stop', promptTokens: 4, completionTokens: 3, logprobs: undefined },
    { requestId: 'r-b', index: 2, tokenIds: [2], done: true, finishReason: 'length', promptTokens: 4, completionTokens: 3, logprobs: undefined },
  ], 'the last token ends the stream with its reason and the counts');
  assert.deepEqual(kv.freed, [{ seqId: 'a', reason: 'finished' }, { seqId: 'b', reason: 'finished' }], 'finished sequences are freed');
  assert.deepEqual(decoder.active.map((a) => a.seq.id), ['c'], 'only the sequence still going stays');
  const c = setup((_seq, n) => (n === 0 ? EOS : 2));
  await c.decoder.admit([job('c', { stopAtEos: false })]);
  await c.decoder.step();
  assert.deepEqual(tokensOf(c.sent, 'r-c'), [[1, EOS]], 'without stop_at_eos, EOS is a token like another');
  assert.equal(c.decoder.active.length, 1, 'and the sequence goes on');
});

test('decode step: NOT_OWNER or a sequence gone drop it quietly (nothing sent, not freed here); another refusal ends its stream', async () => {
  const { sent, kv, decoder } = setup(() => 2);
  await decoder.admit([job('a'), job('b'), job('c'), job('d')]);
  kv.answers.set('a', [notOwner]);
  kv.answers.set('b', [{ code: pb.KvError.KV_ERROR_NO_SEQUENCE, message: 'no sequence b' }]);
  kv.answers.set('c', [{ code: pb.KvError.KV_ERROR_REFUSED, message: 'refused c' }]);
  await decoder.step();
  assert.deepEqual(sent.filter((x) => x.requestId === 'r-a' || x.requestId === 'r-b'), [], 'nothing sent for the sequences dropped');
  assert.deepEqual(sent.filter((x) => x.requestId === 'r-c'), [{ requestId: 'r-c', index: 1, done: true, promptTokens: 4, completionTokens: 1, errorCode: 'internal_error', errorMessage: 'refused c' }], 'a refusal ends the stream with an error');
  assert.deepEqual(kv.freed, [{ seqId: 'c', reason: 'refused c' }], 'only the refused sequence is freed by this worker');
  assert.deepEqual(decoder.active.map((a) => a.seq.id), ['d'], 'the dropped sequences leave, the others go on');
});

test('decode admit: a claim refused with NOT_OWNER stands down quietly; another failure is reported to the stream, not freed', async () => {
  const { sent, kv, logs, decoder } = setup(() => 2);
  kv.refuseClaim = (c) => (c.seqId === 'a' ? new KvError('sequence a is owned by decode-worker-2', pb.KvError.KV_ERROR_NOT_OWNER) : c.seqId === 'b' ? new KvError('no sequence b', pb.KvError.KV_ERROR_NO_SEQUENCE) : undefined);
  await decoder.admit([job('a'), job('b', { generated: 3 }), job('c')]);
  assert.deepEqual(decoder.active.map((a) => a.seq.id), ['c'], 'only the claimed sequence runs');
  assert.deepEqual(sent, [{ requestId: 'r-b', index: 3, done: true, errorCode: 'internal_error', errorMessage: 'no sequence b' }], 'nothing for a; b\'s client hears why');
  assert.deepEqual(logs, ['request r-a: sequence a is owned by decode-worker-2'], 'the stand-down is logged');
  assert.deepEqual(kv.freed, [], 'nothing freed');
  assert.deepEqual(kv.claims.map((c) => [c.seqId, c.job, c.decode?.seqId]), [['a', 'decode', 'a'], ['b', 'decode', 'b'], ['c', 'decode', 'c']], 'each claim carries its job');
});

test('decode step: a stale step runs again on a fresh claim, chooses again from the new output and is committed once', async () => {
  // a's first run gives 3, its run again 5; b is not stale.
  const { model, kv, sent, decoder } = setup((seq, n) => (seq === 'a' ? (n === 0 ? 3 : 5) : 6));
  await decoder.admit([job('a'), job('b')]);
  kv.answers.set('a', [stale]);
  await decoder.step();
  assert.deepEqual(committedTokens(kv.commits), [['a:3', 'b:6'], ['a:5']], 'the stale step committed again alone, with the token chosen from its new output');
  assert.deepEqual(kv.claims.map((c) => [c.seqId, c.job]), [['a', 'decode'], ['b', 'decode'], ['a', 'none']], 'a fresh table before the run again');
  assert.deepEqual(model.runs.map((r) => r.seqs.join(',')), ['a,b', 'a'], 'a ran again, alone');
  assert.deepEqual(tokensOf(sent, 'r-a'), [[1, 5]], 'only the committed token is sent');
  await decoder.step();
  assert.deepEqual(model.runs[2]!.ids, [5, 6], 'the committed token is the one fed next');
});

test('decode step: the job-less claim of a stale step refused after a handoff drops the sequence quietly', async () => {
  const { sent, kv, decoder } = setup(() => 2);
  await decoder.admit([job('a')]);
  kv.answers.set('a', [stale]);
  kv.refuseClaim = (c) => (c.job === 'none' ? new KvError('sequence a was handed to another worker', pb.KvError.KV_ERROR_NOT_OWNER) : undefined);
  await decoder.step();
  assert.deepEqual(sent, [], 'nothing sent');
  assert.deepEqual(kv.freed, [], 'not freed: the other worker serves it');
  assert.equal(decoder.active.length, 0, 'the sequence left this worker');
});

test('decode step: a sequence whose tiers changed while a batch read them runs again alone and is committed once', async () => {
  const { model, kv, sent, decoder } = setup((seq, n) => (seq === 'b' && n === 1 ? 4 : 2));
  await decoder.admit([job('a'), job('b'), job('c')]);
  kv.seq('b').moved = 1;
  await decoder.step();
  assert.deepEqual(model.runs.map((r) => r.seqs.join(',')), ['a,b,c', 'b'], 'the batch, then b alone');
  assert.deepEqual(committedTokens(kv.commits), [['a:2', 'b:4', 'c:2']], 'one commit, each sequence once, b with the output of its run alone');
  assert.deepEqual(tokensOf(sent, 'r-b'), [[1, 4]], 'b\'s token from its run alone');
});

test('decode step: the sampler advances once per committed token; a stale step run again does not advance it twice', async () => {
  // Seeded sampling over soft logits that depend on the token fed: the same draws give the same tokens.
  const sampling = { temperature: 0.9, topP: 1, seed: 42, draws: 1 };
  const token = (_seq: string, _n: number, ids: readonly number[]) => (ids[0]! * 3 + 1) % 7;
  const run = async (staleAt: number[]) => {
    const t = setup(token, { peak: 1 });
    await t.decoder.admit([job('a', { sampling, stopAtEos: false })]);
    for (let i = 0; i < 6; i++) {
      if (staleAt.includes(i)) t.kv.answers.set('a', [stale]);
      await t.decoder.step();
    }
    return { tokens: tokensOf(t.sent, 'r-a'), commits: t.kv.commits, draws: t.decoder.active[0]!.sampler.draws };
  };
  const plain = await run([]);
  const rerun = await run([1, 2, 4]);
  assert.equal(plain.draws, 7, 'the prefill\'s draw and one per token');
  assert.equal(rerun.draws, 7, 'the same after three steps ran again');
  assert.deepEqual(rerun.tokens, plain.tokens, 'the same tokens as without the stale steps');
  assert.equal(rerun.commits.length, 9, 'three commits again');
  for (const c of rerun.commits) assert.equal(c[0]!.progress!.draws, c[0]!.progress!.generated, 'each commit carries the draws of its token, once');
  assert.ok(new Set(plain.tokens.map((t) => t[1])).size > 1, 'the sampler draws (not every token the same)');
});

test('decode scheduling: a sequence is never in two batches at once, each takes its turn, and a second job for it is dropped', async () => {
  const { model, kv, logs, decoder } = setup(() => 2, { maxBatch: 3 });
  await decoder.admit(['a', 'b', 'c', 'd', 'e'].map((id) => job(id)));
  kv.seq('c').policy.groupSize = 32;
  kv.seq('e').policy.groupSize = 32;
  await decoder.admit([job('b', { resumed: true }), job('a')]);
  assert.deepEqual(decoder.active.map((a) => a.seq.id), ['a', 'b', 'c', 'd', 'e'], 'one entry per sequence');
  assert.equal(logs.filter((l) => /already runs here; claimed back, the second job is dropped/.test(l)).length, 2, 'both second jobs dropped, the sequence claimed back (a handoff may have taken it from this worker)');
  assert.deepEqual(kv.claims.slice(-2).map((c) => [c.seqId, c.job]), [['b', 'decode'], ['a', 'decode']], 'claimed back with the job');
  const served = new Map<string, number>();
  for (let i = 0; i < 5; i++) {
    const from = model.runs.length;
    await decoder.step();
    const stepped = model.runs.slice(from).flatMap((r) => r.seqs);
    assert.equal(new Set(stepped).size, stepped.length, `step ${i}: no sequence run twice (${stepped})`);
    assert.equal(stepped.length, 3, `step ${i}: max_batch sequences`);
    for (const r of model.runs.slice(from)) assert.equal(new Set(r.seqs.map((s) => kv.seq(s).policy.groupSize)).size, 1, `step ${i}: a run holds one graph path (${r.seqs})`);
    const committed = kv.commits.at(-1)!.map((c) => c.seqId);
    assert.deepEqual([...committed].sort(), [...stepped].sort(), `step ${i}: each stepped sequence committed once`);
    for (const s of stepped) served.set(s, (served.get(s) ?? 0) + 1);
  }
  assert.equal(served.size, 5, 'every sequence took its turn');
  // Round robin exactly: 5 sequences, 3 a step, 10 steps: each is served 6 times.
  for (let i = 5; i < 10; i++) {
    const from = model.runs.length;
    await decoder.step();
    for (const s of model.runs.slice(from).flatMap((r) => r.seqs)) served.set(s, (served.get(s) ?? 0) + 1);
  }
  assert.deepEqual([...served.values()], [6, 6, 6, 6, 6], `every sequence served alike: ${JSON.stringify([...served])}`);
  const alone = setup(() => 2, { batching: false });
  await alone.decoder.admit([job('a'), job('b')]);
  await alone.decoder.step();
  assert.deepEqual(alone.model.runs.map((r) => r.seqs.join(',')), ['a', 'b'], 'without batching each sequence runs alone');
});

test('decode admit: a resumed job sends its last token again, or finishes at once when it was the last', async () => {
  const { sent, kv, logs, decoder } = setup(() => 2);
  await decoder.admit([job('a', { resumed: true, generated: 3, nextToken: 4 }), job('b', { resumed: true, generated: 5, maxTokens: 5, nextToken: 4 }), job('c', { resumed: true, generated: 2, nextToken: EOS })]);
  assert.deepEqual(sent.map((c) => ({ ...c })), [
    { requestId: 'r-a', index: 2, tokenIds: [4] },
    { requestId: 'r-b', index: 4, tokenIds: [4], done: true, finishReason: 'length', promptTokens: 4, completionTokens: 5 },
    { requestId: 'r-c', index: 1, tokenIds: [EOS], done: true, finishReason: 'stop', promptTokens: 4, completionTokens: 2 },
  ], 'the token chosen last, again, at its index');
  assert.deepEqual(kv.freed.map((f) => f.seqId), ['b', 'c'], 'finished ones freed');
  assert.deepEqual(decoder.active.map((a) => [a.seq.id, a.next, a.generated]), [['a', 4, 3]], 'a goes on from its token');
  assert.equal(logs.filter((l) => l.startsWith('resuming sequence')).length, 3, 'each resumption logged');
});

test('decode step: a commit that fails as a whole ends every running stream with an error', async () => {
  const { sent, kv, logs, decoder } = setup(() => 2, { maxBatch: 1 });
  await decoder.admit([job('a'), job('b')]);
  kv.down = new Error('kv-store unreachable');
  await assert.rejects(decoder.step(), /kv-store unreachable/);
  await decoder.failAll(new Error('kv-store unreachable'));
  assert.deepEqual(sent.map((c) => [c.requestId, c.done, c.errorCode, c.errorMessage]), [['r-a', true, 'internal_error', 'kv-store unreachable'], ['r-b', true, 'internal_error', 'kv-store unreachable']], 'the waiting sequence too');
  assert.deepEqual(kv.freed.map((f) => f.seqId), ['a', 'b'], 'all freed');
  assert.equal(decoder.active.length, 0, 'nothing runs');
  assert.deepEqual(logs, ['step failed: kv-store unreachable'], 'logged once');
});
