#!/usr/bin/env node
// Generate libs/proto/src/generated/inferos.{js,d.ts} from proto/inferos.proto (protobufjs static code).
// `--check` regenerates into a temporary directory and fails when the committed files differ.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'inferos-proto-')) : join(here, 'src', 'generated');
const js = join(out, 'inferos.js');
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'es6', '--no-delimited', '-o', js, join(root, 'proto', 'inferos.proto')], { stdio: 'inherit' });
execFileSync(bin('pbts'), ['-o', join(out, 'inferos.d.ts'), js], { stdio: 'inherit' });
if (check) {
  let stale = [];
  for (const f of ['inferos.js', 'inferos.d.ts']) {
    if (readFileSync(join(out, f), 'utf8') !== readFileSync(join(here, 'src', 'generated', f), 'utf8')) stale.push(f);
  }
  rmSync(out, { recursive: true });
  if (stale.length) {
    console.error(`libs/proto/src/generated is stale (${stale.join(', ')}): run npm run generate -w @inferos/proto`);
    process.exit(1);
  }
}
