// or=, and=, not.or, nesting, and logic trees on embeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

async function ns(query: string): Promise<number[]> {
  const r = await get(`/fx_numbers?select=n&order=n&${query}`);
  assert.equal(r.status, 200, `${query}: ${r.text}`);
  return r.body.map((row: { n: number }) => row.n);
}

test('or= keeps rows matching any condition', async () => {
  assert.deepEqual(await ns('or=(n.eq.1,n.eq.30)'), [1, 30]);
});

test('and= with other filters', async () => {
  assert.deepEqual(await ns('and=(n.gt.5,n.lt.9)&parity=eq.even'), [6, 8]);
});

test('nested and/or', async () => {
  assert.deepEqual(await ns('or=(n.eq.1,and(n.gte.28,parity.eq.odd))'), [1, 29]);
});

test('not.or and not.and', async () => {
  assert.deepEqual(await ns('n=lte.5&not.or=(n.eq.1,n.eq.2)'), [3, 4, 5]);
  assert.deepEqual(await ns('n=lte.4&not.and=(n.gt.1,n.lt.4)'), [1, 4]);
});

test('not. inside a tree, and negated nested operators', async () => {
  assert.deepEqual(await ns('n=lte.6&or=(n.not.gt.1,not.and(n.lt.6,parity.eq.even))'), [1, 3, 5, 6]);
});

test('in lists inside or, with quoted values', async () => {
  assert.deepEqual(await ns('or=(n.in.(1,2),parity.in.("never","x"))'), [1, 2]);
});

test('is and like inside or', async () => {
  const r = await get('/fx_products?select=id&order=id&or=(sku.is.null,name.like.*scarf)');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2 }, { id: 4 }]);
});

test('JSON paths and array values inside or', async () => {
  const r = await get('/fx_products?select=id&order=id&or=(attrs->>color.eq.blue,tags.cs.{winter})');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 2 }, { id: 3 }]);
});

test('or on an embedded resource', async () => {
  const r = await get('/fx_suppliers?select=id,fx_products(id)&order=id&fx_products.or=(id.eq.1,id.eq.3)');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [
    { id: 1, fx_products: [{ id: 1 }] },
    { id: 2, fx_products: [{ id: 3 }] },
    { id: 3, fx_products: [] },
  ]);
});

test('a malformed tree is a 400 PGRST100', async () => {
  const r = await get('/fx_numbers?or=(n.eq.1,n.xx.2)');
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'PGRST100');
  assert.equal(r.body.hint, null);
  assert.match(r.body.message, /^"failed to parse logic tree \(\(n\.eq\.1,n\.xx\.2\)\)" \(line 1, column \d+\)$/);
});

test('an empty tree is a 400 PGRST100', async () => {
  const r = await get('/fx_numbers?or=()');
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, {
    code: 'PGRST100',
    details: 'unexpected ")" expecting field name (* or [a..z0..9_$]), negation operator (not) or logic operator (and, or)',
    hint: null,
    message: '"failed to parse logic tree (())" (line 1, column 4)',
  });
});
