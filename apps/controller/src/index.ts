export { startController, midStep, type ControllerOptions, type RunningController, type MidInputs } from './service';
export { buildApp, type ControlDeps } from './app';
export { PolicyStore, readHistory, ensureHistoryStream, type HistoryEntry } from './policy-store';
export { QualityEstimator } from './quality';
