// Runs Comptoir exactly as a user does (`npm start`'s entry point, supabase/local/start.ts) for the
// admin's browser tests and bench: a fresh data dir under the OS temp dir, free ports for the API,
// Postgres, the mailbox and the admin, and the URLs it prints. The child leads a process group of its
// own (tsx, the stack, embedded Postgres, the jobs worker), so stopping it stops all of them, even when
// a test failed half-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../supabase/local/config.ts';
import { freePort } from '../../supabase/local/spawn.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const READY = 'Press Ctrl-C to stop.';
/** The test runner's variables point at its own stack: a user's shell has none of them. */
const TEST_RUNNER_VARIABLES = ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_JWT_SECRET', 'DATABASE_URL',
  'COMPTOIR_TEST_DATA_DIR', 'COMPTOIR_TEST_FUNCTIONS_DIR', 'COMPTOIR_MAILBOX_URL'];

export interface RunningComptoir {
  apiUrl: string;
  adminUrl: string;
  mailboxUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Everything it printed so far (for failure messages). */
  output(): string;
  /** SIGTERM to the whole process group, SIGKILL if it is still there after `graceMs`; removes the data dir. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** Run against this Postgres instead of an embedded one (start.ts then seeds nothing). */
  databaseUrl?: string;
  /** Extra environment (e.g. COMPTOIR_SEED=none). */
  env?: Record<string, string>;
  /** The first start builds the admin and loads the demo seed: minutes on a busy machine. */
  timeoutMs?: number;
  /** Lines of the child's output as they come (e.g. console.error for a bench's progress). */
  log?: (line: string) => void;
}

export async function startComptoir(options: StartOptions = {}): Promise<RunningComptoir> {
  const reused = options.databaseUrl ? null : runningFromEnvironment();
  if (reused) return reused;
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of TEST_RUNNER_VARIABLES) delete env[name];
  Object.assign(env, {
    COMPTOIR_DATA_DIR: dataDir,
    COMPTOIR_API_PORT: String(await freePort()),
    COMPTOIR_DB_PORT: String(await freePort()),
    COMPTOIR_MAILBOX_PORT: String(await freePort()),
    COMPTOIR_ADMIN_PORT: String(await freePort()),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const child = spawn(TSX, ['supabase/local/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    if (options.log) for (const line of text.split('\n')) if (line.trim()) options.log(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const stop = async (graceMs = 15_000) => {
    await stopGroup(child, exited, graceMs);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const timeoutMs = options.timeoutMs ?? 300_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Comptoir did not print "${READY}" within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      const check = () => {
        if (!output.includes(READY)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout!.on('data', check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`Comptoir exited (${code}) during start-up:\n${output}`));
      });
    });
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  const printed = (label: string) => {
    const match = new RegExp(`^\\s*${label}:\\s*(\\S+)`, 'm').exec(output);
    if (!match) throw new Error(`Comptoir's start-up output has no "${label}" line:\n${output}`);
    return match[1];
  };
  return {
    apiUrl: printed('API URL'),
    adminUrl: printed('Admin URL'),
    mailboxUrl: printed('Mailbox URL'),
    dbUrl: printed('DB URL'),
    anonKey: printed('anon key'),
    serviceRoleKey: printed('service_role key'),
    output: () => output,
    stop,
  };
}

/**
 * While working on the admin: COMPTOIR_E2E_API_URL, COMPTOIR_E2E_ADMIN_URL and COMPTOIR_E2E_MAILBOX_URL point
 * the browser tests at a Comptoir already running on the demo seed (the tests change its data), rather
 * than starting one per test file. Keys are the local stack's.
 */
function runningFromEnvironment(): RunningComptoir | null {
  const { COMPTOIR_E2E_API_URL: apiUrl, COMPTOIR_E2E_ADMIN_URL: adminUrl, COMPTOIR_E2E_MAILBOX_URL: mailboxUrl } = process.env;
  if (!apiUrl || !adminUrl || !mailboxUrl) return null;
  return {
    apiUrl, adminUrl, mailboxUrl, dbUrl: '', anonKey: LOCAL_ANON_KEY, serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
    output: () => '', stop: async () => {},
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
  const pgid = child.pid!;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-pgid, signal);
      return true;
    } catch {
      return false; // ESRCH: nobody left in the group
    }
  };
  if (!signalGroup('SIGTERM')) return;
  // The leader exits once it has stopped Postgres and the worker; then wait for stragglers of the group.
  const deadline = Date.now() + graceMs;
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  while (Date.now() < deadline && signalGroup(0)) await new Promise((resolve) => setTimeout(resolve, 100));
  if (signalGroup(0)) signalGroup('SIGKILL');
}

// Tests never open Realtime, and Node 20 has no global WebSocket for supabase-js to find.
const NO_REALTIME = { transport: class {} as never };

/** supabase-js as `email` (signed in with the password), to check what the admin showed against the REST API. */
export async function userClient(stack: RunningComptoir, email: string, password: string): Promise<SupabaseClient<any, any, any>> {
  const client = createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: NO_REALTIME });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`${email} could not sign in through the API: ${error.message}`);
  return client;
}

export function serviceClient(stack: RunningComptoir): SupabaseClient<any, any, any> {
  return createClient(stack.apiUrl, stack.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: NO_REALTIME });
}

export interface MailboxMessage {
  id: string;
  subject: string;
  to: string[];
  text: string;
  html: string;
}

/** The e-mails to `to` in the stack's mailbox (JSON API), newest first. */
export async function mailboxMessages(stack: RunningComptoir, to: string): Promise<Array<{ id: string; subject: string }>> {
  const response = await fetch(`${stack.mailboxUrl}/api/v1/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`the mailbox answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Array<{ id: string; subject: string }>;
}

/** Waits for an e-mail to `to` that is not one of `seen` (ids), and returns it whole. */
export async function newMailTo(stack: RunningComptoir, to: string, seen: string[], timeoutMs = 30_000): Promise<MailboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = (await mailboxMessages(stack, to)).find((m) => !seen.includes(m.id));
    if (fresh) {
      const response = await fetch(`${stack.mailboxUrl}/api/v1/messages/${encodeURIComponent(fresh.id)}`);
      return (await response.json()) as MailboxMessage;
    }
    if (Date.now() > deadline) throw new Error(`no new e-mail to ${to} within ${timeoutMs / 1000} s (the jobs worker delivers them)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The demo seed's people (seeds/demo), who all sign in with the same password. */
export const DEMO = {
  password: 'comptoir-demo',
  admin: 'admin@comptoir.test',
  staff: 'staff@comptoir.test',
  marketer: 'marketer@comptoir.test',
  supplier1: 'fournisseur1@comptoir.test',
  supplier2: 'fournisseur2@comptoir.test',
} as const;
