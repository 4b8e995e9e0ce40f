// Who a REST request runs as, and PostgREST's refusals of a bad JWT (code, message, status and
// WWW-Authenticate), both through authenticate() and over HTTP.
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, JWT_SECRET, signJwt } from '../helpers/env.ts';
import { authenticate } from '../../supabase/local/rest/jwt.ts';
import { ApiError } from '../../supabase/local/rest/errors.ts';

const secret = new TextEncoder().encode(JWT_SECRET);
const NOW = Math.floor(Date.now() / 1000);
const options = { secret, anonRole: 'anon', now: NOW };
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Signs exactly these claims (HS256), nothing added. */
function sign(claims: unknown, key = JWT_SECRET): string {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

async function refusal(authorization: string | undefined, opts: Partial<typeof options> & { audience?: string } = {}) {
  try {
    await authenticate(authorization, { ...options, ...opts });
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return { status: error.status, body: JSON.parse(JSON.stringify(error)), header: error.headers['www-authenticate'] };
  }
  assert.fail('the token was accepted');
}

const invalid = (code: string, message: string, details: string | null = null) => ({
  status: 401,
  body: { code, details, hint: null, message },
  header: `Bearer error="invalid_token", error_description="${message}"`,
});

describe('authenticate()', () => {
  it('runs a request without Authorization as anon', async () => {
    assert.deepEqual(await authenticate(undefined, options), { role: 'anon', claims: { role: 'anon' } });
  });

  it('takes the role and claims of a valid token (Bearer or bearer)', async () => {
    const token = sign({ sub: 'u1', role: 'authenticated', email: 'a@example.com', exp: NOW + 60 });
    for (const scheme of ['Bearer', 'bearer']) {
      const caller = await authenticate(`${scheme} ${token}`, options);
      assert.equal(caller.role, 'authenticated');
      assert.equal(caller.claims.sub, 'u1');
      assert.equal(caller.claims.email, 'a@example.com');
    }
  });

  it('runs a token without role claim as anon, and records the role in the claims', async () => {
    const token = sign({ sub: 'u1' });
    const caller = await authenticate(`Bearer ${token}`, options);
    assert.equal(caller.role, 'anon');
    assert.equal(caller.claims.role, 'anon');
  });

  it('runs a request with another Authorization scheme as anon', async () => {
    assert.deepEqual(await authenticate('Basic dXNlcjpwYXNz', options), { role: 'anon', claims: { role: 'anon' } });
  });

  it('accepts any case of the Bearer scheme', async () => {
    assert.equal((await authenticate(`BEARER ${sign({ role: 'authenticated' })}`, options)).role, 'authenticated');
  });

  it('refuses an empty token', async () => {
    assert.deepEqual(await refusal('Bearer '), invalid('PGRST301', 'Empty JWT is sent in Authorization header'));
  });

  it('refuses a token without three parts', async () => {
    assert.deepEqual(await refusal('Bearer abc.def'), invalid('PGRST301', 'Expected 3 parts in JWT; got 2'));
    assert.deepEqual(await refusal('Bearer a.b.c.d'), invalid('PGRST301', 'Expected 3 parts in JWT; got 4'));
  });

  it('refuses a token signed with another secret', async () => {
    const token = sign({ role: 'authenticated' }, 'another-secret-that-is-at-least-32-characters');
    assert.deepEqual(await refusal(`Bearer ${token}`), invalid('PGRST301', 'No suitable key or wrong key type', 'None of the keys was able to decode the JWT'));
  });

  it('refuses a tampered payload', async () => {
    const token = sign({ role: 'anon' });
    const [header, , signature] = token.split('.');
    const forged = `${header}.${b64({ role: 'service_role' })}.${signature}`;
    assert.deepEqual(await refusal(`Bearer ${forged}`), invalid('PGRST301', 'No suitable key or wrong key type', 'None of the keys was able to decode the JWT'));
  });

  it('refuses an unsecured token (alg none)', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'service_role' })}.`;
    assert.deepEqual(
      await refusal(`Bearer ${token}`),
      invalid('PGRST301', 'Wrong or unsupported encoding algorithm', "JWT is unsecured but expected 'alg' was not 'none'"),
    );
  });

  it('refuses three parts that are not a JWT', async () => {
    assert.deepEqual(await refusal('Bearer quifquirndsjagnrgniur.fonvoienqhhdj.iuqvnvhojah'), invalid('PGRST301', 'JWT cryptographic operation failed'));
  });

  it('refuses an expired token with PGRST303, allowing 30 seconds of clock skew', async () => {
    const expired = sign({ role: 'authenticated', exp: NOW - 31 });
    assert.deepEqual(await refusal(`Bearer ${expired}`), invalid('PGRST303', 'JWT expired'));
    const justExpired = sign({ role: 'authenticated', exp: NOW - 30 });
    assert.equal((await authenticate(`Bearer ${justExpired}`, options)).role, 'authenticated');
  });

  it('refuses tokens not yet valid or issued in the future', async () => {
    assert.deepEqual(await refusal(`Bearer ${sign({ nbf: NOW + 31 })}`), invalid('PGRST303', 'JWT not yet valid'));
    assert.deepEqual(await refusal(`Bearer ${sign({ iat: NOW + 31 })}`), invalid('PGRST303', 'JWT issued at future'));
    assert.equal((await authenticate(`Bearer ${sign({ iat: NOW + 29, nbf: NOW + 29 })}`, options)).role, 'anon');
  });

  it('refuses claims that are not a JSON object', async () => {
    assert.deepEqual(await refusal(`Bearer ${sign([1, 2])}`), invalid('PGRST303', 'Parsing claims failed'));
  });

  it('refuses time claims that are not numbers', async () => {
    for (const key of ['exp', 'nbf', 'iat']) {
      const token = sign({ role: 'authenticated', [key]: 'soon' });
      assert.deepEqual(await refusal(`Bearer ${token}`), invalid('PGRST303', `The JWT '${key}' claim must be a number`));
    }
  });

  it('refuses an audience other than the configured one', async () => {
    const token = sign({ role: 'authenticated', aud: 'someone-else' });
    assert.deepEqual(await refusal(`Bearer ${token}`, { audience: 'authenticated' }), invalid('PGRST303', 'JWT not in audience'));
    const ours = sign({ role: 'authenticated', aud: ['x', 'authenticated'] });
    assert.equal((await authenticate(`Bearer ${ours}`, { ...options, audience: 'authenticated' })).role, 'authenticated');
    assert.equal((await authenticate(`Bearer ${token}`, options)).role, 'authenticated', 'no audience configured: any aud');
  });

  it('refuses an aud that is neither a string nor strings', async () => {
    const token = sign({ aud: { not: 'a string' } });
    assert.deepEqual(await refusal(`Bearer ${token}`), invalid('PGRST303', "The JWT 'aud' claim must be a string or an array of strings"));
  });
});

describe('JWT over HTTP', () => {
  async function whoami(authorization?: string) {
    const res = await api('/rest/v1/rpc/wr_whoami', { headers: authorization ? { authorization } : {} });
    return { status: res.status, header: res.headers.get('www-authenticate'), body: await res.json() };
  }

  it('runs a signed-in user as their role with their claims', async () => {
    const token = await signJwt({ sub: '00000000-0000-0000-0000-00000000000a', role: 'authenticated', email: 'a@example.com' });
    const res = await whoami(`Bearer ${token}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { role: 'authenticated', sub: '00000000-0000-0000-0000-00000000000a', email: 'a@example.com' });
  });

  it('runs a request without token as anon', async () => {
    const res = await whoami();
    assert.deepEqual(res.body, { role: 'anon', sub: null, email: null });
  });

  it('answers an expired token with 401 PGRST303', async () => {
    const token = await signJwt({ role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 120 });
    const res = await whoami(`Bearer ${token}`);
    assert.equal(res.status, 401);
    assert.equal(res.header, 'Bearer error="invalid_token", error_description="JWT expired"');
    assert.deepEqual(res.body, { code: 'PGRST303', details: null, hint: null, message: 'JWT expired' });
  });

  it('answers a forged token with 401 PGRST301', async () => {
    const token = await signJwt({ role: 'service_role' }, { secret: 'not-the-secret-but-long-enough-to-sign-with' });
    const res = await whoami(`Bearer ${token}`);
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { code: 'PGRST301', details: 'None of the keys was able to decode the JWT', hint: null, message: 'No suitable key or wrong key type' });
  });

  it('answers a malformed token with 401', async () => {
    const res = await whoami('Bearer not-a-jwt');
    assert.equal(res.status, 401);
    assert.equal(res.header, 'Bearer error="invalid_token", error_description="Expected 3 parts in JWT; got 1"');
    assert.deepEqual(res.body, { code: 'PGRST301', details: null, hint: null, message: 'Expected 3 parts in JWT; got 1' });
  });

  it('answers a role that does not exist with 401', async () => {
    const token = await signJwt({ role: 'ghost' });
    const res = await whoami(`Bearer ${token}`);
    assert.equal(res.status, 401);
    assert.equal(res.header, 'Bearer');
    assert.deepEqual(res.body, { code: '22023', details: null, hint: null, message: 'role "ghost" does not exist' });
  });

  it('answers alg none with 401', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'service_role' })}.`;
    const res = await whoami(`Bearer ${token}`);
    assert.equal(res.status, 401);
    assert.equal(res.body.message, 'Wrong or unsupported encoding algorithm');
  });
});
