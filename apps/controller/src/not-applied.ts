// Policy keys that nothing in this system reads live. The seed's policy shape carries them, so a profile
// may hold them, but a live change to one would be acknowledged and do nothing: POST /v1/policy refuses
// it instead, saying why it cannot apply here (setting the value it already has is accepted).
import { PolicyError, type Policy } from '@inferos/kv';

/** Dotted key under infer_os -> why a live change to it cannot take effect. */
export const NOT_APPLIED_LIVE: Readonly<Record<string, string>> = {
  'quality.min_accept_rate': 'nothing here speculates (no draft model), so there is no acceptance rate to hold',
  'io.enable_iobinding': 'onnxruntime-node has no IO binding API: each run feeds and fetches its tensors directly',
  'io.dml_pool_bytes': 'Infer-OS sets no DirectML memory pool (onnxruntime-node exposes no such option)',
  'scheduler.mode': 'the devices are chosen per role by scheduler.prefill_device and scheduler.decode_device; mode is not read',
  'scheduler.prefill_device': 'a worker chooses its execution provider when it starts: restart the workers with a policy that names the device (inferos up --policy FILE)',
  'scheduler.decode_device': 'a worker chooses its execution provider when it starts: restart the workers with a policy that names the device (inferos up --policy FILE)',
};

function at(policy: Policy, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], policy);
}

/** Throws a PolicyError (422, with the key's path) when `next` changes a key that cannot apply live. */
export function refuseNotApplied(current: Policy, next: Policy): void {
  for (const [key, why] of Object.entries(NOT_APPLIED_LIVE)) {
    if (at(current, key) !== at(next, key)) throw new PolicyError(`infer_os.${key}`, `cannot change live: ${why}`);
  }
}
