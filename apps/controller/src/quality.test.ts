// The live delta-perplexity estimate, from hand-computed probe results (no model: the estimator is plain
// arithmetic over what the probe worker posts, summed NLLs per sampled prompt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachePolicy, DEFAULT_POLICY } from '@inferos/kv';
import { QualityEstimator } from './quality';
import type { ProbeResult } from './probe-worker';

const POLICY = cachePolicy(DEFAULT_POLICY);
const OTHER = cachePolicy({ ...DEFAULT_POLICY, kv: { ...DEFAULT_POLICY.kv, recent_window: 128 } });

/** A probe result of `tokens` scored tokens with mean NLLs `policy` and `baseline` (the probe posts sums). */
const result = (tokens: number, policy: number, baseline: number, version = 1): ProbeResult => ({ tokens, nllPolicy: tokens * policy, nllBaseline: tokens * baseline, policyVersion: version });

function estimator(windowMs = 60_000, minTokens = 64): QualityEstimator {
  const e = new QualityEstimator(windowMs, minTokens);
  e.setPolicy(POLICY, 1);
  return e;
}

test('no estimate below minTokens, but the tokens and samples so far are reported', () => {
  const e = estimator();
  assert.deepEqual(e.estimate(1000), { deltaPpl: null, pplPolicy: null, pplBaseline: null, tokens: 0, samples: 0, measuredAtMs: null, policyVersion: 1 });
  e.add(result(40, 1.0, 0.9), 1, 500);
  assert.deepEqual(e.estimate(1000), { deltaPpl: null, pplPolicy: null, pplBaseline: null, tokens: 40, samples: 1, measuredAtMs: 500, policyVersion: 1 });
  e.add(result(23, 1.0, 0.9), 1, 600);
  assert.equal(e.estimate(1000).deltaPpl, null, '63 tokens is one short of 64');
});

test('estimate = exp(mean NLL with the policy) - exp(mean NLL at full precision), token-weighted', () => {
  const e = estimator();
  // 40 tokens at mean NLL 1.0 / 0.9 and 40 at 1.2 / 1.0: sums 88 and 76 over 80 tokens, means 1.1 and 0.95.
  e.add(result(40, 1.0, 0.9), 1, 100);
  e.add(result(40, 1.2, 1.0), 1, 200);
  const est = e.estimate(300);
  assert.equal(est.tokens, 80);
  assert.equal(est.samples, 2);
  assert.equal(est.measuredAtMs, 200);
  assert.ok(Math.abs(est.pplPolicy! - 3.0041660239464334) < 1e-12, `ppl policy ${est.pplPolicy}`);
  assert.ok(Math.abs(est.pplBaseline! - 2.585709659315846) < 1e-12, `ppl baseline ${est.pplBaseline}`);
  assert.ok(Math.abs(est.deltaPpl! - 0.4184563646305874) < 1e-12, `delta ${est.deltaPpl}`);
  // The NLLs are pooled before exp (the mean of the two per-sample deltas above would be 0.4303), and
  // pooled by tokens: a short prompt weighs less than a long one.
  const f = estimator();
  f.add(result(100, 2.0, 2.0), 1, 0);
  f.add(result(10, 3.0, 1.0), 1, 0);
  assert.ok(Math.abs(f.estimate(0).deltaPpl! - (Math.exp(230 / 110) - Math.exp(210 / 110))) < 1e-12);
});

test('samples leave the window: older than windowMs no longer count', () => {
  const e = estimator(10_000, 64);
  e.add(result(64, 1.5, 1.0), 1, 0);
  e.add(result(64, 1.0, 1.0), 1, 5_000);
  assert.equal(e.estimate(10_000).tokens, 128, 'a sample exactly windowMs old still counts');
  const later = e.estimate(10_001);
  assert.equal(later.tokens, 64);
  assert.equal(later.samples, 1);
  assert.equal(later.deltaPpl, 0, 'only the equal-NLL sample is left');
  assert.equal(e.estimate(15_001).deltaPpl, null);
  assert.equal(e.estimate(15_001).measuredAtMs, null);
});

test('setPolicy with a different policy starts a new estimate; the same policy at a new version keeps it', () => {
  const e = estimator();
  e.add(result(100, 1.2, 1.0), 1, 0);
  e.setPolicy(POLICY, 2);
  assert.equal(e.estimate(0).tokens, 100, 'same content, new version: the samples stay');
  assert.equal(e.estimate(0).policyVersion, 2);
  e.setPolicy(OTHER, 3);
  assert.equal(e.estimate(0).tokens, 0);
  assert.equal(e.estimate(0).deltaPpl, null);
  assert.equal(e.estimate(0).policyVersion, 3);
});

test('results tagged with an old version, or failed ones, are ignored', () => {
  const e = estimator();
  e.setPolicy(OTHER, 2);
  e.add(result(100, 5.0, 1.0, 1), 1, 0); // measured under version 1, arriving after the change
  assert.equal(e.estimate(0).tokens, 0);
  e.add({ ...result(100, 1.0, 1.0, 2), error: 'session failed' }, 2, 0);
  e.add(result(0, 0, 0, 2), 2, 0);
  assert.equal(e.estimate(0).samples, 0);
  e.add(result(100, 1.0, 1.0, 2), 2, 0);
  assert.equal(e.estimate(0).tokens, 100);
  assert.equal(e.estimate(0).deltaPpl, 0);
});
