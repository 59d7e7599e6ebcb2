// The telemetry service: every service's RequestMetrics and ServiceReports into one registry, a metric
// snapshot into the JetStream history every snapshotMs, and the HTTP app (buildApp) on 127.0.0.1:9464.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { Aggregator, buildRegistry } from '@inferos/metrics';
import { pb, decode, serve, Subjects, REPORT_MS, HISTORY_STREAM, type NatsConnection, type Subscription } from '@inferos/proto';
import { checkBind, followPolicy, startReporter } from '@inferos/serving';
import { buildApp } from './app';
import { History } from './history';

export const DEFAULT_PORT = 9464;
export const DEFAULT_SNAPSHOT_MS = 5000;

export interface TelemetryOptions {
  /** The model_name label of every metric. */
  modelName: string;
  /** HTTP port (default 9464, Prometheus' customary exporter port); 0 picks a free one. */
  port?: number;
  /** Address to bind (default 127.0.0.1); anything but loopback needs apiKey. */
  host?: string;
  apiKey?: string;
  /** How often a snapshot goes into the history (default 5000 ms). */
  snapshotMs?: number;
  /** How often the live series takes a point (default 1000 ms). */
  tickMs?: number;
  instance?: string;
}

export interface RunningTelemetry {
  /** http://host:port of the listening app. */
  url: string;
  app: FastifyInstance;
  aggregator: Aggregator;
  history: History;
  close(): Promise<void>;
}

/** Process CPU (cores, over the time since the previous call) and resident memory. */
export async function startTelemetry(nc: NatsConnection, opts: TelemetryOptions, log: (line: string) => void = () => {}): Promise<RunningTelemetry> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? DEFAULT_PORT;
  const snapshotMs = opts.snapshotMs ?? DEFAULT_SNAPSHOT_MS;
  const tickMs = opts.tickMs ?? 1000;
  const instance = opts.instance ?? `telemetry-${hostname()}-${process.pid}`;
  checkBind(host, opts.apiKey, 'telemetry');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer in [0, 65535], got ${port}`);
  for (const [k, v] of Object.entries({ snapshotMs, tickMs })) {
    if (!Number.isFinite(v) || v < 10) throw new RangeError(`${k} must be at least 10 ms, got ${v}`);
  }

  const aggregator = new Aggregator(buildRegistry(opts.modelName), { staleMs: 3 * REPORT_MS, windowMs: 5000, seriesPoints: Math.ceil(900_000 / tickMs) });
  const history = await History.open(nc);

  // Messages that cannot be decoded are counted and logged at most once per 10 s, not thrown at the bus.
  let bad = 0;
  let badLogged = 0;
  const onBad = (subject: string, err: unknown) => {
    bad++;
    if (Date.now() - badLogged > 10_000) {
      badLogged = Date.now();
      log(`dropped an undecodable message on ${subject} (${bad} so far): ${(err as Error).message}`);
    }
  };
  const subs: Subscription[] = [
    nc.subscribe(Subjects.requestMetrics, {
      callback: (err, msg) => {
        if (err) return log(`${Subjects.requestMetrics}: ${err.message}`);
        try {
          aggregator.observeRequest(decode(pb.RequestMetrics, msg.data));
        } catch (e) {
          onBad(msg.subject, e);
        }
      },
    }),
    nc.subscribe(Subjects.reportAll, {
      callback: (err, msg) => {
        if (err) return log(`${Subjects.reportAll}: ${err.message}`);
        try {
          aggregator.report(decode(pb.ServiceReport, msg.data), Date.now());
        } catch (e) {
          onBad(msg.subject, e);
        }
      },
    }),
  ];

  const app = await buildApp({ apiKey: opts.apiKey }, { aggregator, history });
  const url = await app.listen({ port, host });

  const tick = setInterval(() => aggregator.tick(Date.now()), tickMs);
  let inFlight: Promise<void> | null = null;
  const snapshot = setInterval(() => {
    if (inFlight) return; // JetStream is slow to acknowledge: skip one rather than pile them up
    inFlight = history.publishSnapshot(aggregator.snapshot(Date.now()))
      .then(() => undefined, (err: Error) => log(`cannot store a snapshot in ${HISTORY_STREAM}: ${err.message}`))
      .finally(() => (inFlight = null));
  }, snapshotMs);
  // Nothing here depends on the policy; telemetry acknowledges each version like every service.
  const follower = await followPolicy(nc, 'telemetry', instance, () => {}, log);
  const stopReporter = startReporter(nc, 'telemetry', instance, () => ({ model: opts.modelName, policyVersion: follower.version }), log);
  subs.push(serve(nc, Subjects.health('telemetry'), {
    request: pb.HealthRequest, reply: pb.HealthReply, log,
    onError: (e) => ({ service: 'telemetry', instance, ok: false, detailJson: JSON.stringify({ error: e.message }) }),
  }, () => {
    const c = aggregator.current(Date.now());
    return {
      service: 'telemetry', instance, ok: true,
      detailJson: JSON.stringify({ url, model: opts.modelName, reporting: c.instances.map((i) => `${i.service}/${i.instance}`), historyStream: HISTORY_STREAM, undecodable: bad }),
    };
  }));

  return {
    url, app, aggregator, history,
    async close() {
      clearInterval(tick);
      clearInterval(snapshot);
      follower.stop();
      stopReporter();
      for (const s of subs) s.unsubscribe();
      await inFlight;
      await app.close();
      await history.close();
    },
  };
}
