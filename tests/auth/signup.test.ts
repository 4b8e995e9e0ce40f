// POST /auth/v1/signup: e-mail sign-up with user metadata, the refusals GoTrue answers, and the
// trigger on auth.users running in the sign-up's transaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { lastMailTo } from '../helpers/mailbox.ts';
import { auth, browser, claimsOf, codeIn, linkIn, startIsolatedAuth, uniqueEmail } from './helpers.ts';

test('sign-up with metadata answers a session and a GoTrue user', async () => {
  const email = uniqueEmail('signup');
  const { data, error } = await browser().auth.signUp({ email, password: 'correct-horse-1', options: { data: { display_name: 'Ann', plan: 'pro' } } });
  assert.equal(error, null);
  const { session, user } = data;
  assert.ok(session && user);
  assert.equal(session.token_type, 'bearer');
  assert.equal(session.expires_in, 3600);
  assert.match(session.refresh_token, /^[a-z0-9]{12}$/);
  assert.equal(user.email, email);
  assert.equal(user.aud, 'authenticated');
  assert.equal(user.role, 'authenticated');
  assert.deepEqual(user.app_metadata, { provider: 'email', providers: ['email'] });
  assert.deepEqual(user.user_metadata, { display_name: 'Ann', plan: 'pro', sub: user.id, email, email_verified: true, phone_verified: false });
  assert.equal(user.identities?.length, 1);
  assert.equal(user.identities![0].provider, 'email');
  assert.equal(user.identities![0].id, user.id);
  assert.ok(user.email_confirmed_at && user.last_sign_in_at && user.created_at);
  assert.equal(user.is_anonymous, false);

  const claims = claimsOf(session.access_token);
  assert.equal(claims.iss, `${process.env.SUPABASE_URL}/auth/v1`);
  assert.equal(claims.sub, user.id);
  assert.equal(claims.aud, 'authenticated');
  assert.equal(claims.role, 'authenticated');
  assert.equal(claims.email, email);
  assert.equal(claims.phone, '');
  assert.equal(claims.exp - claims.iat, 3600);
  assert.equal(claims.aal, 'aal1');
  assert.equal(claims.amr[0].method, 'password');
  assert.equal(claims.is_anonymous, false);
  assert.deepEqual(claims.app_metadata, { provider: 'email', providers: ['email'] });
  assert.equal(claims.user_metadata.display_name, 'Ann');
  const [stored] = await sql('select u.encrypted_password, s.id::text as session_id from auth.users u join auth.sessions s on s.user_id = u.id where u.id = $1', [user.id]);
  assert.equal(stored.session_id, claims.session_id);
  assert.match(stored.encrypted_password, /^\$2a\$10\$/);
});

test('a trigger on auth.users sees the sign-up and writes in the same transaction', async () => {
  const email = uniqueEmail('trigger');
  const { data, error } = await browser().auth.signUp({ email, password: 'correct-horse-1', options: { data: { display_name: 'Bea' } } });
  assert.equal(error, null);
  const rows = await sql('select display_name, email from public.auth_fx_profiles where id = $1', [data.user!.id]);
  assert.deepEqual(rows, [{ display_name: 'Bea', email }]);
});

test('a failing trigger fails the sign-up cleanly with 500 "Database error saving new user"', async () => {
  const email = uniqueEmail('trigger-fail');
  const res = await auth('/signup', { body: { email, password: 'correct-horse-1', data: { display_name: 'fail-the-trigger' } } });
  assert.equal(res.status, 500);
  assert.deepEqual(res.body, { code: 'unexpected_failure', message: 'Database error saving new user' });
  assert.deepEqual(await sql('select id from auth.users where email = $1', [email]), []);
  assert.deepEqual(await sql('select id from auth.identities where email = $1', [email]), []);
});

