// What the benchmarks on the large seed share: the API in front of it (SUPABASE_URL, else a stack
// of their own over DATABASE_URL), users made once per role (through Auth's admin API, so they are
// real users), given exactly the one membership a run is about, and signed in; and the median of a
// run's samples.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { freePort } from '../supabase/local/spawn.ts';
import { startStack } from '../supabase/local/stack.ts';

/** SUPABASE_URL when set; otherwise REST and Auth served over `databaseUrl` on free ports until stop(). */
export async function benchApi(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.SUPABASE_URL) return { url: process.env.SUPABASE_URL, stop: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const stack = await startStack({ databaseUrl, dataDir, apiPort: await freePort(), mailboxPort: await freePort(), log: () => {} });
  return {
    url: stack.apiUrl,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchPersona {
  email: string;
  role: 'admin' | 'staff' | 'marketer' | 'supplier';
  shopId?: string | null;
  supplierId?: string | null;
}

export interface BenchAuth {
  db: pg.Client;
  apiUrl: string;
  anonKey: string;
  serviceKey: string;
  password: string;
}

/** Makes the persona's user if it does not exist, sets its one membership, signs it in: its id and access token. */
export async function signInPersona(auth: BenchAuth, persona: BenchPersona): Promise<{ id: string; token: string }> {
  const { db, apiUrl, anonKey, serviceKey, password } = auth;
  let id: string | undefined = (await db.query(`select id from auth.users where email = $1`, [persona.email])).rows[0]?.id;
  if (!id) {
    const response = await fetch(`${apiUrl}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { apikey: serviceKey, Authorization: `Bearer ${serviceKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: persona.email, password, email_confirm: true, user_metadata: { display_name: persona.email.split('@')[0] } }),
    });
    if (!response.ok) throw new Error(`creating ${persona.email}: ${response.status} ${await response.text()}`);
    id = ((await response.json()) as { id: string }).id;
  }
  // Exactly the one membership the persona is about (the shop or supplier may differ from a previous run's).
  await db.query(`delete from public.memberships where user_id = $1`, [id]);
  await db.query(`insert into public.memberships (user_id, role, shop_id, supplier_id) values ($1, $2, $3, $4)`,
    [id, persona.role, persona.shopId ?? null, persona.supplierId ?? null]);
  const signIn = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: persona.email, password }),
  });
  if (!signIn.ok) throw new Error(`signing in ${persona.email}: ${signIn.status} ${await signIn.text()}`);
  return { id, token: ((await signIn.json()) as { access_token: string }).access_token };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
