// The stock ledger: levels always equal the sum of the movements, stock never goes below zero
// unless the variant allows backorders, and two requests cannot both take the last unit.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { as, assertOk, assertRefused, assertRuleRefused, movementsOf } from '../suppliers/helpers.ts';
import { ledgerSum, makeWarehouse, receiveStock, stockLevel } from './builders.ts';

let world: World;
let warehouse: Record<string, any>;
before(async () => {
  world = await createWorld();
  warehouse = await makeWarehouse(world);
});

const newVariant = async (overrides: Record<string, unknown> = {}) => makeVariant(world, (await makeProduct(world)).id, overrides);
const move = (variantId: string, quantity: number, reason = 'adjustment') =>
  as(world, 'staffA').from('stock_movements').insert({ variant_id: variantId, warehouse_id: warehouse.id, quantity, reason });

describe('stock levels', () => {
  test('equal the sum of the ledger after a random sequence of movements', async () => {
    const variants = [await newVariant({ allow_backorder: true }), await newVariant({ allow_backorder: true })];
    const reasons = { 1: ['purchase', 'return', 'transfer_in', 'adjustment'], [-1]: ['sale', 'transfer_out', 'adjustment', 'count_correction'] } as const;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 40; i++) {
      const variant = variants[i % 2];
      const sign = random() < 0.5 ? -1 : 1;
      const list = reasons[sign];
      assertOk(await move(variant.id, sign * (1 + Math.floor(random() * 9)), list[Math.floor(random() * list.length)]), 201);
    }
    for (const variant of variants) {
      assert.equal(await stockLevel(variant.id, warehouse.id), await ledgerSum(variant.id, warehouse.id));
    }
    const [{ drift }] = await sql(`
      select count(*)::int as drift from public.stock_levels l
       where l.quantity <> (select coalesce(sum(m.quantity), 0) from public.stock_movements m where m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id)
         and l.warehouse_id = $1`, [warehouse.id]);
    assert.equal(drift, 0);
  });

  test('are recomputed from the ledger by app.recompute_stock_levels()', async () => {
    const variant = await newVariant();
    await receiveStock(variant.id, warehouse.id, 4);
    await sql(`update public.stock_levels set quantity = 99 where variant_id = $1`, [variant.id]);
    await sql(`select app.recompute_stock_levels()`);
    assert.equal(await stockLevel(variant.id, warehouse.id), 4);
  });
});

describe('taking stock', () => {
  test('beyond what is there is refused, and nothing is written', async () => {
    const variant = await newVariant();
    const reply = await move(variant.id, -1, 'sale');
    assertRuleRefused(reply, `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 0 available, 1 requested`,
      'Receive stock first, or allow backorders on the variant.');
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), []);
    assert.equal(await stockLevel(variant.id, warehouse.id), 0);

    await receiveStock(variant.id, warehouse.id, 2);
    assertRuleRefused(await move(variant.id, -3, 'sale'), `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 2 available, 3 requested`);
    assert.equal(await stockLevel(variant.id, warehouse.id), 2);
  });

  test('below zero is allowed when the variant allows backorders', async () => {
    const variant = await newVariant({ allow_backorder: true });
    assertOk(await move(variant.id, -3, 'sale'), 201);
    assert.equal(await stockLevel(variant.id, warehouse.id), -3);
    assertOk(await move(variant.id, 5, 'purchase'), 201);
    assert.equal(await stockLevel(variant.id, warehouse.id), 2);
  });

  test('twenty at once from a level of five: exactly five succeed and the level ends at zero', async () => {
    const variant = await newVariant();
    await receiveStock(variant.id, warehouse.id, 5);
    const replies = await Promise.all(Array.from({ length: 20 }, () => move(variant.id, -1, 'sale')));
    assert.deepEqual(replies.map((r) => r.status).sort(), [...Array(5).fill(201), ...Array(15).fill(400)]);
    for (const refused of replies.filter((r) => r.status === 400)) {
      assert.equal(refused.error?.message, `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 0 available, 1 requested`);
    }
    assert.equal(await stockLevel(variant.id, warehouse.id), 0);
    assert.equal(await ledgerSum(variant.id, warehouse.id), 0);
  });

  test('the last unit, taken by two transactions at once, goes to exactly one', async () => {
    const variant = await newVariant();
    await receiveStock(variant.id, warehouse.id, 1);
    const clients = [new pg.Client(DATABASE_URL), new pg.Client(DATABASE_URL)];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(clients.map((c) => c.query('begin')));
      const take = `insert into public.stock_movements (variant_id, warehouse_id, quantity, reason) values ($1, $2, -1, 'sale')`;
      await clients[0].query(take, [variant.id, warehouse.id]);
      const second = clients[1].query(take, [variant.id, warehouse.id]).then(() => 'taken', (e: Error) => e.message);
      await clients[0].query('commit');
      assert.equal(await second, `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 0 available, 1 requested`);
      await clients[1].query('rollback');
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    assert.equal(await stockLevel(variant.id, warehouse.id), 0);
  });
});

