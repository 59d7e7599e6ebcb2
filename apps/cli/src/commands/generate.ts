// inferos generate: text from a prompt, in this process.
import { BASELINE_CACHE, DEFAULT_PREFILL_CHUNK, DEFAULT_PROVIDERS, Engine, StreamDecoder, checkSampling, parseProviders, type SamplingOptions } from '@inferos/inference';
import { command, exits, helpPage, type Page } from '../cli/command';
import { policyArg } from '../cli/inputs';
import { UsageError, asUsage, intOption, numberOption, round } from '../cli/options';

const PAGE: Page = {
  usage: '--prompt TEXT [options]',
  summary: 'generate text from a prompt with the bundled model (or --model DIR)',
};

interface Options {
  prompt?: string;
  maxTokens?: string;
  model?: string;
  json?: boolean;
  temperature?: string;
  topP?: string;
  seed?: string;
  providers?: string;
  prefillChunk?: string;
  policy?: string;
  ignoreEos?: boolean;
}

export function generateCommand() {
  const cmd = command('generate', PAGE)
    .option('--prompt <TEXT>', 'the prompt (required)')
    .option('--max-tokens <N>', 'tokens to generate (default 64)')
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--json', 'print one JSON object: {text, tokens, prompt_tokens, ttft_ms,\ndecode_tokens_per_s, kv_bytes, provider, ...}')
    .option('--temperature <T>', '0 = greedy (default 0)')
    .option('--top-p <P>', 'nucleus sampling mass in (0, 1] (default 1)')
    .option('--seed <N>', 'sampling seed (default 0)')
    .option('--providers <LIST>', `execution-provider preference (default ${DEFAULT_PROVIDERS.join(',')})`)
    .option('--prefill-chunk <N>', `prompt tokens per prefill step (default ${DEFAULT_PREFILL_CHUNK})`)
    .option('--policy <NAME|FILE>', 'KV cache policy: a profile in policies/ or a YAML file (default baseline)')
    .option('--ignore-eos', 'keep generating past the end-of-sequence token');
  return cmd.action(exits((o: Options) => generate(o, helpPage(cmd))));
}

async function generate(o: Options, help: string): Promise<number> {
  if (o.prompt === undefined) throw new UsageError(`--prompt is required\n\n${help}`);
  const maxTokens = intOption(o.maxTokens, 'max-tokens', 64);
  const chunk = intOption(o.prefillChunk, 'prefill-chunk', DEFAULT_PREFILL_CHUNK);
  const sampling: SamplingOptions = {
    temperature: numberOption(o.temperature, 'temperature', 0),
    topP: numberOption(o.topP, 'top-p', 1),
    seed: intOption(o.seed, 'seed', 0, 0),
  };
  asUsage(() => checkSampling(sampling));
  const providers = o.providers ? asUsage(() => parseProviders(o.providers!)) : DEFAULT_PROVIDERS;
  const json = Boolean(o.json);
  const policy = o.policy === undefined ? { label: 'baseline', cache: BASELINE_CACHE } : policyArg(o.policy);

  const engine = await Engine.load(o.model, providers);
  try {
    const promptIds = engine.tokenizer.encode(o.prompt);
    const stream = new StreamDecoder(engine.tokenizer);
    const res = await engine.generate(promptIds, {
      maxTokens,
      sampling,
      prefillChunk: chunk,
      stopAtEos: !o.ignoreEos,
      cachePolicy: policy.cache,
      onToken: json ? undefined : (id) => process.stdout.write(stream.push(id)),
    });
    const text = engine.tokenizer.decode(res.tokens);
    const report = {
      text,
      tokens: res.tokens,
      prompt_tokens: res.promptTokens,
      ttft_ms: round(res.ttftMs, 3),
      decode_tokens_per_s: res.decodeTokensPerS === null ? null : round(res.decodeTokensPerS, 2),
      kv_bytes: res.kvBytes,
      kv_bytes_by_tier: res.kvBytesByTier,
      kv_bytes_fp16: res.kvBytesFp16,
      kv_reduction: round(res.kvReduction, 4),
      policy: policy.label,
      provider: engine.provider,
      finish_reason: res.finishReason,
      model: engine.info.name,
    };
    if (json) {
      process.stdout.write(JSON.stringify(report) + '\n');
    } else {
      process.stdout.write('\n');
      const rate = report.decode_tokens_per_s === null ? 'n/a' : `${report.decode_tokens_per_s} tok/s`;
      process.stderr.write(`[${res.tokens.length} tokens (${res.finishReason}), prompt ${res.promptTokens} tokens, ttft ${report.ttft_ms} ms, decode ${rate}, kv ${res.kvBytes} bytes, provider ${engine.provider}]\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
