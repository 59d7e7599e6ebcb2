// The quality probe, in a worker thread (ONNX Runtime's run blocks its thread; the controller's loops
// and API must not wait on it). For each sampled prompt it scores every token after the first by
// teacher forcing through the real decode path (probeScore: chunks of 32, once with the policy's
// compressed cache and once at full precision), and posts the two summed negative log-likelihoods.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, probeScore } from '@inferos/inference';
import type { CachePolicy } from '@inferos/kv';

export interface ProbeJob {
  promptIds: number[];
  policy: CachePolicy;
  policyVersion: number;
}

export interface ProbeResult {
  tokens: number;
  nllPolicy: number;
  nllBaseline: number;
  policyVersion: number;
  error?: string;
}

const engine = await Engine.load((workerData as { modelDir?: string }).modelDir, ['cpu']);

parentPort!.on('message', (job: ProbeJob) => {
  void (async () => {
    try {
      const s = await probeScore(engine, job.promptIds, job.policy);
      parentPort!.postMessage({ ...s, policyVersion: job.policyVersion } satisfies ProbeResult);
    } catch (err) {
      parentPort!.postMessage({ tokens: 0, nllPolicy: 0, nllBaseline: 0, policyVersion: job.policyVersion, error: (err as Error).message } satisfies ProbeResult);
    }
  })();
});
parentPort!.postMessage({ ready: true });
