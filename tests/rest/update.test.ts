// PATCH /rest/v1/<table>?<filters>: updates as PostgREST answers them, and proof that a refused
// or RLS-hidden update changed nothing.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signJwt, sql, anonClient as supabase } from '../helpers/env.ts';
import { send } from './write-helpers.ts';


const USER_A = '00000000-0000-0000-0000-00000000000a';
const USER_B = '00000000-0000-0000-0000-00000000000b';

const patch = (path: string, body: unknown, headers: Record<string, string> = {}) => send('PATCH', path, body, headers);

const names = async () => (await sql('select id::int, name, qty from public.wr_items order by id')).map((r) => `${r.id}:${r.name}:${r.qty}`);

beforeEach(async () => {
  await sql(`truncate public.wr_items, public.wr_notes, public.wr_announcements restart identity cascade`);
  await sql(`insert into public.wr_items (name, price_cents, sku) values ('Mug', 100, 'M'), ('Cup', 200, 'C'), ('Bowl', 300, 'B')`);
});

describe('PATCH updates the filtered rows', () => {
  it('answers 204 with Content-Range 0-0/* for one row', async () => {
    const res = await patch('wr_items?id=eq.2', { qty: 5 });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.headers.get('content-range'), '0-0/*');
    assert.deepEqual(await names(), ['1:Mug:1', '2:Cup:5', '3:Bowl:1']);
  });

  it('counts the updated rows with count=exact', async () => {
    const res = await patch('wr_items?id=gte.2', { qty: 7 }, { prefer: 'count=exact' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('content-range'), '0-1/2');
    assert.equal(res.headers.get('preference-applied'), 'count=exact');
  });

  it('answers Content-Range */* when no row matched', async () => {
    const res = await patch('wr_items?id=eq.99', { qty: 7 });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('content-range'), '*/*');
  });

  it('returns the updated rows with return=representation and select=', async () => {
    const res = await patch('wr_items?price_cents=lt.250&select=id,qty,total_cents&order=id', { qty: 3 }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('content-range'), '0-1/*');
    assert.equal(res.headers.get('preference-applied'), 'return=representation');
    assert.deepEqual(res.body, [{ id: 1, qty: 3, total_cents: 300 }, { id: 2, qty: 3, total_cents: 600 }]);
  });

  it('returns [] when nothing matched with return=representation', async () => {
    const res = await patch('wr_items?id=eq.99', { qty: 3 }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, []);
  });

  it('can set a column to null', async () => {
    const res = await patch('wr_items?id=eq.1&select=id,label', { label: null }, { prefer: 'return=representation' });
    assert.deepEqual(res.body, [{ id: 1, label: null }]);
  });

  it('changes nothing for an empty object', async () => {
    const res = await patch('wr_items', {});
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('content-range'), '*/*');
    const rep = await patch('wr_items?select=id', {}, { prefer: 'return=representation' });
    assert.equal(rep.status, 200);
    assert.deepEqual(rep.body, []);
    assert.deepEqual(await names(), ['1:Mug:1', '2:Cup:1', '3:Bowl:1']);
  });

  it('updates only the keys named by columns=', async () => {
    const res = await patch('wr_items?id=eq.1&columns=qty&select=name,qty', { qty: 4, name: 'ignored', bogus: true }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ name: 'Mug', qty: 4 }]);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json', async () => {
    const res = await patch('wr_items?id=eq.3&select=id,qty', { qty: 9 }, { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.pgrst.object+json; charset=utf-8');
    assert.deepEqual(res.body, { id: 3, qty: 9 });
  });

  it('rolls back an update that cannot be coerced into one object', async () => {
    const res = await patch('wr_items?id=lte.2&select=id', { qty: 9 }, { prefer: 'return=representation', accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 406);
    assert.deepEqual(res.body, { code: 'PGRST116', details: 'The result contains 2 rows', hint: null, message: 'Cannot coerce the result to a single JSON object' });
    assert.deepEqual(await names(), ['1:Mug:1', '2:Cup:1', '3:Bowl:1']);
  });

  it('embeds related rows in the representation', async () => {
    await sql(`truncate public.wr_products, public.wr_categories cascade`);
    await sql(`insert into public.wr_categories values (1, 'Kitchen'); insert into public.wr_products values (1, 'Pan', 1)`);
    const res = await patch('wr_products?id=eq.1&select=name,wr_categories(name)', { name: 'Big pan' }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ name: 'Big pan', wr_categories: { name: 'Kitchen' } }]);
  });

  it('works through supabase-js update().eq().select()', async () => {
    const { data, error, status } = await supabase().from('wr_items').update({ name: 'Big mug' }).eq('id', 1).select('id, name');
    assert.equal(error, null);
    assert.equal(status, 200);
    assert.deepEqual(data, [{ id: 1, name: 'Big mug' }]);
  });

  it('ignores limit= (PostgREST 13 dropped limited updates) and orders the representation by order=', async () => {
    const res = await patch('wr_items?order=id.desc&limit=1&select=id', { qty: 8 }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ id: 3 }, { id: 2 }, { id: 1 }]);
    assert.deepEqual(await names(), ['1:Mug:8', '2:Cup:8', '3:Bowl:8']);
  });
});

