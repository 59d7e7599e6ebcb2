// The control API (Fastify). Every route declares its schema; validation, the OpenAPI document
// (GET /openapi.json) and the error shapes come from those schemas. Bad input: 422 with the field's path
// for a policy, 400 otherwise; nothing changes. The integration guide's commands work as written: a policy
// body with or without its `infer_os` wrapper, JSON sent as curl's default form content type, and
// POST /v1/baseline with no body (the guide's reset to baseline: enable).
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { policyJsonSchema, PolicyError } from '@inferos/kv';
import { PolicyDocumentSchema, type PartialPolicy } from '@inferos/kv/policy-schema';
import { bearerCheck, type PolicyState } from '@inferos/serving';
import type { HistoryEntry } from './policy-store';
import type { ExternalReport } from './external';

export interface ControlDeps {
  policy(): PolicyState;
  updatePolicy(patch: unknown): Promise<PolicyState>;
  setBaseline(enable: boolean): Promise<PolicyState>;
  health(): object;
  metrics(): Record<string, unknown>;
  prometheus(): Promise<{ contentType: string; text: string }>;
  history(limit: number): Promise<HistoryEntry[]>;
  /** A run of a model Infer-OS does not serve, reported by its app (the SDK's InferenceContext). */
  report(r: ExternalReport): void;
}

export interface ControlConfig {
  apiKey?: string;
  logger?: boolean;
}

const ErrorBody = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['message', 'code'], properties: { message: { type: 'string' }, code: { type: 'string' }, path: { type: 'string' } } } },
} as const;

/** GET /v1/policy, and the answer to a change: the whole policy in the seed's shape (@inferos/kv's schema). */
const PolicyBody = Type.Object({
  version: Type.Integer(),
  baseline_mode: Type.Boolean(),
  reason: Type.String(),
  policy: PolicyDocumentSchema,
});

const AnyObject = { type: 'object', additionalProperties: true } as const;

function policyReply(s: PolicyState) {
  return { version: s.version, baseline_mode: s.baselineMode, reason: s.reason, policy: { infer_os: s.policy } };
}

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly path?: string) {
    super(message);
  }
}

/** "/infer_os/kv/recent_window" -> "infer_os.kv.recent_window" */
function dotted(instancePath: string, missing?: string): string {
  const p = instancePath.split('/').filter(Boolean);
  if (missing) p.push(missing);
  return p.join('.');
}

