// POST with Prefer: resolution=merge-duplicates | ignore-duplicates (and on_conflict=): upserts
// as PostgREST answers them.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, anonClient as supabase } from '../helpers/env.ts';
import { send } from './write-helpers.ts';


const post = (path: string, body: unknown, prefer: string) => send('POST', path, body, { prefer });

const contacts = async () => sql('select id, email, name, visits from public.wr_contacts order by id');

beforeEach(async () => {
  await sql('truncate public.wr_contacts, public.wr_items, public.wr_no_pk restart identity cascade');
  await sql(`insert into public.wr_contacts values (1, 'ann@example.com', 'Ann', 5), (2, 'bob@example.com', 'Bob', 7)`);
});

describe('merge-duplicates', () => {
  it('inserts new rows and updates existing ones on the primary key (201)', async () => {
    const res = await post('wr_contacts', [
      { id: 1, email: 'ann@example.com', name: 'Annie' },
      { id: 3, email: 'cy@example.com', name: 'Cy' },
    ], 'return=representation, resolution=merge-duplicates');
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'resolution=merge-duplicates, return=representation');
    assert.deepEqual(res.body, [
      { id: 1, email: 'ann@example.com', name: 'Annie', visits: 5 },
      { id: 3, email: 'cy@example.com', name: 'Cy', visits: 0 },
    ]);
    assert.deepEqual(await contacts(), [
      { id: 1, email: 'ann@example.com', name: 'Annie', visits: 5 },
      { id: 2, email: 'bob@example.com', name: 'Bob', visits: 7 },
      { id: 3, email: 'cy@example.com', name: 'Cy', visits: 0 },
    ]);
  });

  it('answers 200 when every row was an update', async () => {
    const res = await post('wr_contacts?select=id,name', [{ id: 2, email: 'bob@example.com', name: 'Robert' }], 'return=representation, resolution=merge-duplicates');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ id: 2, name: 'Robert' }]);
  });

  it('answers 200 for an empty array', async () => {
    const res = await post('wr_contacts', [], 'return=representation, resolution=merge-duplicates');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, []);
  });

  it('answers with no body by default, 200 when it only updated', async () => {
    const res = await post('wr_contacts', { id: 1, email: 'ann@example.com', name: 'A.' }, 'resolution=merge-duplicates');
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('preference-applied'), 'resolution=merge-duplicates');
    assert.equal((await contacts())[0].name, 'A.');
  });

  it('upserts on the unique columns named by on_conflict=', async () => {
    const res = await post('wr_contacts?on_conflict=email&select=id,email,name', [
      { id: 10, email: 'bob@example.com', name: 'Bobby' },
      { id: 11, email: 'dee@example.com', name: 'Dee' },
    ], 'return=representation, resolution=merge-duplicates');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, [
      { id: 10, email: 'bob@example.com', name: 'Bobby' },
      { id: 11, email: 'dee@example.com', name: 'Dee' },
    ]);
    assert.deepEqual((await contacts()).map((c) => c.id), [1, 10, 11]);
  });

  it('keeps the columns left out of columns= and defaults new rows with missing=default', async () => {
    await sql(`insert into public.wr_items (id, name, price_cents, label) overriding system value values (1, 'Mug', 100, 'sale')`);
    await sql(`select setval(pg_get_serial_sequence('public.wr_items', 'id'), 1)`);
    const res = await post('wr_items?columns=id,name&select=id,name,price_cents,label', [{ id: 1, name: 'Big mug' }, { name: 'Cup' }],
      'return=representation, resolution=merge-duplicates, missing=default');
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'resolution=merge-duplicates, missing=default, return=representation');
    assert.deepEqual(res.body, [
      { id: 1, name: 'Big mug', price_cents: 100, label: 'sale' },
      { id: 2, name: 'Cup', price_cents: 0, label: 'new' },
    ]);
  });

  it('ignores the resolution on a table without primary key', async () => {
    const res = await post('wr_no_pk', [{ a: '1', b: '2' }], 'return=representation, resolution=merge-duplicates');
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'return=representation');
    assert.deepEqual(res.body, [{ a: '1', b: '2' }]);
  });

  it('refuses on_conflict= columns without a unique constraint, and writes nothing', async () => {
    const res = await post('wr_contacts?on_conflict=name', [{ id: 5, email: 'e@example.com', name: 'Ann' }], 'resolution=merge-duplicates');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, {
      code: '42P10',
      details: null,
      hint: null,
      message: 'there is no unique or exclusion constraint matching the ON CONFLICT specification',
    });
    assert.equal((await contacts()).length, 2);
  });

  it('works through supabase-js upsert()', async () => {
    const { data, error, status } = await supabase().from('wr_contacts').upsert({ id: 1, email: 'ann@example.com', name: 'Ann B.' }).select('id, name');
    assert.equal(error, null);
    assert.equal(status, 200);
    assert.deepEqual(data, [{ id: 1, name: 'Ann B.' }]);
  });

  it('works through supabase-js upsert() with onConflict', async () => {
    const { data, error, status } = await supabase()
      .from('wr_contacts')
      .upsert([{ id: 20, email: 'bob@example.com', name: 'B' }], { onConflict: 'email' })
      .select('id, email');
    assert.equal(error, null);
    assert.equal(status, 200);
    assert.deepEqual(data, [{ id: 20, email: 'bob@example.com' }]);
  });
});

describe('ignore-duplicates', () => {
  it('inserts new rows and leaves existing ones untouched', async () => {
    const res = await post('wr_contacts?select=id,name', [
      { id: 1, email: 'ann@example.com', name: 'Not Ann' },
      { id: 4, email: 'eve@example.com', name: 'Eve' },
    ], 'return=representation, resolution=ignore-duplicates');
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('preference-applied'), 'resolution=ignore-duplicates, return=representation');
    assert.deepEqual(res.body, [{ id: 4, name: 'Eve' }]);
    assert.equal((await contacts())[0].name, 'Ann');
  });

  it('answers 201 with [] when every row existed', async () => {
    const res = await post('wr_contacts', [{ id: 2, email: 'bob@example.com', name: 'X' }], 'return=representation, resolution=ignore-duplicates');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, []);
  });

  it('ignores duplicates of the on_conflict= columns', async () => {
    const res = await post('wr_contacts?on_conflict=email&select=id', [{ id: 9, email: 'ann@example.com', name: 'X' }], 'return=representation, resolution=ignore-duplicates');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, []);
    assert.equal((await contacts()).length, 2);
  });
});
