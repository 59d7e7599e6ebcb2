export { KvStore, DEFAULT_PREFIX, type StoreConfig, type StoreStats } from './store';
export { startKvStore, type RunningStore } from './service';
