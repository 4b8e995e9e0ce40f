// Accept: application/vnd.pgrst.object+json: one object, or 406 PGRST116.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

const OBJECT = 'application/vnd.pgrst.object+json';

test('one row comes back as an object', async () => {
  const r = await get('/fx_suppliers?id=eq.2', { Accept: OBJECT });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/vnd.pgrst.object+json; charset=utf-8');
  assert.equal(r.headers.get('content-range'), '0-0/*');
  assert.deepEqual(r.body, { id: 2, name: 'Bodega Sur', country: 'ES' });
});

test('with embeds', async () => {
  const r = await get('/fx_suppliers?select=name,fx_products(id)&id=eq.2', { Accept: OBJECT });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { name: 'Bodega Sur', fx_products: [{ id: 3 }] });
});

test('no row is a 406 PGRST116', async () => {
  const r = await get('/fx_suppliers?id=eq.99', { Accept: OBJECT });
  assert.equal(r.status, 406);
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(r.body, {
    code: 'PGRST116',
    details: 'The result contains 0 rows',
    hint: null,
    message: 'Cannot coerce the result to a single JSON object',
  });
});

test('several rows are a 406 PGRST116', async () => {
  const r = await get('/fx_suppliers', { Accept: OBJECT });
  assert.equal(r.status, 406);
  assert.deepEqual(r.body, {
    code: 'PGRST116',
    details: 'The result contains 3 rows',
    hint: null,
    message: 'Cannot coerce the result to a single JSON object',
  });
});

test('nulls=stripped drops null fields', async () => {
  const r = await get('/fx_suppliers?id=eq.3', { Accept: 'application/vnd.pgrst.object+json;nulls=stripped' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { id: 3, name: 'Casa Vide' });
  assert.equal(r.headers.get('content-type'), 'application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8');
});

test('arrays with nulls=stripped', async () => {
  const r = await get('/fx_suppliers?order=id&id=gt.1', { Accept: 'application/vnd.pgrst.array+json;nulls=stripped' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2, name: 'Bodega Sur', country: 'ES' }, { id: 3, name: 'Casa Vide' }]);
  assert.equal(r.headers.get('content-type'), 'application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8');
});

test('application/json;nulls=stripped is plain JSON: nulls stay', async () => {
  const r = await get('/fx_suppliers?id=eq.3', { Accept: 'application/json;nulls=stripped' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(r.body, [{ id: 3, name: 'Casa Vide', country: null }]);
});

test('an Accept list picks the first available type', async () => {
  const r = await get('/fx_suppliers?id=eq.1', { Accept: 'text/html, application/vnd.pgrst.object+json;q=0.9, */*;q=0.1' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { id: 1, name: 'Atelier Nord', country: 'FR' });
});

test('an unknown Accept is a 406 PGRST107', async () => {
  const r = await get('/fx_suppliers', { Accept: 'text/html' });
  assert.equal(r.status, 406);
  assert.deepEqual(r.body, {
    code: 'PGRST107',
    details: null,
    hint: null,
    message: 'None of these media types are available: text/html',
  });
});
