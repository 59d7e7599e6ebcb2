// The CLI as a user runs it: a child process through the npm bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommanderError, type Command } from 'commander';
import { commandPath, helpPage } from './cli/command';
import { UsageError } from './cli/options';
import { program } from './program';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'inferos.mjs');
const fixture = join(here, '..', '..', '..', 'libs', 'inference', 'fixtures', 'tiny-untied');

function inferos(...args: string[]) {
  return inferosWith({}, ...args);
}

function inferosWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('generate --json prints one object with the documented keys', () => {
  const r = inferos('generate', '--model', fixture, '--prompt', 'The kernel', '--max-tokens', '5', '--json', '--ignore-eos');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = JSON.parse(lines[0]!);
  for (const key of ['text', 'tokens', 'prompt_tokens', 'ttft_ms', 'decode_tokens_per_s', 'kv_bytes', 'provider']) {
    assert.ok(key in out, `missing ${key}`);
  }
  assert.equal(out.tokens.length, 5);
  assert.equal(out.provider, 'cpu');
  // The fixture has 2 layers, 2 KV heads of 16: keys and values of 2 layers, float32, the cache grown
  // to one step of 64 tokens for the prompt and the 4 tokens fed back (the 5th is never fed).
  assert.equal(out.kv_bytes, 2 * 2 * 64 * 2 * 16 * 4);
  assert.deepEqual(out.kv_bytes_by_tier, { f32: out.kv_bytes, f16: 0, int8: 0, int4: 0 });
  assert.equal(out.policy, 'baseline');
  assert.ok(out.ttft_ms > 0 && out.decode_tokens_per_s > 0);
});

test('greedy generation is deterministic and sampling is seeded', () => {
  const run = (...extra: string[]) =>
    JSON.parse(inferos('generate', '--model', fixture, '--prompt', 'Hello', '--max-tokens', '8', '--json', '--ignore-eos', ...extra).stdout).tokens;
  assert.deepEqual(run(), run());
  assert.deepEqual(run('--temperature', '1', '--top-p', '0.9', '--seed', '5'), run('--temperature', '1', '--top-p', '0.9', '--seed', '5'));
});

test('BAD CALL - unknown option exits 2 with the usage', () => {
  const r = inferos('generate', '--prompt', 'x', '--bogus');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Unknown option '--bogus'/);
  assert.match(r.stderr, /usage: inferos generate/);
});

test('BAD CALL - missing prompt, bad numbers and unknown commands are usage errors', () => {
  assert.match(inferos('generate').stderr, /--prompt is required/);
  assert.equal(inferos('generate', '--prompt', 'x', '--max-tokens', '0').code, 2);
  assert.match(inferos('generate', '--prompt', 'x', '--top-p', '1.5').stderr, /top_p must be in/);
  assert.match(inferos('frobnicate').stderr, /unknown command "frobnicate"/);
});

test('BAD CALL - bench serve refuses bad options before starting anything', () => {
  const base = ['bench', 'serve', '--concurrency', '2', '--prompt-tokens', '16', '--output-tokens', '4', '--kv-budget', '16MiB'];
  const rounds = inferos(...base, '--rounds', '0');
  assert.equal(rounds.code, 2);
  assert.match(rounds.stderr, /--rounds must be an integer >= 1, got "0"/);
  assert.match(inferos(...base.slice(0, -2)).stderr, /--kv-budget or --memory-budget is required/);
  assert.match(inferos(...base, '--policy', 'no_such_profile').stderr, /no_such_profile/);
  assert.match(inferos(...base, '--memory-budget', '2GiB').stderr, /give it or --kv-budget, not both/);
  assert.match(inferos(...base, '--peer', 'vllm').stderr, /--peer vllm: the one peer is llama.cpp/);
  assert.match(inferos(...base, '--peer', 'llama.cpp').stderr, /compares at equal memory: give --memory-budget/);
  assert.match(inferos(...base, '--kv', 'q4_0').stderr, /--gguf, --checkpoint and --kv are for --peer llama.cpp/);
  const peer = [...base.slice(0, -2), '--memory-budget', '2GiB', '--peer', 'llama.cpp'];
  assert.match(inferos(...peer).stderr, /give either --gguf FILE or --checkpoint DIR/);
  assert.match(inferos(...peer, '--gguf', '/nonexistent.gguf', '--kv', 'q5_k').stderr, /--kv q5_k: expected f16, q8_0 or q4_0/);
  // The seed's sweep names are the same options as ours: one or the other.
  assert.match(inferos(...base, '--batch-sizes', '1,4').stderr, /--concurrency and --batch-sizes are the same option/);
  assert.match(inferos(...base, '--seq-lengths', '128').stderr, /--prompt-tokens and --seq-lengths are the same option/);
  assert.match(inferos(...base, '--compare-modes', 'baseline,default', '--policy', 'default').stderr, /--compare-modes lists them all: give one/);
  assert.match(inferos(...base, '--compare-modes', 'baseline,inferos,default').stderr, /lists a policy twice: baseline,default,default/);
  assert.match(inferos(...base, '--compare-modes', 'baseline,no_such_profile').stderr, /no_such_profile/);
});

