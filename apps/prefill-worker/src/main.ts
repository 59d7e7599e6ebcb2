// prefill-worker service: runs prompts into the kv-store's cache (libs/serving/src/prefill-worker.ts). Start more instances
// to share the queue.
import { runService, startPrefillWorker } from '@inferos/serving';

await runService('prefill-worker', 'runs prompts in chunks into the kv-store (NATS queue group)', {
  model: { type: 'string', help: 'exported model directory (default: the bundled model; env INFEROS_MODEL)' },
  policy: { type: 'string', default: 'default', help: 'policy whose scheduler.prefill_device picks the execution provider' },
}, async (v, nc, log) => {
  const w = await startPrefillWorker(nc, { modelDir: v['model'] as string | undefined, policy: String(v['policy']), log });
  return { close: () => w.close(), ready: `ready: ${w.id} on ${w.provider}` };
});
