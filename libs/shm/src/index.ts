export { Segment, shmDir, sweepStale, listSegments } from './segment';
export { Allocator, ALIGN } from './allocator';
export { ShmPool, SegmentMap, BudgetExceededError, MAX_SEGMENT_BYTES, type Extent, type PoolStats, type View } from './pool';
export { SeqLocks } from './seqlock';
