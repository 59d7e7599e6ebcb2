// inferos: the command line of Infer-OS.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Engine,
  StreamDecoder,
  parseProviders,
  DEFAULT_PROVIDERS,
  DEFAULT_PREFILL_CHUNK,
  checkSampling,
  type SamplingOptions,
} from '@inferos/inference';

class UsageError extends Error {
  override name = 'UsageError';
}

const HELP: Record<string, string> = {
  main: `inferos: serve LLMs through ONNX Runtime with a tiered, quantized KV cache

usage: inferos <command> [options]

commands:
  generate   generate text from a prompt with the bundled model (or --model DIR)
  export     export a Hugging Face Llama checkpoint to an Infer-OS model directory
  help       show help for a command

Run 'inferos help <command>' for a command's options.`,
  generate: `usage: inferos generate --prompt TEXT [options]

options:
  --prompt TEXT         the prompt (required)
  --max-tokens N        tokens to generate (default 64)
  --model DIR           exported model directory (default: the bundled model)
  --json                print one JSON object: {text, tokens, prompt_tokens, ttft_ms,
                        decode_tokens_per_s, kv_bytes, provider, ...}
  --temperature T       0 = greedy (default 0)
  --top-p P             nucleus sampling mass in (0, 1] (default 1)
  --seed N              sampling seed (default 0)
  --providers LIST      execution-provider preference (default ${DEFAULT_PROVIDERS.join(',')})
  --prefill-chunk N     prompt tokens per prefill step (default ${DEFAULT_PREFILL_CHUNK})
  --ignore-eos          keep generating past the end-of-sequence token`,
  export: `usage: inferos export --checkpoint DIR --out DIR

Exports a local Hugging Face Llama-architecture checkpoint (config.json, weights, tokenizer.json) to an
Infer-OS model directory: model.onnx, tokenizer.json, inferos.json, and golden outputs from PyTorch that
the tests check the TypeScript path against. Sets up the tools' Python environment (tools/.venv) on first
use. Tied or untied embeddings, any head counts with grouped-query attention, any head_dim.`,
};

type Options = NonNullable<ParseArgsConfig['options']>;

function parse(argv: string[], options: Options, command: string): { values: Record<string, string | boolean | undefined> } {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${HELP[command]}`);
  }
}

function intOption(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

async function generate(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    prompt: { type: 'string' },
    'max-tokens': { type: 'string' },
    model: { type: 'string' },
    json: { type: 'boolean' },
    temperature: { type: 'string' },
    'top-p': { type: 'string' },
    seed: { type: 'string' },
    providers: { type: 'string' },
    'prefill-chunk': { type: 'string' },
    'ignore-eos': { type: 'boolean' },
  }, 'generate');
  if (values.help) return help(['generate']);
  if (values.prompt === undefined) throw new UsageError(`--prompt is required\n\n${HELP['generate']}`);
  const prompt = values.prompt as string;
  const maxTokens = intOption(values['max-tokens'] as string | undefined, 'max-tokens', 64);
  const chunk = intOption(values['prefill-chunk'] as string | undefined, 'prefill-chunk', DEFAULT_PREFILL_CHUNK);
  const sampling: SamplingOptions = {
    temperature: numberOption(values.temperature as string | undefined, 'temperature', 0),
    topP: numberOption(values['top-p'] as string | undefined, 'top-p', 1),
    seed: intOption(values.seed as string | undefined, 'seed', 0, 0),
  };
  try {
    checkSampling(sampling);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  let providers;
  try {
    providers = values.providers ? parseProviders(values.providers as string) : DEFAULT_PROVIDERS;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const json = Boolean(values.json);

  const engine = await Engine.load(values.model as string | undefined, providers);
  try {
    const promptIds = engine.tokenizer.encode(prompt);
    const stream = new StreamDecoder(engine.tokenizer);
    const res = await engine.generate(promptIds, {
      maxTokens,
      sampling,
      prefillChunk: chunk,
      stopAtEos: !values['ignore-eos'],
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

/** The repository's tools/ folder (the Python model tools), found above this file. */
function toolsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'tools', 'inferos_tools', 'export.py'))) return join(dir, 'tools');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tools/inferos_tools not found above the CLI; run inferos from an Infer-OS checkout');
    dir = parent;
  }
}

function exportModel(argv: string[]): number {
  const { values } = parse(argv, { checkpoint: { type: 'string' }, out: { type: 'string' } }, 'export');
  if (values.help) return help(['export']);
  if (!values.checkpoint || !values.out) throw new UsageError(`--checkpoint and --out are required\n\n${HELP['export']}`);
  const checkpoint = resolve(values.checkpoint as string);
  if (!existsSync(join(checkpoint, 'config.json'))) throw new UsageError(`--checkpoint ${checkpoint}: no config.json there`);
  if (!existsSync(join(checkpoint, 'tokenizer.json'))) throw new UsageError(`--checkpoint ${checkpoint}: no tokenizer.json there (a Hugging Face fast tokenizer is required)`);
  const tools = toolsDir();
  const setup = spawnSync('bash', [join(tools, 'setup-python.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('setting up the Python environment failed (see above)');
  const run = spawnSync(join(tools, '.venv', 'bin', 'python'), ['-m', 'inferos_tools.export', '--checkpoint', checkpoint, '--out', resolve(values.out as string)], {
    stdio: 'inherit',
    cwd: tools,
  });
  return run.status ?? 1;
}

function help(argv: string[]): number {
  const topic = argv[0] ?? 'main';
  const text = HELP[topic];
  if (!text) throw new UsageError(`no such command "${topic}"\n\n${HELP['main']}`);
  process.stdout.write(text + '\n');
  return 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  generate,
  export: exportModel,
  help,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return help([]);
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command "${command}"\n\n${HELP['main']}`);
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError;
    process.stderr.write(`inferos: error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
