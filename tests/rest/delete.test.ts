// DELETE /rest/v1/<table>?<filters>: deletes as PostgREST answers them, and proof that a refused
// or RLS-hidden delete removed nothing.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signJwt, sql, anonClient as supabase } from '../helpers/env.ts';
import { send } from './write-helpers.ts';


const USER_A = '00000000-0000-0000-0000-00000000000a';
const USER_B = '00000000-0000-0000-0000-00000000000b';

const del = (path: string, headers: Record<string, string> = {}) => send('DELETE', path, undefined, headers);

const ids = async () => (await sql('select id::int from public.wr_items order by id')).map((r) => r.id);

beforeEach(async () => {
  await sql(`truncate public.wr_items, public.wr_notes, public.wr_products, public.wr_categories, public.wr_announcements restart identity cascade`);
  await sql(`insert into public.wr_items (name, price_cents) values ('Mug', 100), ('Cup', 200), ('Bowl', 300), ('Plate', 400)`);
});

describe('DELETE removes the filtered rows', () => {
  it('answers 204 with Content-Range */*', async () => {
    const res = await del('wr_items?id=eq.1');
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('content-range'), '*/*');
    assert.deepEqual(await ids(), [2, 3, 4]);
  });

  it('counts the deleted rows with count=exact', async () => {
    const res = await del('wr_items?price_cents=gt.150', { prefer: 'count=exact' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('content-range'), '*/3');
    assert.equal(res.headers.get('preference-applied'), 'count=exact');
    assert.deepEqual(await ids(), [1]);
  });

  it('returns the deleted rows with return=representation', async () => {
    const res = await del('wr_items?id=in.(2,3)&select=id,name&order=id', { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('content-range'), '*/*');
    assert.equal(res.headers.get('preference-applied'), 'return=representation');
    assert.deepEqual(res.body, [{ id: 2, name: 'Cup' }, { id: 3, name: 'Bowl' }]);
  });

  it('answers 204 when nothing matched', async () => {
    const res = await del('wr_items?id=eq.99');
    assert.equal(res.status, 204);
    assert.deepEqual(await ids(), [1, 2, 3, 4]);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json', async () => {
    const res = await del('wr_items?id=eq.4&select=name', { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { name: 'Plate' });
  });

  it('rolls back a delete that cannot be coerced into one object', async () => {
    const res = await del('wr_items?id=gt.1', { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 406);
    assert.deepEqual(res.body, { code: 'PGRST116', details: 'The result contains 3 rows', hint: null, message: 'Cannot coerce the result to a single JSON object' });
    assert.deepEqual(await ids(), [1, 2, 3, 4]);
  });

  it('ignores limit= (PostgREST 13 dropped limited deletes) and orders the representation by order=', async () => {
    const res = await del('wr_items?id=gt.2&order=id.desc&limit=1&select=id', { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ id: 4 }, { id: 3 }]);
    assert.deepEqual(await ids(), [1, 2]);
  });

  it('works through supabase-js delete().eq()', async () => {
    const { error, status } = await supabase().from('wr_items').delete().eq('name', 'Cup');
    assert.equal(error, null);
    assert.equal(status, 204);
    assert.deepEqual(await ids(), [1, 3, 4]);
  });
});

describe('DELETE refused', () => {
  it('refuses to delete more rows than max-affected with handling=strict, and deletes nothing', async () => {
    const res = await del('wr_items?id=gt.1', { prefer: 'handling=strict, max-affected=2' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST124', details: 'The query affects 3 rows', hint: null, message: 'Query result exceeds max-affected preference constraint' });
    assert.deepEqual(await ids(), [1, 2, 3, 4]);
    const ok = await del('wr_items?id=gt.2', { prefer: 'handling=strict, max-affected=2' });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('preference-applied'), 'handling=strict, max-affected=2');
    assert.deepEqual(await ids(), [1, 2]);
  });

  it('answers a row still referenced with 409 and removes nothing', async () => {
    await sql(`insert into public.wr_categories values (1, 'Kitchen'), (2, 'Garden'); insert into public.wr_products values (1, 'Pan', 1)`);
    const res = await del('wr_categories');
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      code: '23503',
      details: 'Key is still referenced from table "wr_products".',
      hint: null,
      message: 'update or delete on table "wr_categories" violates foreign key constraint "wr_products_category_id_fkey" on table "wr_products"',
    });
    assert.equal((await sql('select count(*)::int as n from public.wr_categories'))[0].n, 2);
  });

  it('refuses anon a table it may only read', async () => {
    await sql(`insert into public.wr_announcements values (1, 'Sale')`);
    const res = await del('wr_announcements?id=eq.1');
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'permission denied for table wr_announcements' });
    assert.equal((await sql('select count(*)::int as n from public.wr_announcements'))[0].n, 1);
  });

  it('answers 404 PGRST205 for a table that does not exist', async () => {
    const res = await del('wr_nothing?id=eq.1');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { code: 'PGRST205', details: null, hint: null, message: "Could not find the table 'public.wr_nothing' in the schema cache" });
  });

  it('refuses a bad filter value with the Postgres error', async () => {
    const res = await del('wr_items?id=eq.abc');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: '22P02', details: null, hint: null, message: 'invalid input syntax for type bigint: "abc"' });
    assert.deepEqual(await ids(), [1, 2, 3, 4]);
  });
});

describe('DELETE under row-level security', () => {
  beforeEach(async () => {
    await sql(`insert into public.wr_notes (owner_id, body) values ($1, 'a1'), ($2, 'b1'), ($2, 'b2')`, [USER_A, USER_B]);
  });

  it("never deletes another user's rows", async () => {
    const tokenA = await signJwt({ sub: USER_A, role: 'authenticated' });
    const res = await del('wr_notes', { authorization: `Bearer ${tokenA}`, prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ id: 1, owner_id: USER_A, body: 'a1' }]);
    assert.deepEqual(await sql('select body from public.wr_notes order by id'), [{ body: 'b1' }, { body: 'b2' }]);
  });

  it('lets anon delete nothing', async () => {
    const res = await del('wr_notes', { prefer: 'count=exact' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('content-range'), '*/0');
    assert.equal((await sql('select count(*)::int as n from public.wr_notes'))[0].n, 3);
  });
});
