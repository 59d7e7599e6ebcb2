#!/usr/bin/env node
// A container's healthcheck (docker-compose.yml): healthy while the service's health file, which the
// service rewrites every 2 s once started (INFEROS_HEALTH_FILE, libs/serving/src/service-main.ts), is
// younger than MAX_AGE_MS. A service that is still starting, has stopped, or hangs is unhealthy.
//   node deploy/healthcheck.mjs [FILE]   (default: $INFEROS_HEALTH_FILE)
import { readFileSync } from 'node:fs';

const MAX_AGE_MS = 10_000;
const file = process.argv[2] ?? process.env.INFEROS_HEALTH_FILE;
if (!file) {
  console.error('no health file: set INFEROS_HEALTH_FILE or pass its path');
  process.exit(2);
}
let written;
try {
  written = Number(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`not started (${err.code === 'ENOENT' ? `${file} does not exist yet` : err.message})`);
  process.exit(1);
}
const age = Date.now() - written;
if (!Number.isFinite(age) || age > MAX_AGE_MS) {
  console.error(`unhealthy: ${file} was last written ${Math.round(age / 1000)} s ago`);
  process.exit(1);
}
console.log(`healthy (${age} ms ago)`);
