// Messages keep their conversation's last_message_at, reopen it when the customer writes again,
// link the customer to the shop, and are written by people only as replies and notes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer } from '../customers/builders.ts';
import { as } from '../customers/helpers.ts';
import { makeConversation, makeMessage } from './builders.ts';

let world: World;
let conversation: Record<string, any>;
before(async () => {
  world = await createWorld();
  conversation = await makeConversation(world, { shopId: world.shopA, customerId: (await makeCustomer(world)).id });
});

const conversationRow = async (id = conversation.id) => (await sql(`select * from public.conversations where id = $1`, [id]))[0];

test('a webhook stores inbound messages: last_message_at follows the latest, never goes back', async () => {
  const webhook = serviceClient();
  const sentAt = '2026-11-20T10:00:00.000Z';
  assert.equal((await webhook.from('messages').insert({ conversation_id: conversation.id, direction: 'inbound', body: 'Bonjour', external_id: 'wamid.1', sent_at: sentAt })).error, null);
  assert.equal((await conversationRow()).last_message_at.toISOString(), sentAt);
  await makeMessage(world, { conversationId: conversation.id, sentAt: '2026-11-19T09:00:00.000Z', body: 'late delivery of an older message' });
  assert.equal((await conversationRow()).last_message_at.toISOString(), sentAt);
});

test('the same channel message twice is refused (webhook retries are harmless)', async () => {
  const { error, status } = await serviceClient().from('messages').insert({ conversation_id: conversation.id, direction: 'inbound', body: 'Bonjour', external_id: 'wamid.1' });
  assert.equal(status, 409);
  assert.equal(error!.code, '23505');
  const [{ count }] = await sql(`select count(*)::int as count from public.messages where conversation_id = $1 and external_id = 'wamid.1'`, [conversation.id]);
  assert.equal(count, 1);
});

test('staff reply and take notes as themselves; a closed conversation reopens when the customer writes', async () => {
  const staff = as(world, 'staffA');
  assert.equal((await staff.from('conversations').update({ status: 'closed' }).eq('id', conversation.id)).error, null);
  const { data, error } = await staff.from('messages').insert({ conversation_id: conversation.id, direction: 'outbound', body: 'Merci !' }).select('author_id').single();
  assert.equal(error, null);
  assert.equal(data!.author_id, world.users.staffA);
  assert.equal((await conversationRow()).status, 'closed', 'our own reply does not reopen it');
  await makeMessage(world, { conversationId: conversation.id, direction: 'inbound', body: 'Encore une question' });
  assert.equal((await conversationRow()).status, 'open');
});

test('people may not forge inbound messages, nor write in another shop', async () => {
  const before = (await sql(`select count(*)::int as count from public.messages where conversation_id = $1`, [conversation.id]))[0].count;
  const forged = await as(world, 'staffA').from('messages').insert({ conversation_id: conversation.id, direction: 'inbound', body: 'forged' });
  assert.equal(forged.status, 403);
  assert.equal(forged.error!.message, 'new row violates row-level security policy for table "messages"');
  for (const persona of ['staffB', 'marketer', 'supplierX'] as const) {
    const { status, error } = await as(world, persona).from('messages').insert({ conversation_id: conversation.id, direction: 'note', body: 'intruder' });
    assert.equal(status, 403, persona);
    assert.equal(error!.code, '42501');
  }
  const after = (await sql(`select count(*)::int as count from public.messages where conversation_id = $1`, [conversation.id]))[0].count;
  assert.equal(after, before);
});

test('an empty message is refused', async () => {
  const { status, error } = await as(world, 'staffA').from('messages').insert({ conversation_id: conversation.id, direction: 'note', body: '  ' });
  assert.equal(status, 400);
  assert.equal(error!.code, '23514');
});

test("a message links the conversation's customer to the shop", async () => {
  const customer = await makeCustomer(world, { shopId: world.shopB });
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  let id: string;
  try {
    // as a seed would: the conversation without its triggers, so without the link
    await client.query(`set session_replication_role = replica`);
    id = (await client.query(`insert into public.conversations (shop_id, customer_id, channel) values ($1, $2, 'phone') returning id`, [world.shopA, customer.id])).rows[0].id;
  } finally {
    await client.end();
  }
  const shops = async () => (await sql(`select shop_id from public.customer_shops where customer_id = $1 order by first_seen_at`, [customer.id])).map((r) => r.shop_id);
  assert.deepEqual(await shops(), [world.shopB]);
  await makeMessage(world, { conversationId: id, body: 'Allô ?' });
  assert.deepEqual(await shops(), [world.shopB, world.shopA]);
  assert.notEqual((await conversationRow(id)).last_message_at, null);
});
