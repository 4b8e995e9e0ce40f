// A supplier keeps its own stock and costs up to date, and nothing else; what it declares is
// mirrored into the ledger of its warehouse, so stock has one truth.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { ledgerSum, stockLevel } from '../inventory/builders.ts';
import { makeSupplierProduct } from './builders.ts';
import { as, assertOk, assertRefused, movementsOf, stored } from './helpers.ts';

let world: World;
let variant: Record<string, any>;
let ofX: Record<string, any>;
let ofY: Record<string, any>;
before(async () => {
  world = await createWorld();
  variant = await makeVariant(world, (await makeProduct(world)).id);
  ofX = await makeSupplierProduct(world, world.supplierX, variant.id, { stock_quantity: 10 });
  ofY = await makeSupplierProduct(world, world.supplierY, variant.id, { stock_quantity: 4 });
});

const warehouseOf = async (supplierId: string) =>
  (await sql(`select * from public.warehouses where supplier_id = $1 and kind = 'supplier'`, [supplierId]))[0];

describe('a supplier', () => {
  test('declares its stock, and the ledger of its warehouse follows with the difference', async () => {
    const warehouse = await warehouseOf(world.supplierX);
    assert.equal(warehouse.code, `supplier-${world.supplierX}`);
    assertOk(await as(world, 'supplierX').from('supplier_products').update({ stock_quantity: 6 }).eq('id', ofX.id));
    assertOk(await as(world, 'supplierX').from('supplier_products').update({ stock_quantity: 9 }).eq('id', ofX.id));
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), [['supplier_count', 10], ['supplier_count', -4], ['supplier_count', 3]]);
    assert.equal(await stockLevel(variant.id, warehouse.id), 9);
    const [last] = await sql(`select actor_id from public.stock_movements where warehouse_id = $1 order by id desc limit 1`, [warehouse.id]);
    assert.equal(last.actor_id, world.users.supplierX);
  });

  test('changes its costs', async () => {
    assertOk(await as(world, 'supplierX').from('supplier_products').update({ cost_cents: 375 }).eq('id', ofX.id));
    assert.equal((await stored('supplier_products', ofX.id)).cost_cents, '375');
  });

  test('cannot change anything else of its supplier products', async () => {
    const reply = await as(world, 'supplierX').from('supplier_products').update({ supplier_sku: 'HACKED', stock_quantity: 1 }).eq('id', ofX.id);
    assertRefused(reply, 403, '42501', 'a supplier may not change supplier_sku of supplier_products', 'A supplier may change only: stock_quantity, cost_cents.');
    const row = await stored('supplier_products', ofX.id);
    assert.deepEqual([row.supplier_sku, row.stock_quantity], [ofX.supplier_sku, 9]);
  });

  test('cannot declare a negative stock', async () => {
    const reply = await as(world, 'supplierX').from('supplier_products').update({ stock_quantity: -1 }).eq('id', ofX.id);
    assertRefused(reply, 400, '23514', 'new row for relation "supplier_products" violates check constraint "supplier_products_stock_quantity_check"');
  });

  test('neither sees nor changes another supplier’s products', async () => {
    const client = as(world, 'supplierX');
    const read = await client.from('supplier_products').select('id').eq('id', ofY.id);
    assert.deepEqual(read.data, []);
    const write = await client.from('supplier_products').update({ stock_quantity: 0 }).eq('id', ofY.id).select('id');
    assert.deepEqual(write.data, []);
    assert.equal((await stored('supplier_products', ofY.id)).stock_quantity, 4);
  });

  test('cannot record movements, even in its own warehouse', async () => {
    const warehouse = await warehouseOf(world.supplierX);
    const reply = await as(world, 'supplierX').from('stock_movements').insert({ variant_id: variant.id, warehouse_id: warehouse.id, quantity: 5, reason: 'supplier_count' });
    assertRefused(reply, 403, '42501', 'new row violates row-level security policy for table "stock_movements"');
    assert.equal(await stockLevel(variant.id, warehouse.id), 9);
  });

  test('sees the variants and products it supplies, and no others', async () => {
    const other = await makeVariant(world, (await makeProduct(world)).id);
    const variants = await as(world, 'supplierX').from('product_variants').select('id').in('id', [variant.id, other.id]);
    assert.deepEqual(variants.data, [{ id: variant.id }]);
    const products = await as(world, 'supplierX').from('products').select('id').in('id', [variant.product_id, other.product_id]);
    assert.deepEqual(products.data, [{ id: variant.product_id }]);
  });
});

