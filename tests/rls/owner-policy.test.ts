// Two real users signed in through Auth: under an owner policy, user A never reads, changes or
// deletes user B's rows through REST, and anon gets nothing it is not granted.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, sql } from '../helpers/env.ts';

let alice: SupabaseClient<any, any, any>;
let bob: SupabaseClient<any, any, any>;
let aliceId: string;
let bobId: string;
let bobNoteId: number;

async function signUp(name: string): Promise<{ client: SupabaseClient<any, any, any>; id: string }> {
  const email = `${name}-${crypto.randomUUID()}@example.com`;
  const { data, error } = await anonClient().auth.signUp({ email, password: 'correct horse battery' });
  assert.equal(error, null);
  assert.ok(data.session, 'sign-up returns a session when confirmations are off');
  return { client: anonClient(data.session.access_token), id: data.user!.id };
}

before(async () => {
  ({ client: alice, id: aliceId } = await signUp('alice'));
  ({ client: bob, id: bobId } = await signUp('bob'));
  const { data, error } = await bob.from('rls_notes').insert({ body: 'bob private' }).select().single();
  assert.equal(error, null);
  bobNoteId = data.id;
  assert.equal(data.owner_id, bobId, 'owner_id defaults to auth.uid()');
});

test('each user reads only their own rows', async () => {
  const { error } = await alice.from('rls_notes').insert({ body: 'alice private' });
  assert.equal(error, null);
  const { data } = await alice.from('rls_notes').select('body, owner_id');
  assert.deepEqual(data, [{ body: 'alice private', owner_id: aliceId }]);
  const { data: byId } = await alice.from('rls_notes').select('*').eq('id', bobNoteId);
  assert.deepEqual(byId, []);
});

test("A's update of B's row changes nothing", async () => {
  const { data, error } = await alice.from('rls_notes').update({ body: 'hacked' }).eq('id', bobNoteId).select();
  assert.equal(error, null);
  assert.deepEqual(data, []);
  const [row] = await sql('select body from public.rls_notes where id = $1', [bobNoteId]);
  assert.equal(row.body, 'bob private');
});

test("A cannot move her own row to B", async () => {
  const { data: mine } = await alice.from('rls_notes').select('id').limit(1).single();
  const { error } = await alice.from('rls_notes').update({ owner_id: bobId }).eq('id', mine!.id);
  assert.equal(error?.code, '42501');
  assert.equal(error?.message, 'new row violates row-level security policy for table "rls_notes"');
});

test("A's delete of B's row deletes nothing", async () => {
  const { data, error } = await alice.from('rls_notes').delete().eq('id', bobNoteId).select();
  assert.equal(error, null);
  assert.deepEqual(data, []);
  const rows = await sql('select id from public.rls_notes where id = $1', [bobNoteId]);
  assert.equal(rows.length, 1);
});

test('A cannot insert a row owned by B: 403 with the policy error, and nothing is written', async () => {
  const { error, status } = await alice.from('rls_notes').insert({ body: 'forged', owner_id: bobId });
  assert.equal(status, 403);
  assert.deepEqual(error, {
    code: '42501',
    details: null,
    hint: null,
    message: 'new row violates row-level security policy for table "rls_notes"',
  });
  const rows = await sql(`select id from public.rls_notes where body = 'forged'`);
  assert.deepEqual(rows, []);
});

test('anon sees no owner rows and is refused a table it has no grant on with 401', async () => {
  const { data } = await anonClient().from('rls_notes').select('*');
  assert.deepEqual(data, []);
  const { error, status } = await anonClient().from('rls_staff_only').select('*');
  assert.equal(status, 401);
  assert.deepEqual(error, { code: '42501', details: null, hint: null, message: 'permission denied for table rls_staff_only' });
});

test('a signed-in user is refused the same ungranted table with 403 only if not granted', async () => {
  // authenticated keeps Supabase's default grant, so RLS-less rows are visible to it.
  const { data, error } = await alice.from('rls_staff_only').select('id');
  assert.equal(error, null);
  assert.deepEqual(data, [{ id: 1 }]);
});
