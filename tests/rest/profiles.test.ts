// Accept-Profile / Content-Profile choose among the exposed schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from './read-helpers.ts';
import { anonClient } from '../helpers/env.ts';

test('without a profile, the first exposed schema', async () => {
  const r = await get('/fx_suppliers?select=id&id=eq.1');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-profile'), 'public');
  assert.deepEqual(r.body, [{ id: 1 }]);
});

test('Accept-Profile reads another exposed schema', async () => {
  const r = await get('/fx_suppliers', { 'Accept-Profile': 'fixture_alt' });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-profile'), 'fixture_alt');
  assert.deepEqual(r.body, [{ id: 10, name: 'Alt supplier' }]);
});

test('a table only in the other schema is not found in the default one', async () => {
  const r = await get('/widgets');
  assert.equal(r.status, 404);
  assert.deepEqual(r.body, {
    code: 'PGRST205',
    details: null,
    hint: null,
    message: "Could not find the table 'public.widgets' in the schema cache",
  });
});

test('an unknown profile is a 406 PGRST106', async () => {
  const r = await get('/fx_suppliers', { 'Accept-Profile': 'secret_schema' });
  assert.equal(r.status, 406);
  assert.deepEqual(r.body, {
    code: 'PGRST106',
    details: null,
    hint: 'Only the following schemas are exposed: public, graphql_public, fixture_alt',
    message: 'Invalid schema: secret_schema',
  });
});

test('Content-Profile is ignored for GET', async () => {
  const r = await get('/widgets', { 'Content-Profile': 'fixture_alt' });
  assert.equal(r.status, 404);
});

test('supabase-js schema() selects the profile', async () => {
  const { data, error, status } = await anonClient(undefined, { schema: 'fixture_alt' }).from('widgets').select('label').order('id');
  assert.equal(error, null);
  assert.equal(status, 200);
  assert.deepEqual(data, [{ label: 'sprocket' }, { label: 'gear' }]);
});
