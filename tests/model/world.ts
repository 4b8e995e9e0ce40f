// The people and places every data-model test works with: two shops (A, B), two suppliers (X, Y),
// and one real user per persona, signed in through Auth, with the memberships that make them who
// they are. Each test file builds its own world (unique codes and e-mails), so files never share rows.
import assert from 'node:assert/strict';
import { anonClient, serviceClient, sql } from '../helpers/env.ts';

export const PERSONAS = ['admin', 'staffA', 'staffB', 'marketer', 'supplierX', 'supplierY', 'anon'] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedInPersona = Exclude<Persona, 'anon'>;

export interface World {
  /** A short unique suffix for codes, SKUs and e-mails made in this world. */
  tag: string;
  shopA: string;
  shopB: string;
  supplierX: string;
  supplierY: string;
  /** auth.users ids (= profiles ids). */
  users: Record<SignedInPersona, string>;
  /** Access tokens; anon has none. */
  tokens: Record<SignedInPersona, string>;
}

export const PASSWORD = 'world-password-1';

async function signedInUser(email: string): Promise<{ id: string; token: string }> {
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  assert.equal(error, null, `creating ${email}`);
  const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
  assert.equal(signIn.error, null, `signing in ${email}`);
  return { id: data.user!.id, token: signIn.data.session!.access_token };
}

/** Rows inserted as the database owner (no RLS), returned as Postgres has them. */
export async function insertRows<T extends Record<string, unknown> = Record<string, any>>(table: string, rows: Array<Record<string, unknown>>): Promise<T[]> {
  const out: T[] = [];
  for (const row of rows) {
    const columns = Object.keys(row).map((c) => `"${c}"`).join(', ');
    const [inserted] = await sql<T>(
      `insert into public.${table} (${columns}) select ${columns} from jsonb_populate_record(null::public.${table}, $1) returning *`,
      [JSON.stringify(row)],
    );
    out.push(inserted);
  }
  return out;
}

export async function insertRow<T extends Record<string, unknown> = Record<string, any>>(table: string, row: Record<string, unknown>): Promise<T> {
  return (await insertRows<T>(table, [row]))[0];
}

export async function createWorld(): Promise<World> {
  const tag = Math.random().toString(36).slice(2, 8);
  const [shopA, shopB] = await insertRows('shops', [
    { code: `a-${tag}`, name: `Shop A ${tag}`, domain: `a-${tag}.example.com` },
    { code: `b-${tag}`, name: `Shop B ${tag}`, domain: `b-${tag}.example.com`, locale: 'en' },
  ]);
  const [supplierX, supplierY] = await insertRows('suppliers', [{ name: `Supplier X ${tag}` }, { name: `Supplier Y ${tag}` }]);

  const users = {} as Record<SignedInPersona, string>;
  const tokens = {} as Record<SignedInPersona, string>;
  for (const persona of PERSONAS) {
    if (persona === 'anon') continue;
    const user = await signedInUser(`${persona.toLowerCase()}-${tag}@world.example.com`);
    users[persona] = user.id;
    tokens[persona] = user.token;
  }
  await insertRows('memberships', [
    { user_id: users.admin, role: 'admin' },
    { user_id: users.staffA, role: 'staff', shop_id: shopA.id },
    { user_id: users.staffB, role: 'staff', shop_id: shopB.id },
    { user_id: users.marketer, role: 'marketer' },
    { user_id: users.supplierX, role: 'supplier', supplier_id: supplierX.id },
    { user_id: users.supplierY, role: 'supplier', supplier_id: supplierY.id },
  ]);
  return { tag, shopA: shopA.id, shopB: shopB.id, supplierX: supplierX.id, supplierY: supplierY.id, users, tokens };
}
