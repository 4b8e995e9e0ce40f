// What every test file needs to reach the stack that tests/run.ts started.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { SignJWT } from 'jose';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which starts the stack`);
  return value;
}

export const SUPABASE_URL = required('SUPABASE_URL');
export const ANON_KEY = required('SUPABASE_ANON_KEY');
export const SERVICE_ROLE_KEY = required('SUPABASE_SERVICE_ROLE_KEY');
export const JWT_SECRET = required('SUPABASE_JWT_SECRET');
export const DATABASE_URL = required('DATABASE_URL');
export const REST_URL = `${SUPABASE_URL}/rest/v1`;
export const AUTH_URL = `${SUPABASE_URL}/auth/v1`;
export const FUNCTIONS_URL = `${SUPABASE_URL}/functions/v1`;

/** A folder of Edge Functions the stack serves, that tests may write to (code changes, secrets). */
export function scratchFunctionsDir(): string {
  return required('COMPTOIR_TEST_FUNCTIONS_DIR');
}

// Tests never open Realtime, and Node 20 has no global WebSocket for supabase-js to find.
const NO_REALTIME = { transport: class {} as never };

/** A supabase-js client with the anon key (and, if given, a user's access token). */
export function anonClient(accessToken?: string, options: { schema?: string } = {}): SupabaseClient<any, any, any> {
  return createClient(SUPABASE_URL, ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    db: { schema: options.schema ?? 'public' },
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
    realtime: NO_REALTIME,
  });
}

export function serviceClient(): SupabaseClient<any, any, any> {
  return createClient(SUPABASE_URL, SERVICE_ROLE_KEY, { auth: { persistSession: false, autoRefreshToken: false }, realtime: NO_REALTIME });
}

/** Signs a JWT with the project's secret (or another, to forge one). */
export async function signJwt(claims: Record<string, unknown>, options: { secret?: string; expiresIn?: string | number } = {}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
  else if (!('exp' in claims)) jwt.setExpirationTime('1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

/** Raw HTTP against the gateway with the anon key as apikey unless headers say otherwise. */
export function api(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${SUPABASE_URL}${path}`, { ...init, headers: { apikey: ANON_KEY, ...init.headers } });
}

let pool: pg.Pool | undefined;
/** SQL straight to Postgres as the superuser, for setting up and for checking what a request left behind. */
export async function sql<T extends pg.QueryResultRow = any>(text: string, values: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: DATABASE_URL, max: 2, allowExitOnIdle: true });
  return (await pool.query<T>(text, values)).rows;
}
