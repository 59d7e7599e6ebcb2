// controller service: the control API on 127.0.0.1:7031, policy distribution, the mid and slow loops.
import { loadModelInfo, defaultModelDir } from '@inferos/inference';
import { loadPolicy, parseBytes } from '@inferos/kv';
import { checkBind, runService, inferosEnabled } from '@inferos/serving';
import { startController } from './service';

await runService('controller', 'control API, policy distribution, and the mid and slow control loops', {
  config: { type: 'string', default: 'default', help: 'policy (profile name or YAML file in the seed\'s infer_os: shape) that seeds version 1 when NATS holds none' },
  port: { type: 'string', default: '7031', help: 'control API port' },
  host: { type: 'string', default: '127.0.0.1', help: 'address to bind; anything but loopback needs --api-key' },
  'api-key': { type: 'string', help: 'require Authorization: Bearer KEY (env INFEROS_API_KEY)' },
  model: { type: 'string', help: 'exported model directory for the quality probe (default: the bundled model; env INFEROS_MODEL)' },
  probe: { type: 'string', default: 'thread', help: 'where the quality probe scores sampled prompts: thread (the model loaded in a thread of this process) or workers (on the decode workers\' session: decode-worker --quality-probe)' },
  'no-probe': { type: 'boolean', help: 'do not run the quality probe (no delta-perplexity estimate, no quality guard)' },
  'memory-budget': { type: 'string', help: 'the whole system\'s memory budget, shown in the metrics (inferos up --memory-budget sets it and the KV budget)' },
}, async (v, nc, log) => {
  const port = Number(v['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be an integer in [0, 65535], got ${v['port']}`);
  const host = String(v['host']);
  const apiKey = (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'];
  checkBind(host, apiKey, 'the control API');
  const where = String(v['probe']);
  if (where !== 'thread' && where !== 'workers') throw new RangeError(`--probe must be thread or workers, got ${JSON.stringify(where)}`);
  const { name, policy } = loadPolicy(String(v['config']));
  const modelDir = (v['model'] as string | undefined) ?? defaultModelDir();
  const info = loadModelInfo(modelDir);
  const c = await startController(nc, {
    seed: policy, seedName: name, modelDir, modelName: info.name, groups: [...info.graphs.keys()], port, host, apiKey, probe: v['no-probe'] === true ? false : where, log,
    // INFEROS_ENABLED=0: the system starts in baseline mode (and stays there until POST /v1/baseline false).
    ...(inferosEnabled() ? {} : { baselineAtStart: 'INFEROS_ENABLED=0 at start' }),
    ...(v['memory-budget'] === undefined ? {} : { memoryBudgetBytes: parseBytes(String(v['memory-budget']), '--memory-budget') }),
  });
  return { close: () => c.close(), ready: `ready: ${c.url}/v1 (policy version ${c.store.current.version}${c.store.current.baselineMode ? ', baseline mode' : ''})` };
});
