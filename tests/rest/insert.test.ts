// POST /rest/v1/<table>: inserts, as PostgREST answers them (status, headers, whole body), and
// proof that a refused insert left nothing behind.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, signJwt, sql, anonClient as supabase } from '../helpers/env.ts';
import { send } from './write-helpers.ts';


const JSON_TYPE = 'application/json; charset=utf-8';

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => send('POST', path, body, headers);

const count = async (table: string) => Number((await sql(`select count(*)::int as n from public.${table}`))[0].n);

beforeEach(async () => {
  await sql(`truncate public.wr_items, public.wr_products, public.wr_categories, public.wr_pairs, public.wr_no_pk,
    public.wr_notes, public.wr_announcements restart identity cascade`);
});

describe('POST inserts rows', () => {
  it('answers 201 with no body, no content type and Content-Range */* by default', async () => {
    const res = await post('wr_items', { name: 'Mug', price_cents: 1200 });
    assert.equal(res.status, 201);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('location'), null);
    assert.equal(res.headers.get('content-range'), '*/*');
    assert.equal(res.headers.get('preference-applied'), null);
    assert.deepEqual(await sql('select id, name, price_cents, qty, label, total_cents from public.wr_items'), [
      { id: '1', name: 'Mug', price_cents: '1200', qty: 1, label: 'new', total_cents: '1200' },
    ]);
  });

  it('returns the inserted rows with return=representation, shaped by select=', async () => {
    const res = await post('wr_items?select=id,name,total_cents', { name: 'Mug', price_cents: 1200, qty: 2 }, { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), JSON_TYPE);
    assert.equal(res.headers.get('preference-applied'), 'return=representation');
    assert.equal(res.headers.get('content-range'), '*/*');
    assert.deepEqual(res.body, [{ id: 1, name: 'Mug', total_cents: 2400 }]);
  });

  it('returns every column by default with return=representation', async () => {
    const res = await post('wr_items', { name: 'Mug' }, { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [{ id: 1, name: 'Mug', price_cents: 0, qty: 1, label: 'new', sku: null, total_cents: 0 }]);
  });

  it('ignores select= with return=minimal and says so in Preference-Applied', async () => {
    const res = await post('wr_items?select=id', { name: 'Mug' }, { prefer: 'return=minimal' });
    assert.equal(res.status, 201);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('preference-applied'), 'return=minimal');
  });

  it('inserts an array in one statement and counts it with count=exact', async () => {
    const res = await post('wr_items?select=name', [{ name: 'A' }, { name: 'B' }], { prefer: 'return=representation, count=exact' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-range'), '*/2');
    assert.equal(res.headers.get('preference-applied'), 'return=representation, count=exact');
    assert.deepEqual(res.body, [{ name: 'A' }, { name: 'B' }]);
  });

  it('accepts preferences spread over several Prefer values', async () => {
    const res = await post('wr_items?select=name', [{ name: 'A' }], { prefer: 'count=exact,return=representation' });
    assert.equal(res.headers.get('preference-applied'), 'return=representation, count=exact');
    assert.equal(res.headers.get('content-range'), '*/1');
  });

  it('answers an empty array with an empty representation', async () => {
    const res = await post('wr_items', [], { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, []);
    assert.equal(await count('wr_items'), 0);
  });

  it('inserts rows of defaults from empty objects, or names the column that needs a value', async () => {
    const res = await post('wr_categories', {}, {});
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '23502',
      details: null,
      hint: null,
      message: 'null value in column "id" of relation "wr_categories" violates not-null constraint',
    });
    const ok = await post('wr_pairs?select=k1', [{}], { prefer: 'return=representation' });
    assert.equal(ok.status, 400, 'k1 is part of the primary key and has no default');
    const items = await post('wr_no_pk', [{}, {}], { prefer: 'return=representation' });
    assert.equal(items.status, 201);
    assert.deepEqual(items.body, [{ a: null, b: null }, { a: null, b: null }]);
  });

  it('gives Location for return=headers-only, built from the primary key', async () => {
    const res = await post('wr_items?select=name', { name: 'Mug' }, { prefer: 'return=headers-only' });
    assert.equal(res.status, 201);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('location'), '/wr_items?id=eq.1');
    assert.equal(res.headers.get('content-range'), '*/*');
    assert.equal(res.headers.get('preference-applied'), 'return=headers-only');
  });

  it('builds Location from every column of a composite key', async () => {
    const res = await post('wr_pairs', { k1: 7, k2: 'seven', extra: 'x' }, { prefer: 'return=headers-only' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), '/wr_pairs?k1=eq.7&k2=eq.seven');
  });

  it('percent-encodes the key values in Location', async () => {
    const res = await post('wr_pairs', { k1: 8, k2: 'Rock & R+ll' }, { prefer: 'return=headers-only' });
    assert.equal(res.headers.get('location'), '/wr_pairs?k1=eq.8&k2=eq.Rock%20%26%20R%2Bll');
  });

  it('gives no Location for a table without primary key', async () => {
    const res = await post('wr_no_pk', { a: 'x', b: 'y' }, { prefer: 'return=headers-only' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), null);
  });

  it('inserts through an updatable view, with a Location from the base table key', async () => {
    const res = await post('wr_item_names', { name: 'Mug', price_cents: 7 }, { prefer: 'return=headers-only' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), '/wr_item_names?id=eq.1');
    const rep = await post('wr_item_names', { name: 'Cup' }, { prefer: 'return=representation' });
    assert.deepEqual(rep.body, [{ id: 2, name: 'Cup', price_cents: 0 }]);
    assert.deepEqual(await sql('select name from public.wr_items order by id'), [{ name: 'Mug' }, { name: 'Cup' }]);
  });

  it('commits despite Prefer: tx=rollback, as hosted Supabase does (db-tx-end = commit)', async () => {
    const res = await post('wr_items', { name: 'Mug' }, { prefer: 'tx=rollback, return=minimal' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'return=minimal');
    assert.equal(await count('wr_items'), 1);
  });

  it('embeds related rows in the representation', async () => {
    await sql(`insert into public.wr_categories values (1, 'Kitchen')`);
    const res = await post('wr_products?select=id,name,category:wr_categories(name)', { id: 5, name: 'Pan', category_id: 1 }, { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [{ id: 5, name: 'Pan', category: { name: 'Kitchen' } }]);
  });

  it('renames and casts selected columns', async () => {
    const res = await post('wr_items?select=itemId:id::text,title:name', { name: 'Mug' }, { prefer: 'return=representation' });
    assert.deepEqual(res.body, [{ itemId: '1', title: 'Mug' }]);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json', async () => {
    const res = await post('wr_items?select=id,name', { name: 'Mug' }, { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'application/vnd.pgrst.object+json; charset=utf-8');
    assert.deepEqual(res.body, { id: 1, name: 'Mug' });
  });

  it('refuses to coerce two inserted rows into one object, and inserts nothing', async () => {
    const res = await post('wr_items?select=id', [{ name: 'A' }, { name: 'B' }], { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 406);
    assert.deepEqual(res.body, {
      code: 'PGRST116',
      details: 'The result contains 2 rows',
      hint: null,
      message: 'Cannot coerce the result to a single JSON object',
    });
    assert.equal(await count('wr_items'), 0);
  });

  it('accepts an HTML form body', async () => {
    const res = await api('/rest/v1/wr_items?select=name,price_cents', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', prefer: 'return=representation' },
      body: 'name=Tea+towel&price_cents=450',
    });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), [{ name: 'Tea towel', price_cents: 450 }]);
  });

  it('accepts a CSV body', async () => {
    const res = await api('/rest/v1/wr_no_pk', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', prefer: 'return=representation' },
      body: 'a,b\nbar,baz\nNULL,foo',
    });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), [{ a: 'bar', b: 'baz' }, { a: null, b: 'foo' }]);
  });

  it('returns the representation as CSV for Accept: text/csv', async () => {
    const res = await api('/rest/v1/wr_items?select=id,name,sku', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv', prefer: 'return=representation' },
      body: JSON.stringify([{ name: 'Mug' }, { name: 'Tea, green' }]),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(await res.text(), 'id,name,sku\n1,Mug,\n2,"Tea, green",');
  });

  it('refuses a body of another content type', async () => {
    const res = await api('/rest/v1/wr_items', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=Mug' });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { code: 'PGRST102', details: null, hint: null, message: 'Content-Type not acceptable: text/plain' });
  });

  it('works through supabase-js insert().select()', async () => {
    const { data, error, status } = await supabase().from('wr_items').insert({ name: 'Mug', price_cents: 5 }).select('id, name').single();
    assert.equal(error, null);
    assert.equal(status, 201);
    assert.deepEqual(data, { id: 1, name: 'Mug' });
  });
});