describe('the ledger', () => {
  test('moves a transfer in one request, or nothing of it', async () => {
    const variant = await newVariant();
    const other = await makeWarehouse(world);
    await receiveStock(variant.id, warehouse.id, 2);
    const transfer = (quantity: number) =>
      as(world, 'staffB').from('stock_movements').insert([
        { variant_id: variant.id, warehouse_id: other.id, quantity, reason: 'transfer_in' },
        { variant_id: variant.id, warehouse_id: warehouse.id, quantity: -quantity, reason: 'transfer_out' },
      ]);
    assertRuleRefused(await transfer(3), `not enough stock of SKU ${variant.sku} in warehouse ${warehouse.code}: 2 available, 3 requested`);
    assert.deepEqual([await stockLevel(variant.id, warehouse.id), await stockLevel(variant.id, other.id)], [2, 0]);
    assert.deepEqual(await movementsOf(variant.id, other.id), []);
    assertOk(await transfer(2), 201);
    assert.deepEqual([await stockLevel(variant.id, warehouse.id), await stockLevel(variant.id, other.id)], [0, 2]);
  });

  test('refuses a movement whose sign contradicts its reason', async () => {
    const variant = await newVariant();
    const reply = await move(variant.id, 2, 'sale');
    assertRefused(reply, 400, '23514', 'new row for relation "stock_movements" violates check constraint "stock_movements_sign_matches_reason"');
    assert.deepEqual(await movementsOf(variant.id, warehouse.id), []);
  });

  test('cannot be changed or deleted, even by an admin', async () => {
    const variant = await newVariant();
    const movement = await receiveStock(variant.id, warehouse.id, 3);
    const admin = as(world, 'admin');
    assertRefused(await admin.from('stock_movements').update({ quantity: 30 }).eq('id', movement.id), 403, '42501', 'permission denied for table stock_movements');
    assertRefused(await admin.from('stock_movements').delete().eq('id', movement.id), 403, '42501', 'permission denied for table stock_movements');
    await assert.rejects(sql(`update public.stock_movements set quantity = 30 where id = $1`, [movement.id]), /stock_movements rows cannot be changed or deleted/);
    assert.equal(await stockLevel(variant.id, warehouse.id), 3);
  });

  test('records who moved stock, whatever the request says', async () => {
    const variant = await newVariant();
    const reply = await as(world, 'staffA').from('stock_movements')
      .insert({ variant_id: variant.id, warehouse_id: warehouse.id, quantity: 2, reason: 'purchase', actor_id: world.users.admin }).select('actor_id').single();
    assertOk(reply, 201);
    assert.equal(reply.data!.actor_id, world.users.staffA);
  });

  test('stock levels cannot be written through the API, even by an admin', async () => {
    const variant = await newVariant();
    await receiveStock(variant.id, warehouse.id, 1);
    const reply = await as(world, 'admin').from('stock_levels').update({ quantity: 50 }).eq('variant_id', variant.id);
    assertRefused(reply, 403, '42501', 'permission denied for table stock_levels');
    assert.equal(await stockLevel(variant.id, warehouse.id), 1);
  });
});
