// Merging a duplicate customer moves everything that hangs off it to the customer kept, in one
// transaction, and leaves a full trace; impossible merges are refused with a clear message.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeConversation } from '../conversations/builders.ts';
import { makeOrder, makeOwnWarehouse } from '../orders/builders.ts';
import { makeAddress, makeConsent, makeCustomer, makeIdentity, makeLoyaltyEntry } from './builders.ts';
import { as } from './helpers.ts';

let world: World;
let keep: Record<string, any>;
let dup: Record<string, any>;
const moved: Record<string, string[]> = {};
before(async () => {
  world = await createWorld();
  keep = await makeCustomer(world, { shopId: world.shopA, email: null, displayName: 'Camille Martin' });
  dup = await makeCustomer(world, { shopId: world.shopA, email: `camille-${world.tag}@example.com`, displayName: 'C. Martin', phone: '+33611223344' });
  await makeAddress(keep.id, {}, true);
  await makeLoyaltyEntry(keep.id, 50);
  const warehouse = await makeOwnWarehouse(world);
  moved.identities = [(await makeIdentity(dup.id, 'instagram', `cmartin_${world.tag}`)).id];
  moved.addresses = [(await makeAddress(dup.id, { city: 'Nantes' }, true)).id];
  moved.consents = [String((await makeConsent(dup.id)).id)];
  moved.loyalty_entries = [String((await makeLoyaltyEntry(dup.id, 30)).id)];
  moved.conversations = [(await makeConversation(world, { shopId: world.shopB, customerId: dup.id })).id];
  moved.orders = [(await makeOrder(world, world.shopA, { status: 'pending', warehouse_id: warehouse.id, customer_id: dup.id })).id];
});

const customer = async (id: string) => (await sql(`select * from public.customers where id = $1`, [id]))[0];
const merges = async () => (await sql(`select count(*)::int as count from public.customer_merges where merged_customer_id = any ($1)`, [[keep.id, dup.id]]))[0].count;

test('staff merge a duplicate: everything moves to the customer kept', async () => {
  assert.equal((await customer(dup.id)).orders_count, 1);
  const { data: mergeId, error } = await as(world, 'staffA').rpc('merge_customers', { keep: keep.id, merge: dup.id });
  assert.equal(error, null);

  const owner = async (table: string, ids: string[]) => (await sql(`select distinct customer_id from public.${table} where id::text = any ($1)`, [ids])).map((r) => r.customer_id);
  const movedFrom = { customer_identities: 'identities', customer_addresses: 'addresses', customer_consents: 'consents', loyalty_entries: 'loyalty_entries', conversations: 'conversations', orders: 'orders' };
  for (const [table, key] of Object.entries(movedFrom)) assert.deepEqual(await owner(table, moved[key]), [keep.id], table);
  const defaults = await sql(`select city from public.customer_addresses a, lateral (select app.decrypt_pii(address_encrypted)::jsonb ->> 'city' as city) c
                               where customer_id = $1 and is_default`, [keep.id]);
  assert.deepEqual(defaults, [{ city: 'Paris' }], "the kept customer's default address stays the default");

  const kept = await customer(keep.id);
  assert.equal(kept.email, dup.email);
  assert.equal(kept.loyalty_points, 80);
  assert.equal(kept.orders_count, 1);
  const [{ phone }] = await sql(`select app.decrypt_pii($1) as phone`, [kept.phone_encrypted]);
  assert.equal(phone, '+33611223344');
  const links = await sql(`select shop_id from public.customer_shops where customer_id = $1 order by shop_id`, [keep.id]);
  assert.deepEqual(links.map((l) => l.shop_id).sort(), [world.shopA, world.shopB].sort());

  const merged = await customer(dup.id);
  assert.equal(merged.merged_into_id, keep.id);
  assert.equal(merged.loyalty_points, 0);
  assert.equal(merged.orders_count, 0);

  const [trace] = await sql(`select * from public.customer_merges where id = $1`, [mergeId]);
  assert.equal(trace.kept_customer_id, keep.id);
  assert.equal(trace.merged_customer_id, dup.id);
  assert.equal(trace.merged_by, world.users.staffA);
  assert.equal(trace.snapshot.customer.id, dup.id);
  assert.equal(trace.snapshot.customer.display_name, 'C. Martin');
  assert.deepEqual(trace.snapshot.moved.identities, moved.identities);
  assert.deepEqual(trace.snapshot.moved.addresses, moved.addresses);
  assert.deepEqual(trace.snapshot.moved.consents.map(String), moved.consents);
  assert.deepEqual(trace.snapshot.moved.loyalty_entries.map(String), moved.loyalty_entries);
  assert.deepEqual(trace.snapshot.moved.conversations, moved.conversations);
  assert.deepEqual(trace.snapshot.moved.orders, moved.orders);
  assert.deepEqual(trace.snapshot.moved.shop_links.sort(), [world.shopA, world.shopB].sort());

  const { data: seen } = await as(world, 'staffA').from('customer_merges').select('id').eq('kept_customer_id', keep.id);
  assert.deepEqual(seen, [{ id: mergeId }]);
  const [{ id }] = await sql(`select app.find_customer_by_identity('email', $1) as id`, [dup.email]);
  assert.equal(id, keep.id);
});

test('impossible merges are refused with a clear message, and nothing changes', async () => {
  const before = await merges();
  const other = await makeCustomer(world, { shopId: world.shopA });
  const cases: Array<[string, string, string]> = [
    [keep.id, keep.id, 'a customer cannot be merged into itself'],
    [other.id, dup.id, `customer ${dup.id} is already merged into customer ${keep.id}`],
    [dup.id, other.id, `customer ${dup.id} was merged into customer ${keep.id}: merge into that one instead`],
  ];
  for (const [k, m, message] of cases) {
    const { error, status } = await as(world, 'staffA').rpc('merge_customers', { keep: k, merge: m });
    assert.equal(status, 400, message);
    assert.equal(error!.code, 'P0001');
    assert.equal(error!.message, message);
  }
  assert.equal(await merges(), before);
  assert.equal((await customer(other.id)).merged_into_id, null);
});

test('only staff who see both customers merge them', async () => {
  const a1 = await makeCustomer(world, { shopId: world.shopA });
  const a2 = await makeCustomer(world, { shopId: world.shopA });
  for (const persona of ['staffB', 'marketer', 'supplierX'] as const) {
    const { error, status } = await as(world, persona).rpc('merge_customers', { keep: a1.id, merge: a2.id });
    assert.equal(status, 403, persona);
    assert.equal(error!.code, '42501');
    assert.equal(error!.message, `customer ${a1.id} is not one of yours`);
  }
  const b1 = await makeCustomer(world, { shopId: world.shopB });
  const { error } = await as(world, 'staffA').rpc('merge_customers', { keep: a1.id, merge: b1.id });
  assert.equal(error!.message, `customer ${b1.id} is not one of yours`);
  assert.equal((await customer(a2.id)).merged_into_id, null);
  assert.equal((await customer(b1.id)).merged_into_id, null);
  const { error: adminError } = await as(world, 'admin').rpc('merge_customers', { keep: a1.id, merge: b1.id });
  assert.equal(adminError, null);
  assert.equal((await customer(b1.id)).merged_into_id, a1.id);
});
