// public.email_deliveries through REST, per persona: staff and admins read them; a plain user sees
// none; anonymous callers are refused; nobody writes them through the API.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { api, sql } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';

let tokens: Record<'admin' | 'staff' | 'user', string>;

before(async () => {
  tokens = {
    admin: await memberToken('admin'),
    staff: await memberToken('staff'),
    user: await memberToken('none', { app_metadata: { role: 'admin' } }),
  };
  await sql(`insert into public.email_deliveries (dedupe_key, recipient, template, locale, status, attempts)
             values ('rls-1', 'rls@example.com', 'recovery', 'fr', 'sent', 1) on conflict do nothing`);
});

const read = (token?: string) =>
  api('/rest/v1/email_deliveries?dedupe_key=eq.rls-1&select=dedupe_key,recipient,status', { headers: token ? { authorization: `Bearer ${token}` } : {} });

test('admin and staff read e-mail deliveries', async () => {
  for (const who of ['admin', 'staff'] as const) {
    const response = await read(tokens[who]);
    assert.equal(response.status, 200, who);
    assert.deepEqual(await response.json(), [{ dedupe_key: 'rls-1', recipient: 'rls@example.com', status: 'sent' }]);
  }
});

test('a plain user sees no deliveries', async () => {
  const response = await read(tokens.user);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), []);
});

test('an anonymous caller sees nothing', async () => {
  // The migration grants anon nothing on this table (tests/jobs/migration.test.ts checks it on a
  // database with only supabase/migrations): REST refuses with 401. The REST fixtures of the test
  // stack grant select on every public table to anon, and then row-level security returns no row.
  const response = await read();
  const body = (await response.json()) as unknown;
  if (response.status === 401) assert.equal((body as { code: string }).code, '42501');
  else assert.deepEqual([response.status, body], [200, []]);
});

test('nobody writes deliveries through the API, staff included', async () => {
  for (const who of ['staff', 'user'] as const) {
    const response = await api('/rest/v1/email_deliveries', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dedupe_key: `forged-${who}`, recipient: 'x@example.com', template: 'invite', locale: 'en', status: 'sent' }),
    });
    assert.equal(response.status, 403, who);
    assert.equal(((await response.json()) as { code: string }).code, '42501');
  }
  assert.deepEqual(await sql(`select dedupe_key from public.email_deliveries where dedupe_key like 'forged-%'`), []);
});
