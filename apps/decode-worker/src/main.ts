// decode-worker service: continuous batching over the kv-store's sequences (see worker.ts). Start more instances
// to share the queue.
import { runService } from '@inferos/serving';
import { startDecodeWorker } from './worker';

await runService('decode-worker', 'generates tokens for many sequences at once (NATS queue group)', {
  model: { type: 'string', help: 'exported model directory (default: the bundled model; env INFEROS_MODEL)' },
  policy: { type: 'string', default: 'default', help: 'policy whose scheduler.decode_device picks the execution provider' },
}, async (v, nc, log) => {
  const w = await startDecodeWorker(nc, { modelDir: v['model'] as string | undefined, policy: String(v['policy']), log });
  return { close: () => w.close(), ready: `ready: ${w.id} on ${w.provider}` };
});
