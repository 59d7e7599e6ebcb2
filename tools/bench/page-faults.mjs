#!/usr/bin/env node
// What the first write to fresh memory costs against rewriting memory already written: the reason the
// batch buffers (libs/inference/src/batch-feeds.ts) are allocated with room and lengthened in place.
//   node tools/bench/page-faults.mjs [--mib 277]
// Writes the same bytes into fresh Float32Arrays twice (32 buffers, rows of 512 x 64 floats), timing each pass.
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '277' } } });
const buffers = 32;
const row = 512 * 64;
const n = Math.floor((Number(values.mib) * 2 ** 20) / 4 / buffers / row) * row;
const src = new Float32Array(row).fill(1);
const t0 = performance.now();
const bufs = Array.from({ length: buffers }, () => new Float32Array(n));
const alloc = performance.now() - t0;
const pass = () => {
  const t = performance.now();
  for (const b of bufs) for (let at = 0; at < n; at += row) b.set(src, at);
  return performance.now() - t;
};
const first = pass();
const second = pass();
console.log(JSON.stringify({ mib: Math.round((buffers * n * 4) / 2 ** 20), alloc_ms: Math.round(alloc), first_write_ms: Math.round(first), rewrite_ms: Math.round(second) }));
