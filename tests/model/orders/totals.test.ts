// An order's totals always equal its items: recomputed with the order row locked after every item
// change (so concurrent inserts cannot leave a stale total), and never taken from the caller.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeListing } from '../catalogue/builders.ts';
import { insertRow } from '../world.ts';
import { makeOrder, makeOrderItem, makeOwnWarehouse, makeStockedVariant, orderOf } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeOwnWarehouse(world);
});

/** The totals as the items say they should be. */
async function expectedTotals(orderId: string) {
  const [row] = await sql(
    `select coalesce(sum(i.line_total_cents), 0)::bigint as subtotal,
            coalesce(sum(round(i.line_total_cents * i.tax_rate_bp / (10000.0 + i.tax_rate_bp))), 0)::bigint as tax,
            (coalesce(sum(i.line_total_cents), 0) - o.discount_cents + o.shipping_cents)::bigint as total
       from public.orders o left join public.order_items i on i.order_id = o.id where o.id = $1 group by o.id`,
    [orderId],
  );
  return row;
}
async function assertTotals(orderId: string) {
  const order = await orderOf(orderId);
  assert.deepEqual({ subtotal: order.subtotal_cents, tax: order.tax_cents, total: order.total_cents }, await expectedTotals(orderId));
  return order;
}

test('totals follow item inserts, updates and deletes, with VAT included per rate', async () => {
  const v1 = await makeStockedVariant(world, warehouse.id, 100, { price_cents: 1200 });
  const v2 = await makeStockedVariant(world, warehouse.id, 100, { price_cents: 1050 });
  const staff = anonClient(world.tokens.staffA);
  const order = await makeOrder(world, world.shopA, { shipping_cents: 490, discount_cents: 200 });
  const first = await staff.from('order_items').insert({ order_id: order.id, variant_id: v1.id, quantity: 2 }).select().single();
  assert.equal(first.error, null);
  assert.equal(first.data.unit_price_cents, 1200, "the variant's price by default");
  assert.equal(first.data.sku, v1.sku);
  const second = await staff.from('order_items').insert({ order_id: order.id, variant_id: v2.id, quantity: 1, tax_rate_bp: 550, discount_cents: 50 }).select().single();
  let totals = await assertTotals(order.id);
  assert.equal(totals.subtotal_cents, '3400');
  assert.equal(totals.total_cents, '3690');
  assert.equal(totals.tax_cents, String(400 + 52));
  await staff.from('order_items').update({ quantity: 5 }).eq('id', first.data.id);
  totals = await assertTotals(order.id);
  assert.equal(totals.subtotal_cents, '7000');
  await staff.from('order_items').delete().eq('id', second.data.id);
  totals = await assertTotals(order.id);
  assert.equal(totals.total_cents, String(6000 - 200 + 490));
  await staff.from('orders').update({ shipping_cents: 0 }).eq('id', order.id);
  assert.equal((await assertTotals(order.id)).total_cents, '5800');
});

test('a listing price for the shop wins over the variant price, and the cost is snapshotted', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 10, { price_cents: 1000 });
  await makeListing(world, variant.product_id, world.shopA, { price_cents: 900 });
  await insertRow('variant_costs', { variant_id: variant.id, cost_cents: 400 });
  const order = await makeOrder(world, world.shopA);
  const item = await makeOrderItem(order.id, variant.id, 1);
  assert.equal(item.unit_price_cents, '900');
  assert.equal(item.unit_cost_cents, '400');
  const other = await makeOrderItem((await makeOrder(world, world.shopB)).id, variant.id, 1);
  assert.equal(other.unit_price_cents, '1000');
});

test('20 concurrent item inserts on one order leave the total equal to its items', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 1000, { price_cents: 333 });
  const order = await makeOrder(world, world.shopA, { status: 'pending', warehouse_id: warehouse.id });
  const staff = anonClient(world.tokens.staffA);
  const replies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => staff.from('order_items').insert({ order_id: order.id, variant_id: variant.id, quantity: i + 1 })),
  );
  assert.deepEqual(replies.map((r) => r.status), Array(20).fill(201));
  const totals = await assertTotals(order.id);
  assert.equal(totals.subtotal_cents, String(333 * 210));
  const [level] = await sql(`select quantity from public.stock_levels where variant_id = $1`, [variant.id]);
  assert.equal(level.quantity, 1000 - 210);
});

test('nobody sets totals: staff are refused the columns, the service role is overruled', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 10);
  const order = await makeOrder(world, world.shopA);
  await makeOrderItem(order.id, variant.id, 2);
  const reply = await anonClient(world.tokens.staffA).from('orders').update({ total_cents: 1 }).eq('id', order.id);
  assert.equal(reply.status, 403);
  assert.equal(reply.error!.code, '42501');
  const service = await serviceClient().from('orders').update({ subtotal_cents: 1, tax_cents: 1, total_cents: 1 }).eq('id', order.id);
  assert.equal(service.status, 204);
  const after = await assertTotals(order.id);
  assert.equal(after.total_cents, '2000');
});

test('app.recompute_order_totals() restores totals written with triggers off', async () => {
  const variant = await makeStockedVariant(world, warehouse.id, 10);
  const order = await makeOrder(world, world.shopA);
  await makeOrderItem(order.id, variant.id, 4);
  await sql(`begin; set local session_replication_role = replica; update public.orders set subtotal_cents = 0, tax_cents = 0, total_cents = 0 where id = '${order.id}'; commit;`);
  await sql(`select app.recompute_order_totals(array[$1]::uuid[])`, [order.id]);
  assert.equal((await assertTotals(order.id)).total_cents, '4000');
});
