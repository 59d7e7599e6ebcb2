// kv-store service: owns every KV block in shared memory (see store.ts).
import { loadModelInfo, defaultModelDir, DEFAULT_PREFILL_CHUNK } from '@inferos/inference';
import { loadPolicy, parseBytes } from '@inferos/kv';
import { runService } from '@inferos/serving';
import { startKvStore } from './service';

await runService('kv-store', 'owns the tiered KV cache of every sequence in shared memory', {
  model: { type: 'string', help: 'exported model directory (default: the bundled model; env INFEROS_MODEL)' },
  policy: { type: 'string', default: 'default', help: 'KV policy for requests that name none (profile name or YAML file)' },
  budget: { type: 'string', help: 'KV budget in bytes, e.g. 512MiB, kept whatever the controller says (default: the policy\'s io.host_pool_bytes, then the controller\'s)' },
  chunk: { type: 'string', default: String(DEFAULT_PREFILL_CHUNK), help: 'largest prefill step in tokens (every reservation includes it)' },
  'unclaimed-ttl': { type: 'string', default: '60000', help: 'ms after which a sequence no worker has taken (its prefill job was never accepted) is freed' },
}, async (v, nc, log) => {
  const info = loadModelInfo(String(v['model'] ?? defaultModelDir()));
  const policyName = String(v['policy']);
  const { policy } = loadPolicy(policyName);
  const budgetBytes = v['budget'] !== undefined ? parseBytes(String(v['budget']), '--budget') : policy.io.host_pool_bytes;
  const chunk = Number(v['chunk']);
  if (!Number.isSafeInteger(chunk) || chunk <= 0 || chunk > info.maxPosition) throw new RangeError(`--chunk must be an integer in [1, ${info.maxPosition}], got ${v['chunk']}`);
  const unclaimedTtlMs = Number(v['unclaimed-ttl']);
  if (!Number.isSafeInteger(unclaimedTtlMs) || unclaimedTtlMs < 100) throw new RangeError(`--unclaimed-ttl must be an integer number of ms, at least 100, got ${v['unclaimed-ttl']}`);
  const running = await startKvStore(nc, {
    budgetBytes,
    defaultPolicy: policyName,
    shape: { layers: info.numLayers, kvHeads: info.numKvHeads, headDim: info.headDim, maxContext: info.maxPosition },
    groups: [...info.graphs.keys()],
    defaultGroup: info.defaultGroup,
    chunk,
    unclaimedTtlMs,
  }, log, { pinnedBudget: v['budget'] !== undefined, modelName: info.name, fastMs: policy.loops.fast_ms });
  return { close: () => running.close(), ready: `ready: budget ${budgetBytes} bytes, policy ${policyName}, model ${info.name}` };
});
