export { startPrefillWorker, type PrefillWorkerOptions } from './worker';
export type { RunningWorker } from '@inferos/serving';
