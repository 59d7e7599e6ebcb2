// Speed of the quantization kernels the kv-store runs when a block leaves the FP16 tier (and on every
// prefill chunk that completes blocks). Usage: npx tsx tools/bench/quant-speed.ts [CHANNELS] [GROUP]
import { quantizeKeys, quantizeValues } from '@inferos/kv';

const C = Number(process.argv[2] ?? 128);
const n = Number(process.argv[3] ?? 64);
const src = new Float32Array(n * C).map(() => Math.random() * 4 - 2);
for (const bits of [8, 4] as const) {
  const q = new Uint8Array(bits === 8 ? n * C : (n * C) / 2);
  const ks = new Uint16Array(C);
  const kz = new Uint8Array(C);
  // A block is `n` tokens (the key group); values are grouped over `n` channels of each token.
  const vs = new Uint16Array(n * (C / n));
  const vz = new Uint8Array(n * (C / n));
  const time = (f: () => void) => {
    for (let i = 0; i < 200; i++) f(); // warm up the JIT
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) f();
    return ((performance.now() - t0) / 2000) * 1000;
  };
  const k = time(() => quantizeKeys(src, n, C, bits, q, ks, kz));
  const v = time(() => quantizeValues(src, n, C, n, bits, q, vs, vz));
  console.log(`int${bits}, ${n} tokens x ${C} channels: keys ${k.toFixed(1)} us, values ${v.toFixed(1)} us per block`);
}
