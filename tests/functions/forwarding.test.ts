// What reaches the function is what the caller sent: method, path (the function name first, as on
// Supabase), query, headers and the exact body bytes (webhook signatures depend on them); what
// comes back is what the function answered, with the platform's few rewrites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { FUNCTIONS_URL, anonClient } from '../helpers/env.ts';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

test('random bytes arrive unchanged (webhook-style raw body)', async () => {
  const body = randomBytes(64 * 1024 + 7);
  const response = await fetch(`${FUNCTIONS_URL}/echo`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });
  assert.equal(response.status, 200);
  const echoed = await response.json();
  assert.equal(echoed.length, body.length);
  assert.equal(echoed.sha256, sha256(body));
});

test('a JSON body with odd whitespace and a signature header arrives byte for byte', async () => {
  const body = '{ "type":"payment_intent.succeeded" ,\r\n\t"data" :{"amount":\t1999 }  }\n\n';
  const signature = 't=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd';
  const response = await fetch(`${FUNCTIONS_URL}/echo`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  });
  const echoed = await response.json();
  assert.equal(echoed.sha256, sha256(body));
  assert.equal(echoed.length, Buffer.byteLength(body));
  assert.equal(echoed.headers['stripe-signature'], signature);
});

test('a chunked request body (no content-length) arrives whole', async () => {
  const parts = [randomBytes(1000), randomBytes(30_000), randomBytes(5)];
  const echoed = await new Promise<any>((resolve, reject) => {
    const req = request(`${FUNCTIONS_URL}/echo`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
  // Framing is hop-by-hop: the body may be re-framed (as Kong/nginx do), its bytes may not change.
  assert.equal(echoed.length, 31_005);
  assert.equal(echoed.sha256, sha256(Buffer.concat(parts)));
});

test('method, path after /functions/v1, query and headers are forwarded', async () => {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    const response = await fetch(`${FUNCTIONS_URL}/echo/orders/42/lines%20x?status=paid&tag=a&tag=b`, {
      method,
      headers: { 'x-custom': 'Value With  Spaces', 'x-request-id': method },
    });
    assert.equal(response.status, 200);
    const echoed = await response.json();
    assert.equal(echoed.method, method);
    assert.equal(echoed.pathname, '/echo/orders/42/lines%20x');
    assert.equal(echoed.search, '?status=paid&tag=a&tag=b');
    assert.equal(echoed.headers['x-custom'], 'Value With  Spaces');
    assert.equal(echoed.headers['x-request-id'], method);
    assert.equal(echoed.headers.host, new URL(FUNCTIONS_URL).host);
  }
});

test('supabase-js invoke: JSON body, custom headers, and the parsed JSON answer', async () => {
  const { data, error } = await anonClient().functions.invoke('echo', { body: { name: 'Ada' }, headers: { 'x-custom': 'yes' } });
  assert.equal(error, null);
  assert.equal(data.method, 'POST');
  assert.equal(data.pathname, '/echo');
  assert.equal(data.headers['content-type'], 'application/json');
  assert.equal(data.headers['x-custom'], 'yes');
  assert.equal(data.sha256, sha256(JSON.stringify({ name: 'Ada' })));
});

test("the function's status and headers come back as it set them, without the gateway's CORS headers", async () => {
  const response = await fetch(`${FUNCTIONS_URL}/echo?_status=202`, { headers: { origin: 'http://shop.example' } });
  assert.equal(response.status, 202);
  assert.equal(response.headers.get('x-echo'), 'yes');
  assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  assert.equal(response.headers.get('sb-error-code'), null);
  await response.body?.cancel();
});

test('a 5xx answered by the function is tagged sb-error-code: EDGE_FUNCTION_ERROR, body untouched', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/echo?_status=503`);
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('sb-error-code'), 'EDGE_FUNCTION_ERROR');
  assert.equal((await response.json()).method, 'GET');
});

test('GET answered with text/html is served as text/plain, as on Supabase without a custom domain', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/echo?_html=1`);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(await response.text(), '<p>hi</p>');
});

test('methods other than GET, POST, PUT, PATCH, DELETE, OPTIONS: 405', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    request(`${FUNCTIONS_URL}/echo`, { method: 'PROPFIND' }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject).end();
  });
  assert.equal(status, 405);
});

test('several requests in flight to one function are served concurrently by one worker', async () => {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${FUNCTIONS_URL}/echo/${i}?_sleep=600`).then((r) => r.json())));
  const elapsed = Date.now() - started;
  assert.deepEqual(answers.map((a) => a.pathname), Array.from({ length: 12 }, (_, i) => `/echo/${i}`));
  assert.equal(new Set(answers.map((a) => a.pid)).size, 1, 'one Deno process served them all');
  assert.ok(elapsed < 12 * 600 / 2, `12 requests of 600 ms took ${elapsed} ms: not concurrent`);
});
