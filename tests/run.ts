// `npm test`: starts one throw-away Comptoir stack (fresh embedded Postgres in a temp folder, on
// free ports so it clashes neither with `npm start` nor with another run, migrations plus the test fixtures)
// and its jobs worker (e-mail reaches the stack's mailbox, as under `npm start`), runs every
// *.test.ts file against it with node's test runner, then stops them.
// `npm test -- rest/select` runs only the files whose path contains one of the given words.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../supabase/local/stack.ts';
import { loadConfig } from '../supabase/local/config.ts';
import { freePort } from '../supabase/local/spawn.ts';
import { startStackWorker } from './helpers/stack-worker.ts';

const TESTS_DIR = fileURLToPath(new URL('./', import.meta.url));

const filters = process.argv.slice(2);
const files = (readdirSync(TESTS_DIR, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join(TESTS_DIR, f))
  .filter((f) => filters.length === 0 || filters.some((word) => relative(TESTS_DIR, f).includes(word)))
  .sort();

const log = (line: string) => process.env.TEST_STACK_LOG && console.error(line);
const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
const config = loadConfig();
// The fixtures expose a second schema to test Accept-Profile / Content-Profile.
config.api.schemas = [...config.api.schemas, 'fixture_alt'];
// E-mails Auth sends per hour, for the whole project: the suite sends far more than config.toml's
// 30. tests/auth/rate-limit.test.ts tests the limit on an Auth service of its own.
config.auth.rate_limit.email_sent = 100_000;
// Likewise password sign-ins (GoTrue counts them with refreshes): every data-model test file signs in
// its own six personas.
config.auth.rate_limit.token_refresh = 100_000;
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
  log,
});
const worker = await startStackWorker({ databaseUrl: stack.dbUrl, mailboxUrl: stack.mailboxUrl, log }).catch(async (error: Error) => {
  await stack.stop();
  throw error;
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
    COMPTOIR_MAILBOX_URL: stack.mailboxUrl,
  },
});
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await worker.stop();
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(code);

