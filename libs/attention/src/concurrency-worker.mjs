// Used by attention.test.ts: calls attend() repeatedly from a worker_thread, while the main thread does the
// same, and sends back every output (the addon's thread pool is process-wide). Plain JavaScript that loads
// the TypeScript API through tsx's loader (a worker does not inherit the test's --import tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { attend } = await import('./index.ts');
const job = workerData;
const outs = [];
for (let i = 0; i < job.repeats; i++) {
  const out = new Float32Array(job.outLength);
  const mass = new Float32Array(job.massLength);
  attend(job.shape, job.t, job.q, job.k, job.v, job.rows, out, mass);
  outs.push(out, mass);
}
parentPort.postMessage(outs);
