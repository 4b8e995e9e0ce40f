// Segments' rule trees and scope, and a campaign's life: draft, scheduled, sending (only the
// sending job), sent and frozen, cancelled.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { campaign, segment } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
const as = (persona: keyof World['tokens']) => anonClient(world.tokens[persona]);
const campaignRow = async (id: string) => (await sql(`select * from public.campaigns where id = $1`, [id]))[0];

test('a segment definition is a tree of all/any over conditions', async () => {
  const ok = { any: [{ field: 'segment', op: 'in', value: ['vip', 'loyal'] }, { all: [{ field: 'orders_count', op: 'gte', value: 3 }, { field: 'email', op: 'is_not_null' }] }] };
  assert.equal((await as('staffA').from('segments').insert({ shop_id: world.shopA, name: `Good ${world.tag}`, definition: ok })).error, null);
  const bad = [[], { field: 'segment', op: 'eq', value: 'vip' }, { all: {} }, { all: [], any: [] }, { all: [{ field: 'segment', op: 'like', value: 'v%' }] }, { all: [{ op: 'eq', value: 1 }] }];
  for (const definition of bad) {
    const { status, error } = await as('staffA').from('segments').insert({ shop_id: world.shopA, name: `Bad ${world.tag}`, definition });
    assert.deepEqual([status, error?.code], [400, '23514'], JSON.stringify(definition));
    assert.match(error!.message, /segments_definition_is_a_rule_tree/);
  }
  assert.equal((await sql(`select count(*)::int as n from public.segments where name = $1`, [`Bad ${world.tag}`]))[0].n, 0);
});

test('segments of every shop are read by every editor but written only by those working for every shop', async () => {
  const global = await segment(null);
  assert.equal((await as('staffA').from('segments').select('id').eq('id', global.id)).data?.length, 1);
  const insert = await as('staffA').from('segments').insert({ shop_id: null, name: `Everyone ${world.tag}` });
  assert.deepEqual([insert.status, insert.error?.code], [403, '42501']);
  assert.equal((await as('staffA').from('segments').update({ name: 'Renamed' }).eq('id', global.id)).status, 204);
  assert.equal((await sql(`select name from public.segments where id = $1`, [global.id]))[0].name, global.name);
  assert.equal((await as('marketer').from('segments').insert({ shop_id: null, name: `Everyone ${world.tag}` })).error, null);
});

test('a campaign targets a segment of its own shop or of every shop', async () => {
  const other = await segment(world.shopB);
  const c = await campaign(world.shopA);
  const { status, error } = await as('marketer').from('campaigns').update({ segment_id: other.id }).eq('id', c.id);
  assert.deepEqual([status, error?.code, error?.message], [400, 'P0001', `segment ${other.id} belongs to another shop than campaign ${c.id}`]);
  assert.equal((await campaignRow(c.id)).segment_id, null);
  for (const target of [await segment(world.shopA), await segment(null)]) {
    assert.equal((await as('marketer').from('campaigns').update({ segment_id: target.id }).eq('id', c.id)).error, null);
  }
});

test('scheduling needs a date, and an e-mail a subject', async () => {
  const c = await campaign(world.shopA, { subject: null });
  const noDate = await as('staffA').from('campaigns').update({ status: 'scheduled', subject: 'Soldes' }).eq('id', c.id);
  assert.deepEqual([noDate.status, noDate.error?.code], [400, '23514']);
  assert.match(noDate.error!.message, /campaigns_scheduled_has_a_date/);
  const noSubject = await as('staffA').from('campaigns').update({ status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z', subject: ' ' }).eq('id', c.id);
  assert.match(noSubject.error!.message, /campaigns_email_has_a_subject/);
  assert.equal((await as('staffA').from('campaigns').update({ status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z', subject: 'Soldes' }).eq('id', c.id)).error, null);
  assert.equal((await campaignRow(c.id)).status, 'scheduled');
});

test('a campaign follows draft → scheduled → sending → sent; only the sending job moves it past scheduled', async () => {
  const c = await campaign(world.shopA, { status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z' });
  const jump = await as('admin').from('campaigns').update({ status: 'sent' }).eq('id', c.id);
  assert.deepEqual([jump.status, jump.error?.code, jump.error?.message], [400, 'P0001', 'a campaign cannot go from scheduled to sent']);
  const sending = await as('admin').from('campaigns').update({ status: 'sending' }).eq('id', c.id);
  assert.deepEqual([sending.status, sending.error?.code, sending.error?.message], [403, '42501', 'only the sending job marks a campaign sending']);
  assert.equal((await campaignRow(c.id)).status, 'scheduled');

  const job = serviceClient();
  assert.equal((await job.from('campaigns').update({ status: 'sending' }).eq('id', c.id)).error, null);
  assert.equal((await job.from('campaigns').update({ status: 'sent', sent_at: new Date().toISOString(), stats: { delivered: 10 } }).eq('id', c.id)).error, null);

  const edit = await as('marketer').from('campaigns').update({ content: { body: 'too late' } }).eq('id', c.id);
  assert.deepEqual([edit.status, edit.error?.message], [400, `campaign ${c.id} is sent and can no longer be edited`]);
  const stats = await as('admin').from('campaigns').update({ stats: { delivered: 99 } } as any).eq('id', c.id);
  assert.equal(stats.error?.code, '42501', 'stats are the sending job’s');
  assert.deepEqual((await campaignRow(c.id)).stats, { delivered: 10 });
});

test('a segment used by a sent campaign can still be deleted: the campaign keeps its content and stats', async () => {
  const target = await segment(world.shopA);
  const c = await campaign(world.shopA, { segment_id: target.id, status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z' });
  await sql(`update public.campaigns set status = 'sending' where id = $1`, [c.id]);
  await sql(`update public.campaigns set status = 'sent', sent_at = now() where id = $1`, [c.id]);
  assert.equal((await as('marketer').from('segments').delete().eq('id', target.id)).error, null);
  const row = await campaignRow(c.id);
  assert.deepEqual([row.segment_id, row.status, row.content], [null, 'sent', c.content]);
});

test('a new campaign is a draft or scheduled; drafts are cancelled and reopened', async () => {
  const sent = await as('marketer').from('campaigns').insert({ shop_id: world.shopA, name: 'Pretend', channel: 'sms', status: 'sent' });
  assert.deepEqual([sent.status, sent.error?.message], [400, 'a new campaign is a draft or scheduled, not sent']);
  const c = await campaign(world.shopA);
  assert.equal((await as('marketer').from('campaigns').update({ status: 'cancelled' }).eq('id', c.id)).error, null);
  assert.equal((await as('marketer').from('campaigns').update({ status: 'draft' }).eq('id', c.id)).error, null);
});

test('only admins delete a sent campaign; editors delete their drafts', async () => {
  const sent = await campaign(world.shopA, { status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z' });
  await sql(`update public.campaigns set status = 'sending' where id = $1`, [sent.id]);
  await sql(`update public.campaigns set status = 'sent', sent_at = now() where id = $1`, [sent.id]);
  const refused = await as('marketer').from('campaigns').delete().eq('id', sent.id);
  assert.deepEqual([refused.status, refused.error?.message], [403, 'only admins delete a campaign that has been sent']);
  assert.ok(await campaignRow(sent.id));
  assert.equal((await as('admin').from('campaigns').delete().eq('id', sent.id)).error, null);
  const draft = await campaign(world.shopA);
  assert.equal((await as('staffA').from('campaigns').delete().eq('id', draft.id)).error, null);
  assert.equal(await campaignRow(draft.id), undefined);
});
