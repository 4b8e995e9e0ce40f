// Helpers shared by the Auth conformance tests: unique addresses, clients that look like distinct
// browsers (each its own X-Forwarded-For, so per-IP rate limits do not couple tests), the code and
// link in an e-mail Auth sent (read from the mailbox with tests/helpers/mailbox.ts), and a second
// Auth service with its own settings when a test needs other limits or switches than the shared
// stack's.
import { randomBytes, randomInt } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { ANON_KEY, DATABASE_URL, JWT_SECRET, SERVICE_ROLE_KEY, SUPABASE_URL } from '../helpers/env.ts';
import type { Mail } from '../helpers/mailbox.ts';
import { loadConfig, type SupabaseConfig } from '../../supabase/local/config.ts';
import { createAuthService } from '../../supabase/local/auth/service.ts';
import { createGateway } from '../../supabase/local/gateway/server.ts';

export const MODERN = { 'X-Supabase-Api-Version': '2024-01-01' };

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(6).toString('hex')}@example.com`;
}

export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * supabase-js builds a Realtime client up front and, on Node 20 (no global WebSocket), refuses to
 * unless given a transport. These tests never open a channel; this one says so if one ever does.
 */
class NoRealtime {
  constructor() {
    throw new Error('Realtime is not available in the Auth tests');
  }
}
const CLIENT_OPTIONS = { realtime: { transport: NoRealtime as any } };

/** supabase-js with the anon key, as one browser (its own IP). */
export function browser(baseUrl = SUPABASE_URL, flowType: 'implicit' | 'pkce' = 'implicit'): SupabaseClient<any, any, any> {
  return createClient(baseUrl, ANON_KEY, {
    ...CLIENT_OPTIONS,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType },
    global: { headers: { 'X-Forwarded-For': randomIp() } },
  });
}

/** supabase-js with the service_role key, for auth.admin. */
export function admin(baseUrl = SUPABASE_URL): SupabaseClient<any, any, any> {
  return createClient(baseUrl, SERVICE_ROLE_KEY, {
    ...CLIENT_OPTIONS,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'X-Forwarded-For': randomIp() } },
  });
}

export interface AuthCall {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Send X-Supabase-Api-Version: 2024-01-01 like supabase-js (default true). */
  modern?: boolean;
  baseUrl?: string;
  ip?: string;
  redirect?: RequestRedirect;
}

/** Raw HTTP to /auth/v1 with the anon key; answers status, headers and parsed JSON body. */
export async function auth(path: string, call: AuthCall = {}) {
  const headers: Record<string, string> = {
    apikey: ANON_KEY,
    'X-Forwarded-For': call.ip ?? randomIp(),
    ...(call.modern === false ? {} : MODERN),
    ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
    ...call.headers,
  };
  const response = await fetch(`${call.baseUrl ?? SUPABASE_URL}/auth/v1${path}`, {
    method: call.method ?? (call.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
    redirect: call.redirect ?? 'follow',
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Signs a new user up through supabase-js and answers the session. */
export async function signUp(data: Record<string, unknown> = {}, password = 'correct-horse-1') {
  const email = uniqueEmail();
  const { data: result, error } = await browser().auth.signUp({ email, password, options: { data } });
  if (error || !result.session) throw new Error(`sign-up failed: ${error?.message}`);
  return { email, password, session: result.session, user: result.user! };
}

/** The one-time code of an e-mail, in either language ("…this code: 123456", "…ce code : 123456"). */
export function codeIn(mail: Mail): string {
  const match = /code ?: (\d+)$/m.exec(mail.text);
  if (!match) throw new Error(`no code in: ${mail.text}`);
  return match[1];
}

/** The …/auth/v1/verify link of an e-mail, as a person clicking it would open it. */
export function linkIn(mail: Mail): URL {
  const link = mail.links.find((href) => new URL(href).pathname.endsWith('/auth/v1/verify'));
  if (!link) throw new Error(`no verification link in: ${mail.links.join(', ')}`);
  return new URL(link);
}

/** The claims of a JWT, unverified. */
export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

export interface IsolatedAuth {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second Auth service on the same database, behind its own gateway, with settings changed by
 * `adjust` (tiny rate limits, confirmations on, sign-up off…), so the shared stack keeps its own.
 * Its e-mails are jobs in the same database: the stack's worker delivers them to the same mailbox.
 */
export async function startIsolatedAuth(adjust: (config: SupabaseConfig) => void): Promise<IsolatedAuth> {
  const config = loadConfig();
  adjust(config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = await createAuthService({ connectionString: DATABASE_URL, config, jwtSecret: JWT_SECRET, apiUrl: url, log: (line) => process.env.TEST_STACK_LOG && console.error(line) });
  const server: Server = createGateway({
    routes: [{ prefix: '/auth/v1', handler: service.handler, isOpen: (path) => service.openPaths.includes(path) }],
    apiKeys: [ANON_KEY, SERVICE_ROLE_KEY],
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await service.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
