// What the Storage tests share: users with tokens (rows in auth.users, no Auth service needed),
// raw HTTP against /storage/v1, and a look at what a request left on disk.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ANON_KEY, SERVICE_ROLE_KEY, anonClient, serviceClient, signJwt, sql, SUPABASE_URL } from '../helpers/env.ts';

type Client = SupabaseClient<any, any, any>;

export { anonClient, serviceClient };

export const STORAGE_URL = `${SUPABASE_URL}/storage/v1`;

export interface TestUser {
  id: string;
  token: string;
  client: Client;
}

export async function createUser(name: string): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${name}-${id}@example.com`;
  await sql(
    `insert into auth.users (id, aud, role, email, created_at, updated_at) values ($1, 'authenticated', 'authenticated', $2, now(), now())`,
    [id, email],
  );
  const token = await signJwt({ sub: id, role: 'authenticated', aud: 'authenticated', email });
  return { id, token, client: anonClient(token) };
}

/** fetch against /storage/v1 with the anon apikey; `token` becomes the Authorization header. */
export function storage(path: string, init: RequestInit & { token?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const { token, headers, ...rest } = init;
  return fetch(`${STORAGE_URL}${path}`, {
    ...rest,
    headers: { apikey: ANON_KEY, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export const SERVICE_TOKEN = SERVICE_ROLE_KEY;

/** Every file under the stack's storage directory (relative paths), to prove what was or was not written. */
export function filesOnDisk(): string[] {
  const root = join(process.env.COMPTOIR_TEST_DATA_DIR!, 'storage');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as any[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(root.length + 1));
}

/** Whether a file is somewhere under the stack's data directory but outside its storage directory. */
export function filesOutsideStorage(name: string): string[] {
  const root = process.env.COMPTOIR_TEST_DATA_DIR!;
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as any[])
    .filter((e) => e.isFile() && e.name.includes(name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((p) => !p.startsWith(join(root, 'storage') + '/'));
}

export async function objectRow(bucket: string, name: string) {
  const [row] = await sql('select * from storage.objects where bucket_id = $1 and name = $2', [bucket, name]);
  return row;
}

export const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
