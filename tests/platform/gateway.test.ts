// The gateway refuses requests without a valid apikey as Supabase does, and answers CORS preflights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANON_KEY, SUPABASE_URL, api } from '../helpers/env.ts';

test('a request without apikey is refused with 401', async () => {
  const response = await fetch(`${SUPABASE_URL}/rest/v1/`);
  assert.equal(response.status, 401);
  assert.deepEqual(await response.json(), {
    message: 'No API key found in request',
    hint: 'No `apikey` request header or url param was found.',
  });
});

test('a request with an unknown apikey is refused with 401', async () => {
  const response = await api('/rest/v1/', { headers: { apikey: 'not-a-key' } });
  assert.equal(response.status, 401);
  assert.deepEqual(await response.json(), {
    message: 'Invalid API key',
    hint: 'Double check your Supabase `anon` or `service_role` API key.',
  });
});

test('the apikey may come as a query parameter', async () => {
  const response = await fetch(`${SUPABASE_URL}/rest/v1/?apikey=${ANON_KEY}`);
  assert.notEqual(response.status, 401);
  await response.body?.cancel();
});

test('an unknown path answers 404 like Kong', async () => {
  const response = await api('/nothing/here');
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), { message: 'no Route matched with those values' });
});

test('a CORS preflight is answered without apikey, echoing the origin and requested headers', async () => {
  const response = await fetch(`${SUPABASE_URL}/rest/v1/fx_products`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://shop.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, apikey, content-type, prefer',
    },
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), 'http://shop.example');
  assert.equal(response.headers.get('access-control-allow-headers'), 'authorization, apikey, content-type, prefer');
  assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
});
