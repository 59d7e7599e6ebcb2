// An app built on @inferos/sdk, as the integration guide describes one:
//   1. it asks the running system which model it serves and chats with it (streamed);
//   2. it runs a model of its own (here the bundled one, through onnxruntime-node) under the control
//      plane: InferenceContext.prerun gives the current policy and the ONNX Runtime options it implies,
//      postrun reports the run to the controller, which shows it in /v1/metrics under `external`.
// Usage: npm start -w @inferos/sdk-example [-- --gateway URL --control URL --api-key KEY --prompt TEXT]
// Prints one JSON object: what it did and measured.
import { parseArgs } from 'node:util';
import { Engine, defaultModelDir } from '@inferos/inference';
import { InferOSClient, InferenceContext } from '@inferos/sdk';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string' },
    control: { type: 'string' },
    'api-key': { type: 'string' },
    prompt: { type: 'string', default: 'The kernel scheduler' },
    tokens: { type: 'string', default: '16' },
  },
});
const tokens = Number(values.tokens);
if (!Number.isInteger(tokens) || tokens < 1) throw new RangeError(`--tokens must be a positive integer, got ${values.tokens}`);

const client = new InferOSClient({
  ...(values.gateway ? { gatewayUrl: values.gateway } : {}),
  ...(values.control ? { controlUrl: values.control } : {}),
  ...(values['api-key'] ?? process.env['INFEROS_API_KEY'] ? { apiKey: values['api-key'] ?? process.env['INFEROS_API_KEY'] } : {}),
});

// 1. The served model, through the gateway.
const model = (await client.models()).data[0]!.id;
let served = '';
for await (const chunk of client.completionStream({ model, prompt: values.prompt, max_tokens: tokens, temperature: 0, ignore_eos: true })) {
  served += chunk.choices[0]?.text ?? '';
}

// 2. Our own model run, under the control plane.
const ctx = new InferenceContext(client, { source: 'sdk-example', available: ['cpu'] });
const setup = await ctx.prerun();
const providers = (setup.sessionOptions.executionProviders ?? ['cpu']) as ('cpu' | 'cuda' | 'dml')[];
const engine = await Engine.load(defaultModelDir(), providers);
try {
  await ctx.prerun();
  let firstAt: number | undefined;
  const t0 = performance.now();
  const result = await engine.generate(engine.tokenizer.encode(values.prompt), {
    maxTokens: tokens, stopAtEos: false, onToken: () => (firstAt ??= performance.now()),
  });
  await ctx.postrun({ tokens: result.tokens.length, promptTokens: result.promptTokens, ttftMs: (firstAt ?? t0) - t0 });
  const external = ((await client.metrics()) as { external?: Record<string, unknown> }).external ?? {};
  process.stdout.write(JSON.stringify({
    model,
    served_text: served,
    own_text: engine.tokenizer.decode(result.tokens),
    policy_version: setup.policy.version,
    applied: setup.result.applied,
    not_applied: setup.result.notApplied,
    provider: engine.provider,
    reported: external['sdk-example'] ?? null,
  }) + '\n');
} finally {
  await engine.close();
}
