// Returns: quantities never exceed what was ordered, receiving restocks exactly once, refusing
// needs a reason, refunds never exceed the order's total, store credit never goes below zero.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from '../customers/builders.ts';
import { makeOrder, makeOwnWarehouse, makePlacedOrder, makeStockedVariant } from '../orders/builders.ts';
import { makeRefund, makeReturn, makeReturnItem, makeStoreCredit } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
let customer: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeOwnWarehouse(world);
  customer = await makeCustomer(world, { shopId: world.shopA });
});

async function placedOrderWith(quantity: number, price = 1000) {
  const variant = await makeStockedVariant(world, warehouse.id, 50, { price_cents: price });
  const order = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id, quantity }], { customer_id: customer.id });
  const [item] = await sql(`select * from public.order_items where order_id = $1`, [order.id]);
  return { variant, order, item };
}
const level = async (variantId: string) => (await sql(`select quantity from public.stock_levels where variant_id = $1`, [variantId]))[0].quantity;

test('receiving a return restocks the items marked for restock, exactly once', async () => {
  const { variant, order, item } = await placedOrderWith(3);
  const staff = anonClient(world.tokens.staffA);
  const opened = await staff.from('return_requests').insert({ order_id: order.id, reason: 'Trop petit' }).select().single();
  assert.equal(opened.error, null, JSON.stringify(opened.error));
  assert.equal(opened.data.shop_id, world.shopA);
  assert.equal(opened.data.customer_id, customer.id);
  await makeReturnItem(opened.data.id, item.id, 2, { restock: true });
  assert.equal(await level(variant.id), 47);
  assert.equal((await staff.from('return_requests').update({ status: 'approved' }).eq('id', opened.data.id)).status, 204);
  assert.equal((await staff.from('return_requests').update({ status: 'received' }).eq('id', opened.data.id)).status, 204);
  assert.equal(await level(variant.id), 49);
  const again = await staff.from('return_requests').update({ status: 'received' }).eq('id', opened.data.id);
  assert.equal(again.status, 204, 'setting the same status is no change');
  const backwards = await staff.from('return_requests').update({ status: 'approved' }).eq('id', opened.data.id);
  assert.equal(backwards.status, 400);
  assert.equal(backwards.error!.message, `return of order ${order.number} cannot go from received to approved`);
  assert.equal(await level(variant.id), 49);
  const movements = await sql(`select reason, quantity from public.stock_movements where return_id = $1`, [opened.data.id]);
  assert.deepEqual(movements, [{ reason: 'return', quantity: 2 }]);
  const [decided] = await sql(`select decided_by, decided_at, received_at from public.return_requests where id = $1`, [opened.data.id]);
  assert.equal(decided.decided_by, world.users.staffA);
  assert.notEqual(decided.received_at, null);
});

test('items not marked for restock stay off the shelf; items can no longer change once received', async () => {
  const { variant, order, item } = await placedOrderWith(2);
  const request = await makeReturn(order.id);
  const returned = await makeReturnItem(request.id, item.id, 1, { restock: false, condition: 'damaged' });
  await sql(`update public.return_requests set status = 'approved' where id = $1`, [request.id]);
  await sql(`update public.return_requests set status = 'received' where id = $1`, [request.id]);
  assert.equal(await level(variant.id), 48);
  const late = await anonClient(world.tokens.staffA).from('return_items').update({ restock: true }).eq('id', returned.id);
  assert.equal(late.status, 400);
  assert.equal(late.error!.message, 'this return is received: its items can no longer change');
});

test('no more can be returned than was ordered, across returns', async () => {
  const { order, item } = await placedOrderWith(3);
  const first = await makeReturn(order.id);
  await makeReturnItem(first.id, item.id, 2);
  const second = await makeReturn(order.id);
  const staff = anonClient(world.tokens.staffA);
  const reply = await staff.from('return_items').insert({ return_id: second.id, order_item_id: item.id, quantity: 2 });
  assert.equal(reply.status, 400);
  assert.equal(reply.error!.message, `only 1 of ${item.product_name} (${item.sku}) can still be returned: 3 ordered, 2 already returned`);
  const [{ n }] = await sql(`select count(*)::int as n from public.return_items where return_id = $1`, [second.id]);
  assert.equal(n, 0);
  assert.equal((await staff.from('return_items').insert({ return_id: second.id, order_item_id: item.id, quantity: 1 })).status, 201);
});

