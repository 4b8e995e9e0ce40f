// Supplier orders: numbered by the database, walked along their workflow, totalled from their
// lines, shipped by the supplier, and received into stock exactly once.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplierProduct } from '../suppliers/builders.ts';
import { makeWarehouse, stockLevel } from '../inventory/builders.ts';
import { as, assertOk, assertRefused, assertRuleRefused, movementsOf, stored } from '../suppliers/helpers.ts';
import { makeSupplierOrder, makeSupplierOrderItem, setSupplierOrderStatus } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeWarehouse(world);
});

/** A restock order from supplier X with one line of `quantity` of a new variant at 4.00. */
async function restock(quantity: number) {
  const variant = await makeVariant(world, (await makeProduct(world)).id);
  const product = await makeSupplierProduct(world, world.supplierX, variant.id, { cost_cents: 400 });
  const order = await makeSupplierOrder(world.supplierX, warehouse.id);
  const item = await makeSupplierOrderItem(order.id, product.id, quantity);
  return { variant, product, order, item };
}

describe('a new supplier order', () => {
  test('gets the next number, whatever the request says, and its creator', async () => {
    const reply = await as(world, 'admin').from('supplier_orders')
      .insert({ supplier_id: world.supplierX, kind: 'restock', warehouse_id: warehouse.id }).select('number, created_by, status').single();
    assertOk(reply, 201);
    assert.match(reply.data!.number, new RegExp(`^PO-${new Date().getFullYear()}-\\d{5}$`));
    assert.deepEqual([reply.data!.created_by, reply.data!.status], [world.users.admin, 'draft']);
  });

  test('totals its lines, at the supplier’s cost unless the line says otherwise', async () => {
    const { order, product } = await restock(3);
    const other = await makeSupplierProduct(world, world.supplierX, (await makeVariant(world, (await makeProduct(world)).id)).id);
    await makeSupplierOrderItem(order.id, other.id, 2, { unit_cost_cents: 150 });
    assert.equal((await stored('supplier_orders', order.id)).total_cost_cents, String(3 * 400 + 2 * 150));
    assert.equal(product.cost_cents, '400');
  });

  test('refuses a line of another supplier’s product', async () => {
    const { order } = await restock(1);
    const ofY = await makeSupplierProduct(world, world.supplierY, (await makeVariant(world, (await makeProduct(world)).id)).id);
    const reply = await as(world, 'admin').from('supplier_order_items').insert({ supplier_order_id: order.id, supplier_product_id: ofY.id, quantity: 1 });
    assertRuleRefused(reply, `supplier product ${ofY.id} is not sold by the supplier of order ${order.number}`);
    assert.equal((await sql(`select count(*)::int as n from public.supplier_order_items where supplier_order_id = $1`, [order.id]))[0].n, 1);
  });
});

describe('the workflow', () => {
  test('refuses an illegal step with what is allowed', async () => {
    const { order } = await restock(1);
    const reply = await as(world, 'admin').from('supplier_orders').update({ status: 'received' }).eq('id', order.id);
    assertRuleRefused(reply, 'a supplier order cannot go from draft to received', 'From draft it may go to: sent, cancelled.');
    assert.equal((await stored('supplier_orders', order.id)).status, 'draft');
  });

  test('ends at received or cancelled', async () => {
    const { order } = await restock(1);
    await setSupplierOrderStatus(order.id, 'cancelled');
    const reply = await as(world, 'admin').from('supplier_orders').update({ status: 'sent' }).eq('id', order.id);
    assertRuleRefused(reply, 'a supplier order cannot go from cancelled to sent', 'A cancelled supplier order is final.');
  });

  test('freezes the lines once the order is sent', async () => {
    const { order, item } = await restock(2);
    await setSupplierOrderStatus(order.id, 'sent');
    const reply = await as(world, 'admin').from('supplier_order_items').update({ quantity: 20 }).eq('id', item.id);
    assertRuleRefused(reply, `the lines of supplier order ${order.number} cannot change: it is sent`, "Only a draft's lines change; cancel it and make another.");
    assert.equal((await stored('supplier_order_items', item.id)).quantity, 2);
  });

  test('lets only drafts be deleted', async () => {
    const { order } = await restock(1);
    await setSupplierOrderStatus(order.id, 'sent');
    const reply = await as(world, 'admin').from('supplier_orders').delete().eq('id', order.id).select('id');
    assert.deepEqual(reply.data, []);
    assert.ok(await stored('supplier_orders', order.id));
  });
});

