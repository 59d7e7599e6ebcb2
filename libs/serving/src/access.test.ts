import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBind, bearerCheck } from './access';

test('loopback binds need no key; anything else does', () => {
  for (const h of ['127.0.0.1', '::1', 'localhost']) assert.doesNotThrow(() => checkBind(h, undefined, 'x'));
  assert.throws(() => checkBind('0.0.0.0', undefined, 'the API'), /--host 0\.0\.0\.0 exposes the API beyond loopback: give --api-key/);
  assert.doesNotThrow(() => checkBind('0.0.0.0', 'k', 'the API'));
});

test('bearer tokens: missing, wrong, right (scheme case and spacing tolerated)', () => {
  const check = bearerCheck('s3cret');
  assert.equal(check(undefined), 'missing');
  assert.equal(check('Basic s3cret'), 'missing');
  assert.equal(check('Bearer nope'), 'wrong');
  assert.equal(check('Bearer s3cret'), 'ok');
  assert.equal(check('bearer   s3cret '), 'ok');
});
