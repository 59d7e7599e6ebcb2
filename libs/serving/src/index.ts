export { KvClient, RemoteSeq, KvError, workerId, type StepToCommit, type StepFailure } from './kv-client';
export { Turns, INTERLEAVED_CHUNK_MS, pidNamespace, providerPreference, announce, serveQualityProbe, sendChunk, streamTo, abandon, type HeartbeatState, type ChunkFields, type WorkerOptions, type RunningWorker } from './worker';
export { runService, logLevel, inferosEnabled, EnvError, LOG_LEVELS, type LogLevel, type FlagSpec, type Started } from './service-main';
export { followPolicy, parseStoredPolicy, PeriodicLoop, startReporter, loadEngine, pssBytes, type PolicyState, type StoredPolicy, type PolicyFollower } from './control';
export { checkBind, bearerCheck } from './access';
export { startPrefillWorker, type PrefillWorkerOptions } from './prefill-worker';
export { startDecodeWorker, type DecodeWorkerOptions } from './decode-worker';
export { schedule, nextBatch, runsOf, graphPath, type BatchLimits, type Schedule } from './scheduler';
export { stepChecked, commitWithRetry, failure } from './commit';
