export { buildApp, HISTORY_LIMIT_MAX, type TelemetryConfig, type TelemetryDeps, type HistorySource, type SeriesReply } from './app';
export { startTelemetry, DEFAULT_PORT, DEFAULT_SNAPSHOT_MS, type TelemetryOptions, type RunningTelemetry } from './service';
export { History, ensureHistoryStream, toPolicyEvent, STREAM_CONFIG, HISTORY_SUBJECTS, HISTORY_KEEP, type HistoryEntry, type PolicyEvent } from './history';
export { buildDashboard, dashboardJson, promqlExpressions, DASHBOARD_PATH, DASHBOARD_UID, DATASOURCE_UID } from './dashboards';
