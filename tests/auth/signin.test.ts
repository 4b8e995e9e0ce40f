// POST /auth/v1/token?grant_type=password: password sign-in and its refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import bcrypt from 'bcryptjs';
import { sql } from '../helpers/env.ts';
import { auth, browser, claimsOf, signUp, uniqueEmail } from './helpers.ts';

test('the right password opens a new session', async () => {
  const { email, password, session: first } = await signUp();
  const { data, error } = await browser().auth.signInWithPassword({ email, password });
  assert.equal(error, null);
  assert.equal(data.user.email, email);
  assert.ok(data.user.last_sign_in_at);
  const claims = claimsOf(data.session.access_token);
  assert.notEqual(claims.session_id, claimsOf(first.access_token).session_id);
  assert.equal(claims.amr[0].method, 'password');
  const sessions = await sql('select id from auth.sessions where user_id = $1', [data.user.id]);
  assert.equal(sessions.length, 2);
});

test('a wrong password and an unknown address get the same 400 invalid_credentials', async () => {
  const { email } = await signUp();
  const wrong = await auth('/token?grant_type=password', { body: { email, password: 'not-the-password' } });
  assert.deepEqual([wrong.status, wrong.body], [400, { code: 'invalid_credentials', message: 'Invalid login credentials' }]);
  const unknown = await auth('/token?grant_type=password', { body: { email: uniqueEmail('nobody'), password: 'whatever-1' } });
  assert.deepEqual([unknown.status, unknown.body], [400, { code: 'invalid_credentials', message: 'Invalid login credentials' }]);
  const legacy = await auth('/token?grant_type=password', { body: { email, password: 'nope-nope' }, modern: false });
  assert.deepEqual(legacy.body, { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  const { data, error } = await browser().auth.signInWithPassword({ email, password: 'not-the-password' });
  assert.equal(data.session, null);
  assert.equal(error?.status, 400);
  assert.equal(error?.code, 'invalid_credentials');
  assert.equal(error?.message, 'Invalid login credentials');
});

test('a bcrypt $2a$ hash written by hosted Supabase verifies', async () => {
  const email = uniqueEmail('imported');
  const hash = bcrypt.hashSync('imported-pass-1', bcrypt.genSaltSync(10).replace('$2b$', '$2a$'));
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, $2, now(), '{"provider":"email","providers":["email"]}', '{}', now(), now())`,
    [email, hash],
  );
  const { data, error } = await browser().auth.signInWithPassword({ email, password: 'imported-pass-1' });
  assert.equal(error, null);
  assert.equal(data.user.email, email);
});

test('a banned user is refused with user_banned', async () => {
  const { email, password, user } = await signUp();
  await sql(`update auth.users set banned_until = now() + interval '1 hour' where id = $1`, [user.id]);
  const res = await auth('/token?grant_type=password', { body: { email, password } });
  assert.deepEqual([res.status, res.body], [400, { code: 'user_banned', message: 'User is banned' }]);
});

test('missing fields and unknown grant types are refused', async () => {
  const none = await auth('/token?grant_type=password', { body: { password: 'x' } });
  assert.deepEqual([none.status, none.body], [400, { code: 'validation_failed', message: 'missing email or phone' }]);
  const both = await auth('/token?grant_type=password', { body: { email: uniqueEmail(), phone: '+33600000000', password: 'x' } });
  assert.deepEqual([both.status, both.body], [400, { code: 'validation_failed', message: 'Only an email address or phone number should be provided on login.' }]);
  const grant = await auth('/token?grant_type=client_credentials', { body: {} });
  assert.deepEqual([grant.status, grant.body], [400, { code: 'invalid_credentials', message: 'unsupported_grant_type' }]);
  const badJson = await fetch(`${process.env.SUPABASE_URL}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: process.env.SUPABASE_ANON_KEY!, 'X-Supabase-Api-Version': '2024-01-01', 'content-type': 'application/json' },
    body: '{"email": ',
  });
  assert.equal(badJson.status, 400);
  assert.equal((await badJson.json()).code, 'bad_json');
});
