// Prefer: timezone=… on every kind of request (PostgREST's PreferencesSpec / TimezoneSpec): the
// values are rendered in that zone and the preference is echoed in Preference-Applied.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, sql } from '../helpers/env.ts';

const TZ = 'America/Los_Angeles';

afterEach(async () => {
  await sql(`delete from public.cf_events where id <> 1`);
  await sql(`update public.cf_events set at = '2023-10-18 12:37:59.611+00' where id = 1`);
});

async function send(method: string, path: string, prefer: string, body?: unknown) {
  const res = await api(`/rest/v1${path}`, {
    method,
    headers: { prefer, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, applied: res.headers.get('preference-applied'), body: text ? JSON.parse(text) : null };
}

test('a read renders timestamps in the zone asked for', async () => {
  const r = await send('GET', '/cf_events?select=at', `handling=strict, timezone=${TZ}`);
  assert.equal(r.status, 200);
  assert.equal(r.applied, `handling=strict, timezone=${TZ}`);
  assert.deepEqual(r.body, [{ at: '2023-10-18T05:37:59.611-07:00' }]);
});

test('an insert, an update and a delete echo the timezone after the other preferences', async () => {
  const created = await send('POST', '/cf_events', `return=representation, timezone=${TZ}`, { id: 2, at: '2023-10-18T14:37:59.611Z' });
  assert.equal(created.status, 201);
  assert.equal(created.applied, `return=representation, timezone=${TZ}`);
  assert.deepEqual(created.body, [{ id: 2, at: '2023-10-18T07:37:59.611-07:00' }]);
  const updated = await send('PATCH', '/cf_events?id=eq.1', `return=representation, timezone=${TZ}`, { at: '2023-10-18T16:37:59.611Z' });
  assert.equal(updated.applied, `return=representation, timezone=${TZ}`);
  assert.deepEqual(updated.body, [{ id: 1, at: '2023-10-18T09:37:59.611-07:00' }]);
  const deleted = await send('DELETE', '/cf_events?id=eq.2', `handling=strict, timezone=${TZ}, max-affected=1`);
  assert.equal(deleted.status, 204);
  assert.equal(deleted.applied, `handling=strict, timezone=${TZ}, max-affected=1`);
});

test('a function call renders its timestamp in the zone and echoes it', async () => {
  const r = await send('GET', '/rpc/cf_fixed_time', `timezone=${TZ}`);
  assert.equal(r.status, 200);
  assert.equal(r.applied, `timezone=${TZ}`);
  assert.equal(r.body, '2023-10-18T05:37:59.611-07:00');
});

test('an unknown zone is ignored (lenient) and the default zone is used', async () => {
  const r = await send('GET', '/cf_events?select=at', 'handling=lenient, timezone=Invalid/Timezone');
  assert.equal(r.status, 200);
  assert.equal(r.applied, 'handling=lenient');
  assert.deepEqual(r.body, [{ at: '2023-10-18T12:37:59.611+00:00' }]);
});
