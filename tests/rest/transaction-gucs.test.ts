// Each request runs in one transaction as the JWT's role, with PostgREST's request GUCs, and
// response.status / response.headers set by SQL shape the response; nothing leaks between requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { signJwt } from '../helpers/env.ts';

test('anonymous requests run as anon with its role settings, read only', async () => {
  const r = await get('/request_info?select=role,method,path,search_path,statement_timeout,read_only', {});
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{
    role: 'anon', method: 'GET', path: '/request_info', search_path: '"public", "public", "extensions"', statement_timeout: '3s', read_only: 'on',
  }]);
});

test('request.headers (lower-cased) and request.cookies', async () => {
  const r = await get('/request_info?select=x_test,cookies', { 'X-Test': 'hello', Cookie: 'a=1; session=two' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ x_test: 'hello', cookies: { a: '1', session: 'two' } }]);
});

test('a JWT switches the role and exposes all its claims', async () => {
  const token = await signJwt({ role: 'authenticated', sub: '00000000-0000-0000-0000-00000000000a', email: 'a@example.com', app_metadata: { tier: 'gold' } });
  const r = await get('/request_info?select=role,claims,statement_timeout', { Authorization: `Bearer ${token}` });
  assert.equal(r.status, 200);
  const [row] = r.body;
  assert.equal(row.role, 'authenticated');
  assert.equal(row.statement_timeout, '8s');
  assert.equal(row.claims.sub, '00000000-0000-0000-0000-00000000000a');
  assert.equal(row.claims.email, 'a@example.com');
  assert.deepEqual(row.claims.app_metadata, { tier: 'gold' });
  assert.equal(row.claims.role, 'authenticated');
});

test('RLS sees auth.uid() from the claims', async () => {
  const a = await signJwt({ role: 'authenticated', sub: '00000000-0000-0000-0000-00000000000a' });
  const r = await get('/fx_notes?select=id,body', { Authorization: `Bearer ${a}` });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1, body: 'note of A' }]);
  const anon = await get('/fx_notes');
  assert.equal(anon.status, 200);
  assert.deepEqual(anon.body, []);
});

test('no privilege: 401 for anon, 403 for a signed-in role', async () => {
  const anon = await get('/fx_secrets');
  assert.equal(anon.status, 401);
  assert.deepEqual(anon.body, { code: '42501', details: null, hint: null, message: 'permission denied for table fx_secrets' });
  const token = await signJwt({ role: 'authenticated', sub: '00000000-0000-0000-0000-00000000000a' });
  const authed = await get('/fx_secrets', { Authorization: `Bearer ${token}` });
  assert.equal(authed.status, 403);
  assert.deepEqual(authed.body, { code: '42501', details: null, hint: null, message: 'permission denied for table fx_secrets' });
});

test('the service role bypasses RLS', async () => {
  const token = await signJwt({ role: 'service_role' });
  const r = await get('/fx_notes?select=id&order=id', { Authorization: `Bearer ${token}` });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, [{ id: 1 }, { id: 2 }]);
});

test('a JWT role that does not exist is a 401', async () => {
  const token = await signJwt({ role: 'nobody_here' });
  const r = await get('/fx_suppliers', { Authorization: `Bearer ${token}` });
  assert.equal(r.status, 401);
  assert.deepEqual(r.body, { code: '22023', details: null, hint: null, message: 'role "nobody_here" does not exist' });
});

test('response.status and response.headers set by SQL shape the response', async () => {
  const r = await get('/fx_teapot?select=status');
  assert.equal(r.status, 418);
  assert.equal(r.headers.get('x-teapot'), 'short and stout');
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assert.deepEqual(r.body, [{ status: '418' }]);
});

test('a header named twice in response.headers is sent twice', async () => {
  const r = await get('/rpc/cf_set_cookie_twice');
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('content-type'), null);
  assert.deepEqual(r.headers.getSetCookie(), ['sessionid=38afes7a8; HttpOnly; Path=/', 'id=a3fWa; Secure; HttpOnly']);
});

test('an invalid response.headers is a 500 PGRST111', async () => {
  const r = await get('/bad_headers');
  assert.equal(r.status, 500);
  assert.deepEqual(r.body, {
    code: 'PGRST111',
    details: null,
    hint: null,
    message: 'response.headers guc must be a JSON array composed of objects with a single key and a string value',
  });
});

test('a response.headers entry HTTP cannot carry (name with a space, value with a line break) is a 500 PGRST111', async () => {
  for (const view of ['/bad_header_name', '/bad_header_value']) {
    const r = await get(view);
    assert.equal(r.status, 500, view);
    assert.equal(r.headers.get('set-cookie'), null);
    assert.equal(r.body.code, 'PGRST111', view);
  }
});

test('settings do not leak to the next request on a pooled connection', async () => {
  const token = await signJwt({ role: 'service_role' });
  for (let i = 0; i < 25; i++) {
    await get('/fx_teapot', { Authorization: `Bearer ${token}` });
    const r = await get('/request_info?select=role,response_status,x_test');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, [{ role: 'anon', response_status: '', x_test: null }]);
  }
});

test('concurrent requests each see their own role', async () => {
  const token = await signJwt({ role: 'authenticated', sub: '00000000-0000-0000-0000-00000000000b' });
  const replies = await Promise.all(
    Array.from({ length: 30 }, (_, i) => get('/request_info?select=role', i % 2 ? { Authorization: `Bearer ${token}` } : {})),
  );
  replies.forEach((r, i) => assert.deepEqual(r.body, [{ role: i % 2 ? 'authenticated' : 'anon' }]));
});
