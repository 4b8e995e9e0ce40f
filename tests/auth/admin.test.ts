// /auth/v1/admin/* with the service_role key (supabase.auth.admin), and its refusals to everyone else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICE_ROLE_KEY, signJwt, sql } from '../helpers/env.ts';
import { lastMailTo } from '../helpers/mailbox.ts';
import { admin, auth, browser, linkIn, signUp, uniqueEmail } from './helpers.ts';

const asAdmin = { token: SERVICE_ROLE_KEY };

test('create a confirmed user with metadata, who can then sign in', async () => {
  const email = uniqueEmail('admin-made');
  const { data, error } = await admin().auth.admin.createUser({
    email, password: 'admin-set-pass-1', email_confirm: true, user_metadata: { display_name: 'Fay' }, app_metadata: { shop: 'lyon' },
  });
  assert.equal(error, null);
  assert.equal(data.user?.email, email);
  assert.ok(data.user?.email_confirmed_at);
  assert.deepEqual(data.user?.app_metadata, { provider: 'email', providers: ['email'], shop: 'lyon' });
  assert.equal(data.user?.user_metadata.display_name, 'Fay');
  const { data: signedIn, error: signInError } = await browser().auth.signInWithPassword({ email, password: 'admin-set-pass-1' });
  assert.equal(signInError, null);
  assert.equal(signedIn.user.app_metadata.shop, 'lyon');

  const duplicate = await auth('/admin/users', { ...asAdmin, body: { email, password: 'whatever-1' } });
  assert.deepEqual([duplicate.status, duplicate.body], [422, { code: 'email_exists', message: 'A user with this email address has already been registered' }]);
  const nothing = await auth('/admin/users', { ...asAdmin, body: { password: 'whatever-1' } });
  assert.deepEqual([nothing.status, nothing.body], [400, { code: 'validation_failed', message: 'Cannot create a user without either an email or phone' }]);
});

test('an unconfirmed admin-made user cannot sign in yet', async () => {
  const email = uniqueEmail('unconfirmed');
  await admin().auth.admin.createUser({ email, password: 'admin-set-pass-1' });
  const res = await auth('/token?grant_type=password', { body: { email, password: 'admin-set-pass-1' } });
  assert.deepEqual([res.status, res.body], [400, { code: 'email_not_confirmed', message: 'Email not confirmed' }]);
});

test('list users with page/per_page, X-Total-Count and Link like GoTrue', async () => {
  await signUp();
  await signUp();
  const [{ n }] = await sql('select count(*)::int as n from auth.users where deleted_at is null');
  const res = await auth('/admin/users?page=1&per_page=1', asAdmin);
  assert.equal(res.status, 200);
  assert.equal(res.body.aud, 'authenticated');
  assert.equal(res.body.users.length, 1);
  assert.equal(res.headers.get('x-total-count'), String(n));
  assert.equal(res.headers.get('link'), `</admin/users?page=2&per_page=1>; rel="next", </admin/users?page=${n}&per_page=1>; rel="last"`);
  const last = await auth(`/admin/users?page=${n}&per_page=1`, asAdmin);
  assert.equal(last.headers.get('link'), `</admin/users?page=${n}&per_page=1>; rel="last"`);

  const { data, error } = await admin().auth.admin.listUsers({ page: 1, perPage: 2 });
  assert.equal(error, null);
  assert.equal(data.users.length, 2);
  assert.equal((data as any).total, n);
  assert.equal((data as any).nextPage, 2);

  const bad = await auth('/admin/users?page=abc', asAdmin);
  assert.deepEqual([bad.status, bad.body], [400, { code: 'validation_failed', message: 'Bad Pagination Parameters' }]);
});

test('get, update and delete a user', async () => {
  const { email, session, user } = await signUp({ display_name: 'Gil' });
  const client = admin();
  const { data: got } = await client.auth.admin.getUserById(user.id);
  assert.equal(got.user?.email, email);

  const { data: updated, error } = await client.auth.admin.updateUserById(user.id, {
    user_metadata: { display_name: 'Gilles' }, app_metadata: { roles: ['staff'] }, password: 'admin-reset-pass-2',
  });
  assert.equal(error, null);
  assert.equal(updated.user?.user_metadata.display_name, 'Gilles');
  assert.deepEqual(updated.user?.app_metadata.roles, ['staff']);
  // A password set by an admin ends every session.
  assert.equal((await auth('/user', { token: session.access_token })).body.code, 'session_not_found');
  assert.equal((await auth('/token?grant_type=password', { body: { email, password: 'admin-reset-pass-2' } })).status, 200);

  const banned = await auth(`/admin/users/${user.id}`, { ...asAdmin, method: 'PUT', body: { ban_duration: '24h' } });
  assert.ok(new Date(banned.body.banned_until).getTime() > Date.now() + 23 * 3600 * 1000);
  assert.equal((await auth('/token?grant_type=password', { body: { email, password: 'admin-reset-pass-2' } })).body.code, 'user_banned');
  const badBan = await auth(`/admin/users/${user.id}`, { ...asAdmin, method: 'PUT', body: { ban_duration: 'forever' } });
  assert.deepEqual([badBan.status, badBan.body.code], [400, 'validation_failed']);

  const { error: deleteError } = await client.auth.admin.deleteUser(user.id);
  assert.equal(deleteError, null);
  assert.deepEqual(await sql('select id from auth.users where id = $1', [user.id]), []);
  assert.deepEqual(await sql('select id from public.auth_fx_profiles where id = $1', [user.id]), []);
  const gone = await auth(`/admin/users/${user.id}`, asAdmin);
  assert.deepEqual([gone.status, gone.body], [404, { code: 'user_not_found', message: 'User not found' }]);
  const notUuid = await auth('/admin/users/42', asAdmin);
  assert.deepEqual([notUuid.status, notUuid.body], [404, { code: 'validation_failed', message: 'user_id must be an UUID' }]);
});

