// The gateway's one catalogue of errors. Every failure a client can see is an ApiError with a code from
// here; the app's single error handler turns anything thrown (ours, the backend's, Fastify's) into one
// with toApiError and answers with OpenAI's error object: { error: { message, type, param, code } }.
import { BackendError, type BackendErrorCode } from './backend';

export const ApiErrorCode = {
  /** The body or a parameter is invalid (schema, unsupported option, unknown policy): 400. */
  invalidRequest: 'invalid_request_error',
  /** Prompt tokens + max tokens exceed the model's context: 400. */
  contextLengthExceeded: 'context_length_exceeded',
  /** `model` is not the model this gateway serves: 404. */
  modelNotFound: 'model_not_found',
  /** An API key is configured and the request's `Authorization: Bearer` key is missing or wrong: 401. */
  invalidApiKey: 'invalid_api_key',
  /** No such route: 404. */
  unknownUrl: 'unknown_url',
  /** Too many requests in flight (the gateway's limit or the backend's KV budget / queue): 503 + Retry-After. */
  saturated: 'saturated',
  /** A service the request needs is not running: 503. */
  unavailable: 'unavailable',
  /** A worker died or timed out mid-request: 502. */
  workerLost: 'worker_lost',
  internal: 'internal_error',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

const CATALOGUE: Record<ApiErrorCode, { status: number; type: string }> = {
  invalid_request_error: { status: 400, type: 'invalid_request_error' },
  context_length_exceeded: { status: 400, type: 'invalid_request_error' },
  model_not_found: { status: 404, type: 'invalid_request_error' },
  invalid_api_key: { status: 401, type: 'invalid_request_error' },
  unknown_url: { status: 404, type: 'invalid_request_error' },
  saturated: { status: 503, type: 'server_error' },
  unavailable: { status: 503, type: 'server_error' },
  worker_lost: { status: 502, type: 'server_error' },
  internal_error: { status: 500, type: 'server_error' },
};

/** The body of every error response (and of the SSE error event), in OpenAI's shape. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  /** Sent as Retry-After (whole seconds) with 503 saturated. */
  readonly retryAfterS: number | undefined;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    opts: { param?: string; retryAfterS?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    const entry = CATALOGUE[code];
    this.status = opts.status ?? entry.status;
    this.type = entry.type;
    this.param = opts.param ?? null;
    this.retryAfterS = opts.retryAfterS;
  }

  toBody(): OpenAiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

const FROM_BACKEND: Record<BackendErrorCode, ApiErrorCode> = {
  saturated: ApiErrorCode.saturated,
  context_length_exceeded: ApiErrorCode.contextLengthExceeded,
  invalid_request_error: ApiErrorCode.invalidRequest,
  unavailable: ApiErrorCode.unavailable,
  worker_lost: ApiErrorCode.workerLost,
  internal_error: ApiErrorCode.internal,
};

/** A backend failure (thrown before the first event, or sent as an error event) as an ApiError. */
export function fromBackend(code: BackendErrorCode, message: string, retryAfterS?: number, cause?: unknown): ApiError {
  const apiCode = FROM_BACKEND[code] ?? ApiErrorCode.internal;
  // A saturated answer always tells the client when to retry; 1 s when the backend gave no figure.
  const retry = apiCode === ApiErrorCode.saturated ? Math.max(1, Math.ceil(retryAfterS ?? 1)) : undefined;
  return new ApiError(apiCode, message, { retryAfterS: retry, cause });
}

/** One entry of Fastify's `validation` array (TypeBox's error shape, which is Ajv's). */
interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** "/messages/0/role" -> "messages[0].role" (the field as a client writes it). */
function fieldName(instancePath: string): string {
  const parts = instancePath.split('/').slice(1);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * One readable message from a schema failure: the first failing field, and what it must be. Unions
 * (nullable fields, string-or-array) report one error per branch; those are merged into "must be A or B".
 */
export function validationError(issues: readonly ValidationIssue[], context?: string): ApiError {
  const first = issues[0];
  if (!first) return new ApiError(ApiErrorCode.invalidRequest, `invalid ${context ?? 'request'}`);
  if (first.keyword === 'required') {
    const missing = (first.params['requiredProperties'] as string[] | undefined) ?? [String(first.params['missingProperty'] ?? '?')];
    const base = fieldName(first.instancePath);
    const field = base ? `${base}.${missing[0]}` : String(missing[0]);
    return new ApiError(ApiErrorCode.invalidRequest, `${field}: required field missing`, { param: field });
  }
  const path = first.instancePath;
  const field = fieldName(path) || (context ?? 'body');
  const same = issues.filter((i) => i.instancePath === path && i.keyword !== 'anyOf' && !(i.keyword === 'type' && i.params['type'] === 'null'));
  const allowed = same.filter((i) => i.keyword === 'const').map((i) => JSON.stringify(i.params['allowedValue']));
  const reasons = [...new Set(same.filter((i) => i.keyword !== 'const').map((i) => i.message ?? i.keyword))];
  if (allowed.length) reasons.unshift(`must be one of ${allowed.join(', ')}`);
  const message = reasons.length ? reasons.join(' or ') : (first.message ?? 'is invalid');
  return new ApiError(ApiErrorCode.invalidRequest, `${field}: ${message}`, { param: field });
}

/** Anything thrown in a route or hook, as the ApiError the client sees. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof BackendError) return fromBackend(err.code, err.message, err.retryAfterS, err);
  const e = err as { validation?: ValidationIssue[]; validationContext?: string; statusCode?: number; message?: string; code?: string };
  if (Array.isArray(e.validation)) return validationError(e.validation, e.validationContext);
  // Fastify's own client errors: malformed JSON, body too large, unsupported content type.
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError(ApiErrorCode.invalidRequest, e.message ?? 'bad request', { status: e.statusCode, cause: err });
  }
  return new ApiError(ApiErrorCode.internal, 'internal error', { cause: err });
}
