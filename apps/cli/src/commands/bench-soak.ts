// inferos bench soak: a bounded load of mixed requests against a system this command starts (soak.ts).
import { writeFileSync } from 'node:fs';
import { runSoak, formatSoak, soakPlot } from '../soak';
import { command, exits } from '../cli/command';
import { UsageError, intOption, numberOption } from '../cli/options';

interface Options {
  minutes?: string;
  concurrency?: string;
  warmup?: string;
  sampleEvery?: string;
  seed?: string;
  model?: string;
  kvBudget?: string;
  plot?: string;
  out?: string;
  json?: boolean;
}

export function benchSoakCommand() {
  const cmd = command('soak', {
    usage: '--minutes N [options]',
    summary: 'a bounded load of mixed requests; errors by kind, memory over time, leaks after',
    description: `Starts the whole system (its own NATS server and ports; the bundled model unless --model) and keeps
--concurrency clients busy for --minutes with a seeded mix of requests: streamed and whole completions,
streamed chat, streams the client cancels part way, prompts over the model's context and malformed
bodies. Each answer is ok, the error its input asks for (400), explained (503 saturated) or unexplained.
RSS and PSS of every process are sampled meanwhile; a service that exits counts as unexplained and is
started again. After the load: the KV the kv-store still holds, and the shared-memory segments left once
the system stopped. Exits 1 when any error is unexplained, KV is still held or reserved, or a segment is
left. 503 saturated counts as explained: under the default budget none is expected, and the report says
how many came.`,
  })
    .option('--minutes <N>', 'how long the load runs (required; fractions allowed)')
    .option('--concurrency <N>', 'clients in flight (default 8)')
    .option('--warmup <MIN>', 'memory growth is measured from the first sample after this many minutes\n(default: a fifth of the run, at most 2)')
    .option('--sample-every <S>', 'seconds between memory samples (default 10)')
    .option('--seed <N>', 'seed of the request mix (default 1)')
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--kv-budget <SIZE>', 'the kv-store budget, e.g. 256MiB (default: the policy\'s)')
    .option('--plot <FILE.html>', 'also write a plot of each process\'s RSS over time')
    .option('--out <FILE.json>', 'also write the report as JSON')
    .option('--json', 'the report as one JSON object on stdout');
  return cmd.action(exits(async (o: Options) => {
    if (o.minutes === undefined) throw new UsageError('--minutes is required');
    const minutes = numberOption(o.minutes, 'minutes', 0);
    if (!(minutes > 0)) throw new UsageError(`--minutes must be more than 0, got "${o.minutes}"`);
    const warmup = numberOption(o.warmup, 'warmup', Math.min(2, minutes / 5));
    if (warmup < 0 || warmup >= minutes) throw new UsageError(`--warmup must be at least 0 and less than --minutes, got "${o.warmup}"`);
    const report = await runSoak({
      minutes,
      concurrency: intOption(o.concurrency, 'concurrency', 8),
      warmupMinutes: warmup,
      sampleEverySeconds: intOption(o.sampleEvery, 'sample-every', 10),
      seed: intOption(o.seed, 'seed', 1, 0),
      model: o.model,
      kvBudget: o.kvBudget,
      progress: (line) => process.stderr.write(line + '\n'),
    });
    if (o.plot) writeFileSync(o.plot, soakPlot(report));
    if (o.out) writeFileSync(o.out, JSON.stringify(report, null, 1) + '\n');
    process.stdout.write(o.json ? JSON.stringify(report) + '\n' : formatSoak(report) + '\n');
    const clean = report.unexplained_errors === 0 && report.kv_after.sequences === 0 && report.kv_after.used_bytes === 0 && report.kv_after.reserved_bytes === 0 && report.leaked_segments.length === 0;
    return clean ? 0 : 1;
  }));
}