test('generate_link answers the link and code without sending e-mail', async () => {
  const { email, user } = await signUp();
  const { data, error } = await admin().auth.admin.generateLink({ type: 'magiclink', email });
  assert.equal(error, null);
  assert.equal(data.user?.id, user.id);
  assert.equal(data.properties.verification_type, 'magiclink');
  assert.match(data.properties.email_otp, /^\d{6}$/);
  const link = new URL(data.properties.action_link);
  assert.equal(link.searchParams.get('token'), data.properties.hashed_token);
  const opened = await fetch(link, { redirect: 'manual' });
  assert.equal(opened.status, 303);
  assert.match(opened.headers.get('location')!, /#access_token=/);
  const missing = await auth('/admin/generate_link', { ...asAdmin, body: { type: 'recovery', email: uniqueEmail('none') } });
  assert.deepEqual([missing.status, missing.body], [404, { code: 'user_not_found', message: 'User with this email not found' }]);
});

test('the admin API refuses anyone but the service role', async () => {
  const { session } = await signUp();
  const asUser = await auth('/admin/users', { token: session.access_token });
  assert.deepEqual([asUser.status, asUser.body], [403, { code: 'not_admin', message: 'User not allowed' }]);
  const asAnon = await auth('/admin/users', { token: process.env.SUPABASE_ANON_KEY });
  assert.deepEqual([asAnon.status, asAnon.body], [403, { code: 'not_admin', message: 'User not allowed' }]);
  const noToken = await auth('/admin/users', { body: { email: uniqueEmail(), password: 'abcdef-1' } });
  assert.deepEqual([noToken.status, noToken.body], [401, { code: 'no_authorization', message: 'This endpoint requires a Bearer token' }]);
  const forged = await auth('/admin/users', { token: await signJwt({ role: 'service_role' }, { secret: 'not-the-project-secret-not-the-project-secret' }) });
  assert.equal(forged.status, 403);
  assert.equal(forged.body.code, 'bad_jwt');
  const { error } = await browser().auth.admin.listUsers();
  assert.equal(error?.status, 403);
  assert.equal(error?.code, 'not_admin');
});

test('invite: the link confirms the address and opens a session to choose a password in', async () => {
  const email = uniqueEmail('invited');
  const { data, error } = await admin().auth.admin.inviteUserByEmail(email, { data: { display_name: 'Hugo' }, redirectTo: 'http://127.0.0.1:54323/welcome' });
  assert.equal(error, null);
  assert.equal(data.user?.email, email);
  assert.ok(data.user?.invited_at);
  assert.equal(data.user?.email_confirmed_at, undefined);
  const mail = await lastMailTo(email);
  assert.equal(mail.subject, 'Vous êtes invité·e sur Comptoir');
  const link = linkIn(mail);
  assert.equal(link.searchParams.get('type'), 'invite');

  const opened = await fetch(link, { redirect: 'manual' });
  const location = new URL(opened.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, 'http://127.0.0.1:54323/welcome');
  const fragment = new URLSearchParams(location.hash.slice(1));
  assert.equal(fragment.get('type'), 'invite');
  const chosen = await auth('/user', { method: 'PUT', token: fragment.get('access_token')!, body: { password: 'chosen-by-hugo-1' } });
  assert.equal(chosen.status, 200);
  assert.ok(chosen.body.email_confirmed_at);
  assert.equal(chosen.body.user_metadata.display_name, 'Hugo');
  const { error: signInError } = await browser().auth.signInWithPassword({ email, password: 'chosen-by-hugo-1' });
  assert.equal(signInError, null);

  const again = await auth('/invite', { ...asAdmin, body: { email } });
  assert.deepEqual([again.status, again.body], [422, { code: 'email_exists', message: 'A user with this email address has already been registered' }]);
  const { session } = await signUp();
  const notAdmin = await auth('/invite', { token: session.access_token, body: { email: uniqueEmail() } });
  assert.deepEqual([notAdmin.status, notAdmin.body], [403, { code: 'not_admin', message: 'User not allowed' }]);
});
