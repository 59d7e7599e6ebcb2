// inferos: the command line of Infer-OS.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachePolicy, loadPolicy, recentOnly, parseBytes, parsePolicyYaml, PROFILES } from '@inferos/kv';
import { startSystem, fitMemoryBudget, REPO_ROOT, type ServiceProcess } from './system';
import { benchServe, gatewayStream, servePlot, serveTable } from './bench-serve';
import { InferOSClient, type PolicyPatch } from '@inferos/sdk';
import { abTable, perplexityOf, runAb, slices } from './ab';
import { profileYaml, tune, tuneLive, tunePlot, tuneTable, type LiveSystem } from './tune';
import { ServiceError, install, status as serviceStatus, systemdUnit, uninstall } from './service';
import { formatModels, listModels } from './models';
import { benchPeer, convertGguf, peerPlot, NODE_LLAMA_CPP_VERSION, type PeerRow } from './bench-peer';
import { ArgumentError, DEFAULT_CONTROL_URL, controlTarget, formatBytes, parseAssignments, policyBaseline, policyGet, policySet, status, type ControlTarget } from './control';
import {
  Engine,
  StreamDecoder,
  BASELINE_CACHE,
  perplexity,
  recall,
  benchDecode,
  contextTextPath,
  loadModelInfo,
  defaultModelDir,
  type ModelInfo,
  type PolicyUnderTest,
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
  up         start the whole system (NATS if needed, controller, kv-store, workers, gateway, telemetry)
             and serve until Ctrl-C
  generate   generate text from a prompt with the bundled model (or --model DIR)
  eval       measure quality: 'eval ppl' (perplexity) and 'eval recall' (long-range recall)
  bench      measure speed: 'bench decode' (in-process), 'bench serve' (through the services),
             'bench peer' (against llama.cpp on the same weights)
  export     export a Hugging Face Llama-family checkpoint to an Infer-OS model directory
  models     list the bundled and exported models (size, weights, context)
  status     live view of a running system (like top): services, throughput, KV memory, quality, loops
  policy     read or change the running policy: 'policy get', 'policy set KEY=VALUE...', 'policy baseline on|off'
  ab         A/B test KV policies through a running system: speed and perplexity, with 95% intervals
  tune       search KV policies for the least memory within a quality budget; writes a profile
  service    run Infer-OS as a systemd service: 'service print|install|uninstall|status'
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
  --policy NAME|FILE    KV cache policy: a profile in policies/ or a YAML file (default baseline)
  --ignore-eos          keep generating past the end-of-sequence token`,
  'eval ppl': `usage: inferos eval ppl [--text FILE] [options]

Perplexity by teacher forcing through the real decode path: the text is fed in chunks, every token is
predicted from the (compressed) cache of the tokens before its chunk. Scores baseline, the policy, and
the policy's FP16 part alone (sinks and recent window, everything older dropped) in one run, on the
CPU execution provider. With --policy baseline it scores the exact cache once: the perplexity of the
model's weights themselves (ppl_recent_only is then null).

options:
  --text FILE           text to score (default: the model directory's heldout.txt)
  --model DIR           exported model directory (default: the bundled model)
  --policy NAME|FILE    policy to compare with baseline (default: default)
  --context N           tokens per window (default: the model's context)
  --chunk N             tokens per step, at most 32 (default 32)
  --max-tokens N        tokens scored per policy (default: the whole text)
  --json                one JSON object on stdout`,
  'eval recall': `usage: inferos eval recall [options]

A span of random tokens, at least --distance tokens of other text, then the span's first tokens again:
the model must continue the span greedily. Reports the fraction reproduced for baseline and the policy.

options:
  --model DIR           exported model directory (default: the bundled model)
  --policy NAME|FILE    policy to compare with baseline (default: default)
  --trials N            spans tried (default 8)
  --distance N          tokens of other text between the span and its cue (default 1024)
  --span N              span length (default 32)
  --cue N               span tokens repeated before the model continues (default 8)
  --seed N              seed of the spans and filler offsets (default 0)
  --json                one JSON object on stdout`,
  'bench decode': `usage: inferos bench decode --context N --tokens M [options]

Decode tokens/s at a context length, for baseline and the policy in one run, their steps interleaved
(the order reversed every step; CPU execution provider). The context is the model directory's
heldout.txt, repeated if short. With --rounds N the whole measurement repeats from fresh caches and each
side pools its rounds (the JSON adds ratio_by_round).

options:
  --context N           tokens in the cache before decoding (required)
  --tokens M            decode steps timed per policy and round (required)
  --rounds N            rounds to pool (default 1)
  --model DIR           exported model directory (default: the bundled model)
  --policy NAME|FILE    policy to compare with baseline (default: default)
  --json                one JSON object on stdout`,
  up: `usage: inferos up [options]

Starts the whole system with the bundled model: a NATS server with JetStream when none answers on --nats
(Debian's nats-server; installed with apt-get when missing and running as root), then the controller
(control API on 127.0.0.1:7031; --policy seeds its first policy version), the kv-store, the prefill and
decode workers, the gateway and the telemetry service (127.0.0.1:9464), each its own process; waits until
every one reports healthy, prints the URLs, and serves until Ctrl-C, SIGTERM or SIGHUP, which stops
everything cleanly. The services never outlive it: if it is killed, each one stops (and a NATS server it
started gets SIGTERM). A service that crashes is restarted while the others keep serving (after 0.5 s,
doubling to 30 s while it keeps crashing); inferos status and telemetry show its restarts. When a port it
needs is taken (another Infer-OS, or another program) it says so and starts nothing.

options:
  --port N              gateway HTTP port (default 8000)
  --control-port N      control API port (default 7031)
  --telemetry-port N    telemetry port: Prometheus /metrics and the live page (default 9464)
  --host ADDR           gateway bind address (default 127.0.0.1; anything else needs --api-key)
  --api-key KEY         require Authorization: Bearer KEY (env INFEROS_API_KEY)
  --nats URL            NATS server (default nats://127.0.0.1:4222, env INFEROS_NATS_URL)
  --policy NAME|FILE    KV policy for requests that name none (default: default)
  --budget BYTES        KV budget, e.g. 512MiB (default: the policy's io.host_pool_bytes)
  --memory-budget BYTES the whole system's memory, e.g. 2GiB: once every service is up, the KV budget is
                        set to what their memory (PSS: weights, runtimes) leaves of it; refused when that
                        is less than 16 MiB. Later allocations (activations of long prompts) come on top
  --model DIR           exported model directory (default: the bundled model)
  --prefill-workers N   prefill worker processes (default 1; with --workers separate)
  --decode-workers N    decode worker processes (default 1)
  --workers MODE        separate: prefill workers of their own, the quality probe in the controller;
                        shared: each decode worker also serves prefill and the quality probe from its one
                        model session (the weights held once, not three times);
                        auto (default): shared when the model's weights pass 256 MiB`,
  'bench serve': `usage: inferos bench serve --concurrency LIST --prompt-tokens LIST --output-tokens M (--kv-budget BYTES | --memory-budget BYTES) [options]

Throughput and latency through the services, for baseline and a policy (or any set of policies) in one
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
turn in every round, and ratio_vs_peers compares each policy with it.

options:
  --concurrency LIST    clients in flight, e.g. 1,8,32 (required; 0 runs no level, e.g. with
                        --ttft-reference); the seed's --batch-sizes is the same option
  --prompt-tokens LIST  prompt lengths in tokens, e.g. 128,512 (required); the seed's --seq-lengths
  --output-tokens M     tokens generated per request (required)
  --kv-budget BYTES     KV budget of the started system, e.g. 64MiB
  --memory-budget BYTES the whole system's memory (weights + KV + runtime), e.g. 2GiB; the KV budget
                        is what the processes leave (as inferos up --memory-budget)
  --policy NAME         policy compared with baseline (default: default)
  --compare-modes LIST  the policies compared instead, e.g. baseline,default,latency_optimized (the
                        seed's "inferos" is default); ratios are against baseline when it is listed
  --requests N          requests per side, level and round (default: 4 x concurrency, at least 8)
  --rounds N            rounds per level (default 1): use an even N to balance the order; figures
                        pool the rounds; output_throughput_ratio_by_round shows the spread
  --long-prompt N       then, for each side, admit an N-token prompt while --long-prompt-streams
                        streams decode, and report their inter-token latency before and during its
                        prefill (long_prompt_admission)
  --long-prompt-streams S  streams decoding meanwhile (default 4)
  --peer llama.cpp      also run llama.cpp on the same weights in the same memory (needs --memory-budget)
  --gguf FILE           the peer's weights (or --checkpoint DIR: converted to the exported weights' type)
  --kv LIST             the peer's KV cache types (default f16,q8_0; also q4_0)
  --threads N           the peer's threads (default: the machine's cores, as ONNX Runtime's)
  --url URL             use a running gateway instead of starting the system
  --nats URL            its NATS server, for the kv-store's peak figures (with --url; else they are null)
  --model DIR           exported model directory (default: the bundled model)
  --ttft-reference      also compare TTFT through the services (baseline, one request at a time) with
                        the single-process path on the same prompts, interleaved: ttft_vs_single_process
  --plot FILE           an HTML page: output tokens/s against concurrency, per side and prompt length
  --json                one JSON object on stdout`,
  'bench peer': `usage: inferos bench peer --model DIR (--gguf FILE | --checkpoint DIR) [options]

Infer-OS against llama.cpp on the same weights, interleaved in one run: decode tokens/s after each context
length, prefill tokens/s and peak resident memory, for Infer-OS with baseline and a policy and llama.cpp
(node-llama-cpp ${NODE_LLAMA_CPP_VERSION}, installed on first use into tools/.work/peer) with each KV cache type.
Each configuration runs in its own process; they take turns (order reversed every other round). First
checks that llama.cpp's greedy tokens equal Infer-OS baseline's on the bundled model (fp32 both), and stops
if they do not.

options:
  --model DIR           the exported model Infer-OS runs
  --gguf FILE           the same weights for llama.cpp, made by our converter
                        (tools/.venv/bin/python -m inferos_tools.gguf_convert)
  --checkpoint DIR      or: the checkpoint --model was exported from; converted to a GGUF of the matching
                        type (int4 -> q4_0, int8 -> q8_0, fp16 -> f16, fp32 -> f32) in tools/.work/peer
  --contexts LIST       context lengths (default 512,1024,2048)
  --tokens N            timed decode steps per context and round (default 32, after 4 warm-up steps)
  --rounds N            rounds (default 2)
  --kv LIST             llama.cpp KV cache types (default f16,q8_0,q4_0)
  --policy NAME         the Infer-OS policy beside baseline (default: default)
  --threads N           threads for both engines: ONNX Runtime's intra-op threads and llama.cpp's
                        (default: the CPU count)
  --plot FILE.html      also write a plot of tokens/s against context
  --json                one JSON object on stdout`,
  models: `usage: inferos models [DIR...] [--json]

Lists the model directories on this machine: the bundled model, every exported model under the
repository's models/ folder, under each folder of $INFEROS_MODELS (colon-separated) and under each DIR
given, with name, architecture, parameters, weight type and size, context, the KV group sizes it has
graphs for, and whether it has a chat template (a base model without one serves completions only).
Pass any of them to up, generate, eval and bench with --model DIR.`,
  export: `usage: inferos export --checkpoint DIR --out DIR [options]

Exports a local Hugging Face checkpoint of the Llama family (LlamaForCausalLM, MistralForCausalLM,
Qwen2ForCausalLM: config.json, model.safetensors or shards with model.safetensors.index.json in F32, F16 or
BF16, tokenizer.json) to an Infer-OS model directory: one graph (model.onnx, every KV group size, prefill
and decode), the weights file it reads, tokenizer.json, inferos.json, and golden outputs the tests check
the runtime against. Anything it cannot take (another architecture, a RoPE type that depends on the sequence length, a
missing or truncated file) is refused before anything is written; a failed export leaves nothing behind.
Sets up the tools' Python environment (tools/.venv) on first use.

options:
  --weights TYPE        fp32 | fp16 | int8 | int4 (default auto: int4 from 100M parameters, else fp32);
                        int4: blocks of weights run by ONNX Runtime's MatMulNBits; int8: one scale per
                        output channel, products in 8-bit integers (MatMulInteger)
  --block-size N        32 | 64 | 128 weights per int4 block, or per block of the int8 embedding (default
                        128 for int4, 32 for int8; larger reads fewer bytes per token, at some cost in
                        quality: README, "Weight types")
  --int8-copy           int4 only: also store the projections as int8 (+1 byte per weight), used by runs of
                        4 rows or more (prompt chunks, batched decode steps): several times faster there
                        on CPUs with AMX or AVX-512 VNNI (README, "Weight types")
  --groups LIST         KV quantization group sizes the graph serves (default 32,64,128; a policy
                        needs its group size)
  --max-context N       cap the positions the graph covers (default: the model's, or its sliding window)
  --verify MODE         auto | yes | no: compare against PyTorch in float32 (auto: when that fits in half
                        the free memory)
  --name NAME           model name the runtime reports (default: the checkpoint folder's name)`,
  status: `usage: inferos status [options]

A live view of a running system, like top: every interval it asks the controller's control API
(GET /v1/health and /v1/metrics) and redraws the screen: policy version and baseline mode, each service
with its status and the policy version it runs, tps / ftl_ms / p95_ms, requests running and waiting, KV
bytes by tier against the budget, admission, CPU utilisation (NPU / iGPU / GPU: n/a, with the reason), the
delta-perplexity estimate, and the control loops' measured periods and jitter. Ctrl-C exits. If the
controller stops answering later, the last screen stays with the error under it while status keeps asking.

options:
  --url URL             control API (default ${DEFAULT_CONTROL_URL}, env INFEROS_CONTROL_URL or INFEROS_AGENT_URL)
  --api-key KEY         Authorization: Bearer KEY (env INFEROS_API_KEY)
  --interval S          seconds between redraws (default 1)
  --once                print one screen without terminal codes and exit (for scripts)`,
  policy: `usage: inferos policy get [--json] [options]
       inferos policy set KEY=VALUE... [options]
       inferos policy baseline on|off [options]

Reads or changes the policy the controller distributes to every service (versioned; validated before it
is applied; every change is recorded in GET /v1/history).

  get                   print the current policy: a header line (# version N, baseline mode on|off,
                        reason ...) and the policy as YAML in the shape of policies/*.yaml;
                        --json prints the API's JSON instead
  set KEY=VALUE...      change keys in one atomic update and print the new version. KEY is a dotted path
                        under infer_os (a leading infer_os. is accepted); VALUE is read as JSON when it
                        parses (numbers, true/false), else as a string. For example:
                          inferos policy set kv.recent_window=64 io.host_pool_bytes=512MiB quality.max_delta_ppl=0.3
                        A value the controller refuses changes nothing: its message names the key; exit 2.
  baseline on|off       enter or leave baseline mode (new sequences run at full precision)

options:
  --url URL             control API (default ${DEFAULT_CONTROL_URL}, env INFEROS_CONTROL_URL or INFEROS_AGENT_URL)
  --api-key KEY         Authorization: Bearer KEY (env INFEROS_API_KEY)
  --json                (get) print the API's JSON`,
};
HELP['policy get'] = HELP['policy set'] = HELP['policy baseline'] = HELP['policy']!;
HELP['service'] = `usage: inferos service print|install|uninstall|status [options] [-- UP-OPTIONS...]

Infer-OS as a system service on Linux: a systemd unit that runs 'inferos up' with UP-OPTIONS (see 'inferos
help up'; checked before anything is written), from this checkout, restarted on failure. 'inferos up'
supervises every service and stops them all when systemd stops it.
  print      the unit, on stdout
  install    write it (system: /etc/systemd/system/NAME.service, needs root; --user:
             ~/.config/systemd/user/) and, where systemd runs, daemon-reload and enable --now
  uninstall  disable --now and remove it (only a unit this command wrote)
  status     systemctl status NAME

Secrets do not go into the unit: put INFEROS_API_KEY=... (and any INFEROS_* setting) in /etc/default/inferos
(--user: ~/.config/inferos/env), which the unit reads when it exists. Windows services are not available:
the services need the Windows shared-memory layer (libs/shm/README.md), which is not built.

options:
  --name NAME           the unit's name (default inferos)
  --user                a user unit (systemctl --user) instead of a system one
  --run-as USER         system units: the account the service runs as (default root)
  --no-start            install: enable, but do not start now

example:
  sudo npx inferos service install -- --host 0.0.0.0 --memory-budget 2GiB`;
HELP['tune'] = `usage: inferos tune --max-delta-ppl X [options]

Searches KV policies for the one that holds the least KV memory within a quality budget (and, with
--target-tps, a decode speed), measuring every candidate in this process: its perplexity through the
compressed cache on a text against baseline's on the same tokens (delta PPL), its decode tokens/s after a
context (candidates and baseline taking steps in turn) and the KV bytes it held against FP16's. Candidates:
the shipped profiles, then a seeded sample of recent windows (16-128), sink tokens (4, 16), the model's KV
group sizes and six tier-threshold sets. Prints every candidate with the Pareto front (delta PPL, tok/s, KV
reduction) and the choice, and writes the chosen policy as a profile.

options:
  --max-delta-ppl X     the quality budget: perplexity may rise by at most X, 0-2 (required; the guide's 0.5)
  --target-tps Y        also require decode tok/s >= Y on this machine
  --candidates N        grid candidates beside the shipped profiles (default 12)
  --seed N              the grid sample (default 0)
  --model DIR           the exported model (default: the bundled one)
  --text FILE           text to score (default: the model's held-out text)
  --max-tokens N        tokens scored per candidate (default 4096)
  --context N           tokens per scored window (default 1024)
  --decode-context N    context before the timed decode steps (default 1024)
  --steps N             timed decode steps per candidate (default 24)
  --out FILE            where the chosen profile goes (default policies/tuned.yaml: then --policy tuned;
                        a shipped profile is never overwritten)
  --plot FILE.html      also write a scatter plot (KV reduction against delta PPL)
  --json                one JSON object on stdout
  --live                then try the candidates within the budget on the running system (inferos up),
                        most KV reduction first: apply each through the control API, score --live-windows
                        windows of the text through the gateway (its perplexity under the live policy
                        minus baseline's) and time a streamed completion; roll back (the policy in force
                        before) when it breaks the budget, keep the first that holds. The profile written
                        is the one kept.
  --live-windows N      windows of 2,000 characters scored per candidate (default 2)
  --url URL             the gateway (default http://127.0.0.1:8000, env INFEROS_GATEWAY_URL)
  --control-url URL     the control API (default ${DEFAULT_CONTROL_URL}, env INFEROS_CONTROL_URL or INFEROS_AGENT_URL)
  --api-key KEY         for a system exposed beyond loopback (env INFEROS_API_KEY)

Exit status 1 when no candidate is within the budget (nothing is written).`;
HELP['ab'] = `usage: inferos ab --policies A,B[,C...] [options]

A/B test of KV policies through a running system (inferos up): every round, each policy in turn (the order
rotating every round), one request at a time, gets the same two requests: a streamed greedy completion
(decode tok/s, TTFT) and a text window scored through the API with echo + logprobs (its perplexity under the
policy minus baseline's on the same window: delta PPL). Reports each policy's mean, standard deviation and
95% interval per metric, and each policy against the first, paired by round, with whether the difference
is significant (its 95% interval excludes 0).

options:
  --policies LIST       policies (profile names), the first the reference (e.g. baseline,default,aggressive)
  --requests N          rounds (default 8; at least 2)
  --text FILE           text for prompts and scored windows (default: the bundled model's held-out text)
  --prompt-chars N      characters per prompt (default 1000)
  --window-chars N      characters per scored window (default 4000)
  --output-tokens N     tokens generated per speed request (default 64)
  --url URL             the gateway (default http://127.0.0.1:8000, or $INFEROS_GATEWAY_URL)
  --api-key KEY         the gateway's API key (default $INFEROS_API_KEY)
  --json                one JSON object on stdout`;

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

function bytesOption(value: string, name: string): number {
  try {
    return parseBytes(value, `--${name}`);
  } catch {
    throw new UsageError(`--${name} must be a size such as 2GiB or 1500MB, got "${value}"`);
  }
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
    policy: { type: 'string' },
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
  const policy = values.policy === undefined ? { label: 'baseline', cache: BASELINE_CACHE } : policyArg(values.policy as string);

  const engine = await Engine.load(values.model as string | undefined, providers);
  try {
    const promptIds = engine.tokenizer.encode(prompt);
    const stream = new StreamDecoder(engine.tokenizer);
    const res = await engine.generate(promptIds, {
      maxTokens,
      sampling,
      prefillChunk: chunk,
      stopAtEos: !values['ignore-eos'],
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

/** A profile name or YAML file, as the cache policy to test. */
function policyArg(nameOrFile: string): PolicyUnderTest {
  try {
    const { name, policy } = loadPolicy(nameOrFile);
    return { label: name, cache: cachePolicy(policy) };
  } catch (err) {
    throw new UsageError(`--policy: ${(err as Error).message}`);
  }
}

/** A progress bar on stderr (redrawn in place on a terminal, a line per 10% otherwise). */
function progress(label: string): (done: number, total: number) => void {
  const start = performance.now();
  let lastDecile = -1;
  return (done, total) => {
    const frac = done / total;
    const eta = done > 0 ? ((performance.now() - start) / done) * (total - done) / 1000 : 0;
    const width = 30;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '-');
    const line = `${label} [${bar}] ${done}/${total} ${(frac * 100).toFixed(0)}% eta ${eta.toFixed(0)}s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (Math.floor(frac * 10) > lastDecile || done === total) {
      lastDecile = Math.floor(frac * 10);
      process.stderr.write(line + '\n');
    }
  };
}

/** The model's held-out text slice, else the bundled model's (any text serves as context for speed). */
function heldoutPath(engine: Engine): string {
  const p = contextTextPath(engine.info);
  if (p) return p;
  throw new UsageError(`${engine.info.dir} ships no heldout.txt; pass --text FILE`);
}

async function evalCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return help(['eval']);
  if (sub === 'ppl') return evalPpl(rest);
  if (sub === 'recall') return evalRecall(rest);
  throw new UsageError(`expected 'eval ppl' or 'eval recall'\n\n${HELP['eval ppl']}\n\n${HELP['eval recall']}`);
}

async function evalPpl(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    text: { type: 'string' }, model: { type: 'string' }, policy: { type: 'string' }, context: { type: 'string' },
    chunk: { type: 'string' }, 'max-tokens': { type: 'string' }, json: { type: 'boolean' },
  }, 'eval ppl');
  if (values.help) return help(['eval ppl']);
  const policy = policyArg((values.policy as string | undefined) ?? 'default');
  const chunk = intOption(values.chunk as string | undefined, 'chunk', 32);
  if (chunk > 32) throw new UsageError(`--chunk must be at most 32, got ${chunk}`);
  if (values.text !== undefined && !existsSync(values.text as string)) throw new UsageError(`--text ${values.text}: no such file`);
  const maxTokens = values['max-tokens'] === undefined ? undefined : intOption(values['max-tokens'] as string, 'max-tokens', 0);
  const engine = await Engine.load(values.model as string | undefined, ['cpu']);
  try {
    const context = intOption(values.context as string | undefined, 'context', engine.info.maxPosition, 2);
    if (context > engine.info.maxPosition) throw new UsageError(`--context ${context} exceeds the model's context of ${engine.info.maxPosition}`);
    const textFile = (values.text as string | undefined) ?? heldoutPath(engine);
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
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
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

async function evalRecall(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    model: { type: 'string' }, policy: { type: 'string' }, trials: { type: 'string' }, distance: { type: 'string' },
    span: { type: 'string' }, cue: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
  }, 'eval recall');
  if (values.help) return help(['eval recall']);
  const policy = policyArg((values.policy as string | undefined) ?? 'default');
  const trials = intOption(values.trials as string | undefined, 'trials', 8);
  const distance = intOption(values.distance as string | undefined, 'distance', 1024, 0);
  const span = intOption(values.span as string | undefined, 'span', 32, 2);
  const cue = intOption(values.cue as string | undefined, 'cue', Math.min(8, span - 1));
  if (cue >= span) throw new UsageError(`--cue ${cue} must be shorter than --span ${span}`);
  const seed = intOption(values.seed as string | undefined, 'seed', 0, 0);
  const engine = await Engine.load(values.model as string | undefined, ['cpu']);
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
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(`recall at distance ${distance} (${trials} spans of ${span}): baseline ${report.recall_baseline}, ${report.policy} ${report.recall} (kv reduction ${(report.kv_reduction * 100).toFixed(1)}%)\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

async function benchCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') return help(['bench']);
  if (sub === 'serve') return benchServeCommand(rest);
  if (sub === 'peer') return benchPeerCommand(rest);
  if (sub !== 'decode') throw new UsageError(`expected 'bench decode', 'bench serve' or 'bench peer'\n\n${HELP['bench decode']}\n\n${HELP['bench serve']}\n\n${HELP['bench peer']}`);
  const { values } = parse(rest, {
    model: { type: 'string' }, policy: { type: 'string' }, context: { type: 'string' }, tokens: { type: 'string' }, rounds: { type: 'string' },
    json: { type: 'boolean' },
  }, 'bench decode');
  if (values.help) return help(['bench decode']);
  if (values.context === undefined || values.tokens === undefined) throw new UsageError(`--context and --tokens are required\n\n${HELP['bench decode']}`);
  const policy = policyArg((values.policy as string | undefined) ?? 'default');
  const context = intOption(values.context as string, 'context', 0);
  const steps = intOption(values.tokens as string, 'tokens', 0);
  const rounds = intOption(values.rounds as string | undefined, 'rounds', 1);
  const engine = await Engine.load(values.model as string | undefined, ['cpu']);
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
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(`decode at context ${context}: baseline ${report.baseline_tokens_per_s} tok/s, ${report.policy} ${report.tokens_per_s} tok/s, ratio ${report.ratio} (kv reduction ${(report.kv_reduction * 100).toFixed(1)}%)\n`);
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
  const { values } = parse(argv, {
    checkpoint: { type: 'string' }, out: { type: 'string' }, weights: { type: 'string' }, groups: { type: 'string' },
    'max-context': { type: 'string' }, verify: { type: 'string' }, name: { type: 'string' }, 'block-size': { type: 'string' },
    'int8-copy': { type: 'boolean' },
  }, 'export');
  if (values.help) return help(['export']);
  if (!values.checkpoint || !values.out) throw new UsageError(`--checkpoint and --out are required\n\n${HELP['export']}`);
  // Before the first-use Python setup (minutes): a mistyped path is refused at once.
  if (!existsSync(join(resolve(values.checkpoint as string), 'config.json'))) {
    throw new UsageError(`--checkpoint ${values.checkpoint}: not a Hugging Face checkpoint (no config.json)`);
  }
  const args = ['-m', 'inferos_tools.export', '--checkpoint', resolve(values.checkpoint as string), '--out', resolve(values.out as string)];
  for (const key of ['weights', 'block-size', 'groups', 'max-context', 'verify', 'name'] as const) {
    if (values[key] !== undefined) args.push(`--${key}`, String(values[key]));
  }
  if (values['int8-copy']) args.push('--int8-copy');
  const tools = toolsDir();
  const setup = spawnSync('bash', [join(tools, 'setup-python.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('setting up the Python environment failed (see above)');
  // The exporter checks the checkpoint itself, before it writes anything, and says what it refuses.
  const run = spawnSync(join(tools, '.venv', 'bin', 'python'), args, { stdio: 'inherit', cwd: tools });
  return run.status ?? 1;
}

function modelsCommand(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${HELP['models']}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return help(['models']);
  const list = listModels(positionals);
  process.stdout.write(values.json ? JSON.stringify(list) + '\n' : formatModels(list));
  return 0;
}

function help(argv: string[]): number {
  const topic = argv.length ? argv.join(' ') : 'main';
  const text = topic === 'eval' ? `${HELP['eval ppl']}\n\n${HELP['eval recall']}` : topic === 'bench' ? `${HELP['bench decode']}\n\n${HELP['bench serve']}\n\n${HELP['bench peer']}` : HELP[topic];
  if (!text) throw new UsageError(`no such command "${topic}"\n\n${HELP['main']}`);
  process.stdout.write(text + '\n');
  return 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const UP_OPTIONS: Options = {
  port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string' }, nats: { type: 'string' },
  policy: { type: 'string' }, budget: { type: 'string' }, model: { type: 'string' },
  'prefill-workers': { type: 'string' }, 'decode-workers': { type: 'string' }, workers: { type: 'string' },
  'control-port': { type: 'string' }, 'telemetry-port': { type: 'string' }, 'memory-budget': { type: 'string' },
};

async function up(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, UP_OPTIONS, 'up');
  if (v.help) return help(['up']);
  const memoryBudget = v['memory-budget'] === undefined ? undefined : bytesOption(v['memory-budget'] as string, 'memory-budget');
  if (memoryBudget !== undefined && v['budget'] !== undefined) throw new UsageError(`--memory-budget sets the KV budget from what the processes leave: give it or --budget, not both\n\n${HELP['up']}`);
  const workers = (v['workers'] as string | undefined) ?? 'auto';
  if (workers !== 'separate' && workers !== 'shared' && workers !== 'auto') throw new UsageError(`--workers must be separate, shared or auto, got ${JSON.stringify(workers)}`);
  const policy = (v['policy'] as string | undefined) ?? 'default';
  loadPolicy(policy); // a bad policy is refused before anything starts
  const apiKey = (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'];
  const say = (line: string) => process.stderr.write(`inferos: ${line}\n`);
  const sys = await startSystem({
    natsUrl: v['nats'] as string | undefined,
    port: intOption(v['port'] as string | undefined, 'port', 8000, 0),
    controlPort: intOption(v['control-port'] as string | undefined, 'control-port', 7031, 1),
    telemetryPort: intOption(v['telemetry-port'] as string | undefined, 'telemetry-port', 9464, 1),
    host: v['host'] as string | undefined,
    apiKey,
    policy,
    budget: v['budget'] as string | undefined,
    model: v['model'] as string | undefined,
    prefillWorkers: v['prefill-workers'] === undefined ? undefined : intOption(v['prefill-workers'] as string, 'prefill-workers', 1),
    decodeWorkers: intOption(v['decode-workers'] as string | undefined, 'decode-workers', 1),
    workers,
    memoryBudget,
    say,
  });
  if (memoryBudget !== undefined) {
    try {
      const fit = await fitMemoryBudget(sys, memoryBudget, apiKey);
      say(`memory budget ${formatBytes(memoryBudget)}: the processes hold ${formatBytes(fit.processesBytes)} (PSS, before any KV cache); the KV budget is the ${formatBytes(fit.kvBudgetBytes)} left`);
    } catch (err) {
      await sys.stop();
      throw err;
    }
  }
  process.stdout.write(
    `Infer-OS is up (policy ${policy}).\n` +
      `  OpenAI API:   ${sys.url}/v1   (e.g. curl ${sys.url}/v1/chat/completions -H 'content-type: application/json' -d '{"model":"inferos-tiny","messages":[{"role":"user","content":"Hello"}]}')\n` +
      `  Lemonade API: ${sys.url}/api/v1   (health: ${sys.url}/api/v1/health, stats: ${sys.url}/api/v1/stats)\n` +
      `  NATS:         ${sys.natsUrl}${sys.ownNats ? ' (started by inferos up; it admits only these services, each with its own password and permissions)' : ' (found running: used as it is configured)'}\n` +
      (sys.controlUrl ? `  Control API:  ${sys.controlUrl}/v1   (health, metrics, policy, history; OpenAPI at ${sys.controlUrl}/openapi.json)\n` : '') +
      (sys.telemetryUrl ? `  Telemetry:    ${sys.telemetryUrl}/   (live page; Prometheus at ${sys.telemetryUrl}/metrics)\n` : '') +
      `Ctrl-C stops everything.\n`,
  );
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = async (why: string, code: number) => {
      if (stopping) return;
      stopping = true;
      say(`${why}: stopping every service`);
      await sys.stop();
      say('stopped');
      resolveExit(code);
    };
    process.on('SIGINT', () => void stop('SIGINT', 0));
    process.on('SIGTERM', () => void stop('SIGTERM', 0));
    process.on('SIGHUP', () => void stop('SIGHUP (the terminal closed)', 0));
    // A service that crashes is restarted while the rest keep serving, after 0.5 s doubling to 30 s for
    // one that keeps crashing (the delay starts over once it has run a minute).
    const watch = (s: ServiceProcess, streak: number) => {
      s.child.once('exit', (code, signal) => {
        if (stopping) return;
        const n = Date.now() - s.startedAt > RESTART_STREAK_RESET_MS ? 0 : streak;
        const delay = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** n);
        say(`${s.name} exited unexpectedly (${code ?? signal}): restarting it in ${(delay / 1000).toFixed(1)} s (restart ${s.restarts + 1})`);
        setTimeout(() => {
          if (stopping) return;
          watch(sys.restart(s), n + 1);
        }, delay);
      });
    };
    for (const s of sys.services) watch(s, 0);
  });
}

const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
const RESTART_STREAK_RESET_MS = 60_000;

async function benchPeerCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    model: { type: 'string' }, gguf: { type: 'string' }, checkpoint: { type: 'string' }, contexts: { type: 'string' },
    tokens: { type: 'string' }, rounds: { type: 'string' }, kv: { type: 'string' }, policy: { type: 'string' },
    threads: { type: 'string' }, plot: { type: 'string' }, json: { type: 'boolean' },
  }, 'bench peer');
  if (v.help) return help(['bench peer']);
  if (!v.model) throw new UsageError(`--model is required\n\n${HELP['bench peer']}`);
  const info = loadModelInfo(v.model as string);
  const say = (line: string) => process.stderr.write(line + '\n');
  const gguf = peerGguf(info, v.gguf as string | undefined, v.checkpoint as string | undefined, say, 'bench peer');
  const list = (s: string | undefined, dflt: string) => (s ?? dflt).split(',').map((x) => x.trim()).filter(Boolean);
  const contexts = list(v.contexts as string | undefined, '512,1024,2048').map((c) => intOption(c, 'contexts', 0, 2));
  const kvTypes = list(v.kv as string | undefined, 'f16,q8_0,q4_0');
  for (const kv of kvTypes) if (!['f16', 'q8_0', 'q4_0'].includes(kv)) throw new UsageError(`--kv ${kv}: expected f16, q8_0 or q4_0`);
  const policy = (v.policy as string | undefined) ?? 'default';
  policyArg(policy);
  const report = await benchPeer({
    model: info.dir, gguf: resolve(gguf), contexts, kvTypes, policy,
    tokens: intOption(v.tokens as string | undefined, 'tokens', 32),
    rounds: intOption(v.rounds as string | undefined, 'rounds', 2),
    threads: intOption(v.threads as string | undefined, 'threads', cpus().length),
    say,
  });
  if (v.plot) writeFileSync(v.plot as string, peerPlot(report as Parameters<typeof peerPlot>[0]));
  if (v.json) {
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

/**
 * The GGUF llama.cpp runs for a peer benchmark: --gguf FILE, or --checkpoint DIR converted by our converter
 * to the exported weights' type (cached, keyed by the exported weights' checksum).
 */
function peerGguf(info: ModelInfo, given: string | undefined, checkpoint: string | undefined, say: (line: string) => void, command: string): string {
  if (!given === !checkpoint) throw new UsageError(`give either --gguf FILE or --checkpoint DIR\n\n${HELP[command]}`);
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

async function benchServeCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    concurrency: { type: 'string' }, 'batch-sizes': { type: 'string' }, 'prompt-tokens': { type: 'string' }, 'seq-lengths': { type: 'string' },
    'output-tokens': { type: 'string' }, 'kv-budget': { type: 'string' }, policy: { type: 'string' }, 'compare-modes': { type: 'string' },
    requests: { type: 'string' }, url: { type: 'string' }, nats: { type: 'string' }, model: { type: 'string' }, 'ttft-reference': { type: 'boolean' },
    json: { type: 'boolean' }, plot: { type: 'string' }, rounds: { type: 'string' }, 'memory-budget': { type: 'string' }, peer: { type: 'string' },
    gguf: { type: 'string' }, checkpoint: { type: 'string' }, kv: { type: 'string' }, threads: { type: 'string' }, 'long-prompt': { type: 'string' },
    'long-prompt-streams': { type: 'string' },
  }, 'bench serve');
  if (v.help) return help(['bench serve']);
  // The seed's sweep names: --batch-sizes, --seq-lengths, --compare-modes (each instead of ours, not beside).
  const either = (ours: string, seeds: string): string | undefined => {
    if (v[ours] !== undefined && v[seeds] !== undefined) throw new UsageError(`--${ours} and --${seeds} are the same option: give one\n\n${HELP['bench serve']}`);
    return (v[ours] ?? v[seeds]) as string | undefined;
  };
  const concurrencyArg = either('concurrency', 'batch-sizes');
  const promptArg = either('prompt-tokens', 'seq-lengths');
  if (v['policy'] !== undefined && v['compare-modes'] !== undefined) throw new UsageError(`--policy names the one policy compared with baseline; --compare-modes lists them all: give one\n\n${HELP['bench serve']}`);
  if (concurrencyArg === undefined || promptArg === undefined || v['output-tokens'] === undefined) {
    throw new UsageError(`--concurrency (or --batch-sizes), --prompt-tokens (or --seq-lengths) and --output-tokens are required\n\n${HELP['bench serve']}`);
  }
  if (v['memory-budget'] !== undefined && v['kv-budget'] !== undefined) throw new UsageError(`--memory-budget sets the KV budget from what the processes leave: give it or --kv-budget, not both\n\n${HELP['bench serve']}`);
  if (v['url'] === undefined && v['kv-budget'] === undefined && v['memory-budget'] === undefined) throw new UsageError('--kv-budget or --memory-budget is required when bench serve starts the system (without --url)');
  if (v['peer'] !== undefined && v['peer'] !== 'llama.cpp') throw new UsageError(`--peer ${String(v['peer'])}: the one peer is llama.cpp\n\n${HELP['bench serve']}`);
  if (v['peer'] !== undefined && v['memory-budget'] === undefined) throw new UsageError(`--peer llama.cpp compares at equal memory: give --memory-budget\n\n${HELP['bench serve']}`);
  if (v['peer'] === undefined && (v['gguf'] !== undefined || v['checkpoint'] !== undefined || v['kv'] !== undefined)) throw new UsageError(`--gguf, --checkpoint and --kv are for --peer llama.cpp\n\n${HELP['bench serve']}`);
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const concurrency = list(concurrencyArg).map((x) => intOption(x, 'concurrency', 0, 0)).filter((c) => c > 0);
  const promptTokens = list(promptArg).map((x) => intOption(x, 'prompt-tokens', 0));
  // --compare-modes: the policies compared (the guide's `inferos` is the default profile); else baseline and --policy.
  const policies = v['compare-modes'] !== undefined
    ? list(v['compare-modes'] as string).map((m) => (m === 'inferos' ? 'default' : m))
    : ['baseline', (v['policy'] as string | undefined) ?? 'default'];
  if (new Set(policies).size !== policies.length) throw new UsageError(`--compare-modes lists a policy twice: ${policies.join(',')}`);
  for (const p of policies) {
    if (!/^[a-z_]+$/.test(p)) throw new UsageError(`${p}: policies are named by their profile in policies/ (requests carry the name)`);
    loadPolicy(p);
  }
  if (v['kv-budget'] !== undefined) parseBytes(String(v['kv-budget']), '--kv-budget');
  const memoryBudget = v['memory-budget'] === undefined ? undefined : bytesOption(v['memory-budget'] as string, 'memory-budget');
  const say = (line: string) => process.stderr.write(`inferos: ${line}\n`);
  let peer: { gguf: string; kvTypes: string[]; threads: number } | undefined;
  if (v['peer'] !== undefined) {
    const kvTypes = list(String(v['kv'] ?? 'f16,q8_0'));
    for (const kv of kvTypes) if (!['f16', 'q8_0', 'q4_0'].includes(kv)) throw new UsageError(`--kv ${kv}: expected f16, q8_0 or q4_0`);
    const info = loadModelInfo((v['model'] as string | undefined) ?? defaultModelDir());
    peer = { gguf: peerGguf(info, v['gguf'] as string | undefined, v['checkpoint'] as string | undefined, say, 'bench serve'), kvTypes, threads: intOption(v['threads'] as string | undefined, 'threads', cpus().length) };
  }
  const bar = progress('bench serve');
  const result = await benchServe({
    concurrency,
    promptTokens,
    outputTokens: intOption(v['output-tokens'] as string, 'output-tokens', 0),
    kvBudget: v['kv-budget'] as string | undefined,
    policies,
    requests: v['requests'] === undefined ? undefined : intOption(v['requests'] as string, 'requests', 0),
    rounds: v['rounds'] === undefined ? 1 : intOption(v['rounds'] as string, 'rounds', 0),
    url: v['url'] as string | undefined,
    natsUrl: v['nats'] as string | undefined,
    model: v['model'] as string | undefined,
    ttftReference: v['ttft-reference'] === true,
    memoryBudget,
    peer,
    longPrompt: v['long-prompt'] === undefined ? undefined : intOption(v['long-prompt'] as string, 'long-prompt', 0),
    longPromptStreams: v['long-prompt-streams'] === undefined ? undefined : intOption(v['long-prompt-streams'] as string, 'long-prompt-streams', 0),
    progress: (line) => {
      const m = /: (\d+)\/(\d+)$/.exec(line);
      if (m) bar(Number(m[1]), Number(m[2]));
      else say(line);
    },
  });
  const report = result as Parameters<typeof servePlot>[0];
  if (v['plot']) writeFileSync(v['plot'] as string, servePlot(report));
  if (v['json']) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    // The table, then whatever else was asked for (admission, TTFT reference, the peer) as JSON.
    const { levels: _levels, ...rest } = result as Record<string, unknown>;
    process.stdout.write(`${report.levels.length ? serveTable(report) : ''}${JSON.stringify(rest, null, 2)}\n`);
  }
  return 0;
}

// ---- status and policy: clients of the control API (the logic is in control.ts) ----

const CONTROL_OPTIONS: Options = { url: { type: 'string' }, 'api-key': { type: 'string' } };

/** parseArgs with positionals (KEY=VALUE, on|off), usage errors carrying the command's help. */
function parseControl(argv: string[], options: Options, command: string): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...CONTROL_OPTIONS, ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${HELP[command]}`);
  }
}

/** Bad arguments found in control.ts are usage errors (exit 2). */
function usage<T>(command: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ArgumentError) throw new UsageError(`${err.message}\n\n${HELP[command]}`);
    throw err;
  }
}

function target(v: Record<string, string | boolean | undefined>, command: string): ControlTarget {
  return usage(command, () => controlTarget(v['url'] as string | undefined, v['api-key'] as string | undefined));
}

async function statusCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseControl(argv, { interval: { type: 'string' }, once: { type: 'boolean' } }, 'status');
  if (v['help']) return help(['status']);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${HELP['status']}`);
  const intervalS = numberOption(v['interval'] as string | undefined, 'interval', 1);
  if (intervalS <= 0) throw new UsageError(`--interval must be a number of seconds > 0, got "${v['interval']}"`);
  return status(target(v, 'status'), { intervalS, once: v['once'] === true });
}

async function policyCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') return help(['policy']);
  const { values: v, positionals } = parseControl(rest, sub === 'get' ? { json: { type: 'boolean' } } : {}, 'policy');
  if (v['help']) return help(['policy']);
  if (sub === 'get') {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${HELP['policy']}`);
    return policyGet(target(v, 'policy'), v['json'] === true);
  }
  if (sub === 'set') {
    const patch = usage('policy', () => parseAssignments(positionals));
    return policySet(target(v, 'policy'), patch);
  }
  if (sub === 'baseline') {
    const [mode, ...extra] = positionals;
    if ((mode !== 'on' && mode !== 'off') || extra.length) throw new UsageError(`expected 'policy baseline on' or 'policy baseline off'\n\n${HELP['policy']}`);
    return policyBaseline(target(v, 'policy'), mode === 'on');
  }
  throw new UsageError(`expected 'policy get', 'policy set' or 'policy baseline', got "${sub}"\n\n${HELP['policy']}`);
}

async function serviceCommand(argv: string[]): Promise<number> {
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const upArgs = split < 0 ? [] : argv.slice(split + 1);
  const [sub, ...rest] = own;
  if (sub === undefined || sub === '--help' || sub === '-h') return help(['service']);
  if (!['print', 'install', 'uninstall', 'status'].includes(sub)) throw new UsageError(`expected 'service print', 'install', 'uninstall' or 'status', got "${sub}"\n\n${HELP['service']}`);
  const { values: v } = parse(rest, { name: { type: 'string' }, user: { type: 'boolean' }, 'run-as': { type: 'string' }, 'no-start': { type: 'boolean' } }, 'service');
  if (v['help']) return help(['service']);
  const name = (v['name'] as string | undefined) ?? 'inferos';
  const user = v['user'] === true;
  try {
    if (sub === 'uninstall') {
      for (const line of uninstall(name, user)) process.stderr.write(`inferos: ${line}\n`);
      return 0;
    }
    if (sub === 'status') {
      const s = serviceStatus(name, user);
      process.stdout.write(`${s.text}\n`);
      return s.code;
    }
    parse(upArgs, UP_OPTIONS, 'up'); // the arguments the unit will run with, checked now
    const unit = {
      name, user, node: process.execPath, cli: join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), workdir: REPO_ROOT, upArgs,
      ...(v['run-as'] ? { runAs: v['run-as'] as string } : {}),
    };
    if (sub === 'print') {
      process.stdout.write(systemdUnit(unit));
      return 0;
    }
    for (const line of install(unit, v['no-start'] !== true)) process.stderr.write(`inferos: ${line}\n`);
    return 0;
  } catch (err) {
    // A refusal (a bad name, a key on the command line, a unit not ours) or a failure (no root, systemctl):
    // its message says which; exit 1 either way.
    if (err instanceof ServiceError) throw new Error(err.message);
    throw err;
  }
}

async function abCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    policies: { type: 'string' }, requests: { type: 'string' }, text: { type: 'string' }, 'prompt-chars': { type: 'string' },
    'window-chars': { type: 'string' }, 'output-tokens': { type: 'string' }, url: { type: 'string' }, 'api-key': { type: 'string' }, json: { type: 'boolean' },
  }, 'ab');
  if (v['help']) return help(['ab']);
  if (typeof v['policies'] !== 'string') throw new UsageError(`--policies is required\n\n${HELP['ab']}`);
  const policies = v['policies'].split(',').map((p) => p.trim()).filter(Boolean);
  const textPath = (v['text'] as string | undefined) ?? contextTextPath(loadModelInfo(defaultModelDir()));
  if (!textPath || !existsSync(textPath)) throw new UsageError(`--text: no such file ${textPath ?? '(the bundled model has no held-out text)'}`);
  const report = await runAb({
    url: ((v['url'] as string | undefined) ?? process.env['INFEROS_GATEWAY_URL'] ?? 'http://127.0.0.1:8000').replace(/\/+$/, ''),
    apiKey: (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'],
    policies,
    requests: intOption(v['requests'] as string | undefined, 'requests', 8, 2),
    text: readFileSync(textPath, 'utf8'),
    promptChars: intOption(v['prompt-chars'] as string | undefined, 'prompt-chars', 1000),
    windowChars: intOption(v['window-chars'] as string | undefined, 'window-chars', 4000),
    outputTokens: intOption(v['output-tokens'] as string | undefined, 'output-tokens', 64, 2),
    onProgress: progress('ab'),
  }).catch((err: unknown) => {
    if (err instanceof RangeError) throw new UsageError(`${err.message}\n\n${HELP['ab']}`);
    throw err;
  });
  process.stdout.write(v['json'] ? JSON.stringify(report) + '\n' : abTable(report) + '\n');
  return 0;
}