test('an address already registered is refused with 422 user_already_exists, in both error shapes', async () => {
  const email = uniqueEmail('dup');
  assert.equal((await auth('/signup', { body: { email, password: 'correct-horse-1' } })).status, 200);
  const modern = await auth('/signup', { body: { email: email.toUpperCase(), password: 'another-pass-2' } });
  assert.equal(modern.status, 422);
  assert.equal(modern.headers.get('x-supabase-api-version'), '2024-01-01');
  assert.deepEqual(modern.body, { code: 'user_already_exists', message: 'User already registered' });
  const legacy = await auth('/signup', { body: { email, password: 'another-pass-2' }, modern: false });
  assert.equal(legacy.status, 422);
  assert.equal(legacy.headers.get('x-supabase-api-version'), null);
  assert.deepEqual(legacy.body, { code: 422, error_code: 'user_already_exists', msg: 'User already registered' });
  const { error } = await browser().auth.signUp({ email, password: 'another-pass-2' });
  assert.equal(error?.status, 422);
  assert.equal(error?.code, 'user_already_exists');
  assert.equal((await sql('select count(*)::int as n from auth.users where email = $1', [email]))[0].n, 1);
});

test('a weak password is refused with 422 weak_password and its reasons', async () => {
  const email = uniqueEmail('weak');
  const res = await auth('/signup', { body: { email, password: '12345' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.body, { code: 'weak_password', message: 'Password should be at least 6 characters.', weak_password: { reasons: ['length'] } });
  const { error } = await browser().auth.signUp({ email, password: '12345' });
  assert.equal(error?.name, 'AuthWeakPasswordError');
  assert.deepEqual((error as any).reasons, ['length']);
  assert.deepEqual(await sql('select id from auth.users where email = $1', [email]), []);
});

test('bad input gets GoTrue\'s 400s', async () => {
  const noPassword = await auth('/signup', { body: { email: uniqueEmail() } });
  assert.deepEqual([noPassword.status, noPassword.body], [400, { code: 'validation_failed', message: 'Signup requires a valid password' }]);
  const badEmail = await auth('/signup', { body: { email: 'not-an-address', password: 'correct-horse-1' } });
  assert.deepEqual([badEmail.status, badEmail.body], [400, { code: 'validation_failed', message: 'Unable to validate email address: invalid format' }]);
  const wrongType = await auth('/signup', { body: { email: 42, password: 'correct-horse-1' } });
  assert.equal(wrongType.status, 400);
  assert.deepEqual(wrongType.body, { code: 'bad_json', message: 'Could not parse request body as JSON: email must be a string' });
  const nothing = await auth('/signup', { body: { password: 'correct-horse-1' } });
  assert.deepEqual([nothing.status, nothing.body], [422, { code: 'anonymous_provider_disabled', message: 'Anonymous sign-ins are disabled' }]);
});

test('with enable_signup off, sign-up is refused with 422 signup_disabled', async () => {
  const isolated = await startIsolatedAuth((c) => { c.auth.enable_signup = false; });
  try {
    const email = uniqueEmail('closed');
    const res = await auth('/signup', { baseUrl: isolated.url, body: { email, password: 'correct-horse-1' } });
    assert.deepEqual([res.status, res.body], [422, { code: 'signup_disabled', message: 'Signups not allowed for this instance' }]);
    assert.deepEqual(await sql('select id from auth.users where email = $1', [email]), []);
  } finally {
    await isolated.stop();
  }
});

test('with e-mail confirmations on: no session until the link is followed, and sign-in waits for it', async () => {
  const isolated = await startIsolatedAuth((c) => { c.auth.email.enable_confirmations = true; });
  try {
    const email = uniqueEmail('confirm');
    const client = browser(isolated.url);
    const { data, error } = await client.auth.signUp({ email, password: 'correct-horse-1', options: { emailRedirectTo: 'http://127.0.0.1:54323/welcome' } });
    assert.equal(error, null);
    assert.equal(data.session, null);
    assert.equal(data.user?.email, email);
    assert.ok(data.user?.confirmation_sent_at);
    assert.equal(data.user?.email_confirmed_at, undefined);

    const refused = await auth('/token?grant_type=password', { baseUrl: isolated.url, body: { email, password: 'correct-horse-1' } });
    assert.deepEqual([refused.status, refused.body], [400, { code: 'email_not_confirmed', message: 'Email not confirmed' }]);

    const mail = await lastMailTo(email);
    assert.equal(mail.subject, 'Confirmez votre adresse e-mail');
    assert.match(codeIn(mail), /^\d{6}$/);
    const link = linkIn(mail);
    assert.equal(link.searchParams.get('type'), 'signup');
    assert.equal(link.searchParams.get('redirect_to'), 'http://127.0.0.1:54323/welcome');

    const followed = await fetch(link, { redirect: 'manual' });
    assert.equal(followed.status, 303);
    const location = new URL(followed.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, 'http://127.0.0.1:54323/welcome');
    const fragment = new URLSearchParams(location.hash.slice(1));
    assert.equal(fragment.get('type'), 'signup');
    assert.equal(fragment.get('token_type'), 'bearer');
    assert.ok(fragment.get('access_token') && fragment.get('refresh_token'));

    const { data: signedIn, error: signInError } = await client.auth.signInWithPassword({ email, password: 'correct-horse-1' });
    assert.equal(signInError, null);
    assert.ok(signedIn.user?.email_confirmed_at);
    assert.equal(signedIn.user?.identities?.[0].identity_data?.email_verified, true);
  } finally {
    await isolated.stop();
  }
});

test('with confirmations on, signing up again with a confirmed address reveals nothing', async () => {
  const isolated = await startIsolatedAuth((c) => { c.auth.email.enable_confirmations = true; });
  try {
    const email = uniqueEmail('hidden');
    const first = await auth('/signup', { baseUrl: isolated.url, body: { email, password: 'correct-horse-1' } });
    const [{ id }] = await sql('update auth.users set email_confirmed_at = now() where email = $1 returning id', [email]);
    const again = await auth('/signup', { baseUrl: isolated.url, body: { email, password: 'correct-horse-1', data: { a: 1 } } });
    assert.equal(first.status, 200);
    assert.equal(again.status, 200);
    assert.notEqual(again.body.id, id);
    assert.deepEqual(again.body.identities, []);
    assert.deepEqual(again.body.user_metadata, { a: 1 });
  } finally {
    await isolated.stop();
  }
});

test('resend sends the confirmation again to someone not yet confirmed', async () => {
  const isolated = await startIsolatedAuth((c) => { c.auth.email.enable_confirmations = true; });
  try {
    const email = uniqueEmail('resend');
    await auth('/signup', { baseUrl: isolated.url, body: { email, password: 'correct-horse-1' } });
    const firstCode = codeIn(await lastMailTo(email));
    await sql(`update auth.users set confirmation_sent_at = now() - interval '2 seconds' where email = $1`, [email]);
    const { error } = await browser(isolated.url).auth.resend({ type: 'signup', email });
    assert.equal(error, null);
    const second = await lastMailTo(email, 2);
    assert.equal(second.subject, 'Confirmez votre adresse e-mail');
    const stale = await auth('/verify', { baseUrl: isolated.url, body: { type: 'signup', email, token: firstCode } });
    assert.deepEqual([stale.status, stale.body.code], [403, 'otp_expired']);
    const ok = await auth('/verify', { baseUrl: isolated.url, body: { type: 'signup', email, token: codeIn(second) } });
    assert.equal(ok.status, 200);
    assert.ok(ok.body.user.email_confirmed_at);
    const badType = await auth('/resend', { baseUrl: isolated.url, body: { type: 'everything', email } });
    assert.deepEqual([badType.status, badType.body], [400, { code: 'validation_failed', message: 'Missing one of these types: signup, email_change, sms, phone_change' }]);
  } finally {
    await isolated.stop();
  }
});
