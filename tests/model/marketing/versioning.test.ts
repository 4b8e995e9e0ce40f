// Drafts and what the public sees: each change of a draft is a new version in content_versions,
// publish_content() copies the draft at once, restore_content_version() brings an old one back.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { anonClient, DATABASE_URL, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { campaign, checkoutPopup, form, promoPage } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
const as = (persona: keyof World['tokens']) => anonClient(world.tokens[persona]);
const versions = async (entityType: string, id: string) =>
  (await sql(`select version, content from public.content_versions where entity_type = $1 and entity_id = $2 order by version`, [entityType, id])).map(
    (v) => [v.version, v.content],
  );
const pageRow = async (id: string) => (await sql(`select * from public.promo_pages where id = $1`, [id]))[0];

test('a new page is version 1, and each change of its draft adds a version; other changes do not', async () => {
  const { data, error } = await as('marketer').from('promo_pages').insert({ shop_id: world.shopA, slug: `v-${world.tag}`, title: 'V', content: { v: 1 } }).select().single();
  assert.equal(error, null);
  assert.equal(data.version, 1);
  assert.equal((await as('marketer').from('promo_pages').update({ content: { v: 2 } }).eq('id', data.id)).error, null);
  assert.equal((await as('staffA').from('promo_pages').update({ title: 'Only the title' }).eq('id', data.id)).error, null);
  assert.equal((await as('staffA').from('promo_pages').update({ content: { v: 3 } }).eq('id', data.id)).error, null);
  assert.equal((await pageRow(data.id)).version, 3);
  assert.deepEqual(await versions('promo_page', data.id), [[1, { v: 1 }], [2, { v: 2 }], [3, { v: 3 }]]);
  const [{ created_by }] = await sql(`select created_by from public.content_versions where entity_id = $1 and version = 3`, [data.id]);
  assert.equal(created_by, world.users.staffA);
});

test('the caller cannot set the version nor what is published', async () => {
  const page = await promoPage(world.shopA);
  const { error } = await as('marketer').from('promo_pages').update({ version: 42 }).eq('id', page.id);
  assert.equal(error?.code, '42501');
  const forged = await as('marketer').from('promo_pages').update({ published_content: { forged: true } }).eq('id', page.id);
  assert.equal(forged.error?.code, '42501');
  assert.deepEqual(await versions('promo_page', page.id), [[1, page.content]]);
  assert.equal((await pageRow(page.id)).published_content, null);
});

test('publishing copies the draft, its version and the time, and the page is published', async () => {
  const page = await promoPage(world.shopA, { content: { v: 1 } });
  await as('marketer').from('promo_pages').update({ content: { v: 2 } }).eq('id', page.id);
  const { data, error } = await as('marketer').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  assert.equal(error, null);
  assert.equal(data, 2);
  const row = await pageRow(page.id);
  assert.deepEqual([row.status, row.published_content, row.published_version, row.published_at !== null], ['published', { v: 2 }, 2, true]);

  // Editing the draft afterwards leaves what the public sees alone.
  await as('staffA').from('promo_pages').update({ content: { v: 3 } }).eq('id', page.id);
  const after = await pageRow(page.id);
  assert.deepEqual([after.status, after.published_content, after.published_version, after.version], ['published', { v: 2 }, 2, 3]);
});

test('publish_content works for forms (their schema) and pop-ups, and refuses campaigns and unknown types', async () => {
  const f = await form(world.shopA, { schema: { fields: [{ name: 'email' }] } });
  assert.equal((await as('staffA').rpc('publish_content', { entity_type: 'form', entity_id: f.id })).data, 1);
  const [publishedForm] = await sql(`select status, published_schema from public.forms where id = $1`, [f.id]);
  assert.deepEqual(publishedForm, { status: 'published', published_schema: { fields: [{ name: 'email' }] } });

  const popup = await checkoutPopup(world.shopA);
  assert.equal((await as('admin').rpc('publish_content', { entity_type: 'checkout_popup', entity_id: popup.id })).data, 1);

  const c = await campaign(world.shopA);
  const refused = await as('admin').rpc('publish_content', { entity_type: 'campaign', entity_id: c.id });
  assert.deepEqual([refused.status, refused.error?.code, refused.error?.message], [400, 'P0001', 'campaigns are sent, not published']);
  const unknown = await as('admin').rpc('publish_content', { entity_type: 'product', entity_id: c.id });
  assert.deepEqual([unknown.status, unknown.error?.message], [400, 'entity_type must be promo_page, form, checkout_popup or campaign, not product']);
  const missing = await as('admin').rpc('publish_content', { entity_type: 'form', entity_id: c.id });
  assert.deepEqual([missing.status, missing.error?.message], [400, `form ${c.id} does not exist`]);
});

test('a page goes live only through publish_content, not by changing its status', async () => {
  const page = await promoPage(world.shopA);
  const { status, error } = await as('marketer').from('promo_pages').update({ status: 'published' }).eq('id', page.id);
  assert.deepEqual([status, error?.code, error?.message], [400, 'P0001', `promo_page ${page.id} cannot be published by changing its status`]);
  assert.equal((await pageRow(page.id)).status, 'draft');

  // Once published, archiving and publishing again is the RPC's job too.
  await as('marketer').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  assert.equal((await as('marketer').from('promo_pages').update({ status: 'archived' }).eq('id', page.id)).error, null);
  assert.equal((await as('marketer').from('promo_pages').update({ status: 'published' }).eq('id', page.id)).error?.code, 'P0001');
  assert.equal((await as('marketer').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id })).error, null);
  assert.equal((await pageRow(page.id)).status, 'published');
});

