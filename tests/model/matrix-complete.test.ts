// Every table and view that supabase/migrations creates in the exposed schema has an entry in the
// permission matrix (tests/model/*/permissions.ts), and no entry names a table that is gone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createMigratedDatabase, queryDatabase } from '../helpers/database.ts';
import type { TableSpec } from './permissions.ts';

const domains = readdirSync(new URL('./', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

test('the permission matrix covers every table and view of the public schema', async () => {
  const db = await createMigratedDatabase('matrix');
  after(() => db.drop());
  const relations = await queryDatabase(
    db.url,
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') order by 1`,
  );
  const inMatrix: string[] = [];
  for (const domain of domains) {
    const { specs } = (await import(`./${domain}/permissions.ts`)) as { specs: TableSpec[] };
    inMatrix.push(...specs.map((s) => s.table));
  }
  assert.deepEqual([...new Set(inMatrix)].length, inMatrix.length, 'no table is listed twice');
  assert.deepEqual(inMatrix.sort(), relations.map((r) => r.relname).sort());
});
