// gateway service: the OpenAI / Lemonade HTTP API over the NATS backend.
import { readFileSync, statSync } from 'node:fs';
import { loadModelInfo, defaultModelDir, TextTokenizer } from '@inferos/inference';
import { checkBind, runService, followPolicy, startReporter } from '@inferos/serving';
import { buildApp } from './app';
import { NatsBackend } from './nats-backend';

await runService('gateway', 'OpenAI and Lemonade compatible HTTP API', {
  port: { type: 'string', default: '8000', help: 'HTTP port' },
  host: { type: 'string', default: '127.0.0.1', help: 'address to bind; anything but loopback needs --api-key' },
  'api-key': { type: 'string', help: 'require Authorization: Bearer KEY (env INFEROS_API_KEY)' },
  model: { type: 'string', help: 'exported model directory (default: the bundled model; env INFEROS_MODEL)' },
  'chat-template': { type: 'string', help: 'Jinja chat template file, for a model that has none or to replace its own' },
  'max-waiting': { type: 'string', default: '64', help: 'requests in flight beyond which the gateway answers 503' },
  'admission-timeout': { type: 'string', default: '60000', help: 'ms a request may wait for room in the KV budget before 503' },
  'probe-every': { type: 'string', default: '5000', help: 'ms between prompts sampled for the controller\'s quality probe (0: none)' },
}, async (v, nc, log) => {
  const port = Number(v['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be an integer in [0, 65535], got ${v['port']}`);
  const host = String(v['host']);
  const apiKey = (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'];
  checkBind(host, apiKey, 'the API');
  const maxWaiting = Number(v['max-waiting']);
  const admissionTimeoutMs = Number(v['admission-timeout']);
  const info = loadModelInfo(String(v['model'] ?? defaultModelDir()));
  // A base model without a chat template serves completions; chat completions answer 400 with the reason.
  const chatTemplate = (v['chat-template'] ? readFileSync(String(v['chat-template']), 'utf8') : info.chatTemplate) || null;
  if (!chatTemplate) log(`${info.name} has no chat template: /v1/chat/completions answers 400 (use /v1/completions, or --chat-template FILE)`);
  const probeEveryMs = Number(v['probe-every']);
  if (!Number.isInteger(probeEveryMs) || probeEveryMs < 0) throw new RangeError(`--probe-every must be an integer >= 0, got ${v['probe-every']}`);
  const backend = new NatsBackend(nc, { modelName: info.name, maxContext: info.maxPosition, vocabSize: info.vocabSize, admissionTimeoutMs, probeEveryMs, log });
  const instance = `gateway-${process.pid}`;
  // Nothing in the gateway depends on the policy; it acknowledges each version so that the controller
  // sees every service follow.
  const follower = await followPolicy(nc, 'gateway', instance, () => {}, log);
  const stopReporter = startReporter(nc, 'gateway', instance, () => ({
    model: info.name, policyVersion: follower.version, hasRequests: true,
    requestsRunning: backend.runningRequests, requestsWaiting: backend.waitingRequests,
  }), log);
  const tokenizer = TextTokenizer.load(info.tokenizerPath);
  // Templates that write {{ bos_token }} / {{ eos_token }} (Llama 3, Mistral) get the model's own.
  const special = (id: number | null | undefined) => (id === null || id === undefined ? undefined : tokenizer.decode([id], false));
  const app = await buildApp({ apiKey, maxWaiting }, {
    backend,
    tokenizer,
    modelInfo: info,
    chatTemplate,
    bosToken: special(info.bosTokenId),
    eosToken: special(info.eosTokenIds[0]),
    modelCreated: Math.floor(statSync(info.graphs.get(info.defaultGroup)!).mtimeMs / 1000),
  });
  const url = await app.listen({ port, host });
  return {
    ready: `ready: ${url}/v1 (OpenAI) and ${url}/api/v1 (Lemonade)`,
    async close() {
      follower.stop();
      stopReporter();
      await app.close();
      await backend.close();
    },
  };
});
