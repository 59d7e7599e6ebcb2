import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelSession, parseProviders } from './session';

const graph = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tiny-untied', 'model-s000.onnx');

test('the session records the provider it got and why earlier ones failed', async () => {
  const s = await ModelSession.open(graph, ['npu', 'dml', 'cpu']);
  try {
    // onnxruntime-node has no NPU provider anywhere; DirectML only in its Windows build. Elsewhere both
    // must be reported unavailable, with a reason, and the session falls back to the CPU.
    if (process.platform === 'win32') {
      assert.deepEqual(s.attempts.map((a) => [a.provider, a.ok]).slice(0, 2), [['npu', false], ['dml', true]]);
      assert.equal(s.provider, 'dml');
    } else {
      assert.equal(s.provider, 'cpu');
      assert.deepEqual(s.attempts.map((a) => [a.provider, a.ok]), [['npu', false], ['dml', false], ['cpu', true]]);
      assert.ok(s.attempts[1]!.error && s.attempts[1]!.error.length > 0);
    }
    assert.ok(s.attempts[0]!.error && /no NPU/.test(s.attempts[0]!.error));
  } finally {
    await s.close();
  }
});

test('BAD CALL - a preference list with no usable provider fails with every reason', async () => {
  await assert.rejects(ModelSession.open(graph, ['npu']), /no execution provider in \[npu\].*npu: onnxruntime-node has no NPU/);
});

test('parseProviders checks names', () => {
  assert.deepEqual(parseProviders('dml, cuda,cpu'), ['dml', 'cuda', 'cpu']);
  assert.throws(() => parseProviders('gpu'), /unknown execution provider "gpu"/);
  assert.throws(() => parseProviders(' , '), /provider list is empty/);
});
