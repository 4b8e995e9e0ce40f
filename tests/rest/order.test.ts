// order=: directions, nulls first/last, several columns, JSON paths, related columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

test('ascending by default, desc on request', async () => {
  const asc = await get('/fx_suppliers?select=id&order=name');
  assert.deepEqual(asc.body, [{ id: 1 }, { id: 2 }, { id: 3 }]);
  const desc = await get('/fx_suppliers?select=id&order=name.desc');
  assert.equal(desc.status, 200);
  assert.deepEqual(desc.body, [{ id: 3 }, { id: 2 }, { id: 1 }]);
});

test('nullsfirst and nullslast', async () => {
  const first = await get('/fx_suppliers?select=id&order=country.asc.nullsfirst');
  assert.deepEqual(first.body, [{ id: 3 }, { id: 2 }, { id: 1 }]);
  const last = await get('/fx_suppliers?select=id&order=country.desc.nullslast');
  assert.deepEqual(last.body, [{ id: 1 }, { id: 2 }, { id: 3 }]);
  const bare = await get('/fx_suppliers?select=id&order=country.nullsfirst');
  assert.deepEqual(bare.body, [{ id: 3 }, { id: 2 }, { id: 1 }]);
});

test('several columns', async () => {
  const r = await get('/fx_products?select=id&order=supplier_id.asc.nullslast,price_cents.asc');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2 }, { id: 1 }, { id: 3 }, { id: 4 }]);
});

test('a JSON path', async () => {
  const r = await get('/fx_products?select=id&order=attrs->>color.desc.nullslast');
  assert.deepEqual(r.body, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
});

test('a column of a to-one embed', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers(name)&id=lt.4&order=fx_suppliers(name).desc,id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 3, fx_suppliers: { name: 'Bodega Sur' } },
    { id: 1, fx_suppliers: { name: 'Atelier Nord' } },
    { id: 2, fx_suppliers: { name: 'Atelier Nord' } },
  ]);
});

test('ordering a to-many embed is a 400 PGRST118', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products(name)&order=fx_products(name)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST118',
    details: "'fx_suppliers' and 'fx_products' do not form a many-to-one or one-to-one relationship",
    hint: null,
    message: "A related order on 'fx_products' is not possible",
  });
});

test('ordering by an embed that is not selected is a 400 PGRST108', async () => {
  const r = await get('/fx_products?select=id&order=fx_suppliers(name)');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST108',
    details: null,
    hint: "Verify that 'fx_suppliers' is included in the 'select' query parameter.",
    message: "'fx_suppliers' is not an embedded resource in this request",
  });
});

test('a bad direction is a 400 PGRST100', async () => {
  const r = await get('/fx_suppliers?order=id.ac');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST100',
    details: 'unexpected "c" expecting "asc", "desc", "nullsfirst" or "nullslast"',
    hint: null,
    message: '"failed to parse order (id.ac)" (line 1, column 4)',
  });
});
