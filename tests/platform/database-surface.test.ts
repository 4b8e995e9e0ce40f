// The database looks like a Supabase project's: roles, auth helpers reading the request's claims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';

test('the API roles exist with Supabase attributes', async () => {
  const roles = await sql(
    `select rolname, rolcanlogin, rolinherit, rolbypassrls from pg_roles
     where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`,
  );
  assert.deepEqual(roles, [
    { rolname: 'anon', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
    { rolname: 'authenticated', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
    { rolname: 'authenticator', rolcanlogin: true, rolinherit: false, rolbypassrls: false },
    { rolname: 'service_role', rolcanlogin: false, rolinherit: false, rolbypassrls: true },
  ]);
  const members = await sql(
    `select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
     where m.member = 'authenticator'::regrole order by 1`,
  );
  assert.deepEqual(members.map((m) => m.rolname), ['anon', 'authenticated', 'service_role']);
});

test('auth.uid(), auth.role(), auth.email() and auth.jwt() read request.jwt.claims', async () => {
  const claims = { sub: '6f1b8c1e-1111-4a4a-9e9e-0123456789ab', role: 'authenticated', email: 'a@example.com', app_metadata: { x: 1 } };
  const [row] = await sql(
    `select set_config('request.jwt.claims', $1, false) as _,
            auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt`,
    [JSON.stringify(claims)],
  );
  // set_config above is session-wide on this pooled connection; clear it so nothing leaks.
  await sql(`select set_config('request.jwt.claims', '', false)`);
  assert.equal(row.uid, claims.sub);
  assert.equal(row.role, 'authenticated');
  assert.equal(row.email, 'a@example.com');
  assert.deepEqual(row.jwt, claims);
});

test('without claims the auth helpers answer null', async () => {
  const [row] = await sql('select auth.uid() as uid, auth.role() as role, auth.jwt() as jwt');
  assert.deepEqual(row, { uid: null, role: null, jwt: null });
});

test('tables created in public are granted to the API roles, so RLS is what protects rows', async () => {
  await sql('create table if not exists public.surface_probe (id int primary key)');
  const grants = await sql(
    `select grantee, string_agg(privilege_type, ',' order by privilege_type) as privileges
     from information_schema.role_table_grants
     where table_schema = 'public' and table_name = 'surface_probe' and grantee in ('anon', 'authenticated', 'service_role')
     group by grantee order by grantee`,
  );
  await sql('drop table public.surface_probe');
  const all = 'DELETE,INSERT,REFERENCES,SELECT,TRIGGER,TRUNCATE,UPDATE';
  assert.deepEqual(grants, [
    { grantee: 'anon', privileges: all },
    { grantee: 'authenticated', privileges: all },
    { grantee: 'service_role', privileges: all },
  ]);
});

test('auth.users accepts a row as GoTrue writes it and derives confirmed_at', async () => {
  const id = crypto.randomUUID();
  await sql(
    `insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, now(), '{}', '{}', now(), now())`,
    [id, `surface-${id}@example.com`],
  );
  const [row] = await sql('select confirmed_at is not null as confirmed from auth.users where id = $1', [id]);
  await sql('delete from auth.users where id = $1', [id]);
  assert.equal(row.confirmed, true);
});
