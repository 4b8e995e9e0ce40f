// /rest/v1/rpc/<fn>: function calls as PostgREST answers them.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, sql, anonClient as supabase } from '../helpers/env.ts';
import { send } from './write-helpers.ts';


const JSON_TYPE = 'application/json; charset=utf-8';

const call = (method: 'GET' | 'POST' | 'HEAD', path: string, body?: unknown, headers: Record<string, string> = {}) =>
  send(method, `rpc/${path}`, body, headers);

beforeEach(async () => {
  await sql('truncate public.wr_items restart identity cascade');
  await sql(`insert into public.wr_items (name, price_cents) values ('Mug', 100), ('Cup', 200), ('Bowl', 300)`);
});

describe('calling functions', () => {
  it('returns a scalar as a JSON scalar (POST with named arguments)', async () => {
    const res = await call('POST', 'wr_add', { a: 2, b: 3 });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), JSON_TYPE);
    assert.equal(res.headers.get('content-range'), '0-0/*');
    assert.equal(res.text, '5');
  });

  it('takes arguments from the query string with GET', async () => {
    const res = await call('GET', 'wr_add?a=2&b=40');
    assert.equal(res.status, 200);
    assert.equal(res.body, 42);
  });

  it('counts a scalar result as one row', async () => {
    const res = await call('GET', 'wr_add?a=1&b=1', undefined, { prefer: 'count=exact' });
    assert.equal(res.headers.get('content-range'), '0-0/1');
  });

  it('applies argument defaults', async () => {
    assert.equal((await call('POST', 'wr_greet', { name: 'Ann' })).body, 'Hello, Ann!');
    assert.equal((await call('GET', 'wr_greet?name=Ann&greeting=Bonjour')).body, 'Bonjour, Ann!');
  });

  it('returns a set of scalars as an array', async () => {
    const res = await call('GET', 'wr_series?n=3');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-range'), '0-2/*');
    assert.deepEqual(res.body, [1, 2, 3]);
  });

  it('filters, orders, selects and paginates a set of rows like a table', async () => {
    const res = await call('GET', 'wr_items_under?max_cents=250&select=id,name&order=id.desc');
    assert.deepEqual(res.body, [{ id: 2, name: 'Cup' }, { id: 1, name: 'Mug' }]);
    const filtered = await call('POST', 'wr_items_under?price_cents=gt.100&select=name', { max_cents: 1000 });
    assert.deepEqual(filtered.body, [{ name: 'Cup' }, { name: 'Bowl' }]);
    const page = await call('POST', 'wr_items_under?select=id&limit=1&offset=1', {}, { prefer: 'count=exact' });
    assert.equal(page.status, 206);
    assert.equal(page.headers.get('content-range'), '1-1/3');
    assert.deepEqual(page.body, [{ id: 2 }]);
  });

  it('returns the rows of a function returning a table', async () => {
    const res = await call('GET', 'wr_price_list?cents=gte.200');
    assert.deepEqual(res.body, [{ item: 'Cup', cents: 200 }, { item: 'Bowl', cents: 300 }]);
  });

  it('returns one composite value as an object', async () => {
    const res = await call('POST', 'wr_new_item', { name: 'Plate', price_cents: 50 });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 4, name: 'Plate', price_cents: 50, qty: 1, label: 'new', sku: null, total_cents: 50 });
  });

  it('passes a JSON array to a variadic parameter', async () => {
    assert.equal((await call('POST', 'wr_sum', { nums: [1, 2, 3] })).body, 6);
    assert.equal((await call('GET', 'wr_sum?nums=4&nums=5')).body, 9);
  });

  it('chooses among overloads by the argument names', async () => {
    assert.equal((await call('POST', 'wr_over', { a: 1 })).body, 'one:1');
    assert.equal((await call('POST', 'wr_over', { a: 1, b: 2 })).body, 'two:1,2');
  });

  it('answers 204 for a void function', async () => {
    const res = await call('POST', 'wr_touch', {});
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), null);
  });

  it('passes the raw body to a function with one unnamed json parameter', async () => {
    const res = await call('POST', 'wr_echo', { nested: [1, { two: 2 }] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { nested: [1, { two: 2 }] });
  });

  it('passes the whole body as the one argument with Prefer: params=single-object', async () => {
    const res = await call('POST', 'wr_keys', { zeta: 1, alpha: 2 }, { prefer: 'params=single-object' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, ['alpha', 'zeta']);
    assert.equal(res.headers.get('preference-applied'), null);
  });

  it('lets a function set the response status and headers', async () => {
    const res = await call('GET', 'wr_teapot');
    assert.equal(res.status, 418);
    assert.equal(res.headers.get('x-brew'), 'earl grey');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(res.body, { brewing: true });
  });

  it('runs GET and stable functions read-only, volatile POST read-write', async () => {
    assert.deepEqual((await call('GET', 'wr_settings')).body, { method: 'GET', path: '/rpc/wr_settings', read_only: 'on' });
    assert.deepEqual((await call('POST', 'wr_settings', {})).body, { method: 'POST', path: '/rpc/wr_settings', read_only: 'on' }, 'stable: read-only even through POST');
    assert.deepEqual((await call('POST', 'wr_touch_settings', {})).body, { read_only: 'off' });
  });

  it('refuses a volatile function that writes through GET with 405, and writes nothing', async () => {
    const res = await call('GET', 'wr_new_item?name=Plate');
    assert.equal(res.status, 405);
    assert.deepEqual(res.body, { code: '25006', details: null, hint: null, message: 'cannot execute INSERT in a read-only transaction' });
    assert.equal((await sql('select count(*)::int as n from public.wr_items'))[0].n, 3);
  });

  it('pages a set with the Range header on GET, and counts it', async () => {
    const res = await call('GET', 'wr_series?n=5', undefined, { range: '1-2', prefer: 'count=exact' });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), '1-2/5');
    assert.equal(res.headers.get('preference-applied'), 'count=exact');
    assert.deepEqual(res.body, [2, 3]);
  });

  it('ignores the Range header on POST', async () => {
    const res = await call('POST', 'wr_series', { n: 3 }, { range: '0-0' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-range'), '0-2/*');
    assert.deepEqual(res.body, [1, 2, 3]);
  });

  it('ignores the Range header on HEAD, as on POST', async () => {
    const res = await call('HEAD', 'wr_series?n=4', undefined, { prefer: 'count=exact', range: '1-1' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-range'), '0-3/4');
    assert.equal(res.text, '');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await call('HEAD', 'wr_series?n=4', undefined, { prefer: 'count=exact' });
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('content-type'), JSON_TYPE);
    assert.equal(res.headers.get('content-range'), '0-3/4');
  });

  it('returns the OUT parameters of a function as one object', async () => {
    const res = await call('GET', 'wr_stats');
    assert.deepEqual(res.body, { n: 3, total: 600 });
  });

  it('answers a function with a single OUT parameter as an object named after it', async () => {
    const res = await call('GET', 'cf_single_out_param?num=5');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), JSON_TYPE);
    assert.equal(res.text, '{"num_plus_one":6}');
    assert.deepEqual((await call('POST', 'cf_single_out_param', { num: 5 })).body, { num_plus_one: 6 });
  });

  it('answers a single json OUT parameter as an object holding it', async () => {
    const res = await call('GET', 'cf_single_json_out_param?a=1&b=two');
    assert.deepEqual(res.body, { my_json: { a: 1, b: 'two' } });
  });

  it('answers a function returning a one-column table as an array of objects, filterable by the column', async () => {
    const res = await call('GET', 'cf_single_column_table_return');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, [{ a: 'A' }, { a: 'B' }]);
    assert.deepEqual((await call('GET', 'cf_single_column_table_return?a=eq.B')).body, [{ a: 'B' }]);
    assert.deepEqual((await call('GET', 'cf_single_column_table_return?select=x:a&order=a.desc')).body, [{ x: 'B' }, { x: 'A' }]);
  });

  it('answers a function returning a bare record as an object, and setof record as an array of objects', async () => {
    const one = await call('POST', 'cf_returns_record', '');
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, { id: 1, name: 'Ann' });
    const set = await call('POST', 'cf_returns_setof_record', '');
    assert.equal(set.status, 200);
    assert.equal(set.headers.get('content-range'), '0-1/*');
    assert.deepEqual(set.body, [{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }]);
  });

  it('passes a text/plain body to a function with one unnamed text parameter', async () => {
    const res = await api('/rest/v1/rpc/wr_shout', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(res.status, 200);
    assert.equal(await res.json(), 'HELLO!');
  });

  it('takes the arguments of an HTML form', async () => {
    const res = await api('/rest/v1/rpc/wr_add', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=4&b=5' });
    assert.equal(res.status, 200);
    assert.equal(await res.json(), 9);
  });

  it('answers one object for Accept: application/vnd.pgrst.object+json on a set of one row', async () => {
    const res = await call('GET', 'wr_items_under?max_cents=100&select=name', undefined, { accept: 'application/vnd.pgrst.object+json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.pgrst.object+json; charset=utf-8');
    assert.deepEqual(res.body, { name: 'Mug' });
    const many = await call('GET', 'wr_items_under', undefined, { accept: 'application/vnd.pgrst.object+json' });
    assert.equal(many.status, 406);
    assert.deepEqual(many.body, { code: 'PGRST116', details: 'The result contains 3 rows', hint: null, message: 'Cannot coerce the result to a single JSON object' });
  });

  it('refuses other methods with 405 PGRST101', async () => {
    const res = await api('/rest/v1/rpc/wr_add', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 405);
    assert.deepEqual(await res.json(), { code: 'PGRST101', details: null, hint: null, message: 'Cannot use the PATCH method on RPC' });
  });

  it('returns rows as CSV for Accept: text/csv', async () => {
    const res = await call('GET', 'wr_items_under?max_cents=200&select=id,name', undefined, { accept: 'text/csv' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.text, 'id,name\n1,Mug\n2,Cup');
  });

  it('takes the last of repeated parameters unless the parameter is variadic', async () => {
    assert.equal((await call('GET', 'wr_greet?name=ignored&name=Ann')).body, 'Hello, Ann!');
  });

  it('passes repeated fields of an HTML form to a variadic parameter', async () => {
    const res = await api('/rest/v1/rpc/wr_sum', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'nums=1&nums=2&nums=3' });
    assert.equal(await res.json(), 6);
  });

  it('passes the query string as one object with params=single-object on GET', async () => {
    const res = await call('GET', 'wr_keys?b=1&a=2', undefined, { prefer: 'params=single-object' });
    assert.deepEqual(res.body, ['a', 'b']);
  });

  it('takes only the keys named by columns= from a POST body', async () => {
    const res = await call('POST', 'wr_greet?columns=name', { name: 'Ann', smth: 'here', other: 1 });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'Hello, Ann!');
  });

  it('passes char and bit arguments whole (no one-character cast)', async () => {
    const chars = await call('GET', 'cf_char_param?char_=abcdefg&char_arr={abc,abcdefg}');
    assert.equal(chars.status, 200);
    assert.deepEqual(chars.body, [{ char_: 'abcdefg', char_arr: ['abc', 'abcdefg'] }]);
    const posted = await call('POST', 'cf_char_param', { char_: 'abcdefg', char_arr: '{abc,abcdefg}' });
    assert.deepEqual(posted.body, [{ char_: 'abcdefg', char_arr: ['abc', 'abcdefg'] }]);
    const bits = await call('GET', 'cf_bit_param?bit_=101010&bit_arr={101,101010}');
    assert.deepEqual(bits.body, [{ bit_: '101010', bit_arr: ['101', '101010'] }]);
  });

  it('takes the first object of an array body', async () => {
    const res = await call('POST', 'wr_add', [{ a: 1, b: 2 }, { a: 4, b: 6 }]);
    assert.equal(res.text, '3');
  });

  it('refuses Accept: text/plain (PostgREST 12 dropped raw scalar output)', async () => {
    const res = await api('/rest/v1/rpc/wr_greet?name=Ann', { headers: { accept: 'text/plain' } });
    assert.equal(res.status, 406);
    assert.deepEqual(await res.json(), { code: 'PGRST107', details: null, hint: null, message: 'None of these media types are available: text/plain' });
  });

  it('works through supabase-js rpc()', async () => {
    const client = supabase();
    const sum = await client.rpc('wr_add', { a: 20, b: 22 });
    assert.equal(sum.error, null);
    assert.equal(sum.data, 42);
    const rows = await client.rpc('wr_items_under', { max_cents: 150 }).select('name');
    assert.deepEqual(rows.data, [{ name: 'Mug' }]);
    const viaGet = await client.rpc('wr_series', { n: 2 }, { get: true });
    assert.deepEqual(viaGet.data, [1, 2]);
  });
});

describe('functions that refuse', () => {
  it('answers a plain raise with 400 and its detail and hint', async () => {
    const res = await call('POST', 'wr_fail', { reason: 'closed' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'P0001', details: 'the reason was given by the caller', hint: 'call it differently', message: 'refused: closed' });
  });

  it('rolls back what a failing function wrote', async () => {
    const res = await call('POST', 'wr_insert_then_fail', { name: 'Ghost' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: 'P0001', details: null, hint: null, message: 'rolled back' });
    assert.deepEqual(await sql(`select name from public.wr_items where name = 'Ghost'`), []);
  });

  it("answers raise sqlstate 'PGRST' with the status, headers and body it names", async () => {
    const res = await call('POST', 'wr_payment_required', {});
    assert.equal(res.status, 402);
    assert.equal(res.headers.get('x-comptoir-quota'), '0');
    assert.deepEqual(res.body, { code: 'CMP402', details: 'Quota exceeded', hint: 'Upgrade your plan', message: 'Payment required' });
  });

  it("uses the status_text of a raise sqlstate 'PGRST' as the reason phrase", async () => {
    const res = await api('/rest/v1/rpc/cf_raise_status_text');
    assert.equal(res.status, 332);
    assert.equal(res.statusText, 'My Custom Status');
    assert.equal(res.headers.get('x-header'), 'str');
    assert.deepEqual(await res.json(), { code: '123', message: 'ABC', details: 'DEF', hint: 'XYZ' });
  });

  it("answers a malformed raise sqlstate 'PGRST' with 500 PGRST121", async () => {
    const res = await call('POST', 'wr_bad_pgrst', {});
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, {
      code: 'PGRST121',
      details: "Invalid JSON value for MESSAGE: 'not json'",
      hint: "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.",
      message: `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`,
    });
  });

  it("answers raise sqlstate 'PTnnn' with status nnn", async () => {
    const res = await call('POST', 'wr_pt409', {});
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, { code: 'PT409', details: 'slot 3', hint: 'pick another slot', message: 'Already booked' });
  });

  it('passes on a bad argument value as 400', async () => {
    const res = await call('GET', 'wr_add?a=one&b=2');
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { code: '22P02', details: null, hint: null, message: 'invalid input syntax for type integer: "one"' });
  });
});

describe('functions that do not exist', () => {
  it('answers 404 PGRST202 for an unknown name', async () => {
    const res = await call('POST', 'zz_missing_function', {});
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, {
      code: 'PGRST202',
      details: 'Searched for the function public.zz_missing_function without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: null,
      message: 'Could not find the function public.zz_missing_function without parameters in the schema cache',
    });
  });

  it('hints at the closest name', async () => {
    const res = await call('GET', 'wr_greeet?name=x');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, {
      code: 'PGRST202',
      details: 'Searched for the function public.wr_greeet with parameter name, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.wr_greet',
      message: 'Could not find the function public.wr_greeet(name) in the schema cache',
    });
  });

  it('hints at the parameters of an existing function called with wrong ones', async () => {
    const res = await call('GET', 'wr_add?a=1&c=2');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, {
      code: 'PGRST202',
      details: 'Searched for the function public.wr_add with parameters a, c, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.wr_add(a, b)',
      message: 'Could not find the function public.wr_add(a, c) in the schema cache',
    });
  });

  it('does not ignore an unknown argument in a POST body', async () => {
    const res = await call('POST', 'wr_add', { a: 1, b: 2, c: 3 });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, {
      code: 'PGRST202',
      details: 'Searched for the function public.wr_add with parameters a, b, c or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.wr_add(a, b)',
      message: 'Could not find the function public.wr_add(a, b, c) in the schema cache',
    });
  });
});
