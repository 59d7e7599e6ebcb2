export { pb, encode, decode, ProtocolError, SCHEMA_VERSION, type MessageType, type Fields } from './codec';
export { Subjects, QueueGroups, SERVICES, INFERENCE_SERVICES, HEARTBEAT_MS, LOST_AFTER_MS, REPORT_MS, POLICY_BUCKET, POLICY_KEY, HISTORY_STREAM, type ServiceName } from './subjects';
export {
  connectBus, publish, request, untilAnswered, serve, checkPayload, PayloadTooLargeError, UnavailableError, DEFAULT_NATS_URL,
  type NatsConnection, type Msg, type Subscription, type ServeOptions,
} from './bus';
export { inferos } from './generated/inferos.js';
export { startNatsServer, findNatsServer, type NatsServerHandle, type NatsServerOptions } from './nats-server';
export { BUS_USERS, publishDenied, newBusCredentials, authorizationConfig, credentialsFromEnv, credentialsEnv, type BusUser, type BusCredentials } from './auth';
