// Applies supabase/migrations/<YYYYMMDDHHMMSS>_<name>.sql in order, each once and in its own
// transaction, recording them where the Supabase CLI does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

const MIGRATION_FILE = /^(\d{14})_(.+)\.sql$/;

export interface Migration {
  version: string;
  name: string;
  file: string;
}

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    readonly pgError: Error & { code?: string; position?: string },
    sql: string,
  ) {
    const at = pgError.position ? ` (line ${lineOf(sql, Number(pgError.position))})` : '';
    super(`migration ${file} failed${at}: ${pgError.message}${pgError.code ? ` [${pgError.code}]` : ''}`);
  }
}

function lineOf(sql: string, position: number): number {
  return sql.slice(0, position - 1).split('\n').length;
}

export function listMigrations(dir: string): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`migration file ${file} is not named <YYYYMMDDHHMMSS>_<name>.sql`);
      return { version: match[1], name: match[2], file: join(dir, file) };
    })
    .sort((a, b) => a.version.localeCompare(b.version));
}

/** Applies pending migrations from each directory in turn; returns the versions applied. */
export async function applyMigrations(client: pg.Client, dirs: string[]): Promise<string[]> {
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text
    )`);
  const { rows } = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const done = new Set(rows.map((r) => r.version));
  const applied: string[] = [];
  for (const migration of dirs.flatMap(listMigrations)) {
    if (done.has(migration.version)) continue;
    const sql = readFileSync(migration.file, 'utf8');
    try {
      await client.query('begin');
      await client.query(sql);
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
        [migration.version, [sql], migration.name],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw new MigrationError(migration.file.split('/').slice(-3).join('/'), error as Error, sql);
    }
    done.add(migration.version);
    applied.push(migration.version);
  }
  await client.query(`notify pgrst, 'reload schema'`);
  return applied;
}
