// verify_jwt (on by default): the platform refuses calls without a valid JWT before the function
// runs, with the status, body and sb-error-code header of hosted Supabase; valid tokens (the anon
// key, a signed-in user's access token) reach the function unchanged. With verify_jwt = false, no
// token is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { ANON_KEY, FUNCTIONS_URL, anonClient, signJwt } from '../helpers/env.ts';

async function expectRefused(headers: Record<string, string>, code: string, message: string) {
  const response = await fetch(`${FUNCTIONS_URL}/whoami`, { headers });
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('sb-error-code'), code);
  assert.equal(response.headers.get('access-control-allow-origin'), null, 'platform errors carry no CORS headers');
  assert.deepEqual(await response.json(), { code, message });
}

test('no Authorization header: 401 UNAUTHORIZED_NO_AUTH_HEADER', async () => {
  await expectRefused({}, 'UNAUTHORIZED_NO_AUTH_HEADER', 'Missing authorization header');
  // The apikey header alone is not enough.
  await expectRefused({ apikey: ANON_KEY }, 'UNAUTHORIZED_NO_AUTH_HEADER', 'Missing authorization header');
});

test('an Authorization header that is not "Bearer <token>": 401 UNAUTHORIZED_INVALID_JWT_FORMAT', async () => {
  await expectRefused({ Authorization: `Basic ${ANON_KEY}` }, 'UNAUTHORIZED_INVALID_JWT_FORMAT', "Auth header is not 'Bearer {token}'");
  await expectRefused({ Authorization: 'Bearer not-a-jwt' }, 'UNAUTHORIZED_INVALID_JWT_FORMAT', 'Invalid JWT');
});

test('a token signed with another secret: 401 UNAUTHORIZED_LEGACY_JWT', async () => {
  const forged = await signJwt({ role: 'service_role' }, { secret: 'another-secret-another-secret-another-secret' });
  await expectRefused({ Authorization: `Bearer ${forged}` }, 'UNAUTHORIZED_LEGACY_JWT', 'Invalid JWT');
});

test('an expired token: 401 UNAUTHORIZED_LEGACY_JWT', async () => {
  const expired = await signJwt({ role: 'authenticated', sub: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) - 60 });
  await expectRefused({ Authorization: `Bearer ${expired}` }, 'UNAUTHORIZED_LEGACY_JWT', 'Invalid JWT');
});

test('a token with an algorithm the platform does not take: 401 UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM', async () => {
  const hs512 = await new SignJWT({ role: 'anon' })
    .setProtectedHeader({ alg: 'HS512' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('super-secret-jwt-token-with-at-least-32-characters-long-and-more-for-512'));
  await expectRefused({ Authorization: `Bearer ${hs512}` }, 'UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM', 'Unsupported JWT algorithm HS512');
});

test('the anon key is a valid JWT', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/whoami`, { headers: { Authorization: `Bearer ${ANON_KEY}` } });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { claims: { iss: 'supabase-demo', role: 'anon', exp: 1983812996 } });
});

test("a signed-in user's token is accepted, and the function sees it", async () => {
  const email = `fn-${crypto.randomUUID()}@example.com`;
  const { data, error } = await anonClient().auth.signUp({ email, password: 'correct horse battery' });
  assert.equal(error, null);
  const user = anonClient(data.session!.access_token);
  const result = await user.functions.invoke('whoami', { method: 'GET' });
  assert.equal(result.error, null);
  assert.equal(result.data.claims.sub, data.user!.id);
  assert.equal(result.data.claims.role, 'authenticated');
  assert.equal(result.data.claims.email, email);
});

test('supabase-js gets a FunctionsHttpError with the 401 response when refused', async () => {
  const forged = await signJwt({ role: 'anon' }, { secret: 'another-secret-another-secret-another-secret' });
  const { data, error } = await anonClient(forged).functions.invoke('whoami');
  assert.equal(data, null);
  assert.equal(error?.name, 'FunctionsHttpError');
  assert.equal(error.context.status, 401);
  assert.deepEqual(await error.context.json(), { code: 'UNAUTHORIZED_LEGACY_JWT', message: 'Invalid JWT' });
});

test('verify_jwt = false: no token needed, and a bad one is passed through to the function', async () => {
  const plain = await fetch(`${FUNCTIONS_URL}/echo`);
  assert.equal(plain.status, 200);
  const withBadToken = await fetch(`${FUNCTIONS_URL}/echo`, { headers: { Authorization: 'Bearer whatever' } });
  assert.equal(withBadToken.status, 200);
  assert.equal((await withBadToken.json()).headers.authorization, 'Bearer whatever');
});

test('OPTIONS requests skip the JWT check and reach the function', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/whoami`, { method: 'OPTIONS' });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { claims: null });
});
