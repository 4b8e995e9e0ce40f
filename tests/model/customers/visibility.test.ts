// Staff of some shops see a customer only once the customer is linked to one of their shops
// (home shop, an order, a conversation), and create customers of their own shops only.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeConversation } from '../conversations/builders.ts';
import { makeConsent, makeCustomer } from './builders.ts';
import { as } from './helpers.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

const count = async (where: string, values: unknown[]) => (await sql(`select count(*)::int as count from public.customers where ${where}`, values))[0].count;

test('staff of one shop create a customer: it is of their shop, linked, and theirs to read back', async () => {
  const { data, error, status } = await as(world, 'staffA').from('customers')
    .insert({ display_name: 'Walk-in', email: `Walk.In-${world.tag}@Example.com` }).select('id, home_shop_id, email').single();
  assert.equal(error, null);
  assert.equal(status, 201);
  assert.equal(data!.home_shop_id, world.shopA);
  assert.equal(data!.email, `walk.in-${world.tag}@example.com`);
  const links = await sql(`select shop_id from public.customer_shops where customer_id = $1`, [data!.id]);
  assert.deepEqual(links, [{ shop_id: world.shopA }]);
});

test("staff may not create a customer of another shop; marketers and suppliers none", async () => {
  for (const persona of ['staffA', 'marketer', 'supplierX'] as const) {
    const name = `Refused ${persona} ${world.tag}`;
    const { error, status } = await as(world, persona).from('customers').insert({ display_name: name, home_shop_id: world.shopB });
    assert.equal(status, 403, persona);
    assert.equal(error!.code, '42501');
    if (persona === 'staffA') assert.equal(error!.message, `shop ${world.shopB} is not one of your shops`);
    assert.equal(await count('display_name = $1', [name]), 0);
  }
});

test("staff of one shop may not hand a customer to another shop", async () => {
  const customer = await makeCustomer(world, { shopId: world.shopA });
  const { error, status } = await as(world, 'staffA').from('customers').update({ home_shop_id: world.shopB }).eq('id', customer.id);
  assert.equal(status, 403);
  assert.equal(error!.message, `shop ${world.shopB} is not one of your shops`);
  assert.equal(await count('id = $1 and home_shop_id = $2', [customer.id, world.shopA]), 1);
  const links = await sql(`select shop_id from public.customer_shops where customer_id = $1`, [customer.id]);
  assert.deepEqual(links, [{ shop_id: world.shopA }]);
});

test('an e-mail that is not an address is refused', async () => {
  const { error, status } = await as(world, 'staffA').from('customers').insert({ display_name: `Bad e-mail ${world.tag}`, email: 'camille at example' });
  assert.equal(status, 400);
  assert.equal(error!.code, '23514');
  assert.match(error!.message, /customers_email_is_an_address/);
  assert.equal(await count('display_name = $1', [`Bad e-mail ${world.tag}`]), 0);
});

test('a customer of shop B is invisible to staff of A until a conversation in A links it', async () => {
  const customer = await makeCustomer(world, { shopId: world.shopB });
  const consent = await makeConsent(customer.id);
  const read = async () => (await as(world, 'staffA').from('customers').select('id').eq('id', customer.id)).data;
  assert.deepEqual(await read(), []);
  const { data: rename } = await as(world, 'staffA').from('customers').update({ display_name: 'Hijacked' }).eq('id', customer.id).select('id');
  assert.deepEqual(rename, []);
  assert.equal(await count('id = $1 and display_name = $2', [customer.id, 'Hijacked']), 0);

  await makeConversation(world, { shopId: world.shopA, customerId: customer.id });
  assert.deepEqual(await read(), [{ id: customer.id }]);
  const { data: consents } = await as(world, 'staffA').from('customer_consents').select('id').eq('customer_id', customer.id);
  assert.deepEqual(consents, [{ id: Number(consent.id) }]);
});

test("staff may not attach a conversation to a customer they don't see (it would link them)", async () => {
  const customer = await makeCustomer(world, { shopId: world.shopB });
  const subject = `Attach ${world.tag}`;
  const { error, status } = await as(world, 'staffA').from('conversations')
    .insert({ shop_id: world.shopA, channel: 'manual', subject, customer_id: customer.id });
  assert.equal(status, 403);
  assert.equal(error!.code, '42501');
  const conversation = await makeConversation(world, { shopId: world.shopA });
  const { data } = await as(world, 'staffA').from('conversations').update({ customer_id: customer.id }).eq('id', conversation.id).select('id');
  assert.equal(data, null);
  const [{ customer_id }] = await sql(`select customer_id from public.conversations where id = $1`, [conversation.id]);
  assert.equal(customer_id, null);
  const links = await sql(`select shop_id from public.customer_shops where customer_id = $1`, [customer.id]);
  assert.deepEqual(links, [{ shop_id: world.shopB }]);
});

test('marketers read what campaigns need, and change nothing', async () => {
  const customer = await makeCustomer(world, { shopId: world.shopA, phone: '+33699887766' });
  await makeConsent(customer.id, { granted: true });
  await makeConsent(customer.id, { granted: false });
  const marketer = as(world, 'marketer');
  const { data } = await marketer.from('customers').select('display_name, email, locale, segment, home_shop_id, phone').eq('id', customer.id).single();
  assert.deepEqual(data, { display_name: customer.display_name, email: customer.email, locale: 'fr', segment: 'new', home_shop_id: world.shopA, phone: null });
  const { data: current } = await marketer.from('customer_current_consents').select('channel, purpose, granted').eq('customer_id', customer.id);
  assert.deepEqual(current, [{ channel: 'email', purpose: 'marketing', granted: false }]);
  const { data: updated } = await marketer.from('customers').update({ locale: 'en' }).eq('id', customer.id).select('id');
  assert.deepEqual(updated, []);
  assert.equal(await count('id = $1 and locale = $2', [customer.id, 'fr']), 1);
  const { status } = await marketer.from('customer_consents').insert({ customer_id: customer.id, channel: 'sms', purpose: 'marketing', granted: true, source: 'marketer' });
  assert.equal(status, 403);
});