async function tuneCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    'max-delta-ppl': { type: 'string' }, 'target-tps': { type: 'string' }, candidates: { type: 'string' }, seed: { type: 'string' },
    model: { type: 'string' }, text: { type: 'string' }, 'max-tokens': { type: 'string' }, context: { type: 'string' },
    'decode-context': { type: 'string' }, steps: { type: 'string' }, out: { type: 'string' }, plot: { type: 'string' }, json: { type: 'boolean' },
    live: { type: 'boolean' }, url: { type: 'string' }, 'control-url': { type: 'string' }, 'api-key': { type: 'string' }, 'live-windows': { type: 'string' },
  }, 'tune');
  if (v['help']) return help(['tune']);
  const number = (name: string, min: number, exclusive = false): number | undefined => {
    const raw = v[name] as string | undefined;
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || (exclusive && n === min)) throw new UsageError(`--${name} must be a number ${exclusive ? '>' : '>='} ${min}, got "${raw}"`);
    return n;
  };
  const maxDeltaPpl = number('max-delta-ppl', 0);
  if (maxDeltaPpl === undefined) throw new UsageError(`--max-delta-ppl is required\n\n${HELP['tune']}`);
  // The budget goes into the written profile: the policy's own range applies (one schema: @inferos/kv).
  try {
    parsePolicyYaml(`infer_os:\n  quality:\n    max_delta_ppl: ${maxDeltaPpl}\n`, '--max-delta-ppl');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const targetTps = number('target-tps', 0, true);
  const out = resolve((v['out'] as string | undefined) ?? join(REPO_ROOT, 'policies', 'tuned.yaml'));
  const shipped = PROFILES.map((p) => resolve(join(REPO_ROOT, 'policies', `${p}.yaml`)));
  if (shipped.includes(out)) throw new UsageError(`--out ${out} is a shipped profile; choose another file`);
  if (!existsSync(dirname(out))) throw new UsageError(`--out ${out}: no such directory`);
  if (v['text'] !== undefined && !existsSync(v['text'] as string)) throw new UsageError(`--text ${v['text']}: no such file`);
  const engine = await Engine.load(v['model'] as string | undefined, ['cpu']);
  try {
    const context = intOption(v['context'] as string | undefined, 'context', Math.min(1024, engine.info.maxPosition), 2);
    const decodeContext = intOption(v['decode-context'] as string | undefined, 'decode-context', Math.min(1024, engine.info.maxPosition - 64), 2);
    const steps = intOption(v['steps'] as string | undefined, 'steps', 24);
    if (context > engine.info.maxPosition) throw new UsageError(`--context ${context} exceeds the model's context of ${engine.info.maxPosition}`);
    if (decodeContext + steps > engine.info.maxPosition) throw new UsageError(`--decode-context ${decodeContext} + --steps ${steps} exceed the model's context of ${engine.info.maxPosition}`);
    const textFile = (v['text'] as string | undefined) ?? heldoutPath(engine);
    const tokens = engine.tokenizer.encode(readFileSync(textFile, 'utf8'), false);
    const report = await tune(engine, tokens, {
      maxDeltaPpl, targetTps, context, decodeContext, steps,
      candidates: intOption(v['candidates'] as string | undefined, 'candidates', 12, 0),
      seed: intOption(v['seed'] as string | undefined, 'seed', 0, 0),
      maxTokens: intOption(v['max-tokens'] as string | undefined, 'max-tokens', 4096),
      onProgress: (phase) => progress(phase),
    }).catch((err: unknown) => {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    });
    let row = report.rows.find((r) => r.label === report.chosen);
    let live: Awaited<ReturnType<typeof tuneLive>> | undefined;
    if (v['live']) {
      const text = readFileSync(textFile, 'utf8');
      live = await tuneLive(liveSystem({
        url: ((v['url'] as string | undefined) ?? process.env['INFEROS_GATEWAY_URL'] ?? 'http://127.0.0.1:8000').replace(/\/+$/, ''),
        controlUrl: (v['control-url'] as string | undefined) ?? process.env['INFEROS_CONTROL_URL'] ?? process.env['INFEROS_AGENT_URL'] ?? DEFAULT_CONTROL_URL,
        apiKey: (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'],
        windows: slices(text, 2000, intOption(v['live-windows'] as string | undefined, 'live-windows', 2)),
        prompt: slices(text, 1000, 1)[0]!,
      }), report.rows, { maxDeltaPpl, targetTps }, progress('tune: live'));
      // The profile is what held on the running system.
      row = report.rows.find((r) => r.label === live!.kept);
    }
    if (row) writeFileSync(out, profileYaml(report, row, `inferos tune ${argv.join(' ')}`));
    if (v['plot']) writeFileSync(v['plot'] as string, tunePlot(report));
    const liveLines = live ? ['', 'On the running system (most KV reduction first; rolled back when over the budget):',
      ...live.attempts.map((a) => `  ${a.label}: delta PPL ${a.delta_ppl?.toFixed(3) ?? 'n/a'}, ${a.decode_tps?.toFixed(1) ?? 'n/a'} tok/s: ${a.kept ? 'kept (applied)' : `rolled back (${a.reason})`}`),
      live.kept ? '' : '  none held: the policy in force before is back'] : [];
    process.stdout.write(v['json'] ? JSON.stringify({ ...report, ...(live ? { live } : {}), profile: row ? out : null }) + '\n'
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
      const reply = await client.setPolicy(doc as PolicyPatch);
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

const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  up,
  generate,
  eval: evalCommand,
  bench: benchCommand,
  export: exportModel,
  models: modelsCommand,
  status: statusCommand,
  policy: policyCommand,
  ab: abCommand,
  tune: tuneCommand,
  service: serviceCommand,
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
