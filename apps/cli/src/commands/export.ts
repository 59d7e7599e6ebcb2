// inferos export: a Hugging Face checkpoint to an Infer-OS model directory, through the Python exporter.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { command, exits, helpPage } from '../cli/command';
import { toolsDir } from '../cli/inputs';
import { UsageError } from '../cli/options';

interface Options {
  checkpoint?: string;
  out?: string;
  weights?: string;
  blockSize?: string;
  int8Copy?: boolean;
  groups?: string;
  maxContext?: string;
  verify?: string;
  name?: string;
  attention?: string;
}

/** The options passed on to the exporter as they were given. */
const PASSED: readonly (readonly [keyof Options, string])[] = [
  ['weights', '--weights'], ['blockSize', '--block-size'], ['groups', '--groups'], ['maxContext', '--max-context'], ['verify', '--verify'], ['name', '--name'],
  ['attention', '--attention'],
];

export function exportCommand() {
  const cmd = command('export', {
    usage: '--checkpoint DIR --out DIR [options]',
    summary: 'export a Hugging Face Llama-family checkpoint to an Infer-OS model directory',
    description: `Exports a local Hugging Face checkpoint of the Llama family (LlamaForCausalLM, MistralForCausalLM,
Qwen2ForCausalLM: config.json, model.safetensors or shards with model.safetensors.index.json in F32, F16 or
BF16, tokenizer.json) to an Infer-OS model directory: the model's layers as ONNX graphs without attention
(model-s000.onnx ...: the runtime attends between them over the KV cache's tiers), the one weights file
they read, tokenizer.json, inferos.json, and golden outputs the tests check the runtime against. Anything it cannot take (another architecture, a RoPE type that depends on the sequence length, a
missing or truncated file) is refused before anything is written; a failed export leaves nothing behind.
Sets up the tools' Python environment (tools/.venv) on first use.`,
  })
    .option('--checkpoint <DIR>', 'the Hugging Face checkpoint (required)')
    .option('--out <DIR>', 'the model directory to write (required)')
    .option('--weights <TYPE>', 'fp32 | fp16 | int8 | int4 (default auto: int4 from 100M parameters, else fp32);\nint4: blocks of weights run by ONNX Runtime\'s MatMulNBits; int8: one scale per\noutput channel, products in 8-bit integers (MatMulInteger)')
    .option('--block-size <N>', '32 | 64 | 128 weights per int4 block, or per block of the int8 embedding (default\n128 for int4, 32 for int8; larger reads fewer bytes per token, at some cost in\nquality: README, "Weight types")')
    .option('--int8-copy', 'int4 only: also store the projections as int8 (+1 byte per weight), used by runs of\n4 rows or more (prompt chunks, batched decode steps): several times faster there\non CPUs with AMX or AVX-512 VNNI (README, "Weight types")')
    .option('--groups <LIST>', 'KV quantization group sizes the graph serves (default 32,64,128; a policy\nneeds its group size)')
    .option('--max-context <N>', "cap the positions the graph covers (default: the model's, or its sliding window)")
    .option('--verify <MODE>', 'auto | yes | no: compare against PyTorch in float32 (auto: when that fits in half\nthe free memory)')
    .option('--attention <WHERE>', 'native | graph: a graph without attention, which the runtime computes between\nits segments over the stored KV tiers in place (format 11, the default;\nlibs/attention), or attention inside the ONNX graph (format 10, legacy)')
    .option('--name <NAME>', "model name the runtime reports (default: the checkpoint folder's name)");
  return cmd.action(exits((o: Options) => exportModel(o, helpPage(cmd))));
}

function exportModel(o: Options, help: string): number {
  if (!o.checkpoint || !o.out) throw new UsageError(`--checkpoint and --out are required\n\n${help}`);
  // Before the first-use Python setup (minutes): a mistyped path is refused at once.
  if (!existsSync(join(resolve(o.checkpoint), 'config.json'))) {
    throw new UsageError(`--checkpoint ${o.checkpoint}: not a Hugging Face checkpoint (no config.json)`);
  }
  const args = ['-m', 'inferos_tools.export', '--checkpoint', resolve(o.checkpoint), '--out', resolve(o.out)];
  for (const [key, flag] of PASSED) {
    if (o[key] !== undefined) args.push(flag, String(o[key]));
  }
  if (o.int8Copy) args.push('--int8-copy');
  const tools = toolsDir();
  const setup = spawnSync('bash', [join(tools, 'setup-python.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('setting up the Python environment failed (see above)');
  // The exporter checks the checkpoint itself, before it writes anything, and says what it refuses.
  const run = spawnSync(join(tools, '.venv', 'bin', 'python'), args, { stdio: 'inherit', cwd: tools });
  return run.status ?? 1;
}
