// Worker-thread entry of the quality probe: registers tsx in this thread (the parent's loader does not
// reach worker threads on Node 20), then runs probe-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./probe-worker.ts');
