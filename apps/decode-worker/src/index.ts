export { startDecodeWorker, type DecodeWorkerOptions } from './worker';
export type { RunningWorker } from '@inferos/serving';
