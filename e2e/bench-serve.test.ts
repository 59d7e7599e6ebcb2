// `inferos bench serve` as a user runs it, on the bundled model: the seed's sweep (batch sizes, sequence
// lengths, compare modes) through the whole data path, every request accounted for, the plot written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@inferos/cli';

test('bench serve --batch-sizes 1,2 --seq-lengths 32,64 --compare-modes baseline,inferos: every cell, every request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferos-bench-serve-'));
  try {
    const plot = join(dir, 'serve.html');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), 'bench', 'serve',
      '--batch-sizes', '1,2', '--seq-lengths', '32,64', '--output-tokens', '8', '--compare-modes', 'baseline,inferos',
      '--requests', '2', '--kv-budget', '64MiB', '--plot', plot, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    type Result = { completed: number; failed: number; total_output_tokens: number; output_throughput: number; peak_concurrent_sequences: number };
    const report = JSON.parse(r.stdout) as { policies: string[]; levels: { prompt_tokens: number; concurrency: number; results: Record<string, Result>; ratio_vs_baseline: Record<string, { output_throughput: number }> }[] };
    assert.deepEqual(report.policies, ['baseline', 'default'], 'the guide\'s "inferos" mode is the default profile');
    assert.deepEqual(report.levels.map((l) => [l.prompt_tokens, l.concurrency]), [[32, 1], [32, 2], [64, 1], [64, 2]]);
    for (const l of report.levels) {
      for (const side of ['baseline', 'default']) {
        const x = l.results[side]!;
        assert.deepEqual([x.completed, x.failed, x.total_output_tokens], [2, 0, 16], `${side} at ${l.prompt_tokens}/${l.concurrency}`);
        assert.ok(x.output_throughput > 0 && x.peak_concurrent_sequences >= 1 && x.peak_concurrent_sequences <= l.concurrency, JSON.stringify(x));
      }
      assert.ok(Number.isFinite(l.ratio_vs_baseline['default']!.output_throughput));
    }
    const html = readFileSync(plot, 'utf8');
    assert.match(html, /<svg/);
    assert.match(html, /default, prompts of 64/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
