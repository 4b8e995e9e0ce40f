// A dropship supplier order ships a customer's order: it belongs to that order's shop, its staff
// place it, the supplier ships it, and it never touches our stock.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplierProduct } from '../suppliers/builders.ts';
import { makeOrder } from '../orders/builders.ts';
import { as, assertOk, assertRefused, assertRuleRefused, stored } from '../suppliers/helpers.ts';
import { makeSupplierOrderItem, setSupplierOrderStatus } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

describe('a dropship', () => {
  test('takes the shop of its customer order, and staff of that shop place it', async () => {
    const order = await makeOrder(world, world.shopA);
    const reply = await as(world, 'staffA').from('supplier_orders')
      .insert({ supplier_id: world.supplierX, kind: 'dropship', order_id: order.id }).select('id, shop_id').single();
    assertOk(reply, 201);
    assert.equal(reply.data!.shop_id, world.shopA);
    assert.deepEqual((await as(world, 'staffB').from('supplier_orders').select('id').eq('id', reply.data!.id)).data, []);
  });

  test('for another shop than its customer order’s is refused', async () => {
    const order = await makeOrder(world, world.shopA);
    const reply = await as(world, 'admin').from('supplier_orders').insert({ supplier_id: world.supplierX, kind: 'dropship', order_id: order.id, shop_id: world.shopB });
    assertRuleRefused(reply, 'a dropship supplier order belongs to the shop of its customer order');
    assert.equal((await sql(`select count(*)::int as n from public.supplier_orders where order_id = $1`, [order.id]))[0].n, 0);
  });

  test('cannot be placed by staff of another shop', async () => {
    const reply = await as(world, 'staffB').from('supplier_orders').insert({ supplier_id: world.supplierX, kind: 'dropship', shop_id: world.shopA, notes: `B ${world.tag}` });
    assertRefused(reply, 403, '42501', 'new row violates row-level security policy for table "supplier_orders"');
  });

  test('received moves no stock', async () => {
    const variant = await makeVariant(world, (await makeProduct(world)).id);
    const product = await makeSupplierProduct(world, world.supplierX, variant.id);
    const [order] = await sql(`insert into public.supplier_orders (supplier_id, kind, shop_id) values ($1, 'dropship', $2) returning *`, [world.supplierX, world.shopA]);
    const item = await makeSupplierOrderItem(order.id, product.id, 2);
    await setSupplierOrderStatus(order.id, 'sent', 'shipped', 'received');
    assert.equal((await stored('supplier_order_items', item.id)).received_quantity, 2);
    assert.equal((await sql(`select count(*)::int as n from public.stock_movements where supplier_order_id = $1`, [order.id]))[0].n, 0);
  });
});
