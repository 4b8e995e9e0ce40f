// The supplier portal's own requests (admin/src/pages/supplier/queries.ts), sent exactly as the page
// sends them, through supabase-js as supplier users: what they read (with their embeds, under the
// catalogue's supplier policies), the changes they may make, and every refusal: another supplier's
// rows, other columns, other statuses, and the tables a supplier never reads. The permission matrix
// of the tables themselves is in tests/model/suppliers and tests/model/supplier-orders.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../helpers/env.ts';
import { createWorld, type World } from '../model/world.ts';
import { as } from '../model/refusals.ts';
import { makeProduct, makeVariant } from '../model/catalogue/builders.ts';
import { makeSupplierProduct } from '../model/suppliers/builders.ts';
import { makeSupplierOrder, makeSupplierOrderItem, setSupplierOrderStatus } from '../model/supplier-orders/builders.ts';
import { makeOwnWarehouse, makeOrder } from '../model/orders/builders.ts';
import { makePayment } from '../model/billing/builders.ts';
import { makeCustomer } from '../model/customers/builders.ts';
import {
  NOT_FOUND, loadSupplierOrders, loadSupplierProducts, loadSuppliers, nextSupplierSteps, updateSupplierOrder, updateSupplierProduct,
} from '../../admin/src/pages/supplier/queries.ts';

let world: World;
let product: Record<string, any>;
let variant: Record<string, any>;
let ofX: Record<string, any>;
let ofY: Record<string, any>;
let orderX: Record<string, any>;
let orderY: Record<string, any>;
const both = () => [world.supplierX, world.supplierY];
const stored = async (table: string, id: string) => (await sql(`select * from public.${table} where id = $1`, [id]))[0];

before(async () => {
  world = await createWorld();
  product = await makeProduct(world, { name: `Portal wine ${world.tag}` });
  variant = await makeVariant(world, product.id);
  ofX = await makeSupplierProduct(world, world.supplierX, variant.id, { stock_quantity: 10, cost_cents: 400 });
  ofY = await makeSupplierProduct(world, world.supplierY, variant.id, { stock_quantity: 4, cost_cents: 450 });
  const warehouse = await makeOwnWarehouse(world);
  orderX = await makeSupplierOrder(world.supplierX, warehouse.id);
  await makeSupplierOrderItem(orderX.id, ofX.id, 6);
  orderX = await setSupplierOrderStatus(orderX.id, 'sent');
  orderY = await makeSupplierOrder(world.supplierY, warehouse.id);
  orderY = await setSupplierOrderStatus(orderY.id, 'sent');
});

describe('the supplier portal reads', () => {
  test("its supplier's record, and not another's even when asked for both", async () => {
    const rows = await loadSuppliers(as(world, 'supplierX'), both());
    assert.deepEqual(rows.map((row) => row.id), [world.supplierX]);
  });

  test('its products with their variant and product (the embeds pass the catalogue policies)', async () => {
    const page = await loadSupplierProducts(as(world, 'supplierX'), both(), { offset: 0, size: 25 });
    assert.equal(page.total, 1);
    assert.equal(page.rows.length, 1);
    const [row] = page.rows;
    assert.deepEqual([row.id, row.supplier_sku, row.stock_quantity, row.cost_cents], [ofX.id, ofX.supplier_sku, 10, 400]);
    assert.deepEqual(row.variant, { id: variant.id, sku: variant.sku, attributes: {}, product: { id: product.id, name: product.name, sku: product.sku } });
  });

  test('its products by reference search, escaping LIKE wildcards', async () => {
    const client = as(world, 'supplierX');
    assert.equal((await loadSupplierProducts(client, both(), { offset: 0, size: 25, search: ofX.supplier_sku.slice(-5) })).total, 1);
    assert.equal((await loadSupplierProducts(client, both(), { offset: 0, size: 25, search: ofY.supplier_sku })).total, 0);
    assert.equal((await loadSupplierProducts(client, both(), { offset: 0, size: 25, search: '%' })).total, 0);
  });

  test('its orders with their lines, and not another supplier’s', async () => {
    const page = await loadSupplierOrders(as(world, 'supplierY'), both(), { offset: 0, size: 20 });
    assert.deepEqual(page.rows.map((row) => row.id), [orderY.id]);
    const ofSupplierX = await loadSupplierOrders(as(world, 'supplierX'), both(), { offset: 0, size: 20 });
    assert.deepEqual(ofSupplierX.rows.map((row) => [row.number, row.status, row.items.length]), [[orderX.number, 'sent', 1]]);
    assert.deepEqual(ofSupplierX.rows[0].items.map((item) => [item.quantity, item.unit_cost_cents, item.supplier_product?.supplier_sku]), [[6, 400, ofX.supplier_sku]]);
  });

  test('nothing of orders, customers or payments, though they exist', async () => {
    const order = await makeOrder(world, world.shopA);
    await makePayment(order.id, 1000);
    await makeCustomer(world, { shopId: world.shopA });
    const client = as(world, 'supplierX');
    for (const table of ['orders', 'customers', 'payments']) {
      const [{ count }] = await sql(`select count(*)::int as count from public.${table}`);
      assert.ok(count > 0, `${table} has rows`);
      const reply = await client.from(table).select('id');
      assert.equal(reply.error, null, table);
      assert.deepEqual(reply.data, [], table);
    }
  });
});

