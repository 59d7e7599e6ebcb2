// decode-worker service: continuous batching over the kv-store's sequences (libs/serving/src/decode-worker.ts). Start more instances
// to share the queue. With --prefill the same process also serves prefill jobs (and with --quality-probe the
// controller's quality probe) from the one model session, so the machine holds the weights once.
import { loadPolicy } from '@inferos/kv';
import { runService, providerPreference, serveQualityProbe, startPrefillWorker, startDecodeWorker, loadEngine, Turns } from '@inferos/serving';

await runService('decode-worker', 'generates tokens for many sequences at once (NATS queue group)', {
  model: { type: 'string', help: 'exported model directory (default: the bundled model; env INFEROS_MODEL)' },
  policy: { type: 'string', default: 'default', help: 'policy whose scheduler.decode_device picks the execution provider' },
  prefill: { type: 'boolean', default: false, help: 'also serve prefill jobs in this process, from the same model session (the weights held once)' },
  'quality-probe': { type: 'boolean', default: false, help: 'also score the controller\'s quality-probe prompts (controller --probe workers) with the same session' },
}, async (v, nc, log) => {
  const modelDir = v['model'] as string | undefined;
  const policyName = String(v['policy']);
  if (!v['prefill'] && !v['quality-probe']) {
    const w = await startDecodeWorker(nc, { modelDir, policy: policyName, log });
    return { close: () => w.close(), ready: `ready: ${w.id} on ${w.provider}` };
  }
  // One session for every role of this process.
  const { policy } = loadPolicy(policyName);
  const engine = await loadEngine(modelDir, providerPreference(policy.scheduler.decode_device, 'decode'));
  // The session opened on the first provider of decode's preference that works; prefill may share it
  // only if prefill's own preference accepts that provider too.
  const prefillChain = providerPreference(policy.scheduler.prefill_device, 'prefill');
  if (v['prefill'] && !prefillChain.includes(engine.provider)) {
    await engine.close();
    throw new Error(`--prefill shares one model session, on ${engine.provider}, which scheduler.prefill_device ${policy.scheduler.prefill_device} does not allow (${prefillChain.join(', ')}); run a separate prefill-worker`);
  }
  // Decode steps and prompt chunks take turns on the one session (Turns: one chunk per step while decoding).
  const turns = new Turns();
  const decode = await startDecodeWorker(nc, { modelDir, policy: policyName, log, engine, turns });
  const prefill = v['prefill'] ? await startPrefillWorker(nc, { modelDir, policy: policyName, log, engine, turns }) : undefined;
  const probe = v['quality-probe'] ? serveQualityProbe(nc, engine, decode.id, log) : undefined;
  const roles = ['decode', ...(prefill ? ['prefill'] : []), ...(probe ? ['quality probe'] : [])].join(', ');
  return {
    close: async () => {
      probe?.stop();
      await Promise.all([decode.close(), prefill?.close()]);
      await engine.close();
    },
    ready: `ready: ${decode.id} on ${engine.provider} (${roles}; one model session)`,
  };
});
