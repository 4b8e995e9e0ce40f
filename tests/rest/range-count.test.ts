// limit/offset, Range headers, Prefer: count=…, Content-Range, 206 and 416, max_rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { sql } from '../helpers/env.ts';

test('limit and offset', async () => {
  const r = await get('/fx_numbers?select=n&order=n&limit=2&offset=3');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '3-4/*');
  assert.deepEqual(r.body, [{ n: 4 }, { n: 5 }]);
});

test('count=exact gives the total and 206 for a partial page', async () => {
  const r = await get('/fx_numbers?select=n&order=n&limit=2', { Prefer: 'count=exact' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-1/30');
  assert.deepEqual(r.body, [{ n: 1 }, { n: 2 }]);
});

test('count=exact counts after filters, and 200 when the page is everything', async () => {
  const r = await get('/fx_numbers?select=n&n=gt.27&order=n', { Prefer: 'count=exact' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '0-2/3');
  assert.deepEqual(r.body, [{ n: 28 }, { n: 29 }, { n: 30 }]);
});

test('count=exact on an empty result', async () => {
  const r = await get('/fx_numbers?n=gt.100', { Prefer: 'count=exact' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '*/0');
  assert.deepEqual(r.body, []);
});

test('count=exact counts parents filtered by !inner embeds', async () => {
  const r = await get('/fx_products?select=id,fx_suppliers!inner(id)&fx_suppliers.country=eq.FR&limit=1&order=id', { Prefer: 'count=exact' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-0/2');
  assert.deepEqual(r.body, [{ id: 1, fx_suppliers: { id: 1 } }]);
});

test('an offset past the end with a count is a 416 PGRST103', async () => {
  const r = await get('/fx_numbers?offset=40', { Prefer: 'count=exact' });
  assert.equal(r.status, 416);
  assert.equal(r.headers.get('content-range'), '*/30');
  assert.deepEqual(r.body, {
    code: 'PGRST103',
    details: 'An offset of 40 was requested, but there are only 30 rows.',
    hint: null,
    message: 'Requested range not satisfiable',
  });
});

test('a Range start past the end with a count is a 416 too, even on an empty result', async () => {
  const r = await get('/fx_numbers?n=gt.100', { Range: '1-2', Prefer: 'count=exact' });
  assert.equal(r.status, 416);
  assert.equal(r.headers.get('content-range'), '*/0');
  assert.deepEqual(r.body, {
    code: 'PGRST103',
    details: 'An offset of 1 was requested, but there are only 0 rows.',
    hint: null,
    message: 'Requested range not satisfiable',
  });
});

test('a negative offset is ignored', async () => {
  const r = await get('/fx_numbers?select=n&order=n&offset=-4&limit=2');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '0-1/*');
  assert.deepEqual(r.body, [{ n: 1 }, { n: 2 }]);
});

test('an offset past the end without a count is an empty 200', async () => {
  const r = await get('/fx_numbers?offset=40');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '*/*');
  assert.deepEqual(r.body, []);
});

test('a negative limit is a 416 PGRST103', async () => {
  const r = await get('/fx_numbers?limit=-1');
  assert.equal(r.status, 416);
  assert.deepEqual(r.body, {
    code: 'PGRST103',
    details: 'Limit should be greater than or equal to zero.',
    hint: null,
    message: 'Requested range not satisfiable',
  });
});

test('limit=0 gives no rows', async () => {
  const r = await get('/fx_numbers?limit=0', { Prefer: 'count=exact' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '*/30');
  assert.deepEqual(r.body, []);
});

test('a Range header pages like limit/offset', async () => {
  const r = await get('/fx_numbers?select=n&order=n', { Range: '2-4', 'Range-Unit': 'items', Prefer: 'count=exact' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '2-4/30');
  assert.deepEqual(r.body, [{ n: 3 }, { n: 4 }, { n: 5 }]);
});

test('an open Range header reads to the end', async () => {
  const r = await get('/fx_numbers?select=n&order=n', { Range: '28-' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '28-29/*');
  assert.deepEqual(r.body, [{ n: 29 }, { n: 30 }]);
});

test('a Range header and limit/offset intersect', async () => {
  const r = await get('/fx_numbers?select=n&order=n&offset=1&limit=3', { Range: '0-1' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '1-1/*');
  assert.deepEqual(r.body, [{ n: 2 }]);
});

test('a Range with lower > upper is a 416 PGRST103', async () => {
  const r = await get('/fx_numbers', { Range: '5-2' });
  assert.equal(r.status, 416);
  assert.deepEqual(r.body, {
    code: 'PGRST103',
    details: 'The lower boundary must be lower than or equal to the upper boundary in the Range header.',
    hint: null,
    message: 'Requested range not satisfiable',
  });
});

test('count=planned uses the planner estimate', async () => {
  await sql('analyze public.fx_numbers');
  const r = await get('/fx_numbers?select=n&order=n&limit=1', { Prefer: 'count=planned' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-0/30');
  assert.deepEqual(r.body, [{ n: 1 }]);
});

test('count=estimated is exact under max_rows', async () => {
  const r = await get('/fx_numbers?select=n&parity=eq.odd&order=n&limit=1', { Prefer: 'count=estimated' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-0/15');
  assert.deepEqual(r.body, [{ n: 1 }]);
});

test('count=estimated counts exactly under max_rows, whatever the planner guesses (a never-analyzed table)', async () => {
  const r = await get('/cf_person?select=id&order=id&limit=1', { Prefer: 'count=estimated' });
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-0/2');
  assert.equal(r.headers.get('preference-applied'), 'count=estimated');
  assert.deepEqual(r.body, [{ id: 1 }]);
});

test('HEAD ignores the Range header (read on GET only), even an invalid one', async () => {
  const r = await get('/fx_numbers?select=n&n=lte.3', { Range: '1-1', Prefer: 'count=exact' }, 'HEAD');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-range'), '0-2/3');
  assert.equal(r.text, '');
  const bad = await get('/fx_numbers?select=n&n=lte.3', { Range: '1-0' }, 'HEAD');
  assert.equal(bad.status, 200);
  assert.equal(bad.headers.get('content-range'), '0-2/*');
});

test('HEAD with a count', async () => {
  const r = await get('/fx_numbers?limit=5', { Prefer: 'count=exact' }, 'HEAD');
  assert.equal(r.status, 206);
  assert.equal(r.headers.get('content-range'), '0-4/30');
  assert.equal(r.text, '');
});
