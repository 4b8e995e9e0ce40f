// functions/_shared/supabase.ts's per-request client forwards the caller's Authorization header,
// so a function reads through the REST API as that user and RLS decides what it sees.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ANON_KEY, FUNCTIONS_URL, anonClient } from '../helpers/env.ts';

let alice: SupabaseClient<any, any, any>;
let bob: SupabaseClient<any, any, any>;

async function signUp(name: string): Promise<SupabaseClient<any, any, any>> {
  const { data, error } = await anonClient().auth.signUp({ email: `${name}-${crypto.randomUUID()}@example.com`, password: 'correct horse battery' });
  assert.equal(error, null);
  return anonClient(data.session!.access_token);
}

before(async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  assert.equal((await alice.from('function_notes').insert({ body: 'alice note' })).error, null);
  assert.equal((await bob.from('function_notes').insert({ body: 'bob note' })).error, null);
});

test("a function reading as the caller sees only the caller's rows", async () => {
  const asAlice = await alice.functions.invoke('my-notes', { method: 'GET' });
  assert.equal(asAlice.error, null);
  assert.deepEqual(asAlice.data, [{ body: 'alice note' }]);
  const asBob = await bob.functions.invoke('my-notes', { method: 'GET' });
  assert.deepEqual(asBob.data, [{ body: 'bob note' }]);
});

test('with the anon key, the function sees no owner rows', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/my-notes`, { headers: { Authorization: `Bearer ${ANON_KEY}` } });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), []);
});
