// POST /auth/v1/logout?scope=global|local|others: which sessions end, and what is refused after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auth, browser, signUp } from './helpers.ts';

async function threeSessions() {
  const { email, password, session: a } = await signUp();
  const b = (await browser().auth.signInWithPassword({ email, password })).data.session!;
  const c = (await browser().auth.signInWithPassword({ email, password })).data.session!;
  return [a, b, c];
}

const alive = async (token: string) => (await auth('/user', { token })).status === 200;

test('scope=local ends only the caller\'s session', async () => {
  const [a, b, c] = await threeSessions();
  const res = await auth('/logout?scope=local', { method: 'POST', token: a.access_token });
  assert.equal(res.status, 204);
  assert.equal(res.body, null);
  assert.deepEqual([await alive(a.access_token), await alive(b.access_token), await alive(c.access_token)], [false, true, true]);
});

test('scope=others ends every session but the caller\'s', async () => {
  const [a, b, c] = await threeSessions();
  assert.equal((await auth('/logout?scope=others', { method: 'POST', token: a.access_token })).status, 204);
  assert.deepEqual([await alive(a.access_token), await alive(b.access_token), await alive(c.access_token)], [true, false, false]);
});

test('global (the default) ends them all; the access token is then refused as session_not_found', async () => {
  const [a, b, c] = await threeSessions();
  const client = browser();
  await client.auth.setSession({ access_token: a.access_token, refresh_token: a.refresh_token });
  const { error } = await client.auth.signOut();
  assert.equal(error, null);
  assert.deepEqual([await alive(a.access_token), await alive(b.access_token), await alive(c.access_token)], [false, false, false]);
  const res = await auth('/user', { token: b.access_token });
  assert.deepEqual([res.status, res.body], [403, { code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' }]);
  const { error: getUserError } = await browser().auth.getUser(b.access_token);
  assert.equal(getUserError?.name, 'AuthSessionMissingError');
});

test('logout refuses an unknown scope and a missing token', async () => {
  const { session } = await signUp();
  const scope = await auth('/logout?scope=everywhere', { method: 'POST', token: session.access_token });
  assert.deepEqual([scope.status, scope.body], [400, { code: 'validation_failed', message: 'Unsupported logout scope "everywhere"' }]);
  assert.equal(await alive(session.access_token), true);
  const anonymous = await auth('/logout', { method: 'POST' });
  assert.deepEqual([anonymous.status, anonymous.body], [401, { code: 'no_authorization', message: 'This endpoint requires a Bearer token' }]);
});
