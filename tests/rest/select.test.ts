// select=: columns, aliases, casts, JSON paths, `*`, empty select.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, JSON_TYPE } from './read-helpers.ts';

test('without select, every column of every row', async () => {
  const r = await get('/fx_suppliers?order=id');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), JSON_TYPE);
  assert.equal(r.headers.get('content-range'), '0-2/*');
  assert.deepEqual(r.body, [
    { id: 1, name: 'Atelier Nord', country: 'FR' },
    { id: 2, name: 'Bodega Sur', country: 'ES' },
    { id: 3, name: 'Casa Vide', country: null },
  ]);
});

test('columns come back in the order asked', async () => {
  const r = await get('/fx_suppliers?select=name,id&order=id&limit=2');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { name: 'Atelier Nord', id: 1 },
    { name: 'Bodega Sur', id: 2 },
  ]);
  assert.deepEqual(Object.keys(r.body[0]), ['name', 'id']);
});

test('aliases rename columns', async () => {
  const r = await get('/fx_suppliers?select=supplier:name,code:id&id=eq.2');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ supplier: 'Bodega Sur', code: 2 }]);
});

test('casts change the type of a column', async () => {
  const r = await get('/fx_products?select=id::text,price_cents::text,cents:price_cents::float&id=eq.1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: '1', price_cents: '4500', cents: 4500 }]);
});

test('JSON paths with -> keep JSON and ->> give text; the last key names the field', async () => {
  const r = await get('/fx_products?select=id,attrs->color,attrs->>weight,attrs->sizes->0,first:attrs->sizes->>1&id=eq.1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, color: 'white', weight: '200', sizes: 'S', first: 'M' }]);
});

test('an array index alone is named after the column', async () => {
  const r = await get('/fx_products?select=attrs->0&id=eq.1');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ attrs: null }]);
  const j = await get('/fx_products?select=attrs->sizes->>-1&id=eq.1');
  assert.equal(j.status, 200);
  assert.deepEqual(j.body, [{ sizes: 'M' }]);
});

test('a JSON path cast', async () => {
  const r = await get('/fx_products?select=w:attrs->>weight::int&id=lt.3&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ w: 200 }, { w: 150 }]);
});

test('a JSON path into a missing key is null', async () => {
  const r = await get('/fx_products?select=id,attrs->nope->>deeper&id=eq.4');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 4, deeper: null }]);
});

test('arrays, enums, ranges, timestamps and jsonb come back as PostgREST renders them', async () => {
  const r = await get('/fx_products?select=tags,status,available,created_at,attrs&id=eq.2');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { tags: ['winter'], status: 'active', available: '[5,20)', created_at: '2024-01-01T00:00:00+00:00', attrs: { color: 'grey', sizes: ['U'], weight: 150 } },
  ]);
});

test('select= with nothing gives empty objects', async () => {
  const r = await get('/fx_suppliers?select=&order=id&limit=2');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{}, {}]);
});

test('* can be combined with other columns', async () => {
  const r = await get('/fx_suppliers?select=*,label:name&id=eq.3');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 3, name: 'Casa Vide', country: null, label: 'Casa Vide' }]);
});

test('an unknown column is a 400 with the Postgres error 42703', async () => {
  const r = await get('/fx_suppliers?select=id,qwertyuiop');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: '42703', details: null, hint: null, message: 'column fx_suppliers.qwertyuiop does not exist' });
});

test('a view can be read like a table', async () => {
  const r = await get('/fx_product_summaries?select=id,name,maker_id&order=id&limit=2');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, name: 'Linen shirt', maker_id: 1 },
    { id: 2, name: 'Wool scarf', maker_id: 1 },
  ]);
});

test('a materialized view can be read', async () => {
  const r = await get('/fx_supplier_stats?order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, name: 'Atelier Nord', product_count: 2 },
    { id: 2, name: 'Bodega Sur', product_count: 1 },
    { id: 3, name: 'Casa Vide', product_count: 0 },
  ]);
});

test('an empty result is an empty array with Content-Range */*', async () => {
  const r = await get('/fx_suppliers?id=eq.99');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '*/*');
  assert.deepEqual(r.body, []);
});

test('HEAD answers like GET, without a body', async () => {
  const r = await get('/fx_suppliers?order=id', { Prefer: 'count=exact' }, 'HEAD');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '0-2/3');
  assert.equal(r.headers.get('content-type'), JSON_TYPE);
  assert.equal(r.text, '');
});

test('computed fields: a function of the row reads like a column, in select, filters and order', async () => {
  const r = await get('/fx_products?select=id,fx_label&fx_label=like.*no sku*');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 4, fx_label: 'Gift card (no sku)' }]);
  const ordered = await get('/fx_products?select=id,l:fx_label&order=fx_label.desc&limit=2');
  assert.deepEqual(ordered.body, [{ id: 2, l: 'Wool scarf (WS-2)' }, { id: 1, l: 'Linen shirt (LS-1)' }]);
  const embedded = await get('/fx_suppliers?select=id,fx_products(fx_label)&id=eq.2');
  assert.deepEqual(embedded.body, [{ id: 2, fx_products: [{ fx_label: 'Espadrilles (ES-3)' }] }]);
});

test('Content-Location echoes the query in canonical form (sorted, repeated names joined)', async () => {
  const r = await get('/fx_numbers?select=n&n=lt.4&order=n&n=gt.1');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-location'), '/fx_numbers?n=lt.4,gt.1&order=n&select=n');
  assert.deepEqual(r.body, [{ n: 2 }, { n: 3 }]);
  const bare = await get('/fx_suppliers?id=eq.1&select=name');
  assert.equal(bare.headers.get('content-location'), '/fx_suppliers?id=eq.1&select=name');
});

test('JSON operators on a composite column read its fields, in select, filters and order', async () => {
  const r = await get('/cf_places?select=id,loc->lat,loc->>lng&order=loc->lat.desc');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2, lat: 3, lng: '4' }, { id: 1, lat: 1.5, lng: '2.5' }]);
  const filtered = await get('/cf_places?select=id&loc->>lat=eq.3');
  assert.deepEqual(filtered.body, [{ id: 2 }]);
});

test('JSON operators on an array column read its items', async () => {
  const r = await get('/cf_places?select=id,first:nums->0,second:nums->>1&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, first: 10, second: '20' }, { id: 2, first: 40, second: null }]);
  const filtered = await get('/cf_places?select=id&nums->0=eq.40');
  assert.deepEqual(filtered.body, [{ id: 2 }]);
});

test('a function of the row in another, unexposed schema is not a computed field', async () => {
  const r = await get('/cf_person?select=id&cf_always_false=is.false');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: '42703', details: null, hint: null, message: 'column cf_person.cf_always_false does not exist' });
});
