import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextTokenizer, StreamDecoder } from './tokenizer';

const tok = TextTokenizer.load(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tiny-untied', 'tokenizer.json'));

test('encode adds BOS through the post-processor; decode round-trips text', () => {
  const text = 'The kernel schedules tasks: naïve café ✓';
  const ids = tok.encode(text);
  assert.equal(ids[0], tok.tokenId('<|bos|>'));
  assert.equal(tok.decode(ids), text);
  assert.deepEqual(tok.encode(text, false), ids.slice(1));
});

test('stream decoding yields the same text as one decode, including split multi-byte characters', () => {
  const text = 'αβγ — 東京 and ✓ emoji 🎉 end';
  const ids = tok.encode(text, false);
  const s = new StreamDecoder(tok);
  const parts = ids.map((id) => s.push(id));
  assert.equal(parts.join(''), text);
  assert.ok(parts.every((p) => !p.includes('\uFFFD')));
});
