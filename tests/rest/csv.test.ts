// Accept: text/csv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';

test('rows as CSV with a header line, quoting where needed, empty for null', async () => {
  const r = await get('/fx_products?select=id,name,sku,tags&order=id', { Accept: 'text/csv' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(r.headers.get('content-range'), '0-3/*');
  assert.equal(r.text, 'id,name,sku,tags\n1,"Linen shirt",LS-1,"{summer,linen}"\n2,"Wool scarf",WS-2,{winter}\n3,Espadrilles,ES-3,"{summer,shoes}"\n4,"Gift card",,{}');
});

test('CSV with a count and a page', async () => {
  const r = await get('/fx_numbers?select=n,parity&order=n&limit=2', { Accept: 'text/csv', Prefer: 'count=exact' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-1/30');
  assert.equal(r.text, 'n,parity\n1,odd\n2,even');
});
