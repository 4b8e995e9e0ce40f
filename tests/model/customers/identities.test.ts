// Identities let channels recognise a customer: values are normalised, hashed for lookup, never
// duplicated across customers, and shown masked.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from './builders.ts';
import { as } from './helpers.ts';

let world: World;
let camille: Record<string, any>;
let other: Record<string, any>;
before(async () => {
  world = await createWorld();
  camille = await makeCustomer(world, { shopId: world.shopA });
  other = await makeCustomer(world, { shopId: world.shopA });
});

const find = async (kind: string, value: string) => (await sql(`select app.find_customer_by_identity($1, $2) as id`, [kind, value]))[0].id;
const whatsapp = () => `+3361${world.tag.replace(/[^0-9]/g, '').padEnd(7, '7').slice(0, 7)}`;

test('staff add a WhatsApp number: stored masked, hashed and encrypted', async () => {
  const { data: id, error } = await as(world, 'staffA').rpc('add_customer_identity', { customer_id: camille.id, kind: 'whatsapp', value: whatsapp() });
  assert.equal(error, null);
  const { data } = await as(world, 'staffA').from('customer_identities').select('kind, display, verified, customer_id').eq('id', id).single();
  const n = whatsapp();
  assert.deepEqual(data, { kind: 'whatsapp', display: `+33 6•• •• •• ${n.slice(-2)}`, verified: false, customer_id: camille.id });
  const [row] = await sql(`select encode(value_encrypted, 'escape') as raw, length(value_hash) as hash_length from public.customer_identities where id = $1`, [id]);
  assert.ok(!row.raw.includes(n.slice(3)));
  assert.equal(row.hash_length, 32);
});

test('channels find the customer by any spelling of the value', async () => {
  const n = whatsapp();
  const national = `0${n.slice(3, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)} ${n.slice(10)}`;
  assert.equal(await find('whatsapp', national), camille.id);
  assert.equal(await find('whatsapp', `00${n.slice(1)}`), camille.id);
  assert.equal(await find('phone', n), null, 'a WhatsApp number is not a phone identity');
  assert.equal(await find('instagram', `nobody_${world.tag}`), null);
});

test('adding the same identity again returns the existing one', async () => {
  const first = await as(world, 'staffA').rpc('add_customer_identity', { customer_id: camille.id, kind: 'instagram', value: `@Camille_${world.tag}` });
  const again = await as(world, 'staffA').rpc('add_customer_identity', { customer_id: camille.id, kind: 'instagram', value: `camille_${world.tag}` });
  assert.equal(first.error, null);
  assert.equal(again.data, first.data);
  const rows = await sql(`select display from public.customer_identities where customer_id = $1 and kind = 'instagram'`, [camille.id]);
  assert.deepEqual(rows, [{ display: `@camille_${world.tag}` }]);
  assert.equal(await find('instagram', `CAMILLE_${world.tag}`), camille.id);
});

test("another customer's identity is refused: merge them instead", async () => {
  const { error, status } = await as(world, 'staffA').rpc('add_customer_identity', { customer_id: other.id, kind: 'whatsapp', value: whatsapp() });
  assert.equal(status, 400);
  assert.equal(error!.code, 'P0001');
  assert.equal(error!.message, 'this whatsapp identity already belongs to another customer');
  assert.equal(error!.hint, 'Merge the two customers (merge_customers) instead.');
  const [{ count }] = await sql(`select count(*)::int as count from public.customer_identities where customer_id = $1`, [other.id]);
  assert.equal(count, 0);
});

test('invalid values are refused with clear messages', async () => {
  const cases: Array<[string, string, string]> = [
    ['email', 'not-an-email', 'invalid e-mail address "not-an-email"'],
    ['instagram', 'has spaces', 'invalid instagram handle "has spaces"'],
    ['fax', '123', 'unknown identity kind "fax": use email, phone, whatsapp, instagram, messenger or tiktok'],
  ];
  for (const [kind, value, message] of cases) {
    const { error, status } = await as(world, 'staffA').rpc('add_customer_identity', { customer_id: other.id, kind, value });
    assert.equal(status, 400, kind);
    assert.equal(error!.message, message);
  }
});

test('staff of another shop may not add identities to a customer they do not see', async () => {
  const { error, status } = await as(world, 'staffB').rpc('add_customer_identity', { customer_id: other.id, kind: 'email', value: `b-${world.tag}@example.com` });
  assert.equal(status, 403);
  assert.equal(error!.message, `customer ${other.id} is not one of yours`);
  const [{ count }] = await sql(`select count(*)::int as count from public.customer_identities where customer_id = $1`, [other.id]);
  assert.equal(count, 0);
});

test("for e-mail, the customer's own address is found too, and e-mails are stored lower-cased", async () => {
  const customer = await makeCustomer(world, { email: `  Jean.Dupont-${world.tag}@Example.COM ` });
  assert.equal(customer.email, `jean.dupont-${world.tag}@example.com`);
  assert.equal(await find('email', `JEAN.DUPONT-${world.tag}@example.com`), customer.id);
});

test('the REST API cannot call the lookup (app is not exposed)', async () => {
  const { status } = await as(world, 'admin').rpc('find_customer_by_identity', { kind: 'email', value: 'x@example.com' });
  assert.equal(status, 404);
});