describe('a supplier’s warehouse', () => {
  test('gives a dropship sale back to the supplier’s declared stock', async () => {
    const warehouse = await warehouseOf(world.supplierY);
    await sql(`insert into public.stock_movements (variant_id, warehouse_id, quantity, reason) values ($1, $2, -3, 'sale')`, [variant.id, warehouse.id]);
    assert.equal((await stored('supplier_products', ofY.id)).stock_quantity, 1);
    assert.equal(await stockLevel(variant.id, warehouse.id), 1);
    assert.equal(await ledgerSum(variant.id, warehouse.id), 1);
  });

  test('never goes below zero, backorders or not', async () => {
    const warehouse = await warehouseOf(world.supplierY);
    await sql(`update public.product_variants set allow_backorder = true where id = $1`, [variant.id]);
    try {
      await assert.rejects(
        sql(`insert into public.stock_movements (variant_id, warehouse_id, quantity, reason) values ($1, $2, -2, 'sale')`, [variant.id, warehouse.id]),
        { message: `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 1 available, 2 requested` },
      );
    } finally {
      await sql(`update public.product_variants set allow_backorder = false where id = $1`, [variant.id]);
    }
    assert.equal(await stockLevel(variant.id, warehouse.id), 1);
  });

  test('empties when the supplier no longer supplies the variant', async () => {
    const gone = await makeVariant(world, (await makeProduct(world)).id);
    const product = await makeSupplierProduct(world, world.supplierX, gone.id, { stock_quantity: 8 });
    assertOk(await as(world, 'admin').from('supplier_products').delete().eq('id', product.id));
    const warehouse = await warehouseOf(world.supplierX);
    assert.deepEqual(await movementsOf(gone.id, warehouse.id), [['supplier_count', 8], ['supplier_count', -8]]);
    assert.equal(await stockLevel(gone.id, warehouse.id), 0);
  });

  test('is rebuilt from declared stock by app.recompute_supplier_stock()', async () => {
    const freshProduct = await makeProduct(world);
    const fresh = await makeVariant(world, freshProduct.id);
    // as a seed loads: triggers off (so the seed fills product_id itself)
    await sql(`begin; set local session_replication_role = replica;
               insert into public.supplier_products (supplier_id, variant_id, product_id, supplier_sku, cost_cents, stock_quantity)
               values ('${world.supplierX}', '${fresh.id}', '${freshProduct.id}', 'SEED-${world.tag}', 100, 12); commit;`);
    await sql(`select app.recompute_supplier_stock()`);
    await sql(`select app.recompute_supplier_stock()`);
    const warehouse = await warehouseOf(world.supplierX);
    assert.deepEqual(await movementsOf(fresh.id, warehouse.id), [['supplier_count', 12]]);
    assert.equal(await stockLevel(fresh.id, warehouse.id), 12);
  });
});

describe('staff', () => {
  test('cannot take stock from a supplier’s warehouse by hand', async () => {
    const warehouse = await warehouseOf(world.supplierX);
    const reply = await as(world, 'admin').from('stock_movements').insert({ variant_id: variant.id, warehouse_id: warehouse.id, quantity: -1, reason: 'adjustment' });
    assertRefused(reply, 403, '42501', 'new row violates row-level security policy for table "stock_movements"');
  });

  test('of one shop cannot add suppliers', async () => {
    const reply = await as(world, 'staffA').from('suppliers').insert({ name: `Nope ${world.tag}` });
    assertRefused(reply, 403, '42501', 'new row violates row-level security policy for table "suppliers"');
    assert.equal((await sql(`select count(*)::int as n from public.suppliers where name = $1`, [`Nope ${world.tag}`]))[0].n, 0);
  });

  test('cannot name two preferred suppliers for one variant', async () => {
    await sql(`update public.supplier_products set is_preferred = true where id = $1`, [ofX.id]);
    const reply = await as(world, 'admin').from('supplier_products').update({ is_preferred: true }).eq('id', ofY.id);
    assertRefused(reply, 409, '23505', 'duplicate key value violates unique constraint "supplier_products_one_preferred_idx"');
  });
});

