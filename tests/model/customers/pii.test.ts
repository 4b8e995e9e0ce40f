// Phone numbers and addresses are stored encrypted, read back in clear by admins and staff only,
// and written only through RPCs that validate them.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from './builders.ts';
import { as } from './helpers.ts';

let world: World;
let customer: Record<string, any>;
before(async () => {
  world = await createWorld();
  customer = await makeCustomer(world, { shopId: world.shopA });
});

describe('phone numbers', () => {
  test('staff set a phone number: it is stored encrypted and normalised', async () => {
    const { data, error } = await as(world, 'staffA').rpc('set_customer_phone', { customer_id: customer.id, phone: '06 12 34 56 78' });
    assert.equal(error, null);
    assert.equal(data, '+33612345678');
    const [row] = await sql(`select phone_encrypted, encode(phone_encrypted, 'escape') as raw from public.customers where id = $1`, [customer.id]);
    assert.ok(row.phone_encrypted.length > 20);
    for (const fragment of ['612345678', '0612345678', '12 34 56 78']) assert.ok(!row.raw.includes(fragment), `ciphertext contains ${fragment}`);
    assert.ok(!Buffer.from(row.phone_encrypted).includes(Buffer.from('612345678')));
  });

  test('staff and admins read it back through the phone computed field', async () => {
    for (const persona of ['staffA', 'admin'] as const) {
      const { data, error } = await as(world, persona).from('customers').select('id, phone').eq('id', customer.id).single();
      assert.equal(error, null);
      assert.equal(data!.phone, '+33612345678', persona);
    }
  });

  test('the marketer sees the customer but not the phone number', async () => {
    const { data, error } = await as(world, 'marketer').from('customers').select('id, display_name, email, phone').eq('id', customer.id).single();
    assert.equal(error, null);
    assert.equal(data!.display_name, customer.display_name);
    assert.equal(data!.phone, null);
  });

  test('nobody writes phone_encrypted directly, not even an admin', async () => {
    const before = await sql(`select phone_encrypted from public.customers where id = $1`, [customer.id]);
    const { error, status } = await as(world, 'admin').from('customers').update({ phone_encrypted: '\\x0102' }).eq('id', customer.id);
    assert.equal(status, 403);
    assert.equal(error!.code, '42501');
    const after = await sql(`select phone_encrypted from public.customers where id = $1`, [customer.id]);
    assert.deepEqual(after, before);
  });

  test('an invalid phone number is refused with a clear message, and nothing changes', async () => {
    const { error, status } = await as(world, 'staffA').rpc('set_customer_phone', { customer_id: customer.id, phone: '12ab' });
    assert.equal(status, 400);
    assert.equal(error!.code, 'P0001');
    assert.equal(error!.message, 'invalid phone number "12ab": write it in international form, e.g. +33 6 12 34 56 78');
    const [row] = await sql(`select app.decrypt_pii(phone_encrypted) as phone from public.customers where id = $1`, [customer.id]);
    assert.equal(row.phone, '+33612345678');
  });

  test('staff of another shop and marketers may not set it', async () => {
    for (const persona of ['staffB', 'marketer'] as const) {
      const { error, status } = await as(world, persona).rpc('set_customer_phone', { customer_id: customer.id, phone: '+442071234567' });
      assert.equal(status, 403, persona);
      assert.equal(error!.code, '42501');
      assert.equal(error!.message, `customer ${customer.id} is not one of yours`);
    }
    const [row] = await sql(`select app.decrypt_pii(phone_encrypted) as phone from public.customers where id = $1`, [customer.id]);
    assert.equal(row.phone, '+33612345678');
  });
});

describe('addresses', () => {
  const address = { name: ' Camille Martin ', line1: '12 rue des Lilas', postal_code: '69003', city: 'Lyon', country_code: 'fr', phone: '0033 6 12 34 56 78' };

  test('staff save an address: encrypted, country in clear, first one is the default', async () => {
    const { data: id, error } = await as(world, 'staffA').rpc('save_customer_address', { customer_id: customer.id, address, label: 'home' });
    assert.equal(error, null);
    const [row] = await sql(`select country_code, is_default, label, encode(address_encrypted, 'escape') as raw from public.customer_addresses where id = $1`, [id]);
    assert.deepEqual({ ...row, raw: undefined }, { country_code: 'FR', is_default: true, label: 'home', raw: undefined });
    assert.ok(!row.raw.includes('Lilas') && !row.raw.includes('Camille'));
    const read = await as(world, 'staffA').from('customer_addresses').select('id, address').eq('id', id).single();
    assert.deepEqual(read.data!.address, { name: 'Camille Martin', line1: '12 rue des Lilas', postal_code: '69003', city: 'Lyon', country_code: 'FR', phone: '+33612345678' });
  });

  test('a new default address replaces the previous default', async () => {
    const { data: id, error } = await as(world, 'staffA').rpc('save_customer_address', { customer_id: customer.id, address, label: 'work', is_default: true });
    assert.equal(error, null);
    const rows = await sql(`select id from public.customer_addresses where customer_id = $1 and is_default`, [customer.id]);
    assert.deepEqual(rows.map((r) => r.id), [id]);
  });

  test('missing fields and bad country codes are refused with clear messages, and nothing is written', async () => {
    const [{ count: before }] = await sql(`select count(*)::int as count from public.customer_addresses where customer_id = $1`, [customer.id]);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', city: 'Lyon' }, 'the address needs line1, postal_code, country_code'],
      [{ ...address, country_code: 'France' }, 'invalid country code "France": use two letters (ISO 3166-1), e.g. FR'],
      [{ ...address, phone: 'call me' }, 'invalid phone number "call me": write it in international form, e.g. +33 6 12 34 56 78'],
    ];
    for (const [bad, message] of cases) {
      const { error, status } = await as(world, 'staffA').rpc('save_customer_address', { customer_id: customer.id, address: bad });
      assert.equal(status, 400);
      assert.equal(error!.code, 'P0001');
      assert.equal(error!.message, message);
    }
    const [{ count: after }] = await sql(`select count(*)::int as count from public.customer_addresses where customer_id = $1`, [customer.id]);
    assert.equal(after, before);
  });

  test('marketers get no address, and no one writes address_encrypted directly', async () => {
    const { data } = await as(world, 'marketer').from('customer_addresses').select('id, address').eq('customer_id', customer.id);
    assert.deepEqual(data, []);
    const { status, error } = await as(world, 'admin').from('customer_addresses')
      .insert({ customer_id: customer.id, address_encrypted: '\\x01', country_code: 'FR' });
    assert.equal(status, 403);
    assert.equal(error!.code, '42501');
  });

  test('decrypt_pii gives the plaintext to staff only', async () => {
    const [{ cipher }] = await sql(`select encode(app.encrypt_pii('secret'), 'hex') as cipher`);
    const reveal = async (persona: 'staffA' | 'marketer' | 'supplierX') => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        await client.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: world.users[persona], role: 'authenticated' })]);
        return (await client.query(`select app.decrypt_pii(decode($1, 'hex')) as plain`, [cipher])).rows[0].plain;
      } finally {
        await client.end();
      }
    };
    assert.equal(await reveal('staffA'), 'secret');
    assert.equal(await reveal('marketer'), null);
    assert.equal(await reveal('supplierX'), null);
  });
});
