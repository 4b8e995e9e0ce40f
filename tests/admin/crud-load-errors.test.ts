// The show and edit screens of a row that does not come back (admin/src/crud/show/loadErrors.ts):
// what counts as "not found / no access", and which failures are worth asking again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meansNotFound, retryLoad } from '../../admin/src/crud/show/loadErrors.ts';

test('no row (RLS hides it, or it does not exist), a malformed key, or no row for .single() mean "not found"', () => {
  assert.equal(meansNotFound(null), true);
  assert.equal(meansNotFound(undefined), true);
  assert.equal(meansNotFound({ code: '22P02', message: 'invalid input syntax for type uuid: "x"' }), true);
  assert.equal(meansNotFound({ code: 'PGRST116', message: 'JSON object requested, multiple (or no) rows returned' }), true);
});

test('any other failure is a failure, shown with its message', () => {
  assert.equal(meansNotFound({ code: '42501', message: 'permission denied for table payments' }), false);
  assert.equal(meansNotFound({ code: '', message: 'Failed to fetch' }), false);
  assert.equal(meansNotFound({ message: 'Failed to fetch' }), false);
});

test('a refusal from the database is not asked again; a network failure is, twice', () => {
  assert.equal(retryLoad(0, { code: '22P02' }), false);
  assert.equal(retryLoad(0, { code: '42501' }), false);
  assert.equal(retryLoad(0, { message: 'Failed to fetch' }), true);
  assert.equal(retryLoad(1, { code: '', message: 'Failed to fetch' }), true);
  assert.equal(retryLoad(2, { message: 'Failed to fetch' }), false);
});
