// inferos bench serve: throughput and latency through the services, baseline against policies (and
// llama.cpp with --peer), on a system it starts or one running at --url.
import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import { cpus } from 'node:os';
import { loadPolicy, parseBytes } from '@inferos/kv';
import { defaultModelDir, loadModelInfo } from '@inferos/inference';
import { NODE_LLAMA_CPP_VERSION } from '../bench-peer';
import { benchServe, servePlot, serveTable } from '../bench-serve';
import { command, exits, helpPage } from '../cli/command';
import { UsageError, bytesOption, intOption, listOption } from '../cli/options';
import { progress } from '../cli/progress';
import { peerGguf, peerKvTypes } from './bench-peer';

interface Options {
  concurrency?: string;
  batchSizes?: string;
  promptTokens?: string;
  seqLengths?: string;
  outputTokens?: string;
  kvBudget?: string;
  memoryBudget?: string;
  policy?: string;
  compareModes?: string;
  requests?: string;
  rounds?: string;
  longPrompt?: string;
  longPromptStreams?: string;
  peer?: string;
  gguf?: string;
  checkpoint?: string;
  kv?: string;
  threads?: string;
  url?: string;
  nats?: string;
  model?: string;
  ttftReference?: boolean;
  plot?: string;
  json?: boolean;
}

export function benchServeCommand() {
  const cmd = command('serve', {
    usage: '--concurrency LIST --prompt-tokens LIST --output-tokens M (--kv-budget BYTES | --memory-budget BYTES) [options]',
    summary: 'throughput and latency through the services',
    description: `Throughput and latency through the services, for baseline and a policy (or any set of policies) in one
run: for each prompt length and concurrency level, each side in turn, the order reversed every other
round, on the same running system (requests name their policy). Starts the data path (kv-store,
workers, gateway; no controller retuning it mid-run, no quality probe taking CPU) on a private NATS
server and free ports, unless --url is given; with --memory-budget the whole system (controller and
telemetry too, the controller's latency steering held) in that memory, the KV budget being what its
processes leave. Real HTTP streaming clients; prompts are distinct slices of the model's held-out text;
greedy, ignore_eos; requests wait for room in the KV budget as long as the run takes (no 503s that would
flatter a policy). Reports vLLM's keys (request_throughput, output_throughput, mean/median/p99 ttft_ms and
itl_ms, mean_tpot_ms) plus the peak concurrent sequences and peak KV bytes the kv-store held, per side,
and ratios against baseline (ratio_vs_baseline). Prints a table (--json: one JSON object).

With --peer llama.cpp, llama.cpp (node-llama-cpp ${NODE_LLAMA_CPP_VERSION}, in a process of its own) serves
the same prompts in the same memory budget: one context of as many parallel sequences (slots) of
prompt + output tokens as fit, batched together as llama.cpp's server batches its slots; it takes its
turn in every round, and ratio_vs_peers compares each policy with it.`,
  })
    .option('--concurrency <LIST>', "clients in flight, e.g. 1,8,32 (required; 0 runs no level, e.g. with\n--ttft-reference); the seed's --batch-sizes is the same option")
    .addOption(new Option('--batch-sizes <LIST>', "the seed's name of --concurrency").hideHelp())
    .option('--prompt-tokens <LIST>', "prompt lengths in tokens, e.g. 128,512 (required); the seed's --seq-lengths")
    .addOption(new Option('--seq-lengths <LIST>', "the seed's name of --prompt-tokens").hideHelp())
    .option('--output-tokens <M>', 'tokens generated per request (required)')
    .option('--kv-budget <BYTES>', 'KV budget of the started system, e.g. 64MiB')
    .option('--memory-budget <BYTES>', 'the whole system\'s memory (weights + KV + runtime), e.g. 2GiB; the KV budget\nis what the processes leave (as inferos up --memory-budget)')
    .option('--policy <NAME>', 'policy compared with baseline (default: default)')
    .option('--compare-modes <LIST>', 'the policies compared instead, e.g. baseline,default,latency_optimized (the\nseed\'s "inferos" is default); ratios are against baseline when it is listed')
    .option('--requests <N>', 'requests per side, level and round (default: 4 x concurrency, at least 8)')
    .option('--rounds <N>', 'rounds per level (default 1): use an even N to balance the order; figures\npool the rounds; output_throughput_ratio_by_round shows the spread')
    .option('--long-prompt <N>', 'then, for each side, admit an N-token prompt while --long-prompt-streams\nstreams decode, and report their inter-token latency before and during its\nprefill (long_prompt_admission)')
    .option('--long-prompt-streams <S>', 'streams decoding meanwhile (default 4)')
    .option('--peer <llama.cpp>', 'also run llama.cpp on the same weights in the same memory (needs --memory-budget)')
    .option('--gguf <FILE>', "the peer's weights (or --checkpoint DIR: converted to the exported weights' type)")
    .addOption(new Option('--checkpoint <DIR>', 'the checkpoint the model was exported from (see --gguf)').hideHelp())
    .option('--kv <LIST>', "the peer's KV cache types (default f16,q8_0; also q4_0)")
    .option('--threads <N>', "the peer's threads (default: the machine's cores, as ONNX Runtime's)")
    .option('--url <URL>', 'use a running gateway instead of starting the system')
    .option('--nats <URL>', "its NATS server, for the kv-store's peak figures (with --url; else they are null)")
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--ttft-reference', 'also compare TTFT through the services (baseline, one request at a time) with\nthe single-process path on the same prompts, interleaved: ttft_vs_single_process')
    .option('--plot <FILE>', 'an HTML page: output tokens/s against concurrency, per side and prompt length')
    .option('--json', 'one JSON object on stdout');
  return cmd.action(exits((o: Options) => run(o, helpPage(cmd))));
}