describe('the supplier', () => {
  test('confirms and ships its order with a tracking number', async () => {
    const { order } = await restock(1);
    await setSupplierOrderStatus(order.id, 'sent');
    const client = as(world, 'supplierX');
    assertOk(await client.from('supplier_orders').update({ status: 'confirmed' }).eq('id', order.id));
    assertOk(await client.from('supplier_orders').update({ status: 'shipped', tracking_number: '1Z999', carrier: 'UPS' }).eq('id', order.id));
    const row = await stored('supplier_orders', order.id);
    assert.deepEqual([row.status, row.tracking_number, row.carrier, row.shipped_at !== null], ['shipped', '1Z999', 'UPS', true]);
  });

  test('cannot receive or cancel its order', async () => {
    const { order } = await restock(1);
    await setSupplierOrderStatus(order.id, 'sent');
    const reply = await as(world, 'supplierX').from('supplier_orders').update({ status: 'cancelled' }).eq('id', order.id);
    assertRefused(reply, 403, '42501', 'a supplier may only confirm or ship a supplier order, not set it to cancelled');
    assert.equal((await stored('supplier_orders', order.id)).status, 'sent');
  });

  test('cannot change anything but shipping details', async () => {
    const { order } = await restock(1);
    const reply = await as(world, 'supplierX').from('supplier_orders').update({ notes: 'cheaper', tracking_number: 'T' }).eq('id', order.id);
    assertRefused(reply, 403, '42501', 'a supplier may not change notes of supplier_orders',
      'A supplier may change only: tracking_number, carrier, expected_at, shipped_at, status, updated_at.');
    assert.equal((await stored('supplier_orders', order.id)).tracking_number, null);
  });

  test('cannot see or ship another supplier’s order', async () => {
    const { order } = await restock(1);
    await setSupplierOrderStatus(order.id, 'sent');
    const client = as(world, 'supplierY');
    assert.deepEqual((await client.from('supplier_orders').select('id').eq('id', order.id)).data, []);
    assert.deepEqual((await client.from('supplier_orders').update({ tracking_number: 'T' }).eq('id', order.id).select('id')).data, []);
    assert.equal((await stored('supplier_orders', order.id)).tracking_number, null);
  });
});

describe('receiving a restock', () => {
  test('puts its lines into the warehouse once, however often it is received', async () => {
    const { order, item, variant } = await restock(5);
    await setSupplierOrderStatus(order.id, 'sent', 'confirmed', 'shipped');
    const admin = as(world, 'admin');
    assertOk(await admin.from('supplier_orders').update({ status: 'received' }).eq('id', order.id));
    assertOk(await admin.from('supplier_orders').update({ status: 'received' }).eq('id', order.id));
    assertOk(await admin.from('supplier_order_items').update({ received_quantity: 5 }).eq('id', item.id));
    await sql(`select app.recompute_supplier_orders()`);
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), [['purchase', 5]]);
    assert.equal(await stockLevel(variant.id, warehouse.id), 5);
    const row = await stored('supplier_orders', order.id);
    assert.deepEqual([row.status, row.received_at !== null], ['received', true]);
    assert.equal((await stored('supplier_order_items', item.id)).received_quantity, 5);
  });

  test('in parts books each part, and what arrived never goes down', async () => {
    const { order, item, variant } = await restock(5);
    await setSupplierOrderStatus(order.id, 'sent', 'shipped');
    const staff = as(world, 'admin');
    assertOk(await staff.from('supplier_order_items').update({ received_quantity: 2 }).eq('id', item.id));
    assertOk(await staff.from('supplier_order_items').update({ received_quantity: 2 }).eq('id', item.id));
    const down = await staff.from('supplier_order_items').update({ received_quantity: 1 }).eq('id', item.id);
    assertRuleRefused(down, `what arrived for supplier order ${order.number} cannot go down (from 2 to 1)`, 'Record a stock adjustment instead.');
    const over = await staff.from('supplier_order_items').update({ received_quantity: 6 }).eq('id', item.id);
    assertRefused(over, 400, '23514', 'new row for relation "supplier_order_items" violates check constraint "supplier_order_items_received_at_most_ordered"');
    assertOk(await staff.from('supplier_orders').update({ status: 'received' }).eq('id', order.id));
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), [['purchase', 2], ['purchase', 3]]);
    const ids = await sql(`select distinct supplier_order_id from public.stock_movements where variant_id = $1`, [variant.id]);
    assert.deepEqual(ids, [{ supplier_order_id: order.id }]);
  });

  test('of a draft is refused', async () => {
    const { item, variant } = await restock(5);
    const reply = await as(world, 'admin').from('supplier_order_items').update({ received_quantity: 1 }).eq('id', item.id);
    assertRuleRefused(reply, `supplier order ${(await stored('supplier_orders', item.supplier_order_id)).number} is draft: nothing can be received for it`);
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), []);
  });
});
