// End to end: `inferos generate --json` on the bundled model, as a user runs it, against the PyTorch greedy
// reference that the export wrote (64 tokens, token for token).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = join(root, 'models', 'inferos-tiny', 'onnx');
const golden = JSON.parse(readFileSync(join(modelDir, 'golden.json'), 'utf8')) as {
  cases: { prompt: string; prompt_ids: number[]; greedy: number[] }[];
};

for (const c of golden.cases) {
  test(`inferos generate equals PyTorch greedy: "${c.prompt}"`, () => {
    const r = spawnSync(process.execPath, [join(root, 'apps', 'cli', 'bin', 'inferos.mjs'), 'generate', '--prompt', c.prompt,
      '--max-tokens', String(c.greedy.length), '--ignore-eos', '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.prompt_tokens, c.prompt_ids.length);
    assert.deepEqual(out.tokens, c.greedy);
  });
}
