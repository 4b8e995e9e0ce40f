// Aggregate functions: refused by default (as on hosted Supabase), available once the project
// sets pgrst.db_aggregates_enabled on the authenticator role and reloads the config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { sql } from '../helpers/env.ts';

async function setAggregates(enabled: boolean): Promise<void> {
  await sql(enabled ? `alter role authenticator set pgrst.db_aggregates_enabled = 'true'` : 'alter role authenticator reset pgrst.db_aggregates_enabled');
  await sql(`notify pgrst, 'reload config'`);
  const start = Date.now();
  while (Date.now() - start < 5000) {
    const r = await get('/fx_numbers?select=count()');
    if ((r.status === 200) === enabled) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the aggregates setting was not picked up');
}

test('aggregates are refused by default with 400 PGRST123', async () => {
  const r = await get('/fx_numbers?select=count()');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: 'PGRST123', details: null, hint: null, message: 'Use of aggregate functions is not allowed' });
});

test('with pgrst.db_aggregates_enabled', async (t) => {
  await setAggregates(true);
  try {
    await t.test('count() over the filtered rows', async () => {
      const r = await get('/fx_numbers?select=count()&n=lte.10');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, [{ count: 10 }]);
    });
    await t.test('sum, avg, max, min with aliases and casts, grouped by the other columns', async () => {
      const r = await get('/fx_numbers?select=parity,total:n.sum(),mean:n.avg()::int,n.max(),n.min()&order=parity');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, [
        { parity: 'even', total: 240, mean: 16, max: 30, min: 2 },
        { parity: 'odd', total: 225, mean: 15, max: 29, min: 1 },
      ]);
    });
    await t.test('aggregates inside an embed', async () => {
      const r = await get('/fx_suppliers?select=name,fx_products(price_cents.sum(),count())&order=id');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, [
        { name: 'Atelier Nord', fx_products: [{ sum: 7000, count: 2 }] },
        { name: 'Bodega Sur', fx_products: [{ sum: 3900, count: 1 }] },
        { name: 'Casa Vide', fx_products: [{ sum: null, count: 0 }] },
      ]);
    });
    await t.test('grouped by a to-one embed', async () => {
      const r = await get('/fx_products?select=count(),fx_suppliers(country)&order=fx_suppliers(country)');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, [
        { count: 1, fx_suppliers: { country: 'ES' } },
        { count: 2, fx_suppliers: { country: 'FR' } },
        { count: 1, fx_suppliers: null },
      ]);
    });
  } finally {
    await setAggregates(false);
  }
});