describe('POST with columns= and missing=default', () => {
  it('takes rows with different keys from supabase-js (it sends columns=)', async () => {
    const { data, error, status } = await supabase()
      .from('wr_items')
      .insert([{ name: 'A' }, { name: 'B', label: 'sale' }])
      .select('name, label');
    assert.equal(error, null);
    assert.equal(status, 201);
    assert.deepEqual(data, [{ name: 'A', label: null }, { name: 'B', label: 'sale' }]);
    const defaults = await supabase()
      .from('wr_items')
      .insert([{ name: 'C' }, { name: 'D', label: 'sale' }], { defaultToNull: false })
      .select('name, label');
    assert.equal(defaults.error, null);
    assert.deepEqual(defaults.data, [{ name: 'C', label: 'new' }, { name: 'D', label: 'sale' }]);
  });

  it('inserts only the keys named by columns=', async () => {
    const res = await post('wr_items?columns=name,price_cents&select=name,price_cents,sku', { name: 'Mug', price_cents: 3, sku: 'ignored', bogus: 1 }, { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [{ name: 'Mug', price_cents: 3, sku: null }]);
  });

  it('sets a missing key to null without missing=default', async () => {
    const res = await post('wr_items?columns=name,label&select=name,label', [{ name: 'A' }, { name: 'B', label: 'sale' }], { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [{ name: 'A', label: null }, { name: 'B', label: 'sale' }]);
  });

  it('gives a missing key its column default with missing=default', async () => {
    const res = await post('wr_items?columns=name,label,qty&select=name,label,qty', [{ name: 'A' }, { name: 'B', label: 'sale', qty: 3 }], {
      prefer: 'return=representation, missing=default',
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'missing=default, return=representation');
    assert.deepEqual(res.body, [{ name: 'A', label: 'new', qty: 1 }, { name: 'B', label: 'sale', qty: 3 }]);
  });

  it('refuses a generated column in columns= with missing=default', async () => {
    const res = await post('wr_items?columns=name,total_cents', [{ name: 'A' }], { prefer: 'missing=default' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '428C9',
      details: 'Column "total_cents" is a generated column.',
      hint: null,
      message: 'cannot insert a non-DEFAULT value into column "total_cents"',
    });
    assert.equal(await count('wr_items'), 0);
  });

  it('refuses a column that does not exist in columns=', async () => {
    const res = await post('wr_items?columns=name,colour', { name: 'Mug' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: 'PGRST204',
      details: null,
      hint: null,
      message: "Could not find the 'colour' column of 'wr_items' in the schema cache",
    });
    assert.equal(await count('wr_items'), 0);
  });
});

describe('POST refused', () => {
  it('refuses objects with different keys', async () => {
    const res = await post('wr_items', [{ name: 'A' }, { name: 'B', qty: 2 }]);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST102', details: null, hint: null, message: 'All object keys must match' });
    assert.equal(await count('wr_items'), 0);
  });

  it('refuses an array with something other than objects', async () => {
    const res = await post('wr_items', [{ name: 'A' }, 3]);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST102', details: null, hint: null, message: 'All object keys must match' });
  });

  for (const [what, body] of [['malformed JSON', '}{ x = 2'], ['an empty body', '']] as const) {
    it(`refuses ${what}`, async () => {
      const res = await post('wr_items', body);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' });
      assert.equal(await count('wr_items'), 0);
    });
  }

  it('refuses an unknown key', async () => {
    const res = await post('wr_items', { name: 'Mug', colour: 'red' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: 'PGRST204',
      details: null,
      hint: null,
      message: "Could not find the 'colour' column of 'wr_items' in the schema cache",
    });
  });

  it('passes on Postgres type errors as 400', async () => {
    const res = await post('wr_items', { name: 'Mug', price_cents: 'abc' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: '22P02', details: null, hint: null, message: 'invalid input syntax for type bigint: "abc"' });
    assert.equal(await count('wr_items'), 0);
  });

  it('refuses a value for a generated column', async () => {
    const res = await post('wr_items', { name: 'Mug', total_cents: 3 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '428C9',
      details: 'Column "total_cents" is a generated column.',
      hint: null,
      message: 'cannot insert a non-DEFAULT value into column "total_cents"',
    });
  });

  it('answers a duplicate key with 409', async () => {
    await sql(`insert into public.wr_items (name, sku) values ('Mug', 'MUG-1')`);
    const res = await post('wr_items', [{ name: 'Other', sku: 'OTHER' }, { name: 'Mug again', sku: 'MUG-1' }]);
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      code: '23505',
      details: null,
      hint: null,
      message: 'duplicate key value violates unique constraint "wr_items_sku_key"',
    });
    assert.deepEqual(await sql('select sku from public.wr_items'), [{ sku: 'MUG-1' }], 'the first row of the batch was not kept');
  });

  it('answers a missing foreign row with 409', async () => {
    const res = await post('wr_products', { id: 1, name: 'Pan', category_id: 999 });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      code: '23503',
      details: 'Key is not present in table "wr_categories".',
      hint: null,
      message: 'insert or update on table "wr_products" violates foreign key constraint "wr_products_category_id_fkey"',
    });
    assert.equal(await count('wr_products'), 0);
  });

  it('answers a check constraint violation with 400', async () => {
    const res = await post('wr_items', { name: 'Mug', price_cents: -5 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '23514',
      details: null,
      hint: null,
      message: 'new row for relation "wr_items" violates check constraint "wr_items_price_cents_check"',
    });
  });

  it('answers 404 PGRST205 for a table that does not exist', async () => {
    const res = await post('wr_nothing', { name: 'x' });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { code: 'PGRST205', details: null, hint: null, message: "Could not find the table 'public.wr_nothing' in the schema cache" });
  });

  it('refuses anon a table it may only read, with 401', async () => {
    const res = await post('wr_announcements', { id: 1, title: 'Sale' });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'permission denied for table wr_announcements' });
    assert.equal(await count('wr_announcements'), 0);
  });

  it('refuses a signed-in user the same table with 403', async () => {
    const token = await signJwt({ sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated' });
    const res = await post('wr_announcements', { id: 1, title: 'Sale' }, { authorization: `Bearer ${token}` });
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'permission denied for table wr_announcements' });
  });

  it('refuses a row the RLS policy does not allow', async () => {
    const res = await post('wr_notes', { body: 'anon note' });
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'new row violates row-level security policy for table "wr_notes"' });
    const userA = await signJwt({ sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated' });
    const forged = await post('wr_notes', { body: 'pretending', owner_id: '00000000-0000-0000-0000-00000000000b' }, { authorization: `Bearer ${userA}` });
    assert.equal(forged.status, 403);
    assert.deepEqual(forged.body, { code: '42501', details: null, hint: null, message: 'new row violates row-level security policy for table "wr_notes"' });
    assert.equal(await count('wr_notes'), 0);
  });

  it('lets anon write to a table it may not read, as long as nothing is sent back', async () => {
    await sql('truncate public.wr_messages');
    const ok = await post('wr_messages', { body: 'hello' }, { prefer: 'return=minimal' });
    assert.equal(ok.status, 201);
    const refused = await post('wr_messages', { body: 'and read it back' }, { prefer: 'return=representation' });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, { code: '42501', details: null, hint: null, message: 'permission denied for table wr_messages' });
    assert.deepEqual(await sql('select body from public.wr_messages'), [{ body: 'hello' }]);
  });

  it('lets a user add a note of their own, owned by the sub of their token', async () => {
    const userA = await signJwt({ sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated' });
    const res = await post('wr_notes?select=owner_id,body', { body: 'mine' }, { authorization: `Bearer ${userA}`, prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [{ owner_id: '00000000-0000-0000-0000-00000000000a', body: 'mine' }]);
  });

  it('answers 413 for a body over the limit, and inserts nothing', async () => {
    const big = JSON.stringify([{ name: 'x'.repeat(11 * 1024 * 1024) }]);
    const res = await post('wr_items', big);
    assert.equal(res.status, 413);
    assert.equal(await count('wr_items'), 0);
  });
});
