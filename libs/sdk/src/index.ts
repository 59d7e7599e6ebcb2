export * from './api';
export { InferOSClient, InferOSError, DEFAULT_GATEWAY_URL, DEFAULT_CONTROL_URL, type ClientOptions, type PolicyReply, type PolicyPatch, type Policy, type PartialPolicy, type PolicyDocument, type HealthReply, type HistoryEntry, type RunReport, type ChatParams, type CompletionParams, type StreamChunk } from './client';
export { InferenceContext, applyOrtPolicy, type InferenceContextOptions, type Prerun, type OrtPolicyResult, type OrtSessionOptions, type OrtRunOptions } from './adapter';
