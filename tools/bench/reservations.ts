// What a sequence reserves in the kv-store under each policy, while its prompt is prefilled (prompt chunks
// of CHUNK tokens) and once it decodes (single-token steps: KvStore.settle), and how many fit in a budget.
// Usage: npx tsx tools/bench/reservations.ts [MODEL_DIR] [PROMPT] [OUTPUT] [CHUNK] [BUDGET_MIB]
//   defaults: the bundled model, 512 + 128 tokens, chunks of 256 (the kv-store's default), 16 MiB
import { cachePolicy, loadPolicy, reservation, PROFILES } from '@inferos/kv';
import { loadModelInfo, defaultModelDir } from '@inferos/inference';

const [dir, promptArg, outArg, chunkArg, budgetArg] = process.argv.slice(2);
const info = loadModelInfo(dir ?? defaultModelDir());
const prompt = Number(promptArg ?? 512);
const total = prompt + Number(outArg ?? 128);
const chunk = Number(chunkArg ?? 256);
const budget = Number(budgetArg ?? 16) * 2 ** 20;
const shape = { layers: info.numLayers, kvHeads: info.numKvHeads, headDim: info.headDim, maxTokens: total };
const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
console.log(`${info.name}: ${prompt} + ${total - prompt} tokens, prompt chunks of ${chunk}, budget ${mib(budget)}`);
for (const name of PROFILES) {
  const p = cachePolicy(loadPolicy(name).policy);
  const prefill = reservation(shape, p, total, chunk, prompt).bytes;
  const decode = reservation(shape, p, total, 1, prompt).bytes;
  console.log(`${name.padEnd(22)} prefilling ${mib(prefill)}, decoding ${mib(decode)}: ${Math.floor(budget / decode)} decoding sequences fit`);
}
