// inferos bench decode | serve | peer | soak: speed, and endurance. decode is here (in this process); serve,
// peer and soak have modules of their own.
import { readFileSync } from 'node:fs';
import { BASELINE_CACHE, Engine, benchDecode } from '@inferos/inference';
import { command, exits, helpPage } from '../cli/command';
import { heldoutPath, policyArg } from '../cli/inputs';
import { UsageError, intOption, round } from '../cli/options';
import { progress } from '../cli/progress';
import { benchPeerCommand } from './bench-peer';
import { benchServeCommand } from './bench-serve';
import { benchSoakCommand } from './bench-soak';

export function benchCommand() {
  const cmd = command('bench', {
    usage: 'decode|serve|peer|soak [options]',
    summary: "measure speed: 'bench decode' (in-process), 'bench serve' (through the services),\n'bench peer' (against llama.cpp on the same weights); 'bench soak' (a bounded load of mixed\nrequests: errors by kind, memory over time, leaks)",
  })
    .addCommand(decodeCommand())
    .addCommand(benchServeCommand())
    .addCommand(benchPeerCommand())
    .addCommand(benchSoakCommand())
    .argument('[command]');
  // `inferos bench` alone, or with a subcommand it does not have.
  return cmd.action(() => {
    throw new UsageError(`expected 'bench decode', 'bench serve', 'bench peer' or 'bench soak'\n\n${helpPage(cmd)}`);
  });
}

interface DecodeOptions {
  context?: string;
  tokens?: string;
  rounds?: string;
  model?: string;
  policy?: string;
  json?: boolean;
}

function decodeCommand() {
  const cmd = command('decode', {
    usage: '--context N --tokens M [options]',
    summary: 'decode tokens/s of baseline and the policy, in this process',
    description: `Decode tokens/s at a context length, for baseline and the policy in one run, their steps interleaved
(the order reversed every step; CPU execution provider). The context is the model directory's
heldout.txt, repeated if short. With --rounds N the whole measurement repeats from fresh caches and each
side pools its rounds (the JSON adds ratio_by_round).`,
  })
    .option('--context <N>', 'tokens in the cache before decoding (required)')
    .option('--tokens <M>', 'decode steps timed per policy and round (required)')
    .option('--rounds <N>', 'rounds to pool (default 1)')
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--policy <NAME|FILE>', 'policy to compare with baseline (default: default)')
    .option('--json', 'one JSON object on stdout');
  return cmd.action(exits((o: DecodeOptions) => benchDecodeRun(o, helpPage(cmd))));
}

async function benchDecodeRun(o: DecodeOptions, help: string): Promise<number> {
  if (o.context === undefined || o.tokens === undefined) throw new UsageError(`--context and --tokens are required\n\n${help}`);
  const policy = policyArg(o.policy ?? 'default');
  const context = intOption(o.context, 'context', 0);
  const steps = intOption(o.tokens, 'tokens', 0);
  const rounds = intOption(o.rounds, 'rounds', 1);
  const engine = await Engine.load(o.model, ['cpu']);
  try {
    if (context + steps + 4 > engine.info.maxPosition) throw new UsageError(`--context ${context} + --tokens ${steps} (+4 warm-up) exceed the model's context of ${engine.info.maxPosition}`);
    // The context is real text (the held-out slice, repeated if short), so attention looks like use.
    const text = engine.tokenizer.encode(readFileSync(heldoutPath(engine), 'utf8'), false);
    const ids = [engine.info.bosTokenId ?? 0];
    while (ids.length < context) ids.push(...text.slice(0, context - ids.length));
    const [base, pol] = await benchDecode(engine, ids, [{ label: 'baseline', cache: BASELINE_CACHE }, policy], steps, progress('bench decode'), rounds);
    const report = {
      baseline_tokens_per_s: round(base!.tokensPerS, 2),
      tokens_per_s: round(pol!.tokensPerS, 2),
      ratio: round(pol!.tokensPerS / base!.tokensPerS, 4),
      context,
      tokens: steps,
      rounds,
      ratio_by_round: pol!.tokensPerSByRound.map((t, r) => round(t / base!.tokensPerSByRound[r]!, 4)),
      kv_reduction: round(pol!.kvReduction, 4),
      policy: policy.label,
      provider: engine.provider,
      model: engine.info.name,
    };
    if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(`decode at context ${context}: baseline ${report.baseline_tokens_per_s} tok/s, ${report.policy} ${report.tokens_per_s} tok/s, ratio ${report.ratio} (kv reduction ${(report.kv_reduction * 100).toFixed(1)}%)\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
