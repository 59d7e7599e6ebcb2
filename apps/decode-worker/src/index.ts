export { startDecodeWorker, type DecodeWorkerOptions, type RunningWorker } from './worker';
