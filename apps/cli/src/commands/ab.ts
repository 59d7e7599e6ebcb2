// inferos ab: A/B test of KV policies through a running system.
import { existsSync, readFileSync } from 'node:fs';
import { contextTextPath, defaultModelDir, loadModelInfo } from '@inferos/inference';
import { abTable, runAb } from '../ab';
import { command, exits, helpPage } from '../cli/command';
import { UsageError, intOption, listOption } from '../cli/options';
import { progress } from '../cli/progress';

interface Options {
  policies?: string;
  requests?: string;
  text?: string;
  promptChars?: string;
  windowChars?: string;
  outputTokens?: string;
  url?: string;
  apiKey?: string;
  json?: boolean;
}

export function abCommand() {
  const cmd = command('ab', {
    usage: '--policies A,B[,C...] [options]',
    summary: 'A/B test KV policies through a running system: speed and perplexity, with 95% intervals',
    description: `A/B test of KV policies through a running system (inferos up): every round, each policy in turn (the order
rotating every round), one request at a time, gets the same two requests: a streamed greedy completion
(decode tok/s, TTFT) and a text window scored through the API with echo + logprobs (its perplexity under the
policy minus baseline's on the same window: delta PPL). Reports each policy's mean, standard deviation and
95% interval per metric, and each policy against the first, paired by round, with whether the difference
is significant (its 95% interval excludes 0).`,
  })
    .option('--policies <LIST>', 'policies (profile names), the first the reference (e.g. baseline,default,aggressive)')
    .option('--requests <N>', 'rounds (default 8; at least 2)')
    .option('--text <FILE>', "text for prompts and scored windows (default: the bundled model's held-out text)")
    .option('--prompt-chars <N>', 'characters per prompt (default 1000)')
    .option('--window-chars <N>', 'characters per scored window (default 4000)')
    .option('--output-tokens <N>', 'tokens generated per speed request (default 64)')
    .option('--url <URL>', 'the gateway (default http://127.0.0.1:8000, or $INFEROS_GATEWAY_URL)')
    .option('--api-key <KEY>', "the gateway's API key (default $INFEROS_API_KEY)")
    .option('--json', 'one JSON object on stdout');
  return cmd.action(exits((o: Options) => ab(o, helpPage(cmd))));
}

async function ab(o: Options, help: string): Promise<number> {
  if (typeof o.policies !== 'string') throw new UsageError(`--policies is required\n\n${help}`);
  const policies = listOption(o.policies);
  const textPath = o.text ?? contextTextPath(loadModelInfo(defaultModelDir()));
  if (!textPath || !existsSync(textPath)) throw new UsageError(`--text: no such file ${textPath ?? '(the bundled model has no held-out text)'}`);
  const report = await runAb({
    url: (o.url ?? process.env['INFEROS_GATEWAY_URL'] ?? 'http://127.0.0.1:8000').replace(/\/+$/, ''),
    apiKey: o.apiKey ?? process.env['INFEROS_API_KEY'],
    policies,
    requests: intOption(o.requests, 'requests', 8, 2),
    text: readFileSync(textPath, 'utf8'),
    promptChars: intOption(o.promptChars, 'prompt-chars', 1000),
    windowChars: intOption(o.windowChars, 'window-chars', 4000),
    outputTokens: intOption(o.outputTokens, 'output-tokens', 64, 2),
    onProgress: progress('ab'),
  }).catch((err: unknown) => {
    if (err instanceof RangeError) throw new UsageError(`${err.message}\n\n${help}`);
    throw err;
  });
  process.stdout.write(o.json ? JSON.stringify(report) + '\n' : abTable(report) + '\n');
  return 0;
}
