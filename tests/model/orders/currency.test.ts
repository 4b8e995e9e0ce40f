// An order's currency is its shop's unless the caller names another: through REST, through the
// create_order RPC, and for rows inserted directly.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeOrder } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
  // Shop B sells in pounds; shop A keeps the default, euros.
  await sql(`update public.shops set currency = 'GBP' where id = $1`, [world.shopB]);
});

test("an order without a currency takes its shop's", async () => {
  const staffB = anonClient(world.tokens.staffB);
  const viaRest = await staffB.from('orders').insert({ shop_id: world.shopB, status: 'draft', channel: 'phone' }).select('currency').single();
  assert.equal(viaRest.error, null, JSON.stringify(viaRest.error));
  assert.equal(viaRest.data!.currency, 'GBP');
  const viaRpc = await staffB.rpc('create_order', { header: { shop_id: world.shopB, status: 'draft' }, items: [] });
  assert.equal(viaRpc.error, null, JSON.stringify(viaRpc.error));
  assert.equal(viaRpc.data.currency, 'GBP');
  assert.equal((await makeOrder(world, world.shopB)).currency, 'GBP');
  assert.equal((await makeOrder(world, world.shopA)).currency, 'EUR');
});

test('a currency the caller names is kept', async () => {
  const staffB = anonClient(world.tokens.staffB);
  const viaRest = await staffB.from('orders').insert({ shop_id: world.shopB, status: 'draft', currency: 'EUR' }).select('currency').single();
  assert.equal(viaRest.data!.currency, 'EUR');
  const viaRpc = await staffB.rpc('create_order', { header: { shop_id: world.shopB, status: 'draft', currency: 'USD' }, items: [] });
  assert.equal(viaRpc.data.currency, 'USD');
});
