export { startController, type ControllerOptions, type RunningController } from './service';
export { buildApp, type ControlDeps } from './app';
export { PolicyStore, readHistory, ensureHistoryStream, type HistoryEntry } from './policy-store';
export { QualityEstimator } from './quality';
