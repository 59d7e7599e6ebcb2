// The memory budget's arithmetic, without a running system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refitKvBudget, kvPoolResident, MIN_KV_BUDGET } from './system';

const MiB = 2 ** 20;

test('refitKvBudget: the KV budget is what the processes leave besides the KV cache, moved only past noise', () => {
  // Fitted at start: 1400 MiB budget, 1000 MiB of processes, so 400 MiB of KV. The processes grew by 300
  // MiB besides the 200 MiB of KV pages now resident: the KV budget drops to 100 MiB.
  assert.equal(refitKvBudget({ budget: 1400 * MiB, totalBytes: 1500 * MiB, kvResidentBytes: 200 * MiB, currentKvBudget: 400 * MiB }), 100 * MiB);
  // Within 16 MiB (or 5%) of the current budget: no change, no new policy version.
  assert.equal(refitKvBudget({ budget: 1400 * MiB, totalBytes: 1210 * MiB, kvResidentBytes: 200 * MiB, currentKvBudget: 400 * MiB }), undefined);
  // The processes alone pass the budget: the KV cache keeps its floor.
  assert.equal(refitKvBudget({ budget: 1000 * MiB, totalBytes: 1300 * MiB, kvResidentBytes: 100 * MiB, currentKvBudget: 200 * MiB }), MIN_KV_BUDGET);
  // They shrank (a worker restarted): the KV cache gets the room back.
  assert.equal(refitKvBudget({ budget: 1400 * MiB, totalBytes: 900 * MiB, kvResidentBytes: 100 * MiB, currentKvBudget: 300 * MiB }), 600 * MiB);
});

test('kvPoolResident: the pages of the kv-store\'s pool segments that exist, not their size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferos-shm-'));
  try {
    writeFileSync(join(dir, 'inferos-kv-123-0'), Buffer.alloc(4 * MiB, 1)); // written: resident
    writeFileSync(join(dir, 'inferos-kv-123-1'), '');
    truncateSync(join(dir, 'inferos-kv-123-1'), 64 * MiB); // sparse: nothing resident
    writeFileSync(join(dir, 'inferos-kv-123-locks'), Buffer.alloc(MiB, 1)); // the lock table is not KV
    writeFileSync(join(dir, 'inferos-kv-456-0'), Buffer.alloc(MiB, 1)); // another kv-store's
    writeFileSync(join(dir, 'inferos-stage-123-0'), Buffer.alloc(MiB, 1)); // a worker's staging
    const bytes = kvPoolResident(123, dir);
    assert.ok(bytes >= 4 * MiB && bytes < 5 * MiB, `${bytes}`);
    assert.equal(kvPoolResident(789, dir), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
