// Access tokens GoTrue refuses on /user: forged, expired, malformed, unsigned, without a sub,
// for a user or session that no longer exists, or with an audience the request does not accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signJwt, sql } from '../helpers/env.ts';
import { auth, claimsOf, signUp } from './helpers.ts';

const PREFIX = 'invalid JWT: unable to parse or verify signature, ';

test('a token signed with another secret is refused with 403 bad_jwt', async () => {
  const { session } = await signUp();
  const forged = await signJwt(claimsOf(session.access_token), { secret: 'someone-elses-secret-with-at-least-32-chars' });
  const res = await auth('/user', { token: forged });
  assert.deepEqual([res.status, res.body], [403, { code: 'bad_jwt', message: `${PREFIX}token signature is invalid: signature is invalid` }]);
  const legacy = await auth('/user', { token: forged, modern: false });
  assert.deepEqual(legacy.body, { code: 403, error_code: 'bad_jwt', msg: `${PREFIX}token signature is invalid: signature is invalid` });
});

test('an expired token is refused', async () => {
  const { session } = await signUp();
  const claims = claimsOf(session.access_token);
  const expired = await signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 });
  const res = await auth('/user', { token: expired });
  assert.deepEqual([res.status, res.body], [403, { code: 'bad_jwt', message: `${PREFIX}token has invalid claims: token is expired` }]);
});

test('malformed and unsigned tokens are refused', async () => {
  const malformed = await auth('/user', { token: 'not-a-jwt' });
  assert.deepEqual([malformed.status, malformed.body], [403, { code: 'bad_jwt', message: `${PREFIX}token is malformed: token contains an invalid number of segments` }]);
  const { session } = await signUp();
  const [, payload] = session.access_token.split('.');
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  const unsigned = await auth('/user', { token: none });
  assert.deepEqual([unsigned.status, unsigned.body], [403, { code: 'bad_jwt', message: `${PREFIX}token signature is invalid: signing method none is invalid` }]);
  const noBearer = await auth('/user', { headers: { authorization: `Token ${session.access_token}` } });
  assert.deepEqual([noBearer.status, noBearer.body], [401, { code: 'no_authorization', message: 'This endpoint requires a Bearer token' }]);
});

test('a validly signed token that names no user, a deleted user or an ended session is refused', async () => {
  const noSub = await auth('/user', { token: process.env.SUPABASE_ANON_KEY });
  assert.deepEqual([noSub.status, noSub.body], [403, { code: 'bad_jwt', message: 'invalid claim: missing sub claim' }]);
  const notUuid = await auth('/user', { token: await signJwt({ sub: 'alice', aud: 'authenticated', role: 'authenticated' }) });
  assert.deepEqual([notUuid.status, notUuid.body], [400, { code: 'bad_jwt', message: 'invalid claim: sub claim must be a UUID' }]);

  const { session, user } = await signUp();
  const endedSession = await signJwt({ ...claimsOf(session.access_token), session_id: crypto.randomUUID() });
  const ended = await auth('/user', { token: endedSession });
  assert.deepEqual([ended.status, ended.body], [403, { code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' }]);

  await sql('delete from auth.users where id = $1', [user.id]);
  const deleted = await auth('/user', { token: session.access_token });
  assert.deepEqual([deleted.status, deleted.body], [403, { code: 'user_not_found', message: 'User from sub claim in JWT does not exist' }]);
});

test('audience: a token without aud, or not the audience the request asks for, is refused', async () => {
  const { session } = await signUp();
  const { aud, ...claims } = claimsOf(session.access_token);
  assert.equal(aud, 'authenticated');
  const withoutAud = await auth('/user', { token: await signJwt(claims) });
  assert.deepEqual([withoutAud.status, withoutAud.body], [400, { code: 'validation_failed', message: "Token audience doesn't match request audience" }]);
  const otherAud = await signJwt({ ...claims, aud: 'someone-else' });
  const refused = await auth('/user', { token: otherAud, headers: { 'X-JWT-AUD': 'authenticated' } });
  assert.deepEqual([refused.status, refused.body], [400, { code: 'validation_failed', message: "Token audience doesn't match request audience" }]);
  const accepted = await auth('/user', { token: session.access_token, headers: { 'X-JWT-AUD': 'authenticated' } });
  assert.equal(accepted.status, 200);
});
