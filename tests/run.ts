// `npm test`: starts one throw-away Comptoir stack (fresh embedded Postgres in a temp folder, on
// free ports so it clashes neither with `npm start` nor with another run, migrations plus the test fixtures), runs every
// *.test.ts file against it with node's test runner, then stops it.
// `npm test -- rest/select` runs only the files whose path contains one of the given words.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../supabase/local/stack.ts';
import { loadConfig } from '../supabase/local/config.ts';
import { freePort } from '../supabase/local/spawn.ts';

const TESTS_DIR = fileURLToPath(new URL('./', import.meta.url));

const filters = process.argv.slice(2);
const files = (readdirSync(TESTS_DIR, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join(TESTS_DIR, f))
  .filter((f) => filters.length === 0 || filters.some((word) => relative(TESTS_DIR, f).includes(word)))
  .sort();

const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
const config = loadConfig();
// The fixtures expose a second schema to test Accept-Profile / Content-Profile.
config.api.schemas = [...config.api.schemas, 'fixture_alt'];
const scratchFunctions = join(dataDir, 'functions');
mkdirSync(scratchFunctions);
const stack = await startStack({
  dataDir,
  apiPort: await freePort(),
  dbPort: await freePort(),
  mailboxPort: await freePort(),
  databaseUrl: process.env.TEST_DATABASE_URL,
  extraMigrationDirs: [join(TESTS_DIR, 'fixtures/migrations')],
  // Fixture functions, plus a scratch folder that function tests write to (code changes, secrets).
  extraFunctionDirs: [join(TESTS_DIR, 'fixtures/functions'), scratchFunctions],
  functionsEnvFile: join(scratchFunctions, '.env'),
  functionLimits: { requestIdleTimeoutMs: 2_000, wallClockLimitMs: 8_000 },
  config,
  log: (line) => process.env.TEST_STACK_LOG && console.error(line),
});

// Node 20 has WebSocket only behind a flag, and supabase-js's realtime client wants it at createClient().
const child = spawn(process.execPath, ['--experimental-websocket', '--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SUPABASE_URL: stack.apiUrl,
    SUPABASE_ANON_KEY: stack.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
    SUPABASE_JWT_SECRET: stack.jwtSecret,
    DATABASE_URL: stack.dbUrl,
    COMPTOIR_TEST_DATA_DIR: dataDir,
    COMPTOIR_TEST_FUNCTIONS_DIR: scratchFunctions,
    COMPTOIR_MAIL_DIR: join(dataDir, 'mail'),
    COMPTOIR_MAILBOX_URL: stack.mailboxUrl,
  },
});
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(code);

