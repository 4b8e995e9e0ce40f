// The [storage] section of supabase/config.toml: sizes in the CLI's format, and buckets declared as
// [storage.buckets.<name>] created (or brought up to date) when Storage starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseSize, type SupabaseConfig } from '../../supabase/local/config.ts';
import { createStorageService } from '../../supabase/local/storage/service.ts';
import { DATABASE_URL, JWT_SECRET, sql } from '../helpers/env.ts';

test('sizes use the CLI format, every unit binary', () => {
  assert.equal(parseSize('50MiB'), 50 * 1024 * 1024);
  assert.equal(parseSize('5GB'), 5 * 1024 ** 3);
  assert.equal(parseSize('100KB'), 100 * 1024);
  assert.equal(parseSize('10'), 10);
  assert.throws(() => parseSize('ten megs'), /invalid size "ten megs"/);
  assert.equal(loadConfig().storage.file_size_limit, 50 * 1024 * 1024);
});

test('buckets declared in config.toml exist once Storage has started, with their settings', async () => {
  const id = `seeded-${crypto.randomUUID().slice(0, 8)}`;
  const config: SupabaseConfig = structuredClone(loadConfig());
  config.storage.buckets = { [id]: { public: true, file_size_limit: parseSize('1MiB'), allowed_mime_types: ['image/*'] } };
  const storageDir = mkdtempSync(join(tmpdir(), 'comptoir-storage-'));
  const authenticator = new URL(DATABASE_URL);
  authenticator.username = 'authenticator';
  const start = () =>
    createStorageService({
      connectionString: authenticator.toString(), adminConnectionString: DATABASE_URL, config, jwtSecret: JWT_SECRET,
      storageDir, apiUrl: 'http://127.0.0.1', log: () => {},
    });
  try {
    await (await start()).close();
    assert.deepEqual(await sql('select name, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1', [id]), [
      { name: id, public: true, file_size_limit: String(1024 * 1024), allowed_mime_types: ['image/*'] },
    ]);
    config.storage.buckets[id].public = false;
    await (await start()).close();
    const [row] = await sql('select public from storage.buckets where id = $1', [id]);
    assert.equal(row.public, false, 'a restart brings the bucket in line with config.toml');
  } finally {
    await sql('delete from storage.buckets where id = $1', [id]);
    rmSync(storageDir, { recursive: true, force: true });
  }
});
