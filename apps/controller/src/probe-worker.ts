// The quality probe, in a worker thread (ONNX Runtime's run blocks its thread; the controller's loops
// and API must not wait on it). For each sampled prompt it scores every token after the first by
// teacher forcing through the real decode path, in chunks of 32: once with the policy's compressed cache
// and once with the full-precision cache, and posts the two summed negative log-likelihoods.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, BASELINE_CACHE, nllOf } from '@inferos/inference';
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

const CHUNK = 32;
const PROBE_TOKENS = 1024;
const engine = await Engine.load((workerData as { modelDir?: string }).modelDir, ['cpu']);

async function score(ids: number[], policy: CachePolicy): Promise<number> {
  const cache = engine.newCache(policy);
  const vocab = engine.info.vocabSize;
  let nll = 0;
  for (let at = 0; at < ids.length - 1; at += CHUNK) {
    const part = ids.slice(at, Math.min(at + CHUNK, ids.length - 1));
    const logits = await engine.forward(cache, part, true);
    for (let i = 0; i < part.length; i++) nll += nllOf(logits.subarray(i * vocab, (i + 1) * vocab), ids[at + i + 1]!);
  }
  return nll;
}

parentPort!.on('message', (job: ProbeJob) => {
  void (async () => {
    try {
      // The last PROBE_TOKENS tokens: enough for old blocks to be demoted, bounded so the probe stays cheap.
      const keep = Math.min(PROBE_TOKENS, engine.info.maxPosition);
      const bos = engine.info.bosTokenId;
      const ids = job.promptIds.length <= keep ? job.promptIds : [...(bos === null ? [] : [bos]), ...job.promptIds.slice(-(keep - (bos === null ? 0 : 1)))];
      const [nllPolicy, nllBaseline] = [await score(ids, job.policy), await score(ids, BASELINE_CACHE)];
      parentPort!.postMessage({ tokens: ids.length - 1, nllPolicy, nllBaseline, policyVersion: job.policyVersion } satisfies ProbeResult);
    } catch (err) {
      parentPort!.postMessage({ tokens: 0, nllPolicy: 0, nllBaseline: 0, policyVersion: job.policyVersion, error: (err as Error).message } satisfies ProbeResult);
    }
  })();
});
parentPort!.postMessage({ ready: true });
