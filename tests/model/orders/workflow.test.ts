// The order workflow is data (order_status_transitions) and the database walks it: an illegal
// step is refused with the allowed ones named and changes nothing; every step is in the history.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from '../customers/builders.ts';
import { makeOrder, makeOrderItem, makeOwnWarehouse, makePlacedOrder, makeStockedVariant, orderOf } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
let variant: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeOwnWarehouse(world);
  variant = await makeStockedVariant(world, warehouse.id, 1000);
});

const history = async (orderId: string) =>
  (await sql(`select from_status, to_status, changed_by from public.order_status_history where order_id = $1 order by id`, [orderId])).map(
    (h) => `${h.from_status ?? '∅'}→${h.to_status}`,
  );

test('an illegal status change is refused with the next allowed statuses, and changes nothing', async () => {
  const order = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id }]);
  const reply = await anonClient(world.tokens.staffA).from('orders').update({ status: 'delivered', notes: 'skipping ahead' }).eq('id', order.id);
  assert.equal(reply.status, 400);
  assert.equal(reply.error!.code, 'P0001');
  assert.equal(reply.error!.message, `order ${order.number} cannot go from pending to delivered: next allowed statuses are confirmed, cancelled`);
  const after = await orderOf(order.id);
  assert.equal(after.status, 'pending');
  assert.equal(after.notes, null);
  assert.deepEqual(await history(order.id), ['∅→pending']);
});

test('a finished order names no next status', async () => {
  const order = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id }]);
  await sql(`update public.orders set status = 'cancelled' where id = $1`, [order.id]);
  const reply = await anonClient(world.tokens.staffA).from('orders').update({ status: 'pending' }).eq('id', order.id);
  assert.equal(reply.error!.message, `order ${order.number} cannot go from cancelled to pending: it is cancelled for good`);
});

test('legal steps write one history row each, signed by who made them', async () => {
  const order = await makeOrder(world, world.shopA, { warehouse_id: warehouse.id });
  await makeOrderItem(order.id, variant.id, 2);
  const staff = anonClient(world.tokens.staffA);
  for (const status of ['pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid']) {
    const reply = await staff.from('orders').update({ status }).eq('id', order.id);
    assert.equal(reply.status, 204, `${status}: ${JSON.stringify(reply.error)}`);
  }
  assert.deepEqual(await history(order.id), ['∅→draft', 'draft→pending', 'pending→confirmed', 'confirmed→preparing', 'preparing→ready', 'ready→delivered', 'delivered→paid']);
  const signers = await sql(`select distinct changed_by from public.order_status_history where order_id = $1 and from_status is not null`, [order.id]);
  assert.deepEqual(signers.map((s) => s.changed_by), [world.users.staffA]);
});

test('new orders start as draft or pending', async () => {
  const reply = await anonClient(world.tokens.staffA).from('orders').insert({ shop_id: world.shopA, status: 'paid', warehouse_id: warehouse.id });
  assert.equal(reply.status, 400);
  assert.equal(reply.error!.message, 'a new order must be draft or pending, not paid');
});

test('items change only while the order is draft or pending', async () => {
  const order = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id }]);
  await sql(`update public.orders set status = 'confirmed' where id = $1`, [order.id]);
  const staff = anonClient(world.tokens.staffA);
  const added = await staff.from('order_items').insert({ order_id: order.id, variant_id: variant.id, quantity: 1 });
  assert.equal(added.status, 400);
  assert.equal(added.error!.message, `order ${order.number} is confirmed: its items can only change while it is draft or pending`);
  const [item] = await sql(`select id from public.order_items where order_id = $1`, [order.id]);
  const changed = await staff.from('order_items').update({ quantity: 9 }).eq('id', item.id);
  assert.equal(changed.status, 400);
  const [{ n }] = await sql(`select count(*)::int as n, sum(quantity)::int as q from public.order_items where order_id = $1`, [order.id]);
  assert.equal(n, 1);
});

test('only drafts are deleted, by admins; placed orders are cancelled', async () => {
  const admin = anonClient(world.tokens.admin);
  const placed = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id }]);
  const refused = await admin.from('orders').delete().eq('id', placed.id);
  assert.equal(refused.status, 400);
  assert.equal(refused.error!.message, `order ${placed.number} is pending: only draft orders can be deleted, cancel it instead`);
  assert.ok(await orderOf(placed.id));
  const draft = await makeOrder(world, world.shopA);
  await makeOrderItem(draft.id, variant.id);
  assert.equal((await admin.from('orders').delete().eq('id', draft.id)).status, 204);
  assert.equal(await orderOf(draft.id), undefined);
  assert.deepEqual(await history(draft.id), []);
});

test("placing and cancelling refresh the customer's stats and link them to the shop", async () => {
  const customer = await makeCustomer(world, { shopId: world.shopB });
  const order = await makeOrder(world, world.shopA, { warehouse_id: warehouse.id, customer_id: customer.id });
  await makeOrderItem(order.id, variant.id, 3);
  const staff = anonClient(world.tokens.staffA);
  assert.equal((await staff.from('orders').update({ status: 'pending' }).eq('id', order.id)).status, 204);
  const [stats] = await sql(`select orders_count, total_spent_cents from public.customers where id = $1`, [customer.id]);
  assert.deepEqual(stats, { orders_count: 1, total_spent_cents: '3000' });
  const links = await sql(`select shop_id from public.customer_shops where customer_id = $1 and shop_id = $2`, [customer.id, world.shopA]);
  assert.equal(links.length, 1);
  await staff.from('orders').update({ status: 'cancelled' }).eq('id', order.id);
  const [after] = await sql(`select orders_count from public.customers where id = $1`, [customer.id]);
  assert.equal(after.orders_count, 0);
});

test('the delivery address is stored encrypted and read in clear by staff only', async () => {
  const order = await makeOrder(world, world.shopA);
  const staff = anonClient(world.tokens.staffA);
  assert.equal((await staff.rpc('set_order_delivery_address', { order_id: order.id, address: '1 rue de la Paix, Paris' })).error, null);
  const read = await staff.from('orders').select('id, delivery_address').eq('id', order.id).single();
  assert.equal(read.data!.delivery_address, '1 rue de la Paix, Paris');
  const [raw] = await sql(`select delivery_address_encrypted from public.orders where id = $1`, [order.id]);
  assert.ok(!raw.delivery_address_encrypted.toString('latin1').includes('Paix'));
  const outsider = await anonClient(world.tokens.staffB).rpc('set_order_delivery_address', { order_id: order.id, address: 'elsewhere' });
  assert.equal(outsider.status, 403);
  assert.equal(outsider.error!.message, `there is no order ${order.id} that you work on`);
});
