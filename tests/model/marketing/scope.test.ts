// Whose pages are whose: a marketer of every shop edits shop A's pages, staff of shop B cannot
// touch them, suppliers and anonymous visitors are refused; slugs are URL-safe and unique per
// shop; only admins delete what has been live.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { checkoutPopup, promoPage, published } from './builders.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
const as = (persona: keyof World['tokens']) => anonClient(world.tokens[persona]);
const pageRow = async (id: string) => (await sql(`select * from public.promo_pages where id = $1`, [id]))[0];
const pagesWithSlug = async (slug: string) => (await sql(`select count(*)::int as n from public.promo_pages where slug = $1`, [slug]))[0].n;

test('a marketer of every shop edits the pages of shop A', async () => {
  const page = await promoPage(world.shopA);
  const { data, error } = await as('marketer').from('promo_pages').update({ title: 'Black Friday' }).eq('id', page.id).select('title');
  assert.equal(error, null);
  assert.deepEqual(data, [{ title: 'Black Friday' }]);
});

test('staff of shop B cannot read, change, delete nor publish a page of shop A, nor create one there', async () => {
  const page = await promoPage(world.shopA);
  const staffB = as('staffB');
  assert.deepEqual((await staffB.from('promo_pages').select('id').eq('id', page.id)).data, []);
  const update = await staffB.from('promo_pages').update({ title: 'Hijacked' }).eq('id', page.id);
  assert.equal(update.status, 204);
  const del = await staffB.from('promo_pages').delete().eq('id', page.id);
  assert.equal(del.status, 204);
  assert.equal((await pageRow(page.id)).title, page.title, 'the page is unchanged and still there');

  const slug = `intrusion-${world.tag}`;
  const insert = await staffB.from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Intrusion' });
  assert.deepEqual([insert.status, insert.error?.code], [403, '42501']);
  assert.match(insert.error!.message, /row-level security/);
  assert.equal(await pagesWithSlug(slug), 0, 'nothing was written');
});

test('suppliers see no pages and cannot create one; anonymous visitors are refused outright', async () => {
  const page = await promoPage(world.shopA);
  assert.deepEqual((await as('supplierX').from('promo_pages').select('id').eq('id', page.id)).data, []);
  const slug = `supplier-${world.tag}`;
  const insert = await as('supplierX').from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Supplier page' });
  assert.deepEqual([insert.status, insert.error?.code], [403, '42501']);
  const anon = await anonClient().from('promo_pages').select('id').eq('id', page.id);
  assert.deepEqual([anon.status, anon.error?.code], [401, '42501']);
  const anonInsert = await anonClient().from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Anon page' });
  assert.deepEqual([anonInsert.status, anonInsert.error?.code], [401, '42501']);
  assert.equal(await pagesWithSlug(slug), 0);
});

test('slugs are lowercase words joined by hyphens', async () => {
  for (const slug of ['Soldes', 'soldes été', 'soldes--hiver', '-soldes', 'soldes/ete', 'a'.repeat(101)]) {
    const { status, error } = await as('marketer').from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Bad slug' });
    assert.deepEqual([status, error?.code], [400, '23514'], slug);
    assert.match(error!.message, /promo_pages_slug_check/);
    assert.equal(await pagesWithSlug(slug), 0);
  }
  const form = await as('marketer').from('forms').insert({ shop_id: world.shopA, slug: 'Contact Us', name: 'Contact' });
  assert.deepEqual([form.status, form.error?.code], [400, '23514']);
});

test('a slug is unique within a shop, and may repeat in another shop', async () => {
  const slug = `soldes-${world.tag}`;
  assert.equal((await as('marketer').from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Soldes A' })).error, null);
  const twice = await as('marketer').from('promo_pages').insert({ shop_id: world.shopA, slug, title: 'Soldes A again' });
  assert.deepEqual([twice.status, twice.error?.code], [409, '23505']);
  assert.match(twice.error!.message, /promo_pages_slug_unique_per_shop/);
  assert.equal((await as('marketer').from('promo_pages').insert({ shop_id: world.shopB, slug, title: 'Soldes B' })).error, null);
  assert.equal(await pagesWithSlug(slug), 2);
});

test('a page can move to another slug but not to another shop', async () => {
  const page = await promoPage(world.shopA);
  assert.equal((await as('staffA').from('promo_pages').update({ slug: `moved-${world.tag}` }).eq('id', page.id)).error, null);
  const move = await as('admin').from('promo_pages').update({ shop_id: world.shopB }).eq('id', page.id);
  assert.deepEqual([move.status, move.error?.code], [403, '42501']);
  assert.equal((await pageRow(page.id)).shop_id, world.shopA);
});

test('only admins delete a page or pop-up once published: editors archive it', async () => {
  const page = await published('promo_page', promoPage(world.shopA));
  const { status, error } = await as('marketer').from('promo_pages').delete().eq('id', page.id);
  assert.deepEqual([status, error?.code, error?.message, error?.hint], [403, '42501', 'only admins delete a promo_page that has been published', 'Archive it instead.']);
  assert.equal((await as('staffA').from('promo_pages').update({ status: 'archived' }).eq('id', page.id)).error, null);
  assert.equal((await as('staffA').from('promo_pages').delete().eq('id', page.id)).error?.code, '42501', 'archived pages were live');
  assert.ok(await pageRow(page.id));
  assert.equal((await as('admin').from('promo_pages').delete().eq('id', page.id)).error, null);
  assert.equal(await pageRow(page.id), undefined);

  const popup = await published('checkout_popup', checkoutPopup(world.shopA));
  assert.equal((await as('staffA').from('checkout_popups').delete().eq('id', popup.id)).error?.message, 'only admins delete a checkout_popup that has been published');
  const draft = await checkoutPopup(world.shopA);
  assert.equal((await as('staffA').from('checkout_popups').delete().eq('id', draft.id)).error, null, 'drafts are the editors to delete');
});

test('pop-ups end after they start and have a priority between 0 and 1000', async () => {
  const popups = as('marketer').from('checkout_popups');
  const backwards = await popups.insert({ shop_id: world.shopA, name: 'Backwards', starts_at: '2026-12-02T00:00:00Z', ends_at: '2026-12-01T00:00:00Z' });
  assert.deepEqual([backwards.status, backwards.error?.code], [400, '23514']);
  assert.match(backwards.error!.message, /checkout_popups_ends_after_it_starts/);
  const priority = await popups.insert({ shop_id: world.shopA, name: 'Too important', priority: 5000 });
  assert.deepEqual([priority.status, priority.error?.code], [400, '23514']);
});
