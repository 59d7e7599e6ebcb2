export { NAME, SYSTEM_POLICY, KV_TIERS, BUCKETS, buildRegistry, metricsOf, onCollect, type MetricName, type KvTier, type Metrics } from './metrics';
export {
  Aggregator, type AggregatorOptions, type RequestMetricsLike, type ServiceReportLike, type LoopStatsLike,
  type Current, type KvFigures, type Kpis, type PolicyKpis, type ControlFigures, type LoopFigures, type Totals, type Series, type Snapshot,
} from './aggregator';
