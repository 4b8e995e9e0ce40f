// Low-stock alerts reach whoever acts on them: the service role (jobs, Edge Functions) and direct
// database sessions read every alert, as admins do; staff of some shops read those of the products
// listed in their shops (the permission matrix covers each persona).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeListing, makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeWarehouse, receiveStock } from './builders.ts';

let world: World;
const variants: Record<string, string> = {};
before(async () => {
  world = await createWorld();
  const warehouse = await makeWarehouse(world);
  for (const [label, shopId, stock] of [['lowA', world.shopA, 2], ['unlisted', null, 0], ['fine', world.shopA, 9]] as const) {
    const product = await makeProduct(world);
    if (shopId) await makeListing(world, product.id, shopId);
    const variant = await makeVariant(world, product.id, { low_stock_threshold: 3 });
    if (stock > 0) await receiveStock(variant.id, warehouse.id, stock);
    variants[label] = variant.id;
  }
});

test('the service role reads every low-stock alert', async () => {
  const { data, error } = await serviceClient().from('stock_alerts').select('variant_id, quantity').in('variant_id', Object.values(variants)).order('quantity');
  assert.equal(error, null);
  assert.deepEqual(data, [{ variant_id: variants.unlisted, quantity: 0 }, { variant_id: variants.lowA, quantity: 2 }]);
});

test('a direct database session reads them too', async () => {
  const rows = await sql(`select variant_id from public.stock_alerts where variant_id = any ($1) order by quantity`, [Object.values(variants)]);
  assert.deepEqual(rows.map((r) => r.variant_id), [variants.unlisted, variants.lowA]);
});
