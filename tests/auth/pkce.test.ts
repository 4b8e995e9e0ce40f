// The PKCE flow (supabase-js with flowType 'pkce'): links carry a pkce_ token, /verify redirects
// with ?code=, and POST /token?grant_type=pkce exchanges it when the code_verifier matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastMailTo } from '../helpers/mailbox.ts';
import { auth, browser, linkIn, signUp, uniqueEmail } from './helpers.ts';

async function codeFromLink(email: string): Promise<string> {
  const link = linkIn(await lastMailTo(email));
  assert.match(link.searchParams.get('token')!, /^pkce_[0-9a-f]{56}$/);
  const opened = await fetch(link, { redirect: 'manual' });
  assert.equal(opened.status, 303);
  const location = new URL(opened.headers.get('location')!);
  assert.equal(location.hash, '');
  return location.searchParams.get('code')!;
}

test('a magic link in a PKCE flow redirects with a code that exchanges for a session, once', async () => {
  const { email, user } = await signUp();
  const client = browser(undefined, 'pkce');
  const { error } = await client.auth.signInWithOtp({ email, options: { emailRedirectTo: 'http://127.0.0.1:54323/callback' } });
  assert.equal(error, null);
  const code = await codeFromLink(email);
  assert.ok(code);
  const { data, error: exchangeError } = await client.auth.exchangeCodeForSession(code);
  assert.equal(exchangeError, null);
  assert.equal(data.user?.id, user.id);
  assert.ok(data.session?.access_token);
  const again = await auth('/token?grant_type=pkce', { body: { auth_code: code, code_verifier: 'x'.repeat(43) } });
  assert.deepEqual([again.status, again.body], [404, { code: 'flow_state_not_found', message: 'invalid flow state, no valid flow state found' }]);
});

test('recovery in a PKCE flow, and a wrong code_verifier refused', async () => {
  const { email } = await signUp();
  const client = browser(undefined, 'pkce');
  await client.auth.resetPasswordForEmail(email);
  const code = await codeFromLink(email);
  const wrong = await auth('/token?grant_type=pkce', { body: { auth_code: code, code_verifier: 'y'.repeat(43) } });
  assert.deepEqual([wrong.status, wrong.body], [400, { code: 'bad_code_verifier', message: 'code challenge does not match previously saved code verifier' }]);
  const { data, error } = await client.auth.exchangeCodeForSession(code);
  assert.equal(error, null);
  assert.equal(data.user?.email, email);
});

test('PKCE parameters are checked', async () => {
  const half = await auth('/otp', { body: { email: uniqueEmail(), code_challenge: 'a'.repeat(43) } });
  assert.deepEqual([half.status, half.body], [400, { code: 'validation_failed', message: 'PKCE flow requires code_challenge_method and code_challenge' }]);
  const empty = await auth('/token?grant_type=pkce', { body: {} });
  assert.deepEqual([empty.status, empty.body], [400, { code: 'validation_failed', message: 'invalid request: both auth code and code verifier should be non-empty' }]);
});
