// One-time codes and magic links by e-mail: POST /otp, /magiclink, and /verify (POST with a code
// or token_hash, GET from the link with a 303 carrying the session or the error in the fragment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { emailJobsTo, inbox, lastMailTo, mailsTo } from '../helpers/mailbox.ts';
import { auth, browser, claimsOf, codeIn, linkIn, signUp, uniqueEmail } from './helpers.ts';

const SITE_URL = 'http://127.0.0.1:54323';

test('a code by e-mail signs an existing user in', async () => {
  const { email, user } = await signUp();
  const client = browser();
  const { error } = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  assert.equal(error, null);
  const mail = await lastMailTo(email);
  assert.equal(mail.subject, 'Votre lien de connexion');
  const { data, error: verifyError } = await client.auth.verifyOtp({ email, token: codeIn(mail), type: 'email' });
  assert.equal(verifyError, null);
  assert.equal(data.user?.id, user.id);
  assert.equal(claimsOf(data.session!.access_token).amr[0].method, 'otp');
  const used = await auth('/verify', { body: { type: 'email', email, token: codeIn(mail) } });
  assert.deepEqual([used.status, used.body], [403, { code: 'otp_expired', message: 'Token has expired or is invalid' }]);
});

test('signInWithOtp creates the user unless told not to', async () => {
  const email = uniqueEmail('otp-new');
  const { error } = await browser().auth.signInWithOtp({ email, options: { data: { display_name: 'Eve' } } });
  assert.equal(error, null);
  const [row] = await sql(`select raw_user_meta_data ->> 'display_name' as name, email_confirmed_at is not null as confirmed from auth.users where email = $1`, [email]);
  assert.deepEqual(row, { name: 'Eve', confirmed: true });
  const { data } = await browser().auth.verifyOtp({ email, token: codeIn(await lastMailTo(email)), type: 'email' });
  assert.equal(data.user?.email, email);

  const stranger = uniqueEmail('otp-stranger');
  const refused = await auth('/otp', { body: { email: stranger, create_user: false } });
  assert.deepEqual([refused.status, refused.body], [422, { code: 'otp_disabled', message: 'Signups not allowed for otp' }]);
  assert.deepEqual(await sql('select id from auth.users where email = $1', [stranger]), []);
  assert.deepEqual(await emailJobsTo(stranger), []);
  assert.deepEqual(await inbox(stranger), []);
});

test('a wrong or expired code is refused with 403 otp_expired', async () => {
  const { email, user } = await signUp();
  assert.equal((await auth('/otp', { body: { email } })).status, 200);
  const code = codeIn(await lastMailTo(email));
  const wrong = code === '000000' ? '111111' : '000000';
  const bad = await auth('/verify', { body: { type: 'email', email, token: wrong } });
  assert.deepEqual([bad.status, bad.body], [403, { code: 'otp_expired', message: 'Token has expired or is invalid' }]);
  await sql(`update auth.users set recovery_sent_at = now() - interval '3601 seconds' where id = $1`, [user.id]);
  const late = await auth('/verify', { body: { type: 'email', email, token: code } });
  assert.deepEqual([late.status, late.body], [403, { code: 'otp_expired', message: 'Token has expired or is invalid' }]);
  const { error } = await browser().auth.verifyOtp({ email, token: code, type: 'email' });
  assert.equal(error?.code, 'otp_expired');
});

