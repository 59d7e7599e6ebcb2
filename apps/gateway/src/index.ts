export { buildApp, DEFAULT_MAX_TOKENS, type GatewayConfig, type GatewayDeps } from './app';
export { EngineBackend } from './engine-backend';
export { NatsBackend, type NatsBackendOptions } from './nats-backend';
export { BackendError, BackendErrorCode, type Backend, type GenerationRequest, type GenerationEvent } from './backend';