test('refusing a return needs a staff comment; drafts cannot be returned', async () => {
  const { order } = await placedOrderWith(1);
  const request = await makeReturn(order.id);
  const staff = anonClient(world.tokens.staffA);
  const bare = await staff.from('return_requests').update({ status: 'refused' }).eq('id', request.id);
  assert.equal(bare.status, 400);
  assert.equal(bare.error!.message, 'refusing a return needs a staff comment saying why');
  const [still] = await sql(`select status from public.return_requests where id = $1`, [request.id]);
  assert.equal(still.status, 'requested');
  assert.equal((await staff.from('return_requests').update({ status: 'refused', staff_comment: 'Worn' }).eq('id', request.id)).status, 204);
  const draft = await makeOrder(world, world.shopA);
  const onDraft = await staff.from('return_requests').insert({ order_id: draft.id });
  assert.equal(onDraft.error!.message, `order ${draft.number} is draft: only placed orders can be returned`);
});

test("refunds of an order never exceed its total, even when concurrent", async () => {
  const { order } = await placedOrderWith(2, 1500);
  const staff = anonClient(world.tokens.staffA);
  await makeRefund(order.id, 1000, { status: 'failed' });
  const replies = await Promise.all(
    Array.from({ length: 5 }, () => staff.from('refunds').insert({ order_id: order.id, method: 'original_payment', amount_cents: 1000 })),
  );
  assert.deepEqual(replies.map((r) => r.status).sort(), [201, 201, 201, 400, 400]);
  const refused = replies.find((r) => r.status === 400)!;
  assert.equal(refused.error!.message, `refunds of order ${order.number} would total 4000 cents, more than its total of 3000 cents (3000 already refunded)`);
  const [{ sum }] = await sql(`select sum(amount_cents)::int as sum from public.refunds where order_id = $1 and status <> 'failed'`, [order.id]);
  assert.equal(sum, 3000);
});

test('a store-credit refund credits the customer once; the balance never goes below zero', async () => {
  const { order } = await placedOrderWith(1, 4000);
  const request = await makeReturn(order.id);
  const staff = anonClient(world.tokens.staffA);
  const refund = await staff.from('refunds').insert({ order_id: order.id, return_id: request.id, method: 'store_credit', amount_cents: 2500 }).select().single();
  assert.equal(refund.error, null, JSON.stringify(refund.error));
  assert.equal((await staff.from('refunds').update({ status: 'succeeded' }).eq('id', refund.data.id)).status, 204);
  const again = await staff.from('refunds').update({ status: 'pending' }).eq('id', refund.data.id);
  assert.equal(again.error!.message, 'a succeeded refund cannot become pending');
  const entries = await sql(`select amount_cents, return_id from public.store_credit_entries where refund_id = $1`, [refund.data.id]);
  assert.deepEqual(entries, [{ amount_cents: '2500', return_id: request.id }]);

  const spender = await makeCustomer(world, { shopId: world.shopA });
  await makeStoreCredit(spender.id, world.shopA, 1000);
  const spends = await Promise.all(
    Array.from({ length: 4 }, () => staff.from('store_credit_entries').insert({ customer_id: spender.id, shop_id: world.shopA, amount_cents: -400, reason: 'Spent on an order' })),
  );
  assert.deepEqual(spends.map((s) => s.status).sort(), [201, 201, 400, 400]);
  assert.equal(spends.find((s) => s.status === 400)!.error!.message, 'the customer has 200 cents of store credit: 400 cents cannot be spent');
  const [{ balance }] = await sql(`select sum(amount_cents)::int as balance from public.store_credit_entries where customer_id = $1`, [spender.id]);
  assert.equal(balance, 200);
  const rewrite = await anonClient(world.tokens.admin).from('store_credit_entries').update({ amount_cents: 1 }).eq('customer_id', spender.id);
  assert.equal(rewrite.status, 403);
});
