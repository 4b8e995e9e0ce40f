// Rate limits from [auth.rate_limit], on a second Auth service with tiny limits (the shared stack
// keeps config.toml's): per IP for sign-ups and sign-ins, refreshes and verifications, per project
// for e-mails sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { auth, randomIp, signUp, startIsolatedAuth, uniqueEmail, type IsolatedAuth } from './helpers.ts';

let tiny: IsolatedAuth;

before(async () => {
  tiny = await startIsolatedAuth((c) => {
    c.auth.rate_limit.sign_in_sign_ups = 2;
    c.auth.rate_limit.token_refresh = 2;
    c.auth.rate_limit.token_verifications = 2;
    c.auth.rate_limit.email_sent = 2;
  });
});

after(() => tiny.stop());

const OVER_REQUESTS = { code: 'over_request_rate_limit', message: 'Request rate limit reached' };

test('sign-ups beyond sign_in_sign_ups per IP get 429 over_request_rate_limit', async () => {
  const ip = randomIp();
  const statuses = [];
  for (let i = 0; i < 2; i++) {
    statuses.push((await auth('/signup', { baseUrl: tiny.url, ip, body: { email: uniqueEmail('rl'), password: 'correct-horse-1' } })).status);
  }
  assert.deepEqual(statuses, [200, 200]);
  const email = uniqueEmail('rl-refused');
  const third = await auth('/signup', { baseUrl: tiny.url, ip, body: { email, password: 'correct-horse-1' } });
  assert.deepEqual([third.status, third.body], [429, OVER_REQUESTS]);
  const legacy = await auth('/signup', { baseUrl: tiny.url, ip, body: { email, password: 'correct-horse-1' }, modern: false });
  assert.deepEqual(legacy.body, { code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
  // Another address is not held back by this one.
  const elsewhere = await auth('/signup', { baseUrl: tiny.url, body: { email, password: 'correct-horse-1' } });
  assert.equal(elsewhere.status, 200);
});

test('sign-ins and refreshes share token_refresh per IP', async () => {
  const { email, password, session } = await signUp();
  const ip = randomIp();
  assert.equal((await auth('/token?grant_type=password', { baseUrl: tiny.url, ip, body: { email, password } })).status, 200);
  assert.equal((await auth('/token?grant_type=refresh_token', { baseUrl: tiny.url, ip, body: { refresh_token: session.refresh_token } })).status, 200);
  const third = await auth('/token?grant_type=password', { baseUrl: tiny.url, ip, body: { email, password } });
  assert.deepEqual([third.status, third.body], [429, OVER_REQUESTS]);
});

test('verifications beyond token_verifications per IP get 429', async () => {
  const ip = randomIp();
  for (let i = 0; i < 2; i++) {
    const res = await auth('/verify', { baseUrl: tiny.url, ip, body: { type: 'email', email: uniqueEmail(), token: '123456' } });
    assert.equal(res.status, 403);
  }
  const third = await auth('/verify', { baseUrl: tiny.url, ip, body: { type: 'email', email: uniqueEmail(), token: '123456' } });
  assert.deepEqual([third.status, third.body], [429, OVER_REQUESTS]);
});

test('e-mails beyond email_sent for the project get 429 over_email_send_rate_limit', async () => {
  const first = await signUp();
  const second = await signUp();
  const third = await signUp();
  // The sign-up test above sent none (confirmations off); these are the first e-mails of this service.
  assert.equal((await auth('/otp', { baseUrl: tiny.url, body: { email: first.email } })).status, 200);
  assert.equal((await auth('/recover', { baseUrl: tiny.url, body: { email: second.email } })).status, 200);
  const refused = await auth('/otp', { baseUrl: tiny.url, body: { email: third.email } });
  assert.deepEqual([refused.status, refused.body], [429, { code: 'over_email_send_rate_limit', message: 'Email rate limit exceeded' }]);
});
