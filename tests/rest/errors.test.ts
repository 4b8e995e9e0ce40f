// Routing and request errors of the read path, with PostgREST's bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { api } from '../helpers/env.ts';

test('a path deeper than a table is a 404 PGRST125', async () => {
  const r = await get('/suppliers/1');
  assert.equal(r.status, 404);
  assert.deepEqual(r.body, { code: 'PGRST125', details: null, hint: null, message: 'Invalid path specified in request URL' });
});

test('an unsupported method is a 405 PGRST117', async () => {
  const res = await api('/rest/v1/suppliers', { method: 'PROPFIND' });
  assert.equal(res.status, 405);
  assert.deepEqual(await res.json(), { code: 'PGRST117', details: null, hint: null, message: 'Unsupported HTTP method: PROPFIND' });
});

test('OPTIONS lists the allowed methods', async () => {
  const res = await api('/rest/v1/suppliers', { method: 'OPTIONS' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('allow'), 'OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE');
});

test('a bad select is a 400 PGRST100 with the position', async () => {
  const r = await get('/suppliers?select=id,name)');
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'PGRST100');
  assert.equal(r.body.message, '"failed to parse select parameter (id,name))" (line 1, column 8)');
  assert.equal(r.body.hint, null);
});

test('an unclosed embed is a 400 PGRST100', async () => {
  const r = await get('/suppliers?select=id,products(id');
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'PGRST100');
  assert.equal(r.body.message, '"failed to parse select parameter (id,products(id)" (line 1, column 15)');
});

test('aggregates are disabled, as on hosted Supabase: 400 PGRST123', async () => {
  const r = await get('/products?select=price_cents.sum()');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: 'PGRST123', details: null, hint: null, message: 'Use of aggregate functions is not allowed' });
});

test('an invalid preference with handling=strict is a 400 PGRST122', async () => {
  const r = await get('/suppliers', { Prefer: 'handling=strict, bogus=1' });
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: 'PGRST122', details: 'Invalid preferences: bogus=1', hint: null, message: 'Invalid preferences given with handling=strict' });
});

test('an invalid preference without strict is ignored', async () => {
  const r = await get('/suppliers?select=id&id=eq.1', { Prefer: 'bogus=1' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1 }]);
});

test('a bad JWT is a 401 before anything runs', async () => {
  const r = await get('/suppliers', { Authorization: 'Bearer not.a.jwt' });
  assert.equal(r.status, 401);
  assert.equal(r.body.code, 'PGRST301');
});
