// The tuner's pieces that decide: which candidates, which are on the Pareto front, which is chosen, and
// the profile it writes (read back by the policy parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachePolicy, DEFAULT_POLICY, parsePolicyYaml } from '@inferos/kv';
import type { PartialPolicyDocument, PolicyPatch } from '@inferos/kv/policy-schema';
import { candidates, choose, paretoFront, profileYaml, tuneLive, THRESHOLDS, WINDOWS, SINKS, type LiveSystem, type TuneReport, type TuneRow } from './tune';

test('candidates: the shipped profiles the model can run, then n distinct grid points, the same for a seed', () => {
  const a = candidates([32, 64], 10, 7);
  const profiles = a.filter((c) => c.source === 'profile').map((c) => c.label);
  assert.ok(profiles.includes('default'), 'default (group 64) is a candidate');
  assert.ok(!profiles.includes('throughput_optimized'), 'a profile whose group size the model lacks (128) is not');
  assert.ok(!profiles.includes('baseline'), 'baseline is the reference, not a candidate');
  const grid = a.filter((c) => c.source === 'grid');
  assert.equal(grid.length, 10);
  const keys = a.map((c) => JSON.stringify(c.cache));
  assert.equal(new Set(keys).size, keys.length, 'no two candidates alike');
  for (const c of grid) {
    assert.ok(([32, 64] as number[]).includes(c.cache.groupSize));
    assert.ok((WINDOWS as readonly number[]).includes(c.cache.window) && (SINKS as readonly number[]).includes(c.cache.sinks));
    assert.ok(THRESHOLDS.includes(c.cache.thresholds));
  }
  assert.deepEqual(candidates([32, 64], 10, 7), a, 'the same seed, the same candidates');
  assert.notDeepEqual(candidates([32, 64], 10, 8).map((c) => c.label), a.map((c) => c.label), 'another seed, another sample');
  // More than the grid holds: every grid point once, as a grid candidate or as a profile with its settings.
  const all = candidates([64], 1000, 0);
  const t3 = (t: { evict: number; int4: number; int8: number }) => `${t.evict}/${t.int4}/${t.int8}`;
  const key = (c: (typeof all)[number]) => `${c.cache.window} ${c.cache.sinks} ${c.cache.groupSize} ${t3(c.cache.thresholds)}`;
  const onGrid = all.filter((c) => c.source === 'grid' || ((WINDOWS as readonly number[]).includes(c.cache.window) && (SINKS as readonly number[]).includes(c.cache.sinks) &&
    THRESHOLDS.some((t) => t3(t) === t3(c.cache.thresholds))));
  assert.equal(new Set(onGrid.map(key)).size, onGrid.length);
  assert.equal(onGrid.length, WINDOWS.length * SINKS.length * THRESHOLDS.length);
});

const row = (label: string, delta_ppl: number, decode_tps: number, kv_reduction: number, feasible = true) => ({ label, delta_ppl, decode_tps, kv_reduction, feasible });

test('the Pareto front keeps what nothing beats on all three of delta PPL, tok/s and KV reduction', () => {
  const rows = [row('a', 0.1, 100, 0.5), row('b', 0.2, 90, 0.4), row('c', 0.3, 120, 0.3), row('d', 0.05, 80, 0.6), row('e', 0.1, 100, 0.5)];
  const front = paretoFront(rows);
  assert.ok(!front.has(rows[1]!), 'b is beaten by a on every axis');
  for (const i of [0, 2, 3, 4]) assert.ok(front.has(rows[i]!), rows[i]!.label);
});

test('the choice: the feasible candidate with the most KV reduction, ties to the faster; none when none is feasible', () => {
  assert.equal(choose([row('a', 0.1, 100, 0.5), row('b', 0.9, 90, 0.8, false), row('c', 0.2, 120, 0.5)])!.label, 'c');
  assert.equal(choose([row('a', 0.9, 100, 0.5, false)]), null);
});