test('BAD CALL - a directory that is not an exported model is a clear error', () => {
  const r = inferos('generate', '--model', here, '--prompt', 'x');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is not an exported model directory \(no inferos.json\)/);
});

test('BAD CALL - a prompt longer than the context is refused before any work', () => {
  const r = inferos('generate', '--model', fixture, '--prompt', 'word '.repeat(600), '--max-tokens', '4');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /exceed the model's context of 512/);
});

test('help lists the commands, and each command has its own', () => {
  const r = inferos('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /generate/);
  assert.match(r.stdout, /export/);
  assert.match(inferos('help', 'eval').stdout, /usage: inferos eval ppl[\s\S]*usage: inferos eval recall/);
  assert.match(inferos('bench', '--help').stdout, /usage: inferos bench decode/);
  assert.match(inferos('eval', 'ppl', '--help').stdout, /--max-tokens N/);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

// The fixture has 32 KV channels, so its policies use groups of 32.
const dir = mkdtempSync(join(tmpdir(), 'inferos-cli-'));
const policyFile = join(dir, 'p.yaml');
writeFileSync(policyFile, 'infer_os:\n  kv:\n    recent_window: 16\n    group_size: 32\n    level_thresholds: {L1_int8: 0.9, L2_int4: 0.6, L3_evict: 0.2}\n');

test('eval ppl --json reports baseline, policy and recent-only on the same tokens', () => {
  const r = inferos('eval', 'ppl', '--model', fixture, '--policy', policyFile, '--context', '256', '--max-tokens', '600', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const key of ['ppl_baseline', 'ppl', 'delta_ppl', 'delta_ppl_rel', 'kv_bytes', 'kv_bytes_fp16', 'kv_reduction', 'tokens', 'context', 'chunk', 'policy', 'ppl_recent_only']) {
    assert.ok(key in out, `missing ${key}`);
  }
  assert.equal(out.tokens, 600);
  assert.equal(out.chunk, 32);
  assert.ok(Math.abs(out.delta_ppl - (out.ppl - out.ppl_baseline)) < 1e-3);
  assert.ok(Math.abs(out.kv_reduction - (1 - out.kv_bytes / out.kv_bytes_fp16)) < 1e-3);
  assert.ok(out.kv_reduction > 0.3, `reduction ${out.kv_reduction}`);
  assert.match(r.stderr, /eval ppl \[#+\] 9\/9 100%/, 'progress on stderr');
});

test('eval recall and bench decode report both policies', () => {
  const rec = inferos('eval', 'recall', '--model', fixture, '--policy', policyFile, '--trials', '2', '--distance', '100', '--json');
  assert.equal(rec.code, 0, rec.stderr);
  const r = JSON.parse(rec.stdout);
  assert.ok(r.recall_baseline >= 0 && r.recall_baseline <= 1 && r.recall >= 0 && r.recall <= 1);
  assert.equal(r.trials, 2);
  assert.equal(r.distance, 100);
  const bench = inferos('bench', 'decode', '--model', fixture, '--policy', policyFile, '--context', '200', '--tokens', '8', '--json');
  assert.equal(bench.code, 0, bench.stderr);
  const b = JSON.parse(bench.stdout);
  assert.ok(b.baseline_tokens_per_s > 0 && b.tokens_per_s > 0);
  assert.ok(Math.abs(b.ratio - b.tokens_per_s / b.baseline_tokens_per_s) < 1e-3);
  assert.equal(b.context, 200);
  assert.equal(b.rounds, 1);
  const pooled = JSON.parse(inferos('bench', 'decode', '--model', fixture, '--policy', policyFile, '--context', '200', '--tokens', '8', '--rounds', '2', '--json').stdout);
  assert.equal(pooled.rounds, 2);
  assert.equal(pooled.ratio_by_round.length, 2);
  assert.ok(pooled.ratio_by_round.every((x: number) => x > 0));
  assert.match(inferos('bench', 'decode', '--model', fixture, '--context', '200', '--tokens', '8', '--rounds', '0').stderr, /--rounds must be an integer >= 1, got "0"/);
});

test('BAD CALL - a bad policy file is refused with the key path, before any work', () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'infer_os:\n  kv:\n    recent_windw: 64\n');
  const r = inferos('eval', 'ppl', '--model', fixture, '--policy', bad);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /infer_os\.kv\.recent_windw: unknown key/);
  assert.match(inferos('eval', 'ppl', '--model', fixture, '--chunk', '64').stderr, /--chunk must be at most 32/);
  assert.match(inferos('bench', 'decode', '--model', fixture).stderr, /--context and --tokens are required/);
});

test('generate --policy reports bytes by tier and the reduction', () => {
  const r = inferos('generate', '--model', fixture, '--policy', policyFile, '--prompt', 'word '.repeat(200), '--max-tokens', '4', '--json', '--ignore-eos');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.kv_bytes_by_tier.f32, 0);
  assert.equal(out.kv_bytes, out.kv_bytes_by_tier.f16 + out.kv_bytes_by_tier.int8 + out.kv_bytes_by_tier.int4);
  assert.ok(out.kv_reduction > 0);
});

test('models --json lists the bundled model and every fixture under a given folder, with their weight types', () => {
  const r = inferos('models', join(fixture, '..'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const { models, errors } = JSON.parse(r.stdout) as { models: { name: string; bundled: boolean; weights: string; group_sizes: number[]; chat_template: boolean }[]; errors: unknown[] };
  assert.deepEqual(errors, []);
  const byName = new Map(models.map((m) => [m.name, m]));
  assert.equal(byName.get('inferos-tiny')?.bundled, true);
  assert.equal(byName.get('inferos-tiny')?.chat_template, true);
  assert.equal(byName.get('llama3-int4')?.weights, 'int4');
  assert.equal(byName.get('qwen2-int8')?.weights, 'int8');
  assert.deepEqual(byName.get('mistral-hd128')?.group_sizes, [32, 64]);
  assert.equal(byName.get('tiny-untied')?.chat_template, false);
});

test('BAD CALL - bench peer without weights for llama.cpp says what it needs, before installing anything', () => {
  const r = inferos('bench', 'peer', '--model', fixture);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /give either --gguf FILE or --checkpoint DIR/);
});

test('tune measures the candidates, writes the chosen profile (which loads), and refuses bad budgets and shipped profiles', () => {
  const tuneDir = mkdtempSync(join(tmpdir(), 'inferos-tune-'));
  try {
    const heldout = join(here, '..', '..', '..', 'models', 'inferos-tiny', 'onnx', 'heldout.txt');
    const out = join(tuneDir, 'tuned.yaml');
    const args = ['tune', '--model', fixture, '--text', heldout, '--candidates', '2', '--max-tokens', '256', '--context', '128',
      '--decode-context', '64', '--steps', '2', '--out', out, '--json'];
    type Row = { label: string; source: string; group: number; feasible: boolean; delta_ppl: number; kv_reduction: number };
    // The random-weight fixture's perplexity moves a lot under compression: the widest budget, the
    // candidates with the fixture's one group size (32) that fit it.
    const r = inferos(...args, '--max-delta-ppl', '2', '--candidates', '8');
    assert.equal(r.code === 0 || r.code === 1, true, r.stderr);
    const report = JSON.parse(r.stdout.trim()) as { rows: Row[]; chosen: string | null; profile: string | null };
    assert.equal(report.rows.filter((row) => row.source === 'grid').length, 8, 'eight grid points beside the profiles');
    assert.ok(report.rows.every((row) => row.group === 32), 'only the group size the fixture has (32)');
    for (const row of report.rows) assert.equal(row.feasible, row.delta_ppl <= 2, row.label);
    const feasible = report.rows.filter((row) => row.feasible);
    assert.equal(r.code, feasible.length > 0 ? 0 : 1);
    assert.ok(feasible.length > 0, 'some candidate fits the fixture within 2');
    const chosen = report.rows.find((row) => row.label === report.chosen)!;
    assert.equal(chosen.kv_reduction, Math.max(...feasible.map((row) => row.kv_reduction)));
    assert.equal(report.profile, out);
    const gen = inferos('generate', '--model', fixture, '--prompt', 'The kernel', '--max-tokens', '3', '--policy', out, '--json');
    assert.equal(gen.code, 0, gen.stderr);
    // Nothing within a budget below every candidate's delta: exit 1, nothing written.
    const none = inferos(...args.map((a) => (a === out ? join(tuneDir, 'none.yaml') : a)), '--max-delta-ppl', '2', '--target-tps', '1e9');
    assert.equal(none.code, 1, none.stderr);
    assert.ok(!existsSync(join(tuneDir, 'none.yaml')));
    const bad = inferos('tune', '--max-delta-ppl=-1');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-delta-ppl must be a number >= 0/);
    assert.match(inferos('tune', '--max-delta-ppl', '3').stderr, /max_delta_ppl: 3 is out of range \[0, 2\]/);
    const shipped = inferos('tune', '--max-delta-ppl', '0.5', '--out', join(here, '..', '..', '..', 'policies', 'default.yaml'));
    assert.equal(shipped.code, 2);
    assert.match(shipped.stderr, /shipped profile/);
  } finally {
    rmSync(tuneDir, { recursive: true, force: true });
  }
});

// ---- the command tree in this process: every command's --help, and unknown options ----

/** Every command under `inferos`, depth first. */
function commandsUnder(c: Command): Command[] {
  return c.commands.flatMap((sub) => [sub, ...commandsUnder(sub)]);
}

/** The program with every action replaced by a spy recording which command ran, its output captured. */
function spied() {
  const inferos = program();
  const ran: string[] = [];
  const out: string[] = [];
  const all = [inferos, ...commandsUnder(inferos)];
  for (const c of all) {
    c.action(() => {
      ran.push(commandPath(c));
    });
    c.configureOutput({ writeOut: (t) => out.push(t), writeErr: (t) => out.push(t) });
  }
  const find = (path: string) => all.find((c) => commandPath(c) === path)!;
  const parse = async (...args: string[]): Promise<unknown> => {
    try {
      await inferos.parseAsync(args, { from: 'user' });
      return undefined;
    } catch (err) {
      return err;
    }
  };
  return { ran, out, find, parse };
}

const PATHS = commandsUnder(program()).map(commandPath);

test('the command tree has every command and subcommand, and the spies see them run', async () => {
  for (const path of ['up', 'generate', 'eval ppl', 'eval recall', 'bench decode', 'bench serve', 'bench peer', 'bench soak', 'export', 'models', 'status',
    'policy get', 'policy set', 'policy baseline', 'ab', 'tune', 'service print', 'service install', 'service uninstall', 'service status', 'help']) {
    assert.ok(PATHS.includes(path), `missing ${path} in ${PATHS.join(', ')}`);
  }
  // What the --help test below relies on: a command that is not asked for help does reach its action.
  for (const args of [['up', '--port', '8001'], ['eval', 'ppl', '--json'], ['policy', 'set', 'kv.recent_window=64'], ['service', 'print', '--', '--port', '1']]) {
    const s = spied();
    assert.equal(await s.parse(...args), undefined, args.join(' '));
    assert.deepEqual(s.ran, [args[0] === 'up' ? 'up' : `${args[0]} ${args[1]}`], args.join(' '));
  }
});

test('--help and -h on every command and subcommand print its page, which names it, and run nothing', async () => {
  for (const path of PATHS) {
    for (const flag of ['--help', '-h']) {
      const s = spied();
      const err = await s.parse(...path.split(' '), flag);
      const what = `inferos ${path} ${flag}`;
      assert.ok(err instanceof CommanderError && err.code === 'commander.helpDisplayed' && err.exitCode === 0, `${what}: ${String(err)}`);
      assert.deepEqual(s.ran, [], `${what} ran ${s.ran.join(', ')}`);
      const text = s.out.join('');
      assert.equal(text, `${helpPage(s.find(path))}\n`, what);
      assert.match(text, new RegExp(`^usage: inferos ${path.split(' ')[0]} `), what);
      for (const word of path.split(' ')) assert.ok(text.includes(word), `${what}: the page does not name ${word}`);
    }
  }
});

test('every option a command takes is on its page', () => {
  const s = spied();
  for (const path of PATHS) {
    const cmd = s.find(path);
    const page = helpPage(cmd);
    for (const o of cmd.options) {
      if (o.hidden) continue;
      assert.ok(page.includes(`  ${o.flags.replace(/<([^>]+)>/g, '$1')} `), `inferos ${path}: ${o.flags} is not on its page`);
    }
  }
});

test('BAD CALL - an unknown option on any command is a usage error naming it, followed by the page, and runs nothing', async () => {
  for (const path of PATHS) {
    const s = spied();
    const err = await s.parse(...path.split(' '), '--bogus-option');
    assert.ok(err instanceof UsageError, `inferos ${path} --bogus-option: ${String(err)}`);
    assert.ok(err.message.startsWith("Unknown option '--bogus-option'\n\nusage: inferos "), `inferos ${path}: ${err.message.slice(0, 200)}`);
    assert.ok(err.message.endsWith(helpPage(s.find(path))), `inferos ${path}: not followed by its page`);
    assert.deepEqual(s.ran, [], `inferos ${path} --bogus-option ran ${s.ran.join(', ')}`);
  }
});

test('BAD CALL - unexpected arguments and missing option values are usage errors', async () => {
  const s = spied();
  const extra = await s.parse('generate', 'extra', '--prompt', 'x');
  assert.ok(extra instanceof UsageError && extra.message.startsWith('unexpected argument "extra"\n\nusage: inferos generate'), String(extra));
  const missing = await s.parse('generate', '--prompt');
  assert.ok(missing instanceof UsageError && /^option '--prompt <TEXT>' argument missing/.test(missing.message), String(missing));
  assert.deepEqual(s.ran, [], 'nothing ran');
});

test('--help through the bin does nothing else: up starts nothing, service install writes no unit', () => {
  const home = mkdtempSync(join(tmpdir(), 'inferos-help-'));
  try {
    // Without --help, this up would fail on its policy (exit 1) before starting anything.
    const up = inferos('up', '--policy', 'no_such_profile', '--port', '1', '--help');
    assert.equal(up.code, 0, up.stderr);
    assert.equal(up.stderr, '', 'nothing on stderr');
    assert.match(up.stdout, /^usage: inferos up \[options\]\n\nStarts the whole system/);
    assert.match(up.stdout, /\n {2}--memory-budget BYTES the whole system's memory/);
    // Without --help, this would write the unit under $HOME/.config/systemd/user.
    const install = inferosWith({ HOME: home }, 'service', 'install', '--user', '--help', '--', '--port', '8123');
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stdout, /^usage: inferos service print\|install\|uninstall\|status /);
    assert.equal(existsSync(join(home, '.config')), false, 'service install --help wrote under $HOME');
    const page = inferos('bench', 'serve', '--help');
    assert.equal(page.code, 0, page.stderr);
    assert.equal(inferos('help', 'bench', 'serve').stdout, page.stdout, 'help bench serve prints the page bench serve --help does');
    const bad = inferos('bench', 'decode', '--bogus');
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /^inferos: error: Unknown option '--bogus'\n\nusage: inferos bench decode /);
    assert.equal(bad.stdout, '', 'nothing on stdout');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('service: the options after -- are for inferos up, checked before the unit is printed', () => {
  const unit = inferos('service', 'print', '--name', 'inferos-x', '--', '--host', '0.0.0.0', '--memory-budget', '2GiB');
  assert.equal(unit.code, 0, unit.stderr);
  assert.match(unit.stdout, /^ExecStart=\S+ \S+\/apps\/cli\/bin\/inferos\.mjs up --host 0\.0\.0\.0 --memory-budget 2GiB$/m);
  const bad = inferos('service', 'print', '--', '--host', '0.0.0.0', '--bogus');
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /^inferos: error: Unknown option '--bogus'\n\nusage: inferos up \[options\]/);
  assert.equal(bad.stdout, '', 'no unit printed');
});