async function run(o: Options, help: string): Promise<number> {
  // The seed's sweep names: --batch-sizes, --seq-lengths, --compare-modes (each instead of ours, not beside).
  const either = (ours: string, oursValue: string | undefined, seeds: string, seedsValue: string | undefined): string | undefined => {
    if (oursValue !== undefined && seedsValue !== undefined) throw new UsageError(`--${ours} and --${seeds} are the same option: give one\n\n${help}`);
    return oursValue ?? seedsValue;
  };
  const concurrencyArg = either('concurrency', o.concurrency, 'batch-sizes', o.batchSizes);
  const promptArg = either('prompt-tokens', o.promptTokens, 'seq-lengths', o.seqLengths);
  if (o.policy !== undefined && o.compareModes !== undefined) throw new UsageError(`--policy names the one policy compared with baseline; --compare-modes lists them all: give one\n\n${help}`);
  if (concurrencyArg === undefined || promptArg === undefined || o.outputTokens === undefined) {
    throw new UsageError(`--concurrency (or --batch-sizes), --prompt-tokens (or --seq-lengths) and --output-tokens are required\n\n${help}`);
  }
  if (o.memoryBudget !== undefined && o.kvBudget !== undefined) throw new UsageError(`--memory-budget sets the KV budget from what the processes leave: give it or --kv-budget, not both\n\n${help}`);
  if (o.url === undefined && o.kvBudget === undefined && o.memoryBudget === undefined) throw new UsageError('--kv-budget or --memory-budget is required when bench serve starts the system (without --url)');
  if (o.peer !== undefined && o.peer !== 'llama.cpp') throw new UsageError(`--peer ${o.peer}: the one peer is llama.cpp\n\n${help}`);
  if (o.peer !== undefined && o.memoryBudget === undefined) throw new UsageError(`--peer llama.cpp compares at equal memory: give --memory-budget\n\n${help}`);
  if (o.peer === undefined && (o.gguf !== undefined || o.checkpoint !== undefined || o.kv !== undefined)) throw new UsageError(`--gguf, --checkpoint and --kv are for --peer llama.cpp\n\n${help}`);
  const concurrency = listOption(concurrencyArg).map((x) => intOption(x, 'concurrency', 0, 0)).filter((c) => c > 0);
  const promptTokens = listOption(promptArg).map((x) => intOption(x, 'prompt-tokens', 0));
  // --compare-modes: the policies compared (the guide's `inferos` is the default profile); else baseline and --policy.
  const policies = o.compareModes !== undefined
    ? listOption(o.compareModes).map((m) => (m === 'inferos' ? 'default' : m))
    : ['baseline', o.policy ?? 'default'];
  if (new Set(policies).size !== policies.length) throw new UsageError(`--compare-modes lists a policy twice: ${policies.join(',')}`);
  for (const p of policies) {
    if (!/^[a-z_]+$/.test(p)) throw new UsageError(`${p}: policies are named by their profile in policies/ (requests carry the name)`);
    loadPolicy(p);
  }
  if (o.kvBudget !== undefined) parseBytes(o.kvBudget, '--kv-budget');
  const memoryBudget = o.memoryBudget === undefined ? undefined : bytesOption(o.memoryBudget, 'memory-budget');
  const say = (line: string) => process.stderr.write(`inferos: ${line}\n`);
  let peer: { gguf: string; kvTypes: string[]; threads: number } | undefined;
  if (o.peer !== undefined) {
    const kvTypes = peerKvTypes(o.kv ?? 'f16,q8_0');
    const info = loadModelInfo(o.model ?? defaultModelDir());
    peer = { gguf: peerGguf(info, o.gguf, o.checkpoint, say, help), kvTypes, threads: intOption(o.threads, 'threads', cpus().length) };
  }
  const bar = progress('bench serve');
  const result = await benchServe({
    concurrency,
    promptTokens,
    outputTokens: intOption(o.outputTokens, 'output-tokens', 0),
    kvBudget: o.kvBudget,
    policies,
    requests: o.requests === undefined ? undefined : intOption(o.requests, 'requests', 0),
    rounds: o.rounds === undefined ? 1 : intOption(o.rounds, 'rounds', 0),
    url: o.url,
    natsUrl: o.nats,
    model: o.model,
    ttftReference: o.ttftReference === true,
    memoryBudget,
    peer,
    longPrompt: o.longPrompt === undefined ? undefined : intOption(o.longPrompt, 'long-prompt', 0),
    longPromptStreams: o.longPromptStreams === undefined ? undefined : intOption(o.longPromptStreams, 'long-prompt-streams', 0),
    progress: (line) => {
      const m = /: (\d+)\/(\d+)$/.exec(line);
      if (m) bar(Number(m[1]), Number(m[2]));
      else say(line);
    },
  });
  const report = result as Parameters<typeof servePlot>[0];
  if (o.plot) writeFileSync(o.plot, servePlot(report));
  if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    // The table, then whatever else was asked for (admission, TTFT reference, the peer) as JSON.
    const { levels: _levels, ...rest } = result as Record<string, unknown>;
    process.stdout.write(`${report.levels.length ? serveTable(report) : ''}${JSON.stringify(rest, null, 2)}\n`);
  }
  return 0;
}