export async function buildApp(config: ControlConfig, deps: ControlDeps): Promise<FastifyInstance> {
  // Typed routes: a handler's body and reply types come from the route's TypeBox schemas (validation stays
  // Fastify's Ajv, whose messages the error handler below turns into answers).
  const app = Fastify({ logger: config.logger ?? false, ajv: { customOptions: { allErrors: false, removeAdditional: false } } }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: {
      info: { title: 'Infer-OS control API', version: '1', description: 'Health, metrics, policy and history of a running Infer-OS system.' },
      servers: [{ url: 'http://127.0.0.1:7031' }],
    },
  });

  if (config.apiKey) {
    const check = bearerCheck(config.apiKey);
    app.addHook('onRequest', async (req) => {
      if (check(req.headers.authorization) !== 'ok') throw new ApiError(401, 'unauthorized', 'missing or wrong API key (Authorization: Bearer KEY)');
    });
  }

  // curl -d without -H sends application/x-www-form-urlencoded: take such a body as JSON when it is JSON
  // (the guide's commands), else as form fields, with "true"/"false" as booleans.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const text = (body as string).trim();
    if (text === '') return done(null, undefined);
    try {
      return done(null, JSON.parse(text));
    } catch {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of new URLSearchParams(text)) fields[k] = v === 'true' ? true : v === 'false' ? false : v;
      return done(null, fields);
    }
  });

  /** Policy bodies sent without the infer_os wrapper (wrapped before validation; errors name their keys as sent). */
  const bare = new WeakSet<FastifyRequest>();
  const asSentPath = (req: FastifyRequest, path: string) => (bare.has(req) ? path.replace(/^infer_os\.?/, '') : path);

  app.setErrorHandler((err: FastifyError | ApiError | PolicyError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send({ error: { message: err.message, code: err.code, ...(err.path ? { path: err.path } : {}) } });
    if (err instanceof PolicyError) {
      const path = asSentPath(req, err.path);
      return reply.code(422).send({ error: { message: bare.has(req) ? err.message.replace(err.path, path) : err.message, code: 'invalid_policy', path } });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const v = fe.validation[0]!;
      const params = v.params as { additionalProperty?: string; missingProperty?: string };
      const path = asSentPath(req, dotted(v.instancePath, params.additionalProperty ?? params.missingProperty));
      const isPolicy = req.routeOptions.url === '/v1/policy' && fe.validationContext === 'body';
      const what = params.additionalProperty ? `unknown key ${path}` : `${path || fe.validationContext}: ${v.message}`;
      return reply.code(isPolicy ? 422 : 400).send({ error: { message: what, code: isPolicy ? 'invalid_policy' : 'invalid_request', path } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return reply.code(fe.statusCode).send({ error: { message: fe.message, code: fe.code ?? 'bad_request' } });
    req.log.error(err);
    return reply.code(500).send({ error: { message: err.message, code: 'internal_error' } });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { message: `no route ${req.method} ${req.url}`, code: 'not_found' } }));

  const errors = { 400: ErrorBody, 401: ErrorBody, 422: ErrorBody };

  // Fastify's Ajv coerces types in place (null -> 0, true -> 1, "64" -> 64, 1 -> true): right for a
  // querystring, wrong for a body, where `max_delta_ppl: null` would apply 0. The schemas check shape and
  // ranges; the handlers take the body as sent, so a wrong type is refused (by applyPolicy, with its path).
  const asSent = new WeakMap<FastifyRequest, unknown>();
  const keepBody = async (req: FastifyRequest) => {
    asSent.set(req, structuredClone(req.body));
  };

  app.get('/v1/health', { schema: { summary: 'Status of every service, with the policy version each one runs', response: { 200: AnyObject, 503: AnyObject } } }, async (_req, reply) => {
    const h = deps.health() as { status: string };
    return reply.code(h.status === 'ok' ? 200 : 503).send(h);
  });

  app.get('/v1/metrics', { schema: { summary: 'Throughput, latency, memory, utilisation and quality, measured', response: { 200: AnyObject } } }, async () => deps.metrics());

  app.get('/v1/metrics/prometheus', { schema: { summary: 'The same figures in the Prometheus text format', response: { 200: { type: 'string' } } } }, async (_req, reply) => {
    const p = await deps.prometheus();
    return reply.type(p.contentType).send(p.text);
  });

  app.get('/v1/policy', { schema: { summary: 'The current policy and its version', response: { 200: PolicyBody } } }, async () => policyReply(deps.policy()));

  app.post('/v1/policy', {
    preValidation: async (req) => {
      const b: unknown = req.body; // as sent: the schema checks it next
      if (b !== null && typeof b === 'object' && !Array.isArray(b) && !('infer_os' in b)) {
        req.body = { infer_os: b as PartialPolicy };
        bare.add(req);
      }
      await keepBody(req);
    },
    schema: {
      summary: 'Apply a partial policy (the seed shape, infer_os: {...}, or its sections bare: {kv: {...}}); validated, atomic, versioned',
      body: policyJsonSchema(),
      response: { 200: PolicyBody, ...errors },
    },
  }, async (req) => policyReply(await deps.updatePolicy(asSent.get(req))));

  app.post('/v1/baseline', {
    preValidation: async (req) => {
      if (req.body === undefined || req.body === null) req.body = {}; // no body: the guide's reset to baseline
      await keepBody(req);
    },
    schema: {
      summary: 'Enter or leave baseline mode (new sequences at full precision); no body, or no enable, enters it',
      body: { type: 'object', additionalProperties: false, properties: { enable: { type: 'boolean', default: true } } },
      response: { 200: PolicyBody, ...errors },
    },
  }, async (req) => {
    const sent = asSent.get(req) as { enable?: unknown };
    const enable = 'enable' in sent ? sent.enable : true;
    if (typeof enable !== 'boolean') throw new ApiError(400, 'invalid_request', `enable: must be boolean, got ${JSON.stringify(enable)}`, 'enable');
    return policyReply(await deps.setBaseline(enable));
  });

  app.get('/v1/history', {
    schema: {
      summary: 'Policy changes and metric snapshots, newest last (the guide reads .history[-10:])',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 10000, default: 100 } } },
      response: { 200: { type: 'object', properties: { history: { type: 'array', items: AnyObject } } }, ...errors },
    },
  }, async (req) => ({ history: await deps.history((req.query as { limit: number }).limit) }));

  app.post('/v1/report', {
    preValidation: keepBody,
    schema: {
      summary: "Report one run of an app's own model (the SDK's InferenceContext.postrun); shown in /v1/metrics under external",
      body: {
        type: 'object', additionalProperties: false, required: ['source', 'tokens', 'duration_ms'],
        properties: {
          source: { type: 'string', minLength: 1, maxLength: 64 },
          tokens: { type: 'integer', minimum: 0 },
          duration_ms: { type: 'number', exclusiveMinimum: 0 },
          prompt_tokens: { type: 'integer', minimum: 0 },
          ttft_ms: { type: 'number', minimum: 0 },
        },
      },
      response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errors },
    },
  }, async (req) => {
    // The schema checked ranges on Ajv's coerced copy; the types are checked here on the body as sent.
    const sent = asSent.get(req) as Record<string, unknown>;
    for (const [key, type] of [['source', 'string'], ['tokens', 'number'], ['duration_ms', 'number'], ['prompt_tokens', 'number'], ['ttft_ms', 'number']] as const) {
      if (key in sent && typeof sent[key] !== type) throw new ApiError(400, 'invalid_request', `${key}: must be a ${type}, got ${JSON.stringify(sent[key])}`, key);
    }
    deps.report(sent as unknown as ExternalReport);
    return { ok: true };
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
