// The rewrites that keep public.admin_catalog() fast on a large database
// (supabase/migrations/20261206120600_admin_catalog_speed.sql): `<column> IN ( SELECT ... )` judged on
// a null row gives the same value as before without reading the whole subquery, only the policy's own
// unqualified columns are rewritten, and relaxing stays linear on expressions with long literals.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from '../helpers/env.ts';

const nullRowIn = async (expression: string, table = 'public.price_breaks') =>
  (await sql(`select app.admin_catalog_null_row_in($1, $2::regclass::oid) as rewritten`, [expression, table]))[0].rewritten as string | null;

/** The value of `expression` on a null row of `table`, as admin_catalog_evaluate judges it. */
const onNullRow = async (expression: string, table = 'public.price_breaks', alias = 'price_breaks') =>
  (await sql(`select (${expression}) as value from (select (null::${table}).*) as ${alias}`))[0].value as boolean | null;

const scratch = `catalog_speed_${process.pid}`;
before(async () => {
  await sql(`create table public.${scratch} (id uuid primary key default gen_random_uuid(), tag text)`);
});
after(async () => {
  await sql(`drop table if exists public.${scratch}`);
});

test('an IN subquery on the policy\'s own column becomes "does the subquery yield a row", and is worth the same', async () => {
  const policy = `(listing_id IN ( SELECT s.id
   FROM public.${scratch} s
  WHERE (s.tag = 'a'::text)))`;
  const rewritten = await nullRowIn(policy);
  assert.equal(rewritten, `((CASE WHEN EXISTS ( SELECT s.id
   FROM public.${scratch} s
  WHERE (s.tag = 'a'::text)) THEN NULL::boolean ELSE false END))`);
  // Empty subquery: NULL IN () is false; with a row: NULL IN (1) is null. Both forms agree, also negated.
  for (const tags of [[], ['b'], ['a'], ['a', null]] as Array<Array<string | null>>) {
    await sql(`delete from public.${scratch}`);
    for (const tag of tags) await sql(`insert into public.${scratch} (tag) values ($1)`, [tag]);
    for (const shape of [policy, `(NOT ${policy})`, `((price_cents > 0) OR ${policy})`]) {
      assert.equal(await onNullRow((await nullRowIn(shape))!), await onNullRow(shape), `${shape} with tags ${JSON.stringify(tags)}`);
    }
  }
});

test('other shapes are left as written', async () => {
  const untouched = [
    `(shop_id = ANY ('{}'::uuid[]))`,
    // a qualified column lives in a subquery: not the null row's
    `(EXISTS ( SELECT 1 FROM public.${scratch} s WHERE (s.id IN ( SELECT x.id FROM public.${scratch} x))))`,
    // not a column of the policy's table
    `(nonexistent IN ( SELECT s.id FROM public.${scratch} s))`,
    `(listing_id IN (1, 2))`,
  ];
  for (const expression of untouched) assert.equal(await nullRowIn(expression), expression, expression);
  assert.equal(await nullRowIn(null as unknown as string), null);
});

test('relaxing an expression with a long literal stays fast and gives what it gave before', async () => {
  const [{ oid }] = await sql(`select 'public.conversations'::regclass::oid::text as oid`);
  const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`).join(',');
  const policy = `(EXISTS ( SELECT 1
   FROM public.conversations c
  WHERE ((c.id = messages.conversation_id) AND (c.shop_id = ANY ('{${ids}}'::uuid[])))))`;
  const start = performance.now();
  const [{ relaxed }] = await sql(`select app.admin_catalog_relax($1, $2) as relaxed`, [policy, JSON.stringify({ [oid]: true })]);
  const elapsed = performance.now() - start;
  assert.equal(relaxed, `((true and (select (((c.id = messages.conversation_id) AND (c.shop_id = ANY ('{${ids}}'::uuid[])))) is not false from (select (null::public.conversations).*) as c)))`);
  // 74,000 characters: quadratic walking took seconds here; linear takes milliseconds.
  assert.ok(elapsed < 1000, `relaxing took ${elapsed.toFixed(0)} ms`);
});
