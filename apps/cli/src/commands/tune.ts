// inferos tune: search KV policies for the least memory within a quality budget, then (--live) try them on
// the running system; writes the chosen policy as a profile.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROFILES, parsePolicyYaml } from '@inferos/kv';
import { Engine } from '@inferos/inference';
import { InferOSClient } from '@inferos/sdk';
import { perplexityOf, slices } from '../ab';
import { gatewayStream } from '../bench-serve';
import { command, exits, helpPage } from '../cli/command';
import { heldoutPath } from '../cli/inputs';
import { UsageError, asUsage, intOption } from '../cli/options';
import { progress } from '../cli/progress';
import { DEFAULT_CONTROL_URL } from '../control';
import { REPO_ROOT } from '../system';
import { profileYaml, tune, tuneLive, tunePlot, tuneTable, type LiveSystem } from '../tune';

interface Options {
  maxDeltaPpl?: string;
  targetTps?: string;
  candidates?: string;
  seed?: string;
  model?: string;
  text?: string;
  maxTokens?: string;
  context?: string;
  decodeContext?: string;
  steps?: string;
  out?: string;
  plot?: string;
  json?: boolean;
  live?: boolean;
  liveWindows?: string;
  url?: string;
  controlUrl?: string;
  apiKey?: string;
}

/** `argv`: the command line, written into the profile as the command that chose it. */
export function tuneCommand(argv: readonly string[]) {
  const cmd = command('tune', {
    usage: '--max-delta-ppl X [options]',
    summary: 'search KV policies for the least memory within a quality budget; writes a profile',
    description: `Searches KV policies for the one that holds the least KV memory within a quality budget (and, with
--target-tps, a decode speed), measuring every candidate in this process: its perplexity through the
compressed cache on a text against baseline's on the same tokens (delta PPL), its decode tokens/s after a
context (candidates and baseline taking steps in turn) and the KV bytes it held against FP16's. Candidates:
the shipped profiles, then a seeded sample of recent windows (16-128), sink tokens (4, 16), the model's KV
group sizes and six tier-threshold sets. Prints every candidate with the Pareto front (delta PPL, tok/s, KV
reduction) and the choice, and writes the chosen policy as a profile.`,
    after: 'Exit status 1 when no candidate is within the budget (nothing is written).',
  })
    .option('--max-delta-ppl <X>', "the quality budget: perplexity may rise by at most X, 0-2 (required; the guide's 0.5)")
    .option('--target-tps <Y>', 'also require decode tok/s >= Y on this machine')
    .option('--candidates <N>', 'grid candidates beside the shipped profiles (default 12)')
    .option('--seed <N>', 'the grid sample (default 0)')
    .option('--model <DIR>', 'the exported model (default: the bundled one)')
    .option('--text <FILE>', "text to score (default: the model's held-out text)")
    .option('--max-tokens <N>', 'tokens scored per candidate (default 4096)')
    .option('--context <N>', 'tokens per scored window (default 1024)')
    .option('--decode-context <N>', 'context before the timed decode steps (default 1024)')
    .option('--steps <N>', 'timed decode steps per candidate (default 24)')
    .option('--out <FILE>', 'where the chosen profile goes (default policies/tuned.yaml: then --policy tuned;\na shipped profile is never overwritten)')
    .option('--plot <FILE.html>', 'also write a scatter plot (KV reduction against delta PPL)')
    .option('--json', 'one JSON object on stdout')
    .option('--live', `then try the candidates within the budget on the running system (inferos up),
most KV reduction first: apply each through the control API, score --live-windows
windows of the text through the gateway (its perplexity under the live policy
minus baseline's) and time a streamed completion; roll back (the policy in force
before) when it breaks the budget, keep the first that holds. The profile written
is the one kept.`)
    .option('--live-windows <N>', 'windows of 2,000 characters scored per candidate (default 2)')
    .option('--url <URL>', 'the gateway (default http://127.0.0.1:8000, env INFEROS_GATEWAY_URL)')
    .option('--control-url <URL>', `the control API (default ${DEFAULT_CONTROL_URL}, env INFEROS_CONTROL_URL or INFEROS_AGENT_URL)`)
    .option('--api-key <KEY>', 'for a system exposed beyond loopback (env INFEROS_API_KEY)');
  return cmd.action(exits((o: Options) => run(o, helpPage(cmd), `inferos ${argv.join(' ')}`)));
}

/** A number >= min (> min when `exclusive`), or undefined when the option was not given. */
function bound(raw: string | undefined, name: string, min: number, exclusive = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (exclusive && n === min)) throw new UsageError(`--${name} must be a number ${exclusive ? '>' : '>='} ${min}, got "${raw}"`);
  return n;
}

