// The request mixes of bench serve against a fake engine on a virtual clock: what they count is checked
// exactly, with no timing of this machine involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAdmission, runMix, summarizeMix, timing, type One, type Stream } from './serve-mix';

/**
 * An engine that steps every running stream once per step: a step takes `stepMs` of virtual time, or
 * `slowMs` while the long prompt (prompt 'long') is being prefilled, which takes `longSteps` steps.
 */
class FakeEngine {
  vt = 0;
  inFlight = 0;
  peakInFlight = 0;
  private streams = new Set<{ t0: number; times: number[]; max: number; o?: Parameters<Stream<string>>[2]; done: (r: One) => void }>();
  private long?: { t0: number; left: number; done: (r: One) => void };
  private pumping = false;

  constructor(private readonly stepMs: number, private readonly slowMs: number, private readonly longSteps: number) {}

  readonly stream: Stream<string> = (prompt, max, o) => new Promise<One>((done) => {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    const finish = (r: One) => {
      this.inFlight--;
      done(r);
    };
    if (prompt === 'long') this.long = { t0: this.vt, left: this.longSteps, done: finish };
    else this.streams.add({ t0: this.vt, times: [], max, o, done: finish });
    void this.pump();
  });

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    while (this.streams.size > 0 || this.long) {
      await new Promise((r) => setImmediate(r));
      this.vt += this.long ? this.slowMs : this.stepMs;
      for (const s of [...this.streams]) {
        s.times.push(this.vt);
        s.o?.onToken?.(this.vt);
        if (s.times.length >= s.max || s.o?.signal?.aborted) {
          this.streams.delete(s);
          s.done(timing(s.t0, s.times, this.vt, 4, s.times.length));
        }
      }
      if (this.long && --this.long.left === 0) {
        const l = this.long;
        this.long = undefined;
        l.done(timing(l.t0, [this.vt], this.vt, 100, 1));
      }
    }
    this.pumping = false;
  }
}

test('runMix keeps `concurrency` requests in flight, sends `total`, and summarizeMix counts them', async () => {
  const engine = new FakeEngine(10, 10, 1);
  const round = await runMix(engine.stream, ['a', 'b', 'c'], 5, 3, 7);
  assert.equal(round.results.length, 7);
  assert.equal(engine.peakInFlight, 3);
  const s = summarizeMix([round]);
  assert.equal(s.completed, 7);
  assert.equal(s.total_output_tokens, 35);
  assert.equal(s.median_itl_ms, 10); // every gap is one step of the virtual clock
});

test('runMix records a stream that throws as a failure, and the others go on', async () => {
  let n = 0;
  const stream: Stream<string> = async () => {
    if (n++ === 1) throw new Error('boom');
    return timing(0, [1, 2], 2, 1, 2);
  };
  const s = summarizeMix([await runMix(stream, ['x'], 2, 2, 4)]);
  assert.equal(s.completed, 3);
  assert.equal(s.failed, 1);
  assert.deepEqual(s.errors, ['boom']);
});

test('runAdmission separates steady gaps from gaps during the long prompt\'s prefill', async () => {
  const engine = new FakeEngine(10, 50, 20);
  const r = await runAdmission(engine.stream, ['s'], 'long', 100, 4, 1000, { warm: 8, now: () => engine.vt });
  assert.equal(r.error, undefined);
  // Before: the second 8 tokens of each stream, 10 ms apart.
  assert.deepEqual(r.before, { samples: 32, median_itl_ms: 10, p99_itl_ms: 10 });
  // During: 20 slow steps per stream, plus the gap that ends at each stream's first token after it.
  assert.equal(r.during.samples, 4 * 21);
  assert.equal(r.during.median_itl_ms, 50);
  assert.equal(r.during.max_itl_ms, 50);
  assert.equal(r.long_prompt_ttft_ms, 20 * 50);
});

test('runAdmission says when a stream runs out of tokens before the long prompt is through', async () => {
  const engine = new FakeEngine(10, 50, 20);
  const r = await runAdmission(engine.stream, ['s'], 'long', 100, 2, 20, { warm: 8, now: () => engine.vt });
  assert.match(r.error ?? '', /token limit/);
});
