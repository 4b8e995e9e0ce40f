// functions/health: public (verify_jwt = false), answers { status: "ok", time }, and with ?db=1
// proves it reaches the REST API through supabase-js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS_URL, anonClient } from '../helpers/env.ts';

test('GET /functions/v1/health without any key: 200 { status: "ok", time }', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/health`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  const body = await response.json();
  assert.deepEqual(Object.keys(body), ['status', 'time']);
  assert.equal(body.status, 'ok');
  assert.ok(Math.abs(Date.parse(body.time) - Date.now()) < 60_000, `time ${body.time} is now`);
});

test('?db=1 reaches the REST API through supabase-js', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/health?db=1`);
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.db.reachable, true);
});

test('the CORS preflight is answered by the function with its headers', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/health`, { method: 'OPTIONS' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization, x-client-info, apikey, content-type/);
  assert.equal(await response.text(), 'ok');
});

test('supabase-js invoke works too', async () => {
  const { data, error } = await anonClient().functions.invoke('health', { method: 'GET' });
  assert.equal(error, null);
  assert.equal(data.status, 'ok');
});
