// A function's environment: the SUPABASE_* variables the platform sets, the secrets of the env
// file (re-read without a restart), no SUPABASE_* override from that file, and nothing of the
// server's own environment.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANON_KEY, DATABASE_URL, FUNCTIONS_URL, SERVICE_ROLE_KEY, SUPABASE_URL, scratchFunctionsDir } from '../helpers/env.ts';

const envFile = join(scratchFunctionsDir(), '.env');
after(() => rmSync(envFile, { force: true }));

async function functionEnv(): Promise<Record<string, string>> {
  const response = await fetch(`${FUNCTIONS_URL}/env`);
  assert.equal(response.status, 200);
  return response.json();
}

test('the platform variables are set', async () => {
  const env = await functionEnv();
  assert.equal(env.SUPABASE_URL, SUPABASE_URL);
  assert.equal(env.SUPABASE_ANON_KEY, ANON_KEY);
  assert.equal(env.SUPABASE_SERVICE_ROLE_KEY, SERVICE_ROLE_KEY);
  assert.equal(env.SUPABASE_DB_URL, DATABASE_URL);
  assert.equal(env.HOME, undefined, "the server's environment is not passed on");
  assert.equal(env.COMPTOIR_TEST_FUNCTIONS_DIR, undefined);
});

test('secrets from the env file reach functions, without restart; SUPABASE_ names are refused', async () => {
  writeFileSync(
    envFile,
    [
      '# secrets for the tests',
      'WEBHOOK_SECRET="whsec_ a=b #1"',
      "export PLAIN_TOKEN=abc123  # trailing comment",
      'SUPABASE_URL=http://evil.example',
      '',
    ].join('\n'),
  );
  let env: Record<string, string> = {};
  for (const deadline = Date.now() + 5_000; !env.WEBHOOK_SECRET && Date.now() < deadline; ) env = await functionEnv();
  assert.equal(env.WEBHOOK_SECRET, 'whsec_ a=b #1');
  assert.equal(env.PLAIN_TOKEN, 'abc123');
  assert.equal(env.SUPABASE_URL, SUPABASE_URL);
});
