// PUT /rest/v1/<table>?<pk>=eq.<value>: single-row upsert by full primary key, as PostgREST answers it.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { send } from './write-helpers.ts';

const put = (path: string, body: unknown, headers: Record<string, string> = {}) => send('PUT', path, body, headers);

const pairs = async () => sql('select k1, k2, extra from public.wr_pairs order by k1, k2');
const INVALID_FILTERS = {
  code: 'PGRST105',
  details: null,
  hint: null,
  message: "Filters must include all and only primary key columns with 'eq' operators",
};
const PK_MISMATCH = { code: 'PGRST115', details: null, hint: null, message: 'Payload values do not match URL in primary key column(s)' };

beforeEach(async () => {
  await sql('truncate public.wr_pairs, public.wr_contacts restart identity cascade');
  await sql(`insert into public.wr_pairs values (1, 'a', 'first')`);
  await sql(`insert into public.wr_contacts values (1, 'ann@example.com', 'Ann', 5)`);
});

describe('PUT upserts one row', () => {
  it('inserts a new row and answers 204 by default', async () => {
    const res = await put('wr_pairs?k1=eq.2&k2=eq.b', { k1: 2, k2: 'b', extra: 'second' });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-range'), null);
    assert.deepEqual(await pairs(), [{ k1: 1, k2: 'a', extra: 'first' }, { k1: 2, k2: 'b', extra: 'second' }]);
  });

  it('answers 201 with the row when it inserted, with return=representation', async () => {
    const res = await put('wr_pairs?k1=eq.2&k2=eq.b', { k1: 2, k2: 'b', extra: 'second' }, { prefer: 'return=representation' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('preference-applied'), 'return=representation');
    assert.deepEqual(res.body, [{ k1: 2, k2: 'b', extra: 'second' }]);
  });

  it('answers 200 with the row when it replaced one', async () => {
    const res = await put('wr_pairs?k1=eq.1&k2=eq.a', { k1: 1, k2: 'a', extra: 'replaced' }, { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ k1: 1, k2: 'a', extra: 'replaced' }]);
    assert.deepEqual(await pairs(), [{ k1: 1, k2: 'a', extra: 'replaced' }]);
  });

  it('accepts the row as an array of one', async () => {
    const res = await put('wr_contacts?id=eq.1&select=id,name', [{ id: 1, email: 'ann@example.com', name: 'Annie' }], { prefer: 'return=representation' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ id: 1, name: 'Annie' }]);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json', async () => {
    const res = await put('wr_contacts?id=eq.2', { id: 2, email: 'bo@example.com', name: 'Bo' }, {
      prefer: 'return=representation',
      accept: 'application/vnd.pgrst.object+json',
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, { id: 2, email: 'bo@example.com', name: 'Bo', visits: 0 });
  });
});

describe('PUT refused', () => {
  it('refuses filters that miss part of the primary key', async () => {
    const res = await put('wr_pairs?k1=eq.1', { k1: 1, k2: 'a', extra: 'x' });
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, INVALID_FILTERS);
  });

  it('refuses filters on other columns', async () => {
    const res = await put('wr_pairs?k1=eq.1&k2=eq.a&extra=eq.first', { k1: 1, k2: 'a', extra: 'x' });
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, INVALID_FILTERS);
  });

  it('refuses operators other than eq', async () => {
    const res = await put('wr_pairs?k1=gt.0&k2=eq.a', { k1: 1, k2: 'a', extra: 'x' });
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, INVALID_FILTERS);
  });

  it('refuses no filter at all', async () => {
    const res = await put('wr_pairs', { k1: 1, k2: 'a', extra: 'x' });
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, INVALID_FILTERS);
  });

  it('refuses a payload whose key differs from the URL, and writes nothing', async () => {
    const res = await put('wr_pairs?k1=eq.1&k2=eq.a', { k1: 1, k2: 'zzz', extra: 'x' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, PK_MISMATCH);
    assert.deepEqual(await pairs(), [{ k1: 1, k2: 'a', extra: 'first' }]);
  });

  it('refuses more than one row', async () => {
    const res = await put('wr_pairs?k1=eq.1&k2=eq.a', [{ k1: 1, k2: 'a', extra: 'x' }, { k1: 1, k2: 'a', extra: 'y' }]);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, PK_MISMATCH);
    assert.deepEqual(await pairs(), [{ k1: 1, k2: 'a', extra: 'first' }]);
  });

  it('refuses limit and offset', async () => {
    const res = await put('wr_pairs?k1=eq.1&k2=eq.a&limit=1', { k1: 1, k2: 'a', extra: 'x' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'PGRST114', details: null, hint: null, message: 'limit/offset querystring parameters are not allowed for PUT' });
  });

  it('refuses a table without primary key', async () => {
    const res = await put('wr_no_pk?a=eq.1', { a: '1', b: '2' });
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, INVALID_FILTERS);
  });
});
