// inferos eval ppl | recall: quality of a KV policy against baseline, in this process on the CPU.
import { existsSync, readFileSync } from 'node:fs';
import { recentOnly } from '@inferos/kv';
import { BASELINE_CACHE, Engine, perplexity, recall, type PolicyUnderTest } from '@inferos/inference';
import { command, exits, helpPage } from '../cli/command';
import { heldoutPath, policyArg } from '../cli/inputs';
import { UsageError, intOption, round } from '../cli/options';
import { progress } from '../cli/progress';

export function evalCommand() {
  const cmd = command('eval', {
    usage: 'ppl|recall [options]',
    summary: "measure quality: 'eval ppl' (perplexity) and 'eval recall' (long-range recall)",
  })
    .addCommand(pplCommand())
    .addCommand(recallCommand())
    .argument('[command]');
  // `inferos eval` alone, or with a subcommand it does not have.
  return cmd.action(() => {
    throw new UsageError(`expected 'eval ppl' or 'eval recall'\n\n${helpPage(cmd)}`);
  });
}

interface PplOptions {
  text?: string;
  model?: string;
  policy?: string;
  context?: string;
  chunk?: string;
  maxTokens?: string;
  json?: boolean;
}

function pplCommand() {
  return command('ppl', {
    usage: '[--text FILE] [options]',
    summary: 'perplexity of baseline, the policy and its FP16 part alone',
    description: `Perplexity by teacher forcing through the real decode path: the text is fed in chunks, every token is
predicted from the (compressed) cache of the tokens before its chunk. Scores baseline, the policy, and
the policy's FP16 part alone (sinks and recent window, everything older dropped) in one run, on the
CPU execution provider. With --policy baseline it scores the exact cache once: the perplexity of the
model's weights themselves (ppl_recent_only is then null).`,
  })
    .option('--text <FILE>', "text to score (default: the model directory's heldout.txt)")
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--policy <NAME|FILE>', 'policy to compare with baseline (default: default)')
    .option('--context <N>', "tokens per window (default: the model's context)")
    .option('--chunk <N>', 'tokens per step, at most 32 (default 32)')
    .option('--max-tokens <N>', 'tokens scored per policy (default: the whole text)')
    .option('--json', 'one JSON object on stdout')
    .action(exits(evalPpl));
}

async function evalPpl(o: PplOptions): Promise<number> {
  const policy = policyArg(o.policy ?? 'default');
  const chunk = intOption(o.chunk, 'chunk', 32);
  if (chunk > 32) throw new UsageError(`--chunk must be at most 32, got ${chunk}`);
  if (o.text !== undefined && !existsSync(o.text)) throw new UsageError(`--text ${o.text}: no such file`);
  const maxTokens = o.maxTokens === undefined ? undefined : intOption(o.maxTokens, 'max-tokens', 0);
  const engine = await Engine.load(o.model, ['cpu']);
  try {
    const context = intOption(o.context, 'context', engine.info.maxPosition, 2);
    if (context > engine.info.maxPosition) throw new UsageError(`--context ${context} exceeds the model's context of ${engine.info.maxPosition}`);
    const textFile = o.text ?? heldoutPath(engine);
    const tokens = engine.tokenizer.encode(readFileSync(textFile, 'utf8'), false);
    // --policy baseline measures the exact cache alone (the weights' own perplexity): once, not three times.
    const alone = policy.cache.fullPrecision;
    const policies: PolicyUnderTest[] = alone ? [{ label: 'baseline', cache: BASELINE_CACHE }] : [
      { label: 'baseline', cache: BASELINE_CACHE },
      policy,
      { label: 'recent_only', cache: recentOnly(policy.cache) },
    ];
    const results = await perplexity(engine, tokens, policies, { context, chunk, maxTokens, onProgress: progress('eval ppl') });
    const [base, pol, recent] = alone ? [results[0], results[0], undefined] : results;
    const report = {
      ppl_baseline: round(base!.ppl, 4),
      ppl: round(pol!.ppl, 4),
      delta_ppl: round(pol!.ppl - base!.ppl, 4),
      delta_ppl_rel: round(pol!.ppl / base!.ppl - 1, 5),
      ppl_recent_only: recent ? round(recent.ppl, 4) : null,
      kv_bytes: Math.round(pol!.kvBytes),
      kv_bytes_fp16: Math.round(pol!.kvBytesFp16),
      kv_reduction: round(pol!.kvReduction, 4),
      tokens: pol!.tokens,
      context,
      chunk,
      policy: policy.label,
      text: textFile,
      model: engine.info.name,
    };
    if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
    else {
      process.stdout.write(`policy ${report.policy} on ${report.tokens} tokens of ${textFile} (context ${context}, chunk ${chunk})\n`);
      process.stdout.write(`  ppl baseline ${report.ppl_baseline}  policy ${report.ppl}  delta ${report.delta_ppl} (${(report.delta_ppl_rel * 100).toFixed(2)}%)  recent-only ${report.ppl_recent_only}\n`);
      process.stdout.write(`  kv ${report.kv_bytes} bytes vs fp16 ${report.kv_bytes_fp16}: reduction ${(report.kv_reduction * 100).toFixed(1)}%\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

interface RecallOptions {
  model?: string;
  policy?: string;
  trials?: string;
  distance?: string;
  span?: string;
  cue?: string;
  seed?: string;
  json?: boolean;
}

function recallCommand() {
  return command('recall', {
    usage: '[options]',
    summary: 'long-range recall of baseline and the policy',
    description: `A span of random tokens, at least --distance tokens of other text, then the span's first tokens again:
the model must continue the span greedily. Reports the fraction reproduced for baseline and the policy.`,
  })
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--policy <NAME|FILE>', 'policy to compare with baseline (default: default)')
    .option('--trials <N>', 'spans tried (default 8)')
    .option('--distance <N>', 'tokens of other text between the span and its cue (default 1024)')
    .option('--span <N>', 'span length (default 32)')
    .option('--cue <N>', 'span tokens repeated before the model continues (default 8)')
    .option('--seed <N>', 'seed of the spans and filler offsets (default 0)')
    .option('--json', 'one JSON object on stdout')
    .action(exits(evalRecall));
}

async function evalRecall(o: RecallOptions): Promise<number> {
  const policy = policyArg(o.policy ?? 'default');
  const trials = intOption(o.trials, 'trials', 8);
  const distance = intOption(o.distance, 'distance', 1024, 0);
  const span = intOption(o.span, 'span', 32, 2);
  const cue = intOption(o.cue, 'cue', Math.min(8, span - 1));
  if (cue >= span) throw new UsageError(`--cue ${cue} must be shorter than --span ${span}`);
  const seed = intOption(o.seed, 'seed', 0, 0);
  const engine = await Engine.load(o.model, ['cpu']);
  try {
    const filler = engine.tokenizer.encode(readFileSync(heldoutPath(engine), 'utf8'), false);
    const [base, pol] = await recall(engine, [{ label: 'baseline', cache: BASELINE_CACHE }, policy],
      { trials, distance, span, cue, seed, filler, onProgress: progress('eval recall') });
    const report = {
      recall_baseline: round(base!.recall, 4),
      recall: round(pol!.recall, 4),
      trials,
      distance,
      span,
      cue,
      kv_reduction: round(pol!.kvReduction, 4),
      policy: policy.label,
      model: engine.info.name,
    };
    if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(`recall at distance ${distance} (${trials} spans of ${span}): baseline ${report.recall_baseline}, ${report.policy} ${report.recall} (kv reduction ${(report.kv_reduction * 100).toFixed(1)}%)\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
