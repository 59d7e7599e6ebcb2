// The native part: one function that maps a named segment into this process as an external ArrayBuffer
// (native/shm.c on Linux: a file in /dev/shm; native/shm_win.c on Windows: a named file mapping, with
// `exists` since there is no file to look for). Built by `npm ci` (node-gyp, the package's install script).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Native {
  map(path: string, bytes: number, create: boolean): ArrayBuffer;
  /** Windows only. */
  exists?(name: string): boolean;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let native: Native | undefined;

export function loadNative(): Native {
  if (native) return native;
  const path = join(root, 'build', 'Release', 'inferos_shm.node');
  if (!existsSync(path)) {
    throw new Error(`@inferos/shm: the native addon is not built (${path} is missing); run \`npm ci\` (it builds it with node-gyp) or \`npm rebuild @inferos/shm\``);
  }
  native = createRequire(import.meta.url)(path) as Native;
  return native;
}
