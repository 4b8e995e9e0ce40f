// Placing an order takes stock from the ledger in the same transaction as the order: ten
// concurrent orders for the last unit sell it once, and the nine refused leave nothing behind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeOrder, makeOrderItem, makeOwnWarehouse, makeStockedVariant, orderOf, stock } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeOwnWarehouse(world);
});

const level = async (variantId: string) =>
  (await sql(`select quantity from public.stock_levels where variant_id = $1 and warehouse_id = $2`, [variantId, warehouse.id]))[0]?.quantity;

test('ten concurrent orders for the last unit: one is placed, nine are refused and leave nothing', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 1);
  const staff = anonClient(world.tokens.staffA);
  const replies = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      staff.rpc('create_order', {
        header: { shop_id: world.shopA, warehouse_id: warehouse.id, channel: 'web', notes: `race ${i}` },
        items: [{ variant_id: variant.id, quantity: 1 }],
      }),
    ),
  );
  const placed = replies.filter((r) => r.error === null);
  const refused = replies.filter((r) => r.error !== null);
  assert.equal(placed.length, 1);
  for (const r of refused) {
    assert.equal(r.status, 400);
    assert.equal(r.error!.code, 'P0001');
    assert.equal(r.error!.message, `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 0 available, 1 requested`);
  }
  assert.equal(await level(variant.id), 0);
  const orders = await sql(`select id, status from public.orders where shop_id = $1 and warehouse_id = $2`, [world.shopA, warehouse.id]);
  assert.deepEqual(orders.map((o) => o.id), [placed[0].data.id]);
  const items = await sql(`select count(*)::int as n from public.order_items where variant_id = $1`, [variant.id]);
  assert.equal(items[0].n, 1);
  const movements = await sql(`select reason, quantity, order_id from public.stock_movements where variant_id = $1 order by id`, [variant.id]);
  assert.deepEqual(movements, [
    { reason: 'purchase', quantity: 1, order_id: null },
    { reason: 'sale', quantity: -1, order_id: placed[0].data.id },
  ]);
});

test('a refused placement gives its order number back: the series has no gap', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 0);
  const staff = anonClient(world.tokens.staffA);
  const before = await staff.rpc('create_order', { header: { shop_id: world.shopA, status: 'draft' }, items: [] });
  assert.equal(before.error, null);
  const refused = await staff.rpc('create_order', {
    header: { shop_id: world.shopA, warehouse_id: warehouse.id },
    items: [{ variant_id: variant.id, quantity: 2 }],
  });
  assert.equal(refused.status, 400);
  const after = await staff.rpc('create_order', { header: { shop_id: world.shopA, status: 'draft' }, items: [] });
  const seq = (n: string) => Number(n.split('-')[2]);
  assert.equal(seq(after.data.number), seq(before.data.number) + 1);
  assert.match(after.data.number, /^ORD-\d{4}-\d{6}$/);
});

test('placing a draft takes its stock, cancelling gives it back; drafts take none', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 10);
  const order = await makeOrder(world, world.shopA, { warehouse_id: warehouse.id });
  await makeOrderItem(order.id, variant.id, 3);
  assert.equal(await level(variant.id), 10, 'a draft holds no stock');
  const staff = anonClient(world.tokens.staffA);
  assert.equal((await staff.from('orders').update({ status: 'pending' }).eq('id', order.id)).status, 204);
  assert.equal(await level(variant.id), 7);
  assert.notEqual((await orderOf(order.id)).placed_at, null);
  // an item added to a pending order takes stock at once, a smaller quantity gives some back
  const added = await staff.from('order_items').insert({ order_id: order.id, variant_id: variant.id, quantity: 2 }).select().single();
  assert.equal(added.error, null);
  assert.equal(await level(variant.id), 5);
  assert.equal((await staff.from('order_items').update({ quantity: 1 }).eq('id', added.data.id)).status, 204);
  assert.equal(await level(variant.id), 6);
  assert.equal((await staff.from('orders').update({ status: 'cancelled' }).eq('id', order.id)).status, 204);
  assert.equal(await level(variant.id), 10);
  const movements = await sql(`select reason, quantity from public.stock_movements where order_id = $1 order by id`, [order.id]);
  assert.deepEqual(movements.map((m) => `${m.reason} ${m.quantity}`), ['sale -3', 'sale -2', 'cancellation 2', 'sale -1', 'cancellation 3', 'cancellation 1']);
});

test('a draft cannot be placed without a warehouse, nor change warehouse once placed', async () => {
  const staff = anonClient(world.tokens.staffA);
  const draft = await makeOrder(world, world.shopA);
  const reply = await staff.from('orders').update({ status: 'pending' }).eq('id', draft.id);
  assert.equal(reply.status, 400);
  assert.equal(reply.error!.message, `order ${draft.number} needs a warehouse to take stock from before it is placed`);
  assert.equal((await orderOf(draft.id)).status, 'draft');

  const other = await makeOwnWarehouse(world);
  const variant = await makeStockedVariant(world, warehouse.id, 5);
  await stock(variant.id, other.id, 5);
  const placed = await makeOrder(world, world.shopA, { status: 'pending', warehouse_id: warehouse.id });
  const moved = await staff.from('orders').update({ warehouse_id: other.id }).eq('id', placed.id);
  assert.equal(moved.status, 400);
  assert.equal(moved.error!.message, `order ${placed.number} has taken its stock from a warehouse: it cannot change warehouse`);
});
