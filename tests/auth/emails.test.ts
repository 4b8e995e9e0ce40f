// Auth's e-mails take the real path: a `send-email` job enqueued in the request's transaction, run
// by the stack's worker, rendered in the user's language, delivered to the mailbox; the link and
// the code read from the mailbox's JSON API sign the user in. A refused request sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { emailJobsTo, inbox, lastMailTo, mailsTo } from '../helpers/mailbox.ts';
import { waitFor } from '../helpers/worker.ts';
import { auth, browser, codeIn, linkIn, signUp, startIsolatedAuth, uniqueEmail } from './helpers.ts';

const SITE_URL = 'http://127.0.0.1:54323';

test('a magic link sent by Auth is read from the mailbox API and signs the user in', async () => {
  const { email, user } = await signUp();
  const { error } = await browser().auth.signInWithOtp({ email, options: { emailRedirectTo: `${SITE_URL}/orders` } });
  assert.equal(error, null);
  assert.deepEqual((await emailJobsTo(email)).map((j) => [j.template, j.locale]), [['magic-link', 'fr']]);

  const mail = await lastMailTo(email);
  assert.equal(mail.subject, 'Votre lien de connexion');
  assert.equal(mail.from, 'Comptoir <no-reply@comptoir.local>');
  assert.deepEqual(mail.to, [email]);
  const link = linkIn(mail);
  assert.equal(`${link.origin}${link.pathname}`, `${process.env.SUPABASE_URL}/auth/v1/verify`);
  assert.equal(link.searchParams.get('type'), 'magiclink');
  assert.ok(mail.text.includes(`Me connecter : ${link.href}`), mail.text);

  const opened = await fetch(link, { redirect: 'manual' });
  assert.equal(opened.status, 303);
  const location = new URL(opened.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, `${SITE_URL}/orders`);
  const accessToken = new URLSearchParams(location.hash.slice(1)).get('access_token')!;
  const me = await auth('/user', { token: accessToken });
  assert.equal(me.status, 200);
  assert.equal(me.body.id, user.id);

  const delivery = await waitFor('the delivery record', async () =>
    (await sql(`select recipient, template, locale, transport, status from public.email_deliveries where dedupe_key = $1 and status = 'sent'`, [mail.id]))[0]);
  assert.deepEqual(delivery, { recipient: email, template: 'magic-link', locale: 'fr', transport: 'mailbox', status: 'sent' });
});

test('a one-time code from the mailbox signs in with supabase-js verifyOtp', async () => {
  const { email, user } = await signUp({ locale: 'en' });
  const client = browser();
  assert.equal((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error, null);
  const mail = await lastMailTo(email);
  assert.equal(mail.subject, 'Your sign-in link');
  const code = codeIn(mail);
  assert.match(code, /^\d{6}$/);
  const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
  assert.equal(error, null);
  assert.equal(data.user?.id, user.id);
  const { data: current } = await client.auth.getUser();
  assert.equal(current.user?.id, user.id);
});

test('user_metadata.locale picks English or French; anything else gets French', async () => {
  const cases = [
    { locale: 'en', subject: 'Reset your password' },
    { locale: 'fr', subject: 'Réinitialisez votre mot de passe' },
    { locale: 'de', subject: 'Réinitialisez votre mot de passe' },
    { locale: undefined, subject: 'Réinitialisez votre mot de passe' },
  ];
  for (const { locale, subject } of cases) {
    const { email } = await signUp(locale ? { locale } : {});
    assert.equal((await auth('/recover', { body: { email } })).status, 200);
    const mail = await lastMailTo(email);
    assert.equal(mail.subject, subject, `locale ${locale}`);
    assert.match(mail.html, new RegExp(`<html lang="${locale === 'en' ? 'en' : 'fr'}"`));
  }
  // A user created by the sign-in itself: the metadata of the request picks the language.
  const email = uniqueEmail('otp-en');
  assert.equal((await browser().auth.signInWithOtp({ email, options: { data: { locale: 'en' } } })).error, null);
  assert.equal((await lastMailTo(email)).subject, 'Your sign-in link');
});

test('a request refused after its tokens were written leaves no token, job or e-mail behind', async () => {
  const oneEmail = await startIsolatedAuth((c) => { c.auth.rate_limit.email_sent = 1; });
  try {
    const { email, session, user } = await signUp();
    const newEmail = uniqueEmail('moved');
    // Two e-mails (double_confirm_changes): the first is enqueued, the second is over the limit.
    const refused = await auth('/user', { baseUrl: oneEmail.url, method: 'PUT', token: session.access_token, body: { email: newEmail } });
    assert.deepEqual([refused.status, refused.body], [429, { code: 'over_email_send_rate_limit', message: 'Email rate limit exceeded' }]);
    assert.deepEqual(await emailJobsTo(newEmail), []);
    assert.deepEqual(await emailJobsTo(email), []);
    const [row] = await sql(`select coalesce(email_change, '') as email_change, email_change_sent_at from auth.users where id = $1`, [user.id]);
    assert.deepEqual(row, { email_change: '', email_change_sent_at: null });
    assert.deepEqual(await sql('select token_type from auth.one_time_tokens where user_id = $1', [user.id]), []);

    // A later e-mail to the same user arrives alone: nothing of the refused request was on its way.
    assert.equal((await auth('/magiclink', { body: { email } })).status, 200);
    assert.deepEqual((await mailsTo(email)).map((m) => m.subject), ['Votre lien de connexion']);
    assert.deepEqual(await inbox(newEmail), []);
  } finally {
    await oneEmail.stop();
  }
});

test('an address the mail module cannot send to is 400 email_address_invalid, and nothing is written', async () => {
  const email = `zoé-${Date.now()}@example.com`;
  const res = await auth('/otp', { body: { email } });
  assert.deepEqual([res.status, res.body], [400, { code: 'email_address_invalid', message: `Email address "${email}" is invalid` }]);
  assert.deepEqual(await sql('select id from auth.users where email = $1', [email]), []);
  assert.deepEqual(await emailJobsTo(email), []);
});
