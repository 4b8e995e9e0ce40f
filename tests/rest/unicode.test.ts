// Unicode names (PostgREST's UnicodeSpec): a table and a column named in Persian are read and
// written, and headers naming the table carry its UTF-8 bytes, as PostgREST sends them.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, sql } from '../helpers/env.ts';

const TABLE = encodeURIComponent('موارد');

/** fetch reads header bytes as latin1; PostgREST's bytes are UTF-8. */
const utf8 = (value: string | null) => (value === null ? null : Buffer.from(value, 'latin1').toString('utf8'));

afterEach(async () => {
  await sql('delete from public."موارد"');
});

test('a table with a unicode name is read, with its name in Content-Location', async () => {
  const res = await api(`/rest/v1/${TABLE}`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), '[]');
  assert.equal(utf8(res.headers.get('content-location')), '/موارد');
});

test('a row is written to a unicode table and column, with its Location', async () => {
  const created = await api(`/rest/v1/${TABLE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'return=representation' },
    body: JSON.stringify({ 'هویت': 1 }),
  });
  assert.equal(created.status, 201);
  assert.deepEqual(await created.json(), [{ 'هویت': 1 }]);
  const located = await api(`/rest/v1/${TABLE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'return=headers-only' },
    body: JSON.stringify({ 'هویت': 2 }),
  });
  assert.equal(located.status, 201);
  // The table name as UTF-8 bytes, the primary key filter percent-encoded (renderSimpleQuery).
  assert.equal(utf8(located.headers.get('location')), `/موارد?${encodeURIComponent('هویت')}=eq.2`);
});
