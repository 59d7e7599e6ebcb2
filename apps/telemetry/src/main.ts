// telemetry service: one Prometheus registry for the whole system, the JetStream history, the live page.
import { loadModelInfo, defaultModelDir } from '@inferos/inference';
import { runService } from '@inferos/serving';
import { startTelemetry, DEFAULT_PORT, DEFAULT_SNAPSHOT_MS } from './service';

await runService('telemetry', 'gathers every service\'s reports: Prometheus /metrics, history in JetStream, a live page', {
  port: { type: 'string', default: String(DEFAULT_PORT), help: 'HTTP port' },
  host: { type: 'string', default: '127.0.0.1', help: 'address to bind; anything but loopback needs --api-key' },
  'api-key': { type: 'string', help: 'require Authorization: Bearer KEY on every route (env INFEROS_API_KEY)' },
  model: { type: 'string', help: 'exported model directory, for the model_name label (default: the bundled model; env INFEROS_MODEL)' },
  'snapshot-ms': { type: 'string', default: String(DEFAULT_SNAPSHOT_MS), help: 'how often a metric snapshot goes into the history, ms' },
}, async (v, nc, log) => {
  const port = Number(v['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be an integer in [0, 65535], got ${v['port']}`);
  const snapshotMs = Number(v['snapshot-ms']);
  if (!Number.isFinite(snapshotMs) || snapshotMs < 100) throw new RangeError(`--snapshot-ms must be at least 100, got ${v['snapshot-ms']}`);
  const info = loadModelInfo(String(v['model'] ?? defaultModelDir()));
  const running = await startTelemetry(nc, {
    modelName: info.name,
    port,
    host: String(v['host']),
    apiKey: (v['api-key'] as string | undefined) ?? process.env['INFEROS_API_KEY'],
    snapshotMs,
  }, log);
  return {
    ready: `ready: ${running.url}/metrics (Prometheus), ${running.url}/ (live page), model ${info.name}`,
    close: () => running.close(),
  };
});
