// Telemetry's HTTP side: Prometheus /metrics, the live page and its JSON, the history. buildApp never
// listens; service.ts does.
import Fastify, { type FastifyInstance } from 'fastify';
import { bearerCheck } from '@inferos/serving';
import type { Aggregator, Kpis, Series } from '@inferos/metrics';
import type { HistoryEntry, PolicyEvent } from './history';
import { livePage } from './page';

export interface TelemetryConfig {
  /** When set, every route requires `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  logger?: boolean;
}

/** What the routes read the history from (History in history.ts; a stub in tests). */
export interface HistorySource {
  read(limit: number): { snapshots: HistoryEntry[]; policyChanges: HistoryEntry[] };
  policyEvents(limit?: number): PolicyEvent[];
}

export interface TelemetryDeps {
  aggregator: Aggregator;
  history: HistorySource;
  now?: () => number;
}

/** GET /api/series */
export interface SeriesReply {
  model: string;
  nowMs: number;
  series: Series;
  /** The newest policy changes recorded in the history (up to 100), newest last; the page draws those inside the series' range. */
  policyChanges: PolicyEvent[];
  /** Each KV policy's figures against baseline's over the aggregator's KPI window, and the KV cache against an exact one. */
  kpis: Kpis;
}

export const HISTORY_LIMIT_MAX = 1000;


export async function buildApp(config: TelemetryConfig, deps: TelemetryDeps): Promise<FastifyInstance> {
  const { aggregator, history } = deps;
  const now = deps.now ?? Date.now;
  const app = Fastify({ logger: config.logger ?? false });

  if (config.apiKey) {
    const check = bearerCheck(config.apiKey);
    app.addHook('onRequest', async (request, reply) => {
      const got = check(request.headers.authorization);
      if (got !== 'ok') {
        const message = got === 'wrong' ? 'Incorrect API key provided' : 'Missing API key: send the header Authorization: Bearer <key>';
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { code: 'invalid_api_key', message } });
      }
    });
  }

  app.get('/metrics', async (_request, reply) => {
    const text = await aggregator.registry.metrics();
    return reply.header('content-type', aggregator.registry.contentType).send(text);
  });

  app.get('/api/series', async (): Promise<SeriesReply> => {
    const series = aggregator.series();
    return { model: aggregator.modelName, nowMs: now(), series, policyChanges: history.policyEvents(100), kpis: aggregator.kpis(now()) };
  });

  app.get<{ Querystring: { limit: number } }>('/api/history', {
    schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: HISTORY_LIMIT_MAX, default: 100 } }, additionalProperties: false } },
  }, async (request) => ({ model: aggregator.modelName, ...history.read(request.query.limit) }));

  // The CSP makes "no external resource" a rule the browser enforces, not only a habit of the page.
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'";
  const page = livePage(aggregator.modelName);
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', csp).send(page));

  return app;
}
