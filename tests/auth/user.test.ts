// GET and PUT /auth/v1/user: the signed-in user reads and changes their own record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { lastMailTo, mailsTo } from '../helpers/mailbox.ts';
import { auth, browser, claimsOf, linkIn, signUp, uniqueEmail } from './helpers.ts';

test('GET /user answers the caller', async () => {
  const { session, user } = await signUp({ display_name: 'Cid' });
  const res = await auth('/user', { token: session.access_token });
  assert.equal(res.status, 200);
  assert.equal(res.body.id, user.id);
  assert.equal(res.body.email, user.email);
  assert.equal(res.body.user_metadata.display_name, 'Cid');
  assert.equal('encrypted_password' in res.body, false);
  const { data, error } = await browser().auth.getUser(session.access_token);
  assert.equal(error, null);
  assert.equal(data.user?.id, user.id);
});

test('PUT /user merges user_metadata; null removes a key', async () => {
  const { session, user } = await signUp({ display_name: 'Dan', city: 'Lyon' });
  const res = await auth('/user', { method: 'PUT', token: session.access_token, body: { data: { city: null, plan: 'pro' } } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.user_metadata, { display_name: 'Dan', plan: 'pro', sub: user.id, email: user.email, email_verified: true, phone_verified: false });
  const [row] = await sql('select raw_user_meta_data from auth.users where id = $1', [user.id]);
  assert.deepEqual(row.raw_user_meta_data, res.body.user_metadata);
});

test('changing the password: the new one signs in, the old one no longer, other sessions end', async () => {
  const { email, password, session: other } = await signUp();
  const { data: signedIn } = await browser().auth.signInWithPassword({ email, password });
  const current = signedIn.session!;
  const res = await auth('/user', { method: 'PUT', token: current.access_token, body: { password: 'brand-new-pass-9' } });
  assert.equal(res.status, 200);

  const oldPassword = await auth('/token?grant_type=password', { body: { email, password } });
  assert.equal(oldPassword.body.code, 'invalid_credentials');
  const newPassword = await auth('/token?grant_type=password', { body: { email, password: 'brand-new-pass-9' } });
  assert.equal(newPassword.status, 200);

  assert.equal((await auth('/user', { token: current.access_token })).status, 200);
  const ended = await auth('/user', { token: other.access_token });
  assert.deepEqual([ended.status, ended.body], [403, { code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' }]);
  const refused = await auth('/token?grant_type=refresh_token', { body: { refresh_token: other.refresh_token } });
  assert.equal(refused.body.code, 'refresh_token_not_found');
});

test('password changes that GoTrue refuses', async () => {
  const { password, session } = await signUp();
  const same = await auth('/user', { method: 'PUT', token: session.access_token, body: { password } });
  assert.deepEqual([same.status, same.body], [422, { code: 'same_password', message: 'New password should be different from the old password.' }]);
  const weak = await auth('/user', { method: 'PUT', token: session.access_token, body: { password: 'abc' } });
  assert.deepEqual([weak.status, weak.body], [422, { code: 'weak_password', message: 'Password should be at least 6 characters.', weak_password: { reasons: ['length'] } }]);
  const appData = await auth('/user', { method: 'PUT', token: session.access_token, body: { app_metadata: { role: 'admin' } } });
  assert.deepEqual([appData.status, appData.body], [403, { code: 'not_admin', message: 'Updating app_metadata requires admin privileges' }]);
});

test('changing the e-mail needs both addresses to confirm (double_confirm_changes)', async () => {
  const { email, session, user } = await signUp();
  const taken = await signUp();
  const duplicate = await auth('/user', { method: 'PUT', token: session.access_token, body: { email: taken.email } });
  assert.deepEqual([duplicate.status, duplicate.body], [422, { code: 'email_exists', message: 'A user with this email address has already been registered' }]);

  const newEmail = uniqueEmail('moved');
  const res = await auth('/user', { method: 'PUT', token: session.access_token, body: { email: newEmail } });
  assert.equal(res.status, 200);
  assert.equal(res.body.email, email);
  assert.equal(res.body.new_email, newEmail);
  assert.ok(res.body.email_change_sent_at);

  const toNew = await lastMailTo(newEmail);
  const toCurrent = await lastMailTo(email);
  assert.equal(toNew.subject, 'Confirmez votre nouvelle adresse e-mail');
  assert.equal((await mailsTo(email)).filter((m) => m.subject === 'Confirmez votre nouvelle adresse e-mail').length, 1);
  for (const mail of [toNew, toCurrent]) assert.ok(mail.text.includes(`Pour remplacer ${email} par ${newEmail}, confirmez :`), mail.text);

  const first = await auth(`/verify?${linkIn(toNew).searchParams}`, { redirect: 'manual' });
  assert.equal(first.status, 303);
  const firstFragment = new URLSearchParams(new URL(first.headers.get('location')!).hash.slice(1));
  assert.equal(firstFragment.get('message'), 'Confirmation link accepted. Please proceed to confirm link sent to the other email');
  assert.equal((await sql('select email from auth.users where id = $1', [user.id]))[0].email, email);

  const link = linkIn(toCurrent);
  const second = await auth('/verify', { body: { type: 'email_change', token_hash: link.searchParams.get('token') } });
  assert.equal(second.status, 200);
  assert.equal(second.body.user.email, newEmail);
  assert.equal(second.body.user.new_email, undefined);
  const [identity] = await sql(`select identity_data ->> 'email' as email from auth.identities where user_id = $1`, [user.id]);
  assert.equal(identity.email, newEmail);
  assert.equal(claimsOf(second.body.access_token).email, newEmail);
});
