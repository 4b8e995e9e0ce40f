// Rules every migration follows, checked on a database with supabase/migrations only, so a new
// table cannot quietly skip them: RLS on, anon granted nothing, views as the invoker, policy helpers
// evaluated once per statement, every foreign key indexed, every business table audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createMigratedDatabase, queryDatabase, type ScratchDatabase } from '../helpers/database.ts';

let db: ScratchDatabase;
before(async () => {
  db = await createMigratedDatabase('schema_rules');
});
after(() => db.drop());

const query = (text: string) => queryDatabase(db.url, text);

test('every table of the public schema has row-level security enabled', async () => {
  const rows = await query(`select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity`);
  assert.deepEqual(rows, []);
});

test('anonymous visitors are granted nothing on tables and views', async () => {
  const rows = await query(`select table_name, privilege_type from information_schema.role_table_grants
                             where grantee = 'anon' and table_schema = 'public' order by 1, 2`);
  assert.deepEqual(rows, []);
});

test('views run with the privileges of the caller (security_invoker)', async () => {
  const rows = await query(`select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
                              and not coalesce(c.reloptions @> '{security_invoker=true}', false)`);
  assert.deepEqual(rows, []);
});

test('policies call app and auth helpers inside (select ...), so Postgres evaluates them once per statement', async () => {
  const rows = await query(`select tablename, policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr from pg_policies where schemaname = 'public'`);
  const unwrapped = rows.filter((p) => /(?<!SELECT )\b(app|auth)\.\w+\(/.test(p.expr.replaceAll(/\( SELECT (app|auth)\.\w+\([^)]*\)(::\w+(\[\])?)? AS \w+\)/g, '')));
  assert.deepEqual(unwrapped.map((p) => `${p.tablename}: ${p.policyname}: ${p.expr}`), []);
});

test('every foreign key of the public schema is the leading column of an index', async () => {
  const rows = await query(`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace
       and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
     order by 1, 2`);
  assert.deepEqual(rows.map((r) => `${r.table_name}.${r.column_name}`), []);
});

test('every business table is registered with the audit log', async () => {
  const rows = await query(`
    select c.relname from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
       and c.relname not in ('audit_log', 'email_deliveries')
       and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'audit_changes')
     order by 1`);
  assert.deepEqual(rows.map((r) => r.relname), []);
});
