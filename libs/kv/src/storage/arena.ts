// Storage: where the cache's KV buffers come from. Every store allocates through a KvArena: the
// JavaScript heap in process (HEAP_ARENA), the kv-store's shared-memory pool in the service.

/**
 * Where the cache's KV buffers come from. The in-process default is the JavaScript heap; the kv-store
 * service passes its shared-memory pool, so that the buffers the graph reads are the shared ones.
 * Allocation may throw (a budget is exhausted); the cache allocates before it releases.
 */
export interface KvArena {
  f32(n: number): Float32Array;
  u16(n: number): Uint16Array;
  u8(n: number): Uint8Array;
  release(a: Float32Array | Uint16Array | Uint8Array): void;
}

export const HEAP_ARENA: KvArena = {
  f32: (n) => new Float32Array(n),
  u16: (n) => new Uint16Array(n),
  u8: (n) => new Uint8Array(n),
  release: () => {},
};
