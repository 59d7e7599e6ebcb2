export { startPrefillWorker, type PrefillWorkerOptions, type RunningWorker } from './worker';
