// The loyalty ledger: customers.loyalty_points is always the sum of the entries, never negative,
// even under concurrent spends; entries are never changed or deleted.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from './builders.ts';
import { as } from './helpers.ts';

let world: World;
let customer: Record<string, any>;
before(async () => {
  world = await createWorld();
  customer = await makeCustomer(world, { shopId: world.shopA });
});

const balance = async () => (await sql(`select loyalty_points from public.customers where id = $1`, [customer.id]))[0].loyalty_points;
const entries = async () => (await sql(`select count(*)::int as count, coalesce(sum(points), 0)::int as sum from public.loyalty_entries where customer_id = $1`, [customer.id]))[0];

test('staff give and spend points: the balance is the sum of the ledger', async () => {
  const staff = as(world, 'staffA');
  assert.equal((await staff.from('loyalty_entries').insert({ customer_id: customer.id, points: 120, reason: 'first order' })).error, null);
  assert.equal((await staff.from('loyalty_entries').insert({ customer_id: customer.id, points: -20, reason: 'discount' })).error, null);
  assert.equal(await balance(), 100);
  assert.deepEqual(await entries(), { count: 2, sum: 100 });
  const [entry] = await sql(`select created_by from public.loyalty_entries where customer_id = $1 limit 1`, [customer.id]);
  assert.equal(entry.created_by, world.users.staffA);
});

test('spending more than the balance is refused, and nothing is written', async () => {
  const { error, status } = await as(world, 'staffA').from('loyalty_entries').insert({ customer_id: customer.id, points: -101, reason: 'too much' });
  assert.equal(status, 400);
  assert.equal(error!.code, 'P0001');
  assert.equal(error!.message, 'not enough loyalty points: the customer has 100, 101 requested');
  assert.equal(await balance(), 100);
  assert.deepEqual(await entries(), { count: 2, sum: 100 });
});

test('concurrent spends never take the balance below zero', async () => {
  const staff = as(world, 'staffA');
  const replies = await Promise.all(
    Array.from({ length: 8 }, () => staff.from('loyalty_entries').insert({ customer_id: customer.id, points: -30, reason: 'race' })),
  );
  assert.equal(replies.filter((r) => r.error === null).length, 3);
  for (const r of replies.filter((r) => r.error)) assert.equal(r.error!.message, 'not enough loyalty points: the customer has 10, 30 requested');
  assert.equal(await balance(), 10);
  assert.deepEqual(await entries(), { count: 5, sum: 10 });
});

test('entries are append-only, for every role, the owner included', async () => {
  const [entry] = await sql(`select id from public.loyalty_entries where customer_id = $1 limit 1`, [customer.id]);
  const { error, status } = await as(world, 'admin').from('loyalty_entries').update({ points: 1000 }).eq('id', entry.id);
  assert.equal(status, 403);
  assert.equal(error!.code, '42501');
  await assert.rejects(sql(`update public.loyalty_entries set points = 1000 where id = $1`, [entry.id]), {
    code: '42501',
    message: 'loyalty_entries rows cannot be changed or deleted',
  });
  await assert.rejects(sql(`delete from public.loyalty_entries where id = $1`, [entry.id]), { message: 'loyalty_entries rows cannot be changed or deleted' });
  await sql(`insert into public.customer_consents (customer_id, channel, purpose, granted, source) values ($1, 'email', 'marketing', true, 'test')`, [customer.id]);
  await assert.rejects(sql(`update public.customer_consents set granted = false where customer_id = $1`, [customer.id]), {
    message: 'customer_consents rows cannot be changed or deleted',
  });
  assert.deepEqual(await entries(), { count: 5, sum: 10 });
});

test('deleting a customer takes their ledger and consents with it', async () => {
  const gone = await makeCustomer(world, { shopId: world.shopA });
  await sql(`insert into public.loyalty_entries (customer_id, points, reason) values ($1, 10, 'welcome')`, [gone.id]);
  await sql(`insert into public.customer_consents (customer_id, channel, purpose, granted, source) values ($1, 'sms', 'marketing', true, 'test')`, [gone.id]);
  const { error, status } = await as(world, 'admin').from('customers').delete().eq('id', gone.id);
  assert.equal(error, null);
  assert.equal(status, 204);
  const [{ count }] = await sql(`select count(*)::int as count from public.loyalty_entries where customer_id = $1`, [gone.id]);
  assert.equal(count, 0);
});
