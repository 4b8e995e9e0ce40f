// Bulk edit and bulk delete are one statement each: every selected row changes, or none does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bulkDelete, bulkUpdate } from '../../admin/src/crud/bulk/bulkRequests.ts';
import { anonClient, sql } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';
import { insertRow, insertRows } from '../model/world.ts';

const tag = Math.random().toString(36).slice(2, 8);
const admin = anonClient(await memberToken('admin'));
const marketer = anonClient(await memberToken('marketer'));

test('a bulk edit changes every selected row, and only those', async () => {
  const rows = await insertRows('products', [1, 2, 3].map((n) => ({ sku: `B${n}-${tag}`, name: `Bulk ${n}` })));
  const result = await bulkUpdate(admin, 'products', 'id', [rows[0].id, rows[1].id], 'status', 'active');
  assert.deepEqual(result, { ok: true, count: 2 });
  const after = await sql(`select sku, status from public.products where sku like $1 order by sku`, [`B_-${tag}`]);
  assert.deepEqual(after.map((r) => r.status), ['active', 'active', 'draft']);
});

test('a refusal on one row leaves every row as it was', async () => {
  // Moving both under `low` is fine for `other` but makes a cycle for `top` (low is top's child).
  const top = await insertRow('categories', { slug: `top-${tag}`, name: 'Top' });
  const low = await insertRow('categories', { slug: `low-${tag}`, name: 'Low', parent_id: top.id });
  const other = await insertRow('categories', { slug: `other-${tag}`, name: 'Other' });
  const result = await bulkUpdate(admin, 'categories', 'id', [other.id, top.id], 'parent_id', low.id);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'P0001');
  const parents = await sql(`select slug, parent_id from public.categories where id = any($1) order by slug`, [[other.id, top.id]]);
  assert.deepEqual(parents.map((r) => [r.slug, r.parent_id]), [[`other-${tag}`, null], [`top-${tag}`, null]], 'the allowed move was not applied either');
});

test('a role limit refuses the whole bulk edit', async () => {
  const rows = await insertRows('products', [4, 5].map((n) => ({ sku: `B${n}-${tag}`, name: `Bulk ${n}` })));
  const renamed = await bulkUpdate(marketer, 'products', 'id', rows.map((r) => r.id), 'name', 'Renamed');
  assert.deepEqual(renamed, { ok: true, count: 2 }, 'marketers may change names');
  const refused = await bulkUpdate(marketer, 'products', 'id', rows.map((r) => r.id), 'status', 'archived');
  assert.equal(!refused.ok && refused.error.code, '42501');
  const after = await sql(`select status from public.products where id = any($1)`, [rows.map((r) => r.id)]);
  assert.deepEqual(after.map((r) => r.status), ['draft', 'draft']);
});

test('bulk delete: all selected rows at once; nothing for a role without the right, and for rows still referenced', async () => {
  const rows = await insertRows('products', [6, 7, 8].map((n) => ({ sku: `B${n}-${tag}`, name: `Bulk ${n}` })));
  const refused = await bulkDelete(marketer, 'products', 'id', rows.map((r) => r.id));
  // Marketers hold no delete policy on products: row-level security hides every row from the
  // statement, which deletes none (the screen offers no delete to them, and reports "0 of 3").
  assert.deepEqual(refused, { ok: true, count: 0 });
  assert.equal((await sql(`select count(*)::int as n from public.products where id = any($1)`, [rows.map((r) => r.id)]))[0].n, 3);

  const used = await insertRow('categories', { slug: `used-${tag}`, name: 'Used' });
  const unused = await insertRow('categories', { slug: `unused-${tag}`, name: 'Unused' });
  await insertRow('products', { sku: `B9-${tag}`, name: 'In used', category_id: used.id });
  const blocked = await bulkDelete(admin, 'categories', 'id', [unused.id, used.id]);
  assert.equal(!blocked.ok && blocked.error.code, '23503');
  assert.equal((await sql(`select count(*)::int as n from public.categories where id = any($1)`, [[used.id, unused.id]]))[0].n, 2, 'the deletable one stays too');

  const done = await bulkDelete(admin, 'products', 'id', rows.slice(0, 2).map((r) => r.id));
  assert.deepEqual(done, { ok: true, count: 2 });
  assert.deepEqual((await sql(`select sku from public.products where id = any($1)`, [rows.map((r) => r.id)])).map((r) => r.sku), [`B8-${tag}`]);
  assert.deepEqual(await bulkDelete(admin, 'products', 'id', []), { ok: true, count: 0 });
});