test('the written profile parses back to the chosen settings', () => {
  const chosen: TuneRow = {
    label: 'w64 s16 g32 e0.1/i4 1/i8 1', source: 'grid', window: 64, sinks: 16, group: 32, thresholds: { evict: 0.1, int4: 1, int8: 1 },
    ppl: 10.2, delta_ppl: 0.2, decode_tps: 50, kv_reduction: 0.6, feasible: true, pareto: true,
  };
  const report: TuneReport = { model: 'm', baseline: { ppl: 10, decode_tps: 60 }, budget: { max_delta_ppl: 0.5, target_tps: null }, rows: [chosen], chosen: chosen.label, method: '' };
  const text = profileYaml(report, chosen, 'inferos tune --max-delta-ppl 0.5');
  // The shape of policies/*.yaml, after three comment lines saying how it was chosen and measured.
  assert.match(text, /^# w64 s16 g32 e0\.1\/i4 1\/i8 1: chosen by `inferos tune --max-delta-ppl 0\.5` on m\.\n# Measured: [^\n]*\n# \(baseline [^\n]*\n/);
  assert.equal(text.split('\n').slice(3).join('\n'), [
    'infer_os:', '  quality:', '    max_delta_ppl: 0.5', '  kv:', '    mode: dynamic', '    recent_window: 64', '    sink_tokens: 16', '    group_size: 32',
    '    level_thresholds:', '      L1_int8: 1', '      L2_int4: 1', '      L3_evict: 0.1', '',
  ].join('\n'));
  const policy = parsePolicyYaml(text, 'tuned.yaml');
  assert.deepEqual(cachePolicy(policy), { fullPrecision: false, sinks: 16, window: 64, groupSize: 32, thresholds: { evict: 0.1, int4: 1, int8: 1 } });
  assert.equal(policy.quality.max_delta_ppl, 0.5);
});

test('--live: the feasible candidates in order of KV reduction; one that breaks the budget is rolled back, the first that holds stays', async () => {
  const mk = (label: string, window: number, kv_reduction: number, feasible = true): TuneRow => ({
    label, source: 'grid', window, sinks: 4, group: 64, thresholds: { evict: 0.2, int4: 1, int8: 1 },
    ppl: 10, delta_ppl: 0.1, decode_tps: 100, kv_reduction, feasible, pareto: false,
  });
  const rows = [mk('b', 32, 0.6), mk('a', 16, 0.7), mk('c', 64, 0.5), mk('x', 8, 0.9, false)];
  const original = { infer_os: { ...DEFAULT_POLICY, kv: { ...DEFAULT_POLICY.kv, recent_window: 256 } } };
  const windowOf = (doc: PolicyPatch) => (doc as PartialPolicyDocument).infer_os!.kv!.recent_window!;
  const run = async (deltas: Record<number, number>, failApply?: number) => {
    const applied: unknown[] = [];
    let inForce: PolicyPatch = original;
    const sys: LiveSystem = {
      current: async () => original,
      apply: async (doc) => {
        const w = windowOf(doc);
        if (w === failApply) throw new Error('the controller refused it');
        applied.push(w);
        inForce = doc;
      },
      measure: async () => ({ deltaPpl: deltas[windowOf(inForce)]!, tps: 50 }),
    };
    return { ...(await tuneLive(sys, rows, { maxDeltaPpl: 0.5 })), applied, inForce };
  };
  // a (most reduction among the feasible) breaks the budget live: rolled back; b holds and stays.
  const one = await run({ 16: 0.9, 32: 0.2, 64: 0.1 });
  assert.equal(one.kept, 'b');
  assert.deepEqual(one.applied, [16, 256, 32], 'a, then the original back, then b');
  assert.deepEqual(one.attempts.map((a) => [a.label, a.kept]), [['a', false], ['b', true]]);
  assert.match(one.attempts[0]!.reason!, /delta PPL 0.900 > 0.5/);
  // Nothing holds: every candidate rolled back, the original in force at the end; x (over budget offline) never tried.
  const none = await run({ 16: 0.9, 32: 0.8, 64: 0.7 });
  assert.equal(none.kept, null);
  assert.deepEqual(none.applied, [16, 256, 32, 256, 64, 256]);
  assert.equal(none.inForce, original);
  // A candidate the system refuses is recorded and skipped.
  const refused = await run({ 32: 0.2 }, 16);
  assert.equal(refused.kept, 'b');
  assert.match(refused.attempts[0]!.reason!, /refused/);
  // A speed target is part of the budget live too.
  const sys: LiveSystem = { current: async () => original, apply: async () => undefined, measure: async () => ({ deltaPpl: 0, tps: 10 }) };
  assert.equal((await tuneLive(sys, rows, { maxDeltaPpl: 0.5, targetTps: 20 })).kept, null);
});
