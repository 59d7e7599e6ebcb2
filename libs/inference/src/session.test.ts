import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelSession, parseProviders } from './session';

const graph = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tiny-untied', 'model.onnx');

test('the session records the provider it got and why earlier ones failed', async () => {
  const s = await ModelSession.open(graph, ['npu', 'dml', 'cpu']);
  try {
    // This machine runs the CPU build: no NPU and no DirectML, so both must be reported unavailable.
    assert.equal(s.provider, 'cpu');
    assert.deepEqual(s.attempts.map((a) => [a.provider, a.ok]), [['npu', false], ['dml', false], ['cpu', true]]);
    assert.ok(s.attempts[1]!.error && s.attempts[1]!.error.length > 0);
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
