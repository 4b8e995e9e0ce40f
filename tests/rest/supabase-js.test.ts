// The read path through supabase-js, as the admin (Refine) and the functions use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient } from '../helpers/env.ts';

const db = anonClient();

test('select with an embed, eq, order', async () => {
  const { data, error, status } = await db.from('fx_products').select('id, name, fx_suppliers(name)').eq('supplier_id', 1).order('id');
  assert.equal(error, null);
  assert.equal(status, 200);
  assert.deepEqual(data, [
    { id: 1, name: 'Linen shirt', fx_suppliers: { name: 'Atelier Nord' } },
    { id: 2, name: 'Wool scarf', fx_suppliers: { name: 'Atelier Nord' } },
  ]);
});

test('range with an exact count (Refine list pages)', async () => {
  const { data, count, error, status } = await db.from('fx_numbers').select('n', { count: 'exact' }).order('n', { ascending: false }).range(0, 2);
  assert.equal(error, null);
  assert.equal(status, 206);
  assert.equal(count, 30);
  assert.deepEqual(data, [{ n: 30 }, { n: 29 }, { n: 28 }]);
});

test('head count', async () => {
  const { data, count, error, status } = await db.from('fx_numbers').select('*', { count: 'exact', head: true }).eq('parity', 'even');
  assert.equal(error, null);
  assert.equal(status, 200);
  assert.equal(count, 15);
  assert.equal(data, null);
});

test('single and maybeSingle', async () => {
  const one = await db.from('fx_suppliers').select('name').eq('id', 1).single();
  assert.equal(one.error, null);
  assert.deepEqual(one.data, { name: 'Atelier Nord' });
  const none = await db.from('fx_suppliers').select('name').eq('id', 99).maybeSingle();
  assert.equal(none.error, null);
  assert.equal(none.data, null);
  const many = await db.from('fx_suppliers').select('name').single();
  assert.equal(many.status, 406);
  assert.deepEqual(many.error, {
    code: 'PGRST116',
    details: 'The result contains 3 rows',
    hint: null,
    message: 'Cannot coerce the result to a single JSON object',
  });
});

test('in, not, or, ilike, contains, is', async () => {
  const a = await db.from('fx_products').select('id').in('id', [1, 3]).order('id');
  assert.deepEqual(a.data, [{ id: 1 }, { id: 3 }]);
  const b = await db.from('fx_products').select('id').not('sku', 'is', null).ilike('name', '%s%').order('id');
  assert.deepEqual(b.data, [{ id: 1 }, { id: 2 }, { id: 3 }]);
  const c = await db.from('fx_products').select('id').or('price_cents.lt.2000,name.eq.Espadrilles').order('id');
  assert.deepEqual(c.data, [{ id: 3 }, { id: 4 }]);
  const d = await db.from('fx_products').select('id').contains('tags', ['summer']).order('id');
  assert.deepEqual(d.data, [{ id: 1 }, { id: 3 }]);
  const e = await db.from('fx_products').select('id').is('supplier_id', null);
  assert.deepEqual(e.data, [{ id: 4 }]);
});

test('textSearch', async () => {
  const { data, error } = await db.from('fx_articles').select('id').textSearch('fts', 'linen & cool', { config: 'english' });
  assert.equal(error, null);
  assert.deepEqual(data, [{ id: 3 }]);
});

test('filters and order on an embedded resource', async () => {
  const { data, error } = await db
    .from('fx_suppliers')
    .select('id, fx_products!inner(id)')
    .eq('fx_products.status', 'active')
    .order('id')
    .order('id', { referencedTable: 'fx_products', ascending: false });
  assert.equal(error, null);
  assert.deepEqual(data, [{ id: 1, fx_products: [{ id: 2 }, { id: 1 }] }]);
});

test('csv()', async () => {
  const { data, error } = await db.from('fx_suppliers').select('id,name').order('id').limit(2).csv();
  assert.equal(error, null);
  assert.equal(data, 'id,name\n1,"Atelier Nord"\n2,"Bodega Sur"');
});

test('errors come back as PostgREST bodies', async () => {
  const { data, error, status } = await db.from('nope').select();
  assert.equal(data, null);
  assert.equal(status, 404);
  assert.deepEqual(error, {
    code: 'PGRST205',
    details: null,
    hint: null,
    message: "Could not find the table 'public.nope' in the schema cache",
  });
});
