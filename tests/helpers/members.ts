// A person with a role in Comptoir, for tests that need one without the whole model world: an
// auth user (its profile comes from the sign-up trigger), a membership, and a token for it.
import { randomUUID } from 'node:crypto';
import { signJwt, sql } from './env.ts';

export type MemberRole = 'admin' | 'staff' | 'marketer';

/** A signed JWT for a new user holding `role` (every shop), or for a user with no membership. */
export async function memberToken(role: MemberRole | 'none', claims: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  await sql(`insert into auth.users (id, email) values ($1, $2)`, [id, `${role}-${id}@members.example.com`]);
  if (role !== 'none') await sql(`insert into public.memberships (user_id, role) values ($1, $2)`, [id, role]);
  return signJwt({ sub: id, role: 'authenticated', aud: 'authenticated', ...claims });
}
