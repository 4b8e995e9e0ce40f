// Submissions arrive through an Edge Function (service role) for a published form; staff and
// marketers of the shop read them, nobody edits them, admins delete them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { form, formSubmission, published } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
const as = (persona: keyof World['tokens']) => anonClient(world.tokens[persona]);
const submissionsOf = async (formId: string) => (await sql(`select * from public.form_submissions where form_id = $1`, [formId]));

test('a submission takes its shop and version from the published form', async () => {
  const f = await published('form', form(world.shopA));
  const { data, error } = await serviceClient().from('form_submissions').insert({ form_id: f.id, data: { email: 'lead@example.com' } }).select().single();
  assert.equal(error, null);
  assert.deepEqual([data.shop_id, data.form_version], [world.shopA, 1]);
});

test('a draft form takes no submissions; nor does a version it never published, nor another shop', async () => {
  const draft = await form(world.shopA);
  const refused = await serviceClient().from('form_submissions').insert({ form_id: draft.id, data: {} });
  assert.deepEqual([refused.status, refused.error?.code, refused.error?.message], [400, 'P0001', `form ${draft.id} is not published`]);
  const f = await published('form', form(world.shopA));
  const future = await serviceClient().from('form_submissions').insert({ form_id: f.id, form_version: 2, data: {} });
  assert.deepEqual([future.status, future.error?.message], [400, `form ${f.id} has not published version 2`]);
  const elsewhere = await serviceClient().from('form_submissions').insert({ form_id: f.id, shop_id: world.shopB, data: {} });
  assert.deepEqual([elsewhere.status, elsewhere.error?.message], [400, `form ${f.id} belongs to another shop than ${world.shopB}`]);
  assert.deepEqual(await submissionsOf(draft.id), []);
  assert.deepEqual(await submissionsOf(f.id), []);
});

test('people, even admins, do not submit through the API: the Edge Function does', async () => {
  const f = await published('form', form(world.shopA));
  for (const persona of ['admin', 'marketer', 'staffA'] as const) {
    const { status, error } = await as(persona).from('form_submissions').insert({ form_id: f.id, data: {} });
    assert.deepEqual([status, error?.code], [403, '42501'], persona);
  }
  const anon = await anonClient().from('form_submissions').insert({ form_id: f.id, data: {} });
  assert.deepEqual([anon.status, anon.error?.code], [401, '42501']);
  assert.deepEqual(await submissionsOf(f.id), []);
});

test('nobody changes a submission, the service role included; only its customer link may be set', async () => {
  const s = await formSubmission(world.shopA);
  const { status, error } = await serviceClient().from('form_submissions').update({ data: { email: 'other@example.com' } }).eq('id', s.id);
  assert.deepEqual([status, error?.code, error?.message], [403, '42501', 'form submissions cannot be changed']);
  const [customer] = await sql(`insert into public.customers (display_name) values ('Lead') returning id`);
  assert.equal((await serviceClient().from('form_submissions').update({ customer_id: customer.id }).eq('id', s.id)).error, null);
  const [row] = await sql(`select data, customer_id from public.form_submissions where id = $1`, [s.id]);
  assert.deepEqual(row, { data: s.data, customer_id: customer.id });
});

test('staff and marketers of the shop read submissions; only admins delete them', async () => {
  const s = await formSubmission(world.shopA);
  assert.equal((await as('marketer').from('form_submissions').select('data').eq('id', s.id)).data?.length, 1);
  assert.equal((await as('staffB').from('form_submissions').select('data').eq('id', s.id)).data?.length, 0);
  assert.equal((await as('staffA').from('form_submissions').delete().eq('id', s.id)).status, 204, 'filtered out by row-level security');
  assert.equal((await submissionsOf(s.form_id)).length, 1);
  assert.equal((await as('admin').from('form_submissions').delete().eq('id', s.id)).error, null);
  assert.equal((await submissionsOf(s.form_id)).length, 0);
});

test('only admins delete a published form (and with it its submissions)', async () => {
  const s = await formSubmission(world.shopA);
  const refused = await as('staffA').from('forms').delete().eq('id', s.form_id);
  assert.deepEqual([refused.status, refused.error?.message], [403, 'only admins delete a form that has been published']);
  assert.equal((await as('admin').from('forms').delete().eq('id', s.form_id)).error, null);
  assert.equal((await submissionsOf(s.form_id)).length, 0);
});