async function run(o: Options, help: string, commandLine: string): Promise<number> {
  const maxDeltaPpl = bound(o.maxDeltaPpl, 'max-delta-ppl', 0);
  if (maxDeltaPpl === undefined) throw new UsageError(`--max-delta-ppl is required\n\n${help}`);
  // The budget goes into the written profile: the policy's own range applies (one schema: @inferos/kv).
  asUsage(() => parsePolicyYaml(`infer_os:\n  quality:\n    max_delta_ppl: ${maxDeltaPpl}\n`, '--max-delta-ppl'));
  const targetTps = bound(o.targetTps, 'target-tps', 0, true);
  const out = resolve(o.out ?? join(REPO_ROOT, 'policies', 'tuned.yaml'));
  const shipped = PROFILES.map((p) => resolve(join(REPO_ROOT, 'policies', `${p}.yaml`)));
  if (shipped.includes(out)) throw new UsageError(`--out ${out} is a shipped profile; choose another file`);
  if (!existsSync(dirname(out))) throw new UsageError(`--out ${out}: no such directory`);
  if (o.text !== undefined && !existsSync(o.text)) throw new UsageError(`--text ${o.text}: no such file`);
  const engine = await Engine.load(o.model, ['cpu']);
  try {
    const context = intOption(o.context, 'context', Math.min(1024, engine.info.maxPosition), 2);
    const decodeContext = intOption(o.decodeContext, 'decode-context', Math.min(1024, engine.info.maxPosition - 64), 2);
    const steps = intOption(o.steps, 'steps', 24);
    if (context > engine.info.maxPosition) throw new UsageError(`--context ${context} exceeds the model's context of ${engine.info.maxPosition}`);
    if (decodeContext + steps > engine.info.maxPosition) throw new UsageError(`--decode-context ${decodeContext} + --steps ${steps} exceed the model's context of ${engine.info.maxPosition}`);
    const textFile = o.text ?? heldoutPath(engine);
    const tokens = engine.tokenizer.encode(readFileSync(textFile, 'utf8'), false);
    const report = await tune(engine, tokens, {
      maxDeltaPpl, targetTps, context, decodeContext, steps,
      candidates: intOption(o.candidates, 'candidates', 12, 0),
      seed: intOption(o.seed, 'seed', 0, 0),
      maxTokens: intOption(o.maxTokens, 'max-tokens', 4096),
      onProgress: (phase) => progress(phase),
    }).catch((err: unknown) => {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    });
    let row = report.rows.find((r) => r.label === report.chosen);
    let live: Awaited<ReturnType<typeof tuneLive>> | undefined;
    if (o.live) {
      const text = readFileSync(textFile, 'utf8');
      live = await tuneLive(liveSystem({
        url: (o.url ?? process.env['INFEROS_GATEWAY_URL'] ?? 'http://127.0.0.1:8000').replace(/\/+$/, ''),
        controlUrl: o.controlUrl ?? process.env['INFEROS_CONTROL_URL'] ?? process.env['INFEROS_AGENT_URL'] ?? DEFAULT_CONTROL_URL,
        apiKey: o.apiKey ?? process.env['INFEROS_API_KEY'],
        windows: slices(text, 2000, intOption(o.liveWindows, 'live-windows', 2)),
        prompt: slices(text, 1000, 1)[0]!,
      }), report.rows, { maxDeltaPpl, targetTps }, progress('tune: live'));
      // The profile is what held on the running system.
      row = report.rows.find((r) => r.label === live!.kept);
    }
    if (row) writeFileSync(out, profileYaml(report, row, commandLine));
    if (o.plot) writeFileSync(o.plot, tunePlot(report));
    const liveLines = live ? ['', 'On the running system (most KV reduction first; rolled back when over the budget):',
      ...live.attempts.map((a) => `  ${a.label}: delta PPL ${a.delta_ppl?.toFixed(3) ?? 'n/a'}, ${a.decode_tps?.toFixed(1) ?? 'n/a'} tok/s: ${a.kept ? 'kept (applied)' : `rolled back (${a.reason})`}`),
      live.kept ? '' : '  none held: the policy in force before is back'] : [];
    process.stdout.write(o.json ? JSON.stringify({ ...report, ...(live ? { live } : {}), profile: row ? out : null }) + '\n'
      : `${tuneTable(report)}\n${liveLines.join('\n')}${row ? `Wrote ${out}` : 'Nothing written.'}\n`);
    return row ? 0 : 1;
  } finally {
    await engine.close();
  }
}

/** The running system as `tune --live` uses it: the control API, and requests served under the live policy. */
function liveSystem(o: { url: string; controlUrl: string; apiKey?: string; windows: string[]; prompt: string }): LiveSystem {
  const client = new InferOSClient({ gatewayUrl: o.url, controlUrl: o.controlUrl, ...(o.apiKey ? { apiKey: o.apiKey } : {}), timeoutMs: 600_000 });
  let model: string | undefined;
  const modelId = async () => (model ??= (await client.models()).data[0]!.id);
  return {
    current: async () => (await client.policy()).policy,
    apply: async (doc) => {
      const reply = await client.setPolicy(doc);
      // Every service must run the new version before the next request is measured under it.
      const deadline = Date.now() + 15_000;
      for (;;) {
        // A degraded answer (503: a service late with its heartbeat) is asked again until the deadline.
        const h = await client.health().catch(() => null);
        if (h?.services.every((svc) => (svc.policy_version ?? 0) >= reply.version)) return;
        if (Date.now() > deadline) throw new Error(`the services did not take policy version ${reply.version} within 15 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    measure: async () => {
      const m = await modelId();
      let delta = 0;
      for (const w of o.windows) delta += (await perplexityOf(client, m, w, undefined)) - (await perplexityOf(client, m, w, 'baseline'));
      const one = await gatewayStream(o.url, m, undefined, o.apiKey)(o.prompt, 32);
      const tps = one.ok && one.times.length >= 2 ? ((one.times.length - 1) * 1000) / (one.times.at(-1)! - one.times[0]!) : null;
      return { deltaPpl: delta / o.windows.length, tps };
    },
  };
}
