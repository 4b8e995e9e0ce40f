// Settings from config.toml that Auth honours: jwt_expiry, minimum_password_length,
// additional_redirect_urls, auth.email.enable_signup (the e-mail provider switch).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { lastMailTo } from '../helpers/mailbox.ts';
import { auth, claimsOf, linkIn, signUp, startIsolatedAuth, uniqueEmail, type IsolatedAuth } from './helpers.ts';

let custom: IsolatedAuth;

before(async () => {
  custom = await startIsolatedAuth((c) => {
    c.auth.jwt_expiry = 120;
    c.auth.minimum_password_length = 10;
    c.auth.additional_redirect_urls = ['https://shop.example/**', 'myapp://*'];
  });
});

after(() => custom.stop());

test('jwt_expiry sets expires_in and the exp claim', async () => {
  const res = await auth('/signup', { baseUrl: custom.url, body: { email: uniqueEmail('expiry'), password: 'long-enough-pass' } });
  assert.equal(res.status, 200);
  assert.equal(res.body.expires_in, 120);
  const claims = claimsOf(res.body.access_token);
  assert.equal(claims.exp - claims.iat, 120);
  assert.equal(res.body.expires_at, claims.exp);
});

test('minimum_password_length applies to sign-up and password changes', async () => {
  const res = await auth('/signup', { baseUrl: custom.url, body: { email: uniqueEmail('short'), password: 'only-nine' } });
  assert.deepEqual([res.status, res.body], [422, { code: 'weak_password', message: 'Password should be at least 10 characters.', weak_password: { reasons: ['length'] } }]);
  const { session } = await signUp();
  const update = await auth('/user', { baseUrl: custom.url, method: 'PUT', token: session.access_token, body: { password: 'nine-char' } });
  assert.equal(update.body.code, 'weak_password');
});

test('additional_redirect_urls globs decide where links may send people', async () => {
  const { email } = await signUp();
  await auth(`/magiclink?redirect_to=${encodeURIComponent('https://shop.example/account/orders')}`, { baseUrl: custom.url, body: { email } });
  assert.equal(linkIn(await lastMailTo(email)).searchParams.get('redirect_to'), 'https://shop.example/account/orders');

  const other = await signUp();
  await auth(`/magiclink?redirect_to=${encodeURIComponent('https://shop.example.evil.com/')}`, { baseUrl: custom.url, body: { email: other.email } });
  assert.equal(linkIn(await lastMailTo(other.email)).searchParams.get('redirect_to'), 'http://127.0.0.1:54323');
});

test('with the e-mail provider off, e-mail sign-up and sign-in are refused', async () => {
  const closed = await startIsolatedAuth((c) => { c.auth.email.enable_signup = false; });
  try {
    const { email, password } = await signUp();
    const signup = await auth('/signup', { baseUrl: closed.url, body: { email: uniqueEmail(), password: 'correct-horse-1' } });
    assert.deepEqual([signup.status, signup.body], [400, { code: 'email_provider_disabled', message: 'Email signups are disabled' }]);
    const signin = await auth('/token?grant_type=password', { baseUrl: closed.url, body: { email, password } });
    assert.deepEqual([signin.status, signin.body], [422, { code: 'email_provider_disabled', message: 'Email logins are disabled' }]);
    const settings = await auth('/settings', { baseUrl: closed.url });
    assert.equal(settings.body.external.email, false);
  } finally {
    await closed.stop();
  }
});
