// GET /settings and /health, and which Auth paths the gateway opens without an apikey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auth } from './helpers.ts';

test('/settings reflects config.toml like GoTrue', async () => {
  const res = await auth('/settings');
  assert.equal(res.status, 200);
  assert.equal(res.body.disable_signup, false);
  assert.equal(res.body.mailer_autoconfirm, true);
  assert.equal(res.body.phone_autoconfirm, false);
  assert.equal(res.body.external.email, true);
  assert.equal(res.body.external.phone, false);
  assert.equal(res.body.external.anonymous_users, false);
  assert.equal(res.body.external.google, false);
});

test('/health answers GoTrue\'s name', async () => {
  const res = await auth('/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.name, 'GoTrue');
  assert.equal(res.body.description, 'GoTrue is a user registration and authentication API');
});

test('/.well-known/jwks.json publishes no key, since tokens are HS256 with the shared secret', async () => {
  const res = await auth('/.well-known/jwks.json');
  assert.deepEqual([res.status, res.body], [200, { keys: [] }]);
});

test('only /verify is reachable without an apikey', async () => {
  const verify = await fetch(`${process.env.SUPABASE_URL}/auth/v1/verify?type=magiclink&token=nope`, { redirect: 'manual' });
  assert.equal(verify.status, 303);
  const settings = await fetch(`${process.env.SUPABASE_URL}/auth/v1/settings`);
  assert.equal(settings.status, 401);
  assert.equal((await settings.json()).message, 'No API key found in request');
});

test('an unknown Auth path is a 404', async () => {
  const res = await auth('/nowhere');
  assert.deepEqual([res.status, res.body], [404, { code: 'not_found', message: 'Not Found' }]);
});
