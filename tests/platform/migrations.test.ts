// Migrations run in order, each once, each in its own transaction; a failing one stops start-up
// naming the file and the Postgres error, and the ones before it stay applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../supabase/local/stack.ts';
import { createScratchDatabase, queryDatabase as query } from '../helpers/database.ts';


function startOn(databaseUrl: string, migrationDir: string) {
  return startStack({ databaseUrl, apiPort: 0, extraMigrationDirs: [migrationDir], log: () => {} });
}

test('a failing migration stops start-up, names the file, line and error, and keeps earlier ones', async (t) => {
  const db = await createScratchDatabase('migrations');
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });
  writeFileSync(join(dir, '20300101000001_first.sql'), 'create table public.first_table (id int primary key);\n');
  writeFileSync(
    join(dir, '20300101000002_broken.sql'),
    'create table public.half_done (id int);\n\ninsert into public.no_such_table values (1);\n',
  );
  writeFileSync(join(dir, '20300101000003_third.sql'), 'create table public.third_table (id int);\n');

  await assert.rejects(startOn(db.url, dir), (error: Error) => {
    assert.match(error.message, /20300101000002_broken\.sql failed \(line 3\): relation "public\.no_such_table" does not exist \[42P01\]/);
    return true;
  });
  const versions = await query(db.url, `select version, name from supabase_migrations.schema_migrations where version like '2030%' order by 1`);
  assert.deepEqual(versions, [{ version: '20300101000001', name: 'first' }]);
  const tables = await query(db.url, `select relname from pg_class where relname in ('first_table', 'half_done', 'third_table') order by 1`);
  assert.deepEqual(tables, [{ relname: 'first_table' }], 'the broken migration left nothing and the next did not run');

  // Once fixed, the next start applies the rest, and a start after that applies nothing.
  writeFileSync(join(dir, '20300101000002_broken.sql'), 'create table public.half_done (id int);\n');
  const stack = await startOn(db.url, dir);
  await stack.stop();
  assert.deepEqual(stack.migrationsApplied, ['20300101000002', '20300101000003']);
  const again = await startOn(db.url, dir);
  await again.stop();
  assert.deepEqual(again.migrationsApplied, []);
  const statements = await query(db.url, `select statements from supabase_migrations.schema_migrations where version = '20300101000003'`);
  assert.deepEqual(statements, [{ statements: ['create table public.third_table (id int);\n'] }]);
});

test('a migration file with a malformed name is refused by name', async (t) => {
  const db = await createScratchDatabase('migrations');
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });
  writeFileSync(join(dir, '2030_bad_name.sql'), 'select 1;');
  await assert.rejects(startOn(db.url, dir), /migration file 2030_bad_name\.sql is not named <YYYYMMDDHHMMSS>_<name>\.sql/);
});
