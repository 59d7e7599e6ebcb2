// Policies without a store: profiles are read and parsed once, read again when their file changes or the
// controller's policy changes; refusals are not remembered; baseline mode applies to remembered profiles too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY, loadPolicy, PolicyError, type Policy } from '@inferos/kv';
import { Policies } from './policies';

const config = { defaultPolicy: 'default', groups: [32, 64, 128], defaultGroup: 64 };

/** loadPolicy, with a record of the names it was asked for; `edit` changes what a profile reads as. */
function counting(edit: (name: string, p: Policy) => Policy = (_, p) => p) {
  const reads: string[] = [];
  const load = (name: string) => {
    reads.push(name);
    const loaded = loadPolicy(name);
    return { name: loaded.name, policy: edit(name, loaded.policy) };
  };
  return { reads, load };
}

test('a named profile is read once, and again after the controller\'s policy changes', () => {
  const { reads, load } = counting();
  const policies = new Policies(config, load);
  assert.deepEqual(reads, ['default'], 'the configured default is read at start');
  const first = policies.resolve('throughput_optimized');
  assert.deepEqual(policies.resolve('throughput_optimized'), first, 'the same policy the second time');
  policies.resolve('');
  assert.deepEqual(reads, ['default', 'throughput_optimized'], 'the profile was read once; a request naming none reads nothing');
  policies.set(DEFAULT_POLICY, 1, false);
  assert.deepEqual(policies.resolve('throughput_optimized'), first, 'the same profile after the change');
  assert.deepEqual(reads, ['default', 'throughput_optimized', 'throughput_optimized'], 'read again after the controller\'s policy changed');
});

test('a refused profile is read again at the next request, and a refused controller policy keeps what was read', () => {
  let groupSize: Policy['kv']['group_size'] = 128;
  const { reads, load } = counting((name, p) => (name === 'default' ? p : { ...p, kv: { ...p.kv, group_size: groupSize } }));
  const policies = new Policies({ ...config, groups: [32, 64] }, load);
  assert.throws(() => policies.resolve('quality_optimized'), PolicyError, 'no graph for group size 128');
  assert.throws(() => policies.resolve('nope'), /no such profile/, 'an unknown profile');
  assert.throws(() => policies.resolve('nope'), /no such profile/, 'still unknown');
  groupSize = 64;
  assert.equal(policies.resolve('quality_optimized').policy.groupSize, 64, 'the profile as it reads now');
  assert.deepEqual(reads, ['default', 'quality_optimized', 'nope', 'nope', 'quality_optimized'], 'refusals were not remembered');
  assert.throws(() => policies.set({ ...DEFAULT_POLICY, kv: { ...DEFAULT_POLICY.kv, group_size: 128 } }, 1, false), PolicyError, 'a controller policy without a graph');
  assert.equal(policies.version, 0, 'the refused policy changed nothing');
  policies.resolve('quality_optimized');
  assert.equal(reads.length, 5, 'not even what was read');
});

test('baseline mode runs remembered profiles at full precision, and the bus cannot name files', () => {
  const { load } = counting();
  const policies = new Policies(config, load);
  assert.equal(policies.resolve('default').policy.fullPrecision, false, 'default quantizes');
  policies.set(DEFAULT_POLICY, 2, true);
  const r = policies.resolve('default');
  assert.equal(r.name, 'default (baseline mode)', 'named as run');
  assert.equal(r.policy.fullPrecision, true, 'full precision in baseline mode');
  assert.equal(r.policy.groupSize, config.defaultGroup, 'with the baseline\'s graph');
  assert.equal(policies.resolve('').name, 'baseline (baseline mode)', 'a request naming none too');
  assert.throws(() => policies.resolve('../policies/default.yaml'), /not a file/, 'a path is refused');
});

test('a profile edited on disk is read again at the next request that names it', () => {
  const { reads, load } = counting();
  const stamps = new Map<string, number>([['latency_optimized', 1]]);
  const policies = new Policies(config, load, (n) => stamps.get(n) ?? 0);
  policies.resolve('latency_optimized');
  policies.resolve('latency_optimized');
  assert.deepEqual(reads, ['default', 'latency_optimized'], 'read once while the file stays as it was');
  stamps.set('latency_optimized', 2);
  policies.resolve('latency_optimized');
  assert.deepEqual(reads, ['default', 'latency_optimized', 'latency_optimized'], 'read again once it changed');
});