describe('the supplier portal changes', () => {
  test('its stock and its cost, and returns them as stored', async () => {
    const client = as(world, 'supplierX');
    const stock = await updateSupplierProduct(client, ofX.id, { stock_quantity: 7 });
    assert.ok(stock.ok);
    assert.equal(stock.row.stock_quantity, 7);
    const cost = await updateSupplierProduct(client, ofX.id, { cost_cents: 375 });
    assert.ok(cost.ok);
    assert.equal(cost.row.cost_cents, 375);
    const row = await stored('supplier_products', ofX.id);
    assert.deepEqual([row.stock_quantity, row.cost_cents], [7, '375']);
  });

  test('not another supplier’s product: no row, reported as not found, nothing changed', async () => {
    const outcome = await updateSupplierProduct(as(world, 'supplierX'), ofY.id, { stock_quantity: 0, cost_cents: 1 });
    assert.deepEqual(outcome, { ok: false, error: NOT_FOUND });
    const row = await stored('supplier_products', ofY.id);
    assert.deepEqual([row.stock_quantity, row.cost_cents], [4, '450']);
  });

  test('not another column, even in an edited request', async () => {
    const outcome = await updateSupplierProduct(as(world, 'supplierX'), ofX.id, { stock_quantity: 1, supplier_sku: 'HACKED' } as never);
    assert.equal(outcome.ok, false);
    assert.deepEqual(!outcome.ok && [outcome.error.code, outcome.error.message, outcome.error.hint],
      ['42501', 'a supplier may not change supplier_sku of supplier_products', 'A supplier may change only: stock_quantity, cost_cents.']);
    const row = await stored('supplier_products', ofX.id);
    assert.deepEqual([row.supplier_sku, row.stock_quantity], [ofX.supplier_sku, 7]);
  });

  test('not to a negative stock: the check refuses it', async () => {
    const outcome = await updateSupplierProduct(as(world, 'supplierX'), ofX.id, { stock_quantity: -1 });
    assert.deepEqual(!outcome.ok && outcome.error.code, '23514');
    assert.equal((await stored('supplier_products', ofX.id)).stock_quantity, 7);
  });

  test('its tracking numbers, trimmed, and cleared when empty', async () => {
    const client = as(world, 'supplierX');
    const set = await updateSupplierOrder(client, orderX.id, { tracking_number: '  1Z999AA10123456784 ' });
    assert.ok(set.ok);
    assert.equal(set.row.tracking_number, '1Z999AA10123456784');
    assert.equal((await stored('supplier_orders', orderX.id)).tracking_number, '1Z999AA10123456784');
    const cleared = await updateSupplierOrder(client, orderX.id, { tracking_number: '' });
    assert.ok(cleared.ok);
    assert.equal((await stored('supplier_orders', orderX.id)).tracking_number, null);
  });

  test('not another supplier’s order', async () => {
    const outcome = await updateSupplierOrder(as(world, 'supplierX'), orderY.id, { tracking_number: 'STOLEN', status: 'shipped' });
    assert.deepEqual(outcome, { ok: false, error: NOT_FOUND });
    const row = await stored('supplier_orders', orderY.id);
    assert.deepEqual([row.tracking_number, row.status], [null, 'sent']);
  });

  test('not another column of an order, even in an edited request', async () => {
    const outcome = await updateSupplierOrder(as(world, 'supplierX'), orderX.id, { notes: 'pay me twice' } as never);
    assert.deepEqual(!outcome.ok && [outcome.error.code, outcome.error.message],
      ['42501', 'a supplier may not change notes of supplier_orders']);
    assert.equal((await stored('supplier_orders', orderX.id)).notes, null);
  });

  test('the status only along its steps: confirm, ship, never receive', async () => {
    const client = as(world, 'supplierX');
    assert.deepEqual(nextSupplierSteps('sent'), ['confirmed', 'shipped']);
    const confirmed = await updateSupplierOrder(client, orderX.id, { status: 'confirmed' });
    assert.ok(confirmed.ok);
    assert.deepEqual(nextSupplierSteps('confirmed'), ['shipped']);
    const shipped = await updateSupplierOrder(client, orderX.id, { status: 'shipped' });
    assert.ok(shipped.ok);
    assert.equal(shipped.row.status, 'shipped');
    assert.ok(shipped.row.shipped_at, 'shipping stamps shipped_at');
    assert.deepEqual(nextSupplierSteps('shipped'), []);
    const received = await updateSupplierOrder(client, orderX.id, { status: 'received' as never });
    assert.deepEqual(!received.ok && [received.error.code, received.error.message],
      ['42501', 'a supplier may only confirm or ship a supplier order, not set it to received']);
    assert.equal((await stored('supplier_orders', orderX.id)).status, 'shipped');
  });

  test('nothing at all without signing in', async () => {
    const anonymous = await updateSupplierProduct(anonClient(), ofX.id, { stock_quantity: 99 });
    assert.deepEqual(!anonymous.ok && anonymous.error.code, '42501');
    assert.equal((await stored('supplier_products', ofX.id)).stock_quantity, 7);
  });
});