describe('PATCH refused', () => {
  it('refuses to update more rows than max-affected with handling=strict, and changes nothing', async () => {
    const res = await patch('wr_items', { qty: 2 }, { prefer: 'handling=strict, max-affected=1' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST124', details: 'The query affects 3 rows', hint: null, message: 'Query result exceeds max-affected preference constraint' });
    assert.deepEqual(await names(), ['1:Mug:1', '2:Cup:1', '3:Bowl:1']);
  });

  it('refuses malformed JSON', async () => {
    const res = await patch('wr_items?id=eq.1', '}{ x = 2');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' });
  });

  it('refuses an unknown column', async () => {
    const res = await patch('wr_items?id=eq.1', { colour: 'red' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST204', details: null, hint: null, message: "Could not find the 'colour' column of 'wr_items' in the schema cache" });
  });

  it('answers a duplicate key with 409 and changes nothing', async () => {
    const res = await patch('wr_items?id=eq.2', { sku: 'M' });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      code: '23505',
      details: null,
      hint: null,
      message: 'duplicate key value violates unique constraint "wr_items_sku_key"',
    });
    assert.deepEqual(await sql('select sku from public.wr_items order by id'), [{ sku: 'M' }, { sku: 'C' }, { sku: 'B' }]);
  });

  it('changes no row when the check constraint fails on one of them', async () => {
    const res = await patch('wr_items?id=in.(1,2)', { price_cents: -1 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '23514',
      details: null,
      hint: null,
      message: 'new row for relation "wr_items" violates check constraint "wr_items_price_cents_check"',
    });
    assert.deepEqual(await sql('select price_cents::int from public.wr_items order by id'), [{ price_cents: 100 }, { price_cents: 200 }, { price_cents: 300 }]);
  });

  it('refuses anon a table it may only read', async () => {
    await sql(`insert into public.wr_announcements values (1, 'Sale')`);
    const res = await patch('wr_announcements?id=eq.1', { title: 'Hacked' });
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'permission denied for table wr_announcements' });
    assert.deepEqual(await sql('select title from public.wr_announcements'), [{ title: 'Sale' }]);
  });
});

describe('PATCH under row-level security', () => {
  beforeEach(async () => {
    await sql(`insert into public.wr_notes (owner_id, body) values ($1, 'a1'), ($2, 'b1')`, [USER_A, USER_B]);
  });

  it("never touches another user's rows", async () => {
    const tokenA = await signJwt({ sub: USER_A, role: 'authenticated' });
    const res = await patch('wr_notes?id=eq.2', { body: 'taken over' }, { authorization: `Bearer ${tokenA}`, prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, []);
    const all = await patch('wr_notes', { body: 'everything' }, { authorization: `Bearer ${tokenA}`, prefer: 'count=exact' });
    assert.equal(all.status, 204);
    assert.equal(all.headers.get('content-range'), '0-0/1');
    assert.deepEqual(await sql('select body from public.wr_notes order by id'), [{ body: 'everything' }, { body: 'b1' }]);
  });

  it('refuses to hand a row over to another user', async () => {
    const tokenA = await signJwt({ sub: USER_A, role: 'authenticated' });
    const res = await patch('wr_notes?id=eq.1', { owner_id: USER_B }, { authorization: `Bearer ${tokenA}` });
    assert.equal(res.status, 403);
    assert.deepEqual(res.body, { code: '42501', details: null, hint: null, message: 'new row violates row-level security policy for table "wr_notes"' });
    assert.deepEqual(await sql('select owner_id::text from public.wr_notes order by id'), [{ owner_id: USER_A }, { owner_id: USER_B }]);
  });

  it('lets anon change nothing', async () => {
    const res = await patch('wr_notes', { body: 'anon' }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, []);
  });
});
