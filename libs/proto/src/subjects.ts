// Every NATS subject Infer-OS uses, in one place. Requests expect one reply; `queue` subjects are served
// by a queue group, so that any number of worker instances share the work.

export const Subjects = {
  /** gateway -> kv-store: SeqOpenRequest -> SeqOpenReply (admission within the budget). */
  kvOpen: 'inferos.kv.open',
  /** worker -> kv-store: SeqClaimRequest -> SeqReply (become the owner, get the table). */
  kvClaim: 'inferos.kv.claim',
  /** worker -> kv-store: StepCommitRequest -> StepCommitReply. */
  kvCommit: 'inferos.kv.commit',
  /** anyone -> kv-store: SeqFreeRequest -> Ack. */
  kvFree: 'inferos.kv.free',
  /** anyone -> kv-store: HealthRequest -> KvStats. */
  kvStats: 'inferos.kv.stats',
  /** kv-store -> everyone (publish): SeqLost, when a sequence's owner stopped heartbeating. */
  kvLost: 'inferos.kv.lost',
  /** gateway -> prefill workers (queue group): PrefillJob -> Ack. */
  prefillJobs: 'inferos.prefill.jobs',
  /** prefill worker -> decode workers (queue group): DecodeJob -> Ack. */
  decodeJobs: 'inferos.decode.jobs',
  /** workers -> gateway (publish): TokenChunk messages of one request. */
  stream: (requestId: string): string => `inferos.stream.${requestId}`,
  /** workers -> everyone (publish): Heartbeat. */
  heartbeat: (kind: string): string => `inferos.heartbeat.${kind}`,
  heartbeatAll: 'inferos.heartbeat.>',
  /** controller -> every service (publish): PolicyUpdate. */
  policyUpdate: 'inferos.policy.update',
  /** service -> controller (publish): PolicyAck. */
  policyAck: 'inferos.policy.ack',
  /** gateway -> telemetry (publish): RequestMetrics, one per finished request. */
  requestMetrics: 'inferos.metrics.request',
  /** every service -> telemetry and controller (publish): ServiceReport, every REPORT_MS. */
  report: (service: string): string => `inferos.metrics.report.${service}`,
  reportAll: 'inferos.metrics.report.>',
  /** gateway -> controller (publish): QualityProbe, a sampled request's prompt. */
  qualityProbe: 'inferos.quality.probe',
  /** controller -> workers with --quality-probe (queue group): QualityScoreRequest -> QualitySample. */
  qualityScore: 'inferos.quality.score',
  /** controller -> JetStream stream HISTORY_STREAM: policy changes and metric snapshots (JSON). */
  historyPolicy: 'inferos.history.policy',
  historySnapshot: 'inferos.history.snapshot',
  /** anyone -> every instance of a service: HealthRequest -> HealthReply (one reply per instance). */
  health: (service: string): string => `inferos.health.${service}`,
} as const;

export const QueueGroups = {
  prefill: 'inferos-prefill-workers',
  decode: 'inferos-decode-workers',
  quality: 'inferos-quality-scorers',
} as const;

/** Services that answer health requests, in start order. */
export const SERVICES = ['kv-store', 'prefill-worker', 'decode-worker', 'gateway', 'controller', 'telemetry'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The services a generation request needs (the gateway's health lists these). */
export const INFERENCE_SERVICES = ['kv-store', 'prefill-worker', 'decode-worker'] as const;

/** How often workers heartbeat, and after how long without one the kv-store declares a worker lost. */
export const HEARTBEAT_MS = 500;
export const LOST_AFTER_MS = 2500;

/** How often services publish their ServiceReport. */
export const REPORT_MS = 500;

/** JetStream: the KV bucket holding the current policy (key POLICY_KEY), and the history stream. */
export const POLICY_BUCKET = 'inferos_policy';
export const POLICY_KEY = 'current';
export const HISTORY_STREAM = 'INFEROS_HISTORY';
