// Routing and request errors of the read path, with PostgREST's bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { api } from '../helpers/env.ts';

test('a path deeper than a table is a 404 PGRST125', async () => {
  const r = await get('/fx_suppliers/1');
  assert.equal(r.status, 404);
  assert.deepEqual(r.body, { code: 'PGRST125', details: null, hint: null, message: 'Invalid path specified in request URL' });
});

test('an unsupported method is a 405 PGRST117', async () => {
  const res = await api('/rest/v1/fx_suppliers', { method: 'PROPFIND' });
  assert.equal(res.status, 405);
  assert.deepEqual(await res.json(), { code: 'PGRST117', details: null, hint: null, message: 'Unsupported HTTP method: PROPFIND' });
});

test('OPTIONS lists the allowed methods of a table, a read-only relation, a function and the root', async () => {
  const allow = async (path: string) => {
    const res = await api(`/rest/v1${path}`, { method: 'OPTIONS' });
    assert.equal(res.status, 200);
    return res.headers.get('allow');
  };
  assert.equal(await allow('/fx_suppliers'), 'OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE');
  assert.equal(await allow('/fx_supplier_stats'), 'OPTIONS,GET,HEAD');
  assert.equal(await allow('/fx_product_summaries'), 'OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE');
  assert.equal(await allow('/rpc/fx_label'), 'OPTIONS,GET,HEAD,POST');
  assert.equal(await allow('/'), 'OPTIONS,GET,HEAD');
});

test('a bad select is a 400 PGRST100 with the position', async () => {
  const r = await get('/fx_suppliers?select=id,,name');
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'PGRST100');
  assert.equal(r.body.message, '"failed to parse select parameter (id,,name)" (line 1, column 4)');
  assert.equal(r.body.hint, null);
});

test('like PostgREST, text after a complete select is ignored', async () => {
  const r = await get('/fx_suppliers?select=id,name)&id=eq.1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, name: 'Atelier Nord' }]);
});

test('an unclosed embed is a 400 PGRST100', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products(id');
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'PGRST100');
  assert.equal(r.body.message, '"failed to parse select parameter (id,fx_products(id)" (line 1, column 18)');
});

test('aggregates are disabled, as on hosted Supabase: 400 PGRST123', async () => {
  const r = await get('/fx_products?select=price_cents.sum()');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: 'PGRST123', details: null, hint: null, message: 'Use of aggregate functions is not allowed' });
});

test('an invalid preference with handling=strict is a 400 PGRST122', async () => {
  const r = await get('/fx_suppliers', { Prefer: 'handling=strict, bogus=1' });
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: 'PGRST122', details: 'Invalid preferences: bogus=1', hint: null, message: 'Invalid preferences given with handling=strict' });
});

test('an invalid preference without strict is ignored', async () => {
  const r = await get('/fx_suppliers?select=id&id=eq.1', { Prefer: 'bogus=1' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1 }]);
});

test('a bad JWT is a 401 before anything runs', async () => {
  const r = await get('/fx_suppliers', { Authorization: 'Bearer not.a.jwt' });
  assert.equal(r.status, 401);
  assert.equal(r.body.code, 'PGRST301');
});

test('casts and values cannot end the statement they are in', async () => {
  const cast = await get(`/fx_suppliers?select=id::$$,name::$$&id=eq.1`);
  assert.equal(cast.status, 400);
  assert.deepEqual(cast.body, { code: '42704', details: null, hint: null, message: 'type "$$" does not exist' });
  const value = await get(`/fx_suppliers?select=id&name=eq.${encodeURIComponent("x'; select pg_sleep(5); --")}&country=eq.${encodeURIComponent('a\\')}`);
  assert.equal(value.status, 200);
  assert.deepEqual(value.body, []);
  const dollar = await get(`/fx_suppliers?select=n::$$&name=eq.${encodeURIComponent('$$; select 1; --')}`);
  assert.equal(dollar.status, 400);
  assert.equal(dollar.body.code, '42704');
  const ok = await get('/fx_suppliers?select=id&order=id');
  assert.deepEqual(ok.body, [{ id: 1 }, { id: 2 }, { id: 3 }]);
});

test('Prefer: timezone applies to the request and is echoed; an unknown zone is ignored, or refused with strict', async () => {
  const r = await get('/fx_products?select=created_at&id=eq.1', { Prefer: 'timezone=America/Los_Angeles' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('preference-applied'), 'timezone=America/Los_Angeles');
  assert.deepEqual(r.body, [{ created_at: '2023-12-31T16:00:00-08:00' }]);
  const unknown = await get('/fx_products?select=created_at&id=eq.1', { Prefer: 'timezone=Nowhere/Special' });
  assert.equal(unknown.status, 200);
  assert.equal(unknown.headers.get('preference-applied'), null);
  assert.deepEqual(unknown.body, [{ created_at: '2024-01-01T00:00:00+00:00' }]);
  const strict = await get('/fx_products?select=created_at', { Prefer: 'handling=strict, timezone=Nowhere/Special' });
  assert.equal(strict.status, 400);
  assert.deepEqual(strict.body, {
    code: 'PGRST122',
    details: 'Invalid preferences: timezone=Nowhere/Special',
    hint: null,
    message: 'Invalid preferences given with handling=strict',
  });
});

test('Preference-Applied on reads lists count and handling', async () => {
  const r = await get('/fx_numbers?select=n&limit=1&order=n', { Prefer: 'count=exact, handling=lenient, bogus' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('preference-applied'), 'count=exact, handling=lenient');
  assert.deepEqual(r.body, [{ n: 1 }]);
});
