// Horizontal filtering: every operator, not., quantifiers, quoting, JSON paths, and parse errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

async function ids(query: string, table = 'fx_products', key = 'id'): Promise<unknown[]> {
  const r = await get(`/${table}?select=${key}&order=${key}&${query}`);
  assert.equal(r.status, 200, `${query}: ${r.text}`);
  return r.body.map((row: Record<string, unknown>) => row[key]);
}

test('comparison operators', async () => {
  assert.deepEqual(await ids('price_cents=eq.2500'), [2]);
  assert.deepEqual(await ids('price_cents=neq.2500'), [1, 3, 4]);
  assert.deepEqual(await ids('price_cents=gt.3900'), [1]);
  assert.deepEqual(await ids('price_cents=gte.3900'), [1, 3]);
  assert.deepEqual(await ids('price_cents=lt.2500'), [4]);
  assert.deepEqual(await ids('price_cents=lte.2500'), [2, 4]);
});

test('like and ilike with * as wildcard', async () => {
  assert.deepEqual(await ids('name=like.*sh*'), [1]);
  assert.deepEqual(await ids('name=like.W*'), [2]);
  assert.deepEqual(await ids('name=ilike.*S*'), [1, 2, 3]);
  assert.deepEqual(await ids('name=like.%25card'), [4]);
});

test('match and imatch are POSIX regular expressions', async () => {
  assert.deepEqual(await ids('name=match.^[LW]'), [1, 2]);
  assert.deepEqual(await ids('name=imatch.^g'), [4]);
});

test('in with plain and double-quoted values', async () => {
  assert.deepEqual(await ids('id=in.(1,3)'), [1, 3]);
  assert.deepEqual(await ids('name=in.("Linen shirt","Gift card")'), [1, 4]);
  assert.deepEqual(await ids('name=in.("Wool scarf",Espadrilles)'), [2, 3]);
  assert.deepEqual(await ids('id=in.()'), []);
});

test('double-quoted values may hold commas, parentheses and escaped quotes', async () => {
  assert.deepEqual(await ids('name=in.("a,b","c)d","e\\"f",Espadrilles)'), [3]);
});

test('is null, not null, true, false, unknown', async () => {
  assert.deepEqual(await ids('sku=is.null'), [4]);
  assert.deepEqual(await ids('sku=not.is.null'), [1, 2, 3]);
  assert.deepEqual(await ids('sku=is.not_null'), [1, 2, 3]);
  assert.deepEqual(await ids('sku=is.NULL'), [4]);
  assert.deepEqual(await ids('in_stock=is.true'), [1, 4]);
  assert.deepEqual(await ids('in_stock=is.false'), [2]);
  assert.deepEqual(await ids('in_stock=is.unknown'), [3]);
  assert.deepEqual(await ids('in_stock=not.is.true'), [2, 3]);
});

test('isdistinct treats null as a value', async () => {
  assert.deepEqual(await ids('country=isdistinct.FR', 'fx_suppliers'), [2, 3]);
});

test('not. negates any operator', async () => {
  assert.deepEqual(await ids('id=not.in.(1,2)'), [3, 4]);
  assert.deepEqual(await ids('name=not.like.*s*'), [4]);
  assert.deepEqual(await ids('price_cents=not.gt.2500'), [2, 4]);
});

test('eq(any) and like(all) quantifiers over array values', async () => {
  assert.deepEqual(await ids('id=eq(any).{1,4}'), [1, 4]);
  assert.deepEqual(await ids('name=like(any).{Lin*,Gift*}'), [1, 4]);
  assert.deepEqual(await ids('name=like(all).{*s*,*e*}'), [1, 3]);
});

test('array operators: contains, contained in, overlap', async () => {
  assert.deepEqual(await ids('tags=cs.{summer}'), [1, 3]);
  assert.deepEqual(await ids('tags=cs.{summer,linen}'), [1]);
  assert.deepEqual(await ids('tags=cd.{winter,summer,shoes}'), [2, 3, 4]);
  assert.deepEqual(await ids('tags=ov.{linen,winter}'), [1, 2]);
});

test('jsonb containment', async () => {
  assert.deepEqual(await ids('attrs=cs.{"color":"blue"}'), [3]);
  assert.deepEqual(await ids('attrs->sizes=cs.["M"]'), [1]);
});

test('range operators', async () => {
  assert.deepEqual(await ids('available=ov.[8,9]'), [1, 2]);
  assert.deepEqual(await ids('available=cs.[12,13)'), [2]);
  assert.deepEqual(await ids('available=sl.(20,30)'), [1, 2]);
  assert.deepEqual(await ids('available=sr.(0,3)'), [2]);
  assert.deepEqual(await ids('available=nxr.[1,10)'), [1]);
  assert.deepEqual(await ids('available=nxl.[3,4)'), [2]);
  assert.deepEqual(await ids('available=adj.[10,12)'), [1]);
});

test('filters on JSON paths', async () => {
  assert.deepEqual(await ids('attrs->>color=eq.grey'), [2]);
  assert.deepEqual(await ids('attrs->weight=gt.160'), [1]);
  assert.deepEqual(await ids('attrs->sizes->>0=eq.40'), [3]);
});

test('full-text search operators, with and without a language', async () => {
  assert.deepEqual(await ids('fts=fts.linen', 'fx_articles'), [1, 3]);
  assert.deepEqual(await ids('fts=fts(english).linen%26cool', 'fx_articles'), [3]);
  assert.deepEqual(await ids('fts=plfts.wool scarves', 'fx_articles'), [2]);
  assert.deepEqual(await ids('fts=phfts(english).half price', 'fx_articles'), [2]);
  assert.deepEqual(await ids('fts=wfts(english).linen -beach', 'fx_articles'), [3]);
  assert.deepEqual(await ids('fts=not.fts.linen', 'fx_articles'), [2]);
});

test('several filters on one column are all applied', async () => {
  assert.deepEqual(await ids('n=gt.3&n=lt.6', 'fx_numbers', 'n'), [4, 5]);
});

test('values with dots, colons and spaces are taken whole', async () => {
  const r = await get('/fx_products?select=id&created_at=eq.2024-01-01T00:00:00.000Z&order=id');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
});

test('an unknown operator is a 400 PGRST100', async () => {
  const r = await get('/fx_products?id=noop.1');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST100',
    details: 'unexpected "o" expecting "not" or operator (eq, gt, ...)',
    hint: null,
    message: '"failed to parse filter (noop.1)" (line 1, column 1)',
  });
});

test('a value without operator is a 400 PGRST100', async () => {
  const r = await get('/fx_products?id=1');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST100',
    details: 'unexpected "1" expecting "not" or operator (eq, gt, ...)',
    hint: null,
    message: '"failed to parse filter (1)" (line 1, column 1)',
  });
});

test('a value of the wrong type is the Postgres error, 400', async () => {
  const r = await get('/fx_products?id=eq.abc');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: '22P02', details: null, hint: null, message: 'invalid input syntax for type integer: "abc"' });
});

test('a filter on an unknown column is 42703', async () => {
  const r = await get('/fx_products?qwertyuiop=eq.1');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { code: '42703', details: null, hint: null, message: 'column fx_products.qwertyuiop does not exist' });
});
