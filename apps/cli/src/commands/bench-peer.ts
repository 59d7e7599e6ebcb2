// inferos bench peer: Infer-OS against llama.cpp on the same weights, each configuration in a process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { loadModelInfo, type ModelInfo } from '@inferos/inference';
import { NODE_LLAMA_CPP_VERSION, benchPeer, convertGguf, peerPlot, type PeerRow } from '../bench-peer';
import { command, exits, helpPage } from '../cli/command';
import { policyArg, toolsDir } from '../cli/inputs';
import { UsageError, intOption, listOption } from '../cli/options';

/** The llama.cpp KV cache types a peer run takes. */
export const PEER_KV_TYPES = ['f16', 'q8_0', 'q4_0'];

interface Options {
  model?: string;
  gguf?: string;
  checkpoint?: string;
  contexts?: string;
  tokens?: string;
  rounds?: string;
  kv?: string;
  policy?: string;
  threads?: string;
  plot?: string;
  json?: boolean;
}

export function benchPeerCommand() {
  const cmd = command('peer', {
    usage: '--model DIR (--gguf FILE | --checkpoint DIR) [options]',
    summary: 'Infer-OS against llama.cpp on the same weights',
    description: `Infer-OS against llama.cpp on the same weights, interleaved in one run: decode tokens/s after each context
length, prefill tokens/s and peak resident memory, for Infer-OS with baseline and a policy and llama.cpp
(node-llama-cpp ${NODE_LLAMA_CPP_VERSION}, installed on first use into tools/.work/peer) with each KV cache type.
Each configuration runs in its own process; they take turns (order reversed every other round). First
checks that llama.cpp's greedy tokens equal Infer-OS baseline's on the bundled model (fp32 both), and stops
if they do not.`,
  })
    .option('--model <DIR>', 'the exported model Infer-OS runs')
    .option('--gguf <FILE>', 'the same weights for llama.cpp, made by our converter\n(tools/.venv/bin/python -m inferos_tools.gguf_convert)')
    .option('--checkpoint <DIR>', 'or: the checkpoint --model was exported from; converted to a GGUF of the matching\ntype (int4 -> q4_0, int8 -> q8_0, fp16 -> f16, fp32 -> f32) in tools/.work/peer')
    .option('--contexts <LIST>', 'context lengths (default 512,1024,2048)')
    .option('--tokens <N>', 'timed decode steps per context and round (default 32, after 4 warm-up steps)')
    .option('--rounds <N>', 'rounds (default 2)')
    .option('--kv <LIST>', 'llama.cpp KV cache types (default f16,q8_0,q4_0)')
    .option('--policy <NAME>', 'the Infer-OS policy beside baseline (default: default)')
    .option('--threads <N>', "threads for both engines: ONNX Runtime's intra-op threads and llama.cpp's\n(default: the CPU count)")
    .option('--plot <FILE.html>', 'also write a plot of tokens/s against context')
    .option('--json', 'one JSON object on stdout');
  return cmd.action(exits((o: Options) => run(o, helpPage(cmd))));
}

async function run(o: Options, help: string): Promise<number> {
  if (!o.model) throw new UsageError(`--model is required\n\n${help}`);
  const info = loadModelInfo(o.model);
  const say = (line: string) => process.stderr.write(line + '\n');
  const gguf = peerGguf(info, o.gguf, o.checkpoint, say, help);
  const contexts = listOption(o.contexts ?? '512,1024,2048').map((c) => intOption(c, 'contexts', 0, 2));
  const kvTypes = peerKvTypes(o.kv ?? 'f16,q8_0,q4_0');
  const policy = o.policy ?? 'default';
  policyArg(policy);
  const report = await benchPeer({
    model: info.dir, gguf: resolve(gguf), contexts, kvTypes, policy,
    tokens: intOption(o.tokens, 'tokens', 32),
    rounds: intOption(o.rounds, 'rounds', 2),
    threads: intOption(o.threads, 'threads', cpus().length),
    say,
  });
  if (o.plot) writeFileSync(o.plot, peerPlot(report as Parameters<typeof peerPlot>[0]));
  if (o.json) {
    process.stdout.write(JSON.stringify(report) + '\n');
  } else {
    const r = report as { results: PeerRow[]; peak_rss_bytes: Record<string, number> };
    for (const row of r.results) {
      process.stdout.write(`${`${row.engine} ${row.config}`.padEnd(24)} context ${String(row.context).padStart(5)}: decode ${row.decode_tokens_per_s} tok/s, prefill ${row.prefill_tokens_per_s} tok/s\n`);
    }
    for (const [k, b] of Object.entries(r.peak_rss_bytes)) process.stdout.write(`${k.padEnd(24)} peak RSS ${(b / 2 ** 20).toFixed(0)} MiB\n`);
  }
  return 0;
}

/** --kv LIST, each a llama.cpp KV cache type. */
export function peerKvTypes(list: string): string[] {
  const kvTypes = listOption(list);
  for (const kv of kvTypes) if (!PEER_KV_TYPES.includes(kv)) throw new UsageError(`--kv ${kv}: expected f16, q8_0 or q4_0`);
  return kvTypes;
}

/**
 * The GGUF llama.cpp runs for a peer benchmark: --gguf FILE, or --checkpoint DIR converted by our converter
 * to the exported weights' type (cached, keyed by the exported weights' checksum). `help`: the page a
 * usage error shows.
 */
export function peerGguf(info: ModelInfo, given: string | undefined, checkpoint: string | undefined, say: (line: string) => void, help: string): string {
  if (!given === !checkpoint) throw new UsageError(`give either --gguf FILE or --checkpoint DIR\n\n${help}`);
  if (given) {
    if (!existsSync(given)) throw new UsageError(`--gguf ${given}: no such file`);
    return resolve(given);
  }
  const type = { int4: 'q4_0', int8: 'q8_0', fp16: 'f16', fp32: 'f32' }[info.weights.type];
  // Keyed by the exported weights' checksum: another model of the same name gets its own conversion.
  const meta = JSON.parse(readFileSync(join(info.dir, 'inferos.json'), 'utf8')) as { sha256?: Record<string, string> };
  const tag = (meta.sha256?.['model.weights'] ?? 'unknown').slice(0, 12);
  const gguf = join(toolsDir(), '.work', 'peer', `${info.name}-${tag}-${type}.gguf`);
  if (!existsSync(gguf)) convertGguf(resolve(checkpoint!), gguf, type, say);
  return gguf;
}