test('the magic link redirects with the session in the fragment, once', async () => {
  const { email, user } = await signUp();
  const { error } = await browser().auth.signInWithOtp({ email, options: { emailRedirectTo: `${SITE_URL}/orders` } });
  assert.equal(error, null);
  const link = linkIn(await lastMailTo(email));
  assert.equal(`${link.origin}${link.pathname}`, `${process.env.SUPABASE_URL}/auth/v1/verify`);
  assert.equal(link.searchParams.get('type'), 'magiclink');
  assert.equal(link.searchParams.get('redirect_to'), `${SITE_URL}/orders`);
  assert.match(link.searchParams.get('token')!, /^[0-9a-f]{56}$/);

  // Opened from the e-mail: no apikey.
  const opened = await fetch(link, { redirect: 'manual' });
  assert.equal(opened.status, 303);
  const location = new URL(opened.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, `${SITE_URL}/orders`);
  const fragment = new URLSearchParams(location.hash.slice(1));
  assert.deepEqual([...fragment.keys()], ['access_token', 'expires_at', 'expires_in', 'refresh_token', 'token_type', 'type']);
  assert.equal(fragment.get('type'), 'magiclink');
  assert.equal(fragment.get('token_type'), 'bearer');
  assert.equal(fragment.get('expires_in'), '3600');
  assert.equal(claimsOf(fragment.get('access_token')!).sub, user.id);
  const me = await auth('/user', { token: fragment.get('access_token')! });
  assert.equal(me.body.id, user.id);

  const again = await fetch(link, { redirect: 'manual' });
  assert.equal(again.status, 303);
  const failed = new URL(again.headers.get('location')!);
  assert.equal(`${failed.origin}${failed.pathname}`, `${SITE_URL}/orders`);
  assert.equal(failed.hash, '#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired');
});

test('a redirect outside site_url and additional_redirect_urls falls back to site_url', async () => {
  const { email } = await signUp();
  assert.equal((await auth('/magiclink?redirect_to=https%3A%2F%2Fevil.example%2Fsteal', { body: { email } })).status, 200);
  const link = linkIn(await lastMailTo(email));
  assert.equal(link.searchParams.get('redirect_to'), SITE_URL);
  const opened = await fetch(`${process.env.SUPABASE_URL}/auth/v1/verify?token=${link.searchParams.get('token')}&type=magiclink&redirect_to=https%3A%2F%2Fevil.example%2F`, { redirect: 'manual' });
  assert.equal(new URL(opened.headers.get('location')!).origin, SITE_URL);
});

test('token_hash verification (verifyOtp with token_hash) opens a session', async () => {
  const { email, user } = await signUp();
  await auth('/otp', { body: { email } });
  const hash = linkIn(await lastMailTo(email)).searchParams.get('token')!;
  const { data, error } = await browser().auth.verifyOtp({ token_hash: hash, type: 'magiclink' });
  assert.equal(error, null);
  assert.equal(data.user?.id, user.id);
});

test('another e-mail to the same address within max_frequency is refused with 429', async () => {
  const { email } = await signUp();
  assert.equal((await auth('/otp', { body: { email } })).status, 200);
  const again = await auth('/otp', { body: { email } });
  assert.equal(again.status, 429);
  assert.equal(again.body.code, 'over_email_send_rate_limit');
  // GoTrue counts the whole seconds left of max_frequency (1s here): 0, or 1 within the same millisecond.
  assert.match(again.body.message, /^For security purposes, you can only request this after [01] seconds\.$/);
  assert.equal((await emailJobsTo(email)).length, 1);
  assert.equal((await mailsTo(email)).length, 1);
});

test('/verify refuses malformed requests with GoTrue\'s messages', async () => {
  const noType = await auth('/verify', { body: { token: '123456', email: uniqueEmail() } });
  assert.deepEqual([noType.status, noType.body], [400, { code: 'validation_failed', message: 'Verify requires a verification type' }]);
  const both = await auth('/verify', { body: { type: 'email', token: '1', token_hash: 'x' } });
  assert.deepEqual([both.status, both.body], [400, { code: 'validation_failed', message: 'Verify requires either a token or a token hash' }]);
  const extra = await auth('/verify', { body: { type: 'magiclink', token_hash: 'abc', email: uniqueEmail() } });
  assert.deepEqual([extra.status, extra.body], [400, { code: 'validation_failed', message: 'Only the token_hash and type should be provided' }]);
  const unknownHash = await auth('/verify', { body: { type: 'magiclink', token_hash: 'abc' } });
  assert.deepEqual([unknownHash.status, unknownHash.body], [403, { code: 'otp_expired', message: 'Email link is invalid or has expired' }]);
  const getNoToken = await auth('/verify?type=magiclink');
  assert.deepEqual([getNoToken.status, getNoToken.body], [400, { code: 'validation_failed', message: 'Verify requires a token or a token hash' }]);
});
