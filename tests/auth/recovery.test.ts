// Password recovery: POST /recover, then /verify type=recovery, then PUT /user with the new password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emailJobsTo, inbox, lastMailTo } from '../helpers/mailbox.ts';
import { auth, browser, codeIn, linkIn, signUp, uniqueEmail } from './helpers.ts';

test('recover, verify the code, set a new password, sign in with it', async () => {
  const { email, password, user } = await signUp();
  const client = browser();
  const { error } = await client.auth.resetPasswordForEmail(email, { redirectTo: 'http://127.0.0.1:54323/reset' });
  assert.equal(error, null);
  const mail = await lastMailTo(email);
  assert.equal(mail.subject, 'Réinitialisez votre mot de passe');
  const link = linkIn(mail);
  assert.equal(link.searchParams.get('type'), 'recovery');
  assert.equal(link.searchParams.get('redirect_to'), 'http://127.0.0.1:54323/reset');

  const { data, error: verifyError } = await client.auth.verifyOtp({ email, token: codeIn(mail), type: 'recovery' });
  assert.equal(verifyError, null);
  assert.equal(data.user?.id, user.id);
  const { error: updateError } = await client.auth.updateUser({ password: 'recovered-pass-7' });
  assert.equal(updateError, null);

  const old = await auth('/token?grant_type=password', { body: { email, password } });
  assert.equal(old.body.code, 'invalid_credentials');
  const { data: signedIn, error: signInError } = await browser().auth.signInWithPassword({ email, password: 'recovered-pass-7' });
  assert.equal(signInError, null);
  assert.equal(signedIn.user.id, user.id);
});

test('the recovery link redirects with type=recovery, and is single-use', async () => {
  const { email } = await signUp();
  assert.equal((await auth('/recover', { body: { email } })).status, 200);
  const mail = await lastMailTo(email);
  const link = linkIn(mail);
  const opened = await fetch(link, { redirect: 'manual' });
  const fragment = new URLSearchParams(new URL(opened.headers.get('location')!).hash.slice(1));
  assert.equal(fragment.get('type'), 'recovery');
  assert.ok(fragment.get('access_token'));
  const code = await auth('/verify', { body: { type: 'recovery', email, token: codeIn(mail) } });
  assert.deepEqual([code.status, code.body], [403, { code: 'otp_expired', message: 'Token has expired or is invalid' }]);
});

test('an unknown address gets the same 200 and no e-mail', async () => {
  const email = uniqueEmail('nobody');
  const res = await auth('/recover', { body: { email } });
  assert.deepEqual([res.status, res.body], [200, {}]);
  assert.deepEqual(await emailJobsTo(email), []);
  assert.deepEqual(await inbox(email), []);
  const missing = await auth('/recover', { body: {} });
  assert.deepEqual([missing.status, missing.body], [400, { code: 'validation_failed', message: 'Password recovery requires an email' }]);
});