test('who may publish: editors of the shop; staff of another shop, suppliers and anonymous visitors may not', async () => {
  const page = await promoPage(world.shopA);
  const staffB = await as('staffB').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  assert.deepEqual([staffB.status, staffB.error?.code, staffB.error?.message], [403, '42501', `you do not edit the marketing of the shop of promo_page ${page.id}`]);
  const supplier = await as('supplierX').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  assert.deepEqual([supplier.status, supplier.error?.code], [403, '42501']);
  const anon = await anonClient().rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  assert.deepEqual([anon.status, anon.error?.code], [401, '42501']);
  assert.equal((await pageRow(page.id)).status, 'draft', 'nothing was published');
  // The Edge Functions and jobs publish with the service role.
  assert.equal((await serviceClient().rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id })).data, 1);
});

test('restoring copies an old version into the draft as a new version, and leaves what is published alone', async () => {
  const page = await promoPage(world.shopA, { content: { v: 'first' } });
  await as('marketer').from('promo_pages').update({ content: { v: 'second' } }).eq('id', page.id);
  await as('marketer').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id });
  const { data, error } = await as('staffA').rpc('restore_content_version', { entity_type: 'promo_page', entity_id: page.id, version: 1 });
  assert.equal(error, null);
  assert.equal(data, 3);
  const row = await pageRow(page.id);
  assert.deepEqual([row.content, row.version, row.published_content, row.published_version], [{ v: 'first' }, 3, { v: 'second' }, 2]);
  assert.deepEqual(await versions('promo_page', page.id), [[1, { v: 'first' }], [2, { v: 'second' }], [3, { v: 'first' }]]);

  const missing = await as('staffA').rpc('restore_content_version', { entity_type: 'promo_page', entity_id: page.id, version: 9 });
  assert.deepEqual([missing.status, missing.error?.message], [400, `promo_page ${page.id} has no version 9`]);
  const staffB = await as('staffB').rpc('restore_content_version', { entity_type: 'promo_page', entity_id: page.id, version: 2 });
  assert.deepEqual([staffB.status, staffB.error?.code], [403, '42501']);
  assert.equal((await pageRow(page.id)).version, 3, 'refused restores changed nothing');
});

test('campaign content is versioned too, and versions are append-only', async () => {
  const c = await campaign(world.shopA, { content: { body: 'one' } });
  await as('marketer').from('campaigns').update({ content: { body: 'two' } }).eq('id', c.id);
  assert.deepEqual(await versions('campaign', c.id), [[1, { body: 'one' }], [2, { body: 'two' }]]);
  await assert.rejects(sql(`update public.content_versions set content = '{}' where entity_id = $1`, [c.id]), /content_versions rows cannot be changed or deleted/);
  await assert.rejects(sql(`delete from public.content_versions where entity_id = $1`, [c.id]), /content_versions rows cannot be changed or deleted/);
});

test('content_versions can be recomputed set-based after a load with triggers off', async () => {
  const seeder = new pg.Client({ connectionString: DATABASE_URL });
  await seeder.connect();
  let id: string;
  try {
    await seeder.query(`set session_replication_role = replica`);
    ({ id } = (await seeder.query(`insert into public.promo_pages (shop_id, slug, title, content, version) values ($1, $2, 'Seeded', '{"seeded": true}', 4) returning id`, [
      world.shopB,
      `seeded-${world.tag}`,
    ])).rows[0]);
  } finally {
    await seeder.end();
  }
  assert.deepEqual(await versions('promo_page', id), []);
  const [{ added }] = await sql(`select app.backfill_content_versions() as added`);
  assert.ok(Number(added) >= 1);
  assert.deepEqual(await versions('promo_page', id), [[4, { seeded: true }]]);
  assert.equal((await sql(`select app.backfill_content_versions() as added`))[0].added, '0', 'a second run adds nothing');
});

test('concurrent edits of one draft each get their own version, with no gap and no duplicate', async () => {
  const page = await promoPage(world.shopA, { content: { n: 0 } });
  const editors = ['marketer', 'staffA', 'admin', 'marketer', 'staffA', 'admin', 'marketer', 'staffA'] as const;
  const replies = await Promise.all(editors.map((persona, n) => as(persona).from('promo_pages').update({ content: { n: n + 1 } }).eq('id', page.id)));
  assert.deepEqual(replies.map((r) => r.error), editors.map(() => null));
  const history = await versions('promo_page', page.id);
  assert.deepEqual(history.map(([v]) => v), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const row = await pageRow(page.id);
  assert.equal(row.version, 9);
  assert.deepEqual(history.at(-1)![1], row.content, 'the last version is the draft');

  // Publishing while others edit publishes one whole version: its content is that version's.
  const [published] = await Promise.all([
    as('marketer').rpc('publish_content', { entity_type: 'promo_page', entity_id: page.id }),
    as('staffA').from('promo_pages').update({ content: { n: 'late' } }).eq('id', page.id),
  ]);
  const after = await pageRow(page.id);
  const [{ content }] = await sql(`select content from public.content_versions where entity_id = $1 and version = $2`, [page.id, published.data]);
  assert.deepEqual([after.published_version, after.published_content], [published.data, content]);
});
