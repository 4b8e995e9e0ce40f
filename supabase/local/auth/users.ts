// A user as auth.users stores it, and as GoTrue answers it in JSON (same fields, same order,
// secrets left out, empty optional fields omitted).
import type { Db } from './db.ts';
import * as sql from './sql.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change_token_new: string | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  confirmed_at: Date | null;
  reauthentication_sent_at: Date | null;
  banned_until: Date | null;
  is_sso_user: boolean;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

export interface User {
  row: UserRow;
  identities: IdentityRow[];
}

const time = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

export function identityJson(i: IdentityRow) {
  return {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
    last_sign_in_at: time(i.last_sign_in_at),
    created_at: time(i.created_at),
    updated_at: time(i.updated_at),
    email: i.email || undefined,
  };
}

/** GoTrue's JSON for a user; `undefined` fields disappear when serialised, like Go's omitempty. */
export function userJson({ row: u, identities }: User): Record<string, unknown> {
  return {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    email_confirmed_at: time(u.email_confirmed_at),
    invited_at: time(u.invited_at),
    phone: u.phone ?? '',
    phone_confirmed_at: time(u.phone_confirmed_at),
    confirmation_sent_at: time(u.confirmation_sent_at),
    confirmed_at: time(u.confirmed_at),
    recovery_sent_at: time(u.recovery_sent_at),
    new_email: u.email_change || undefined,
    email_change_sent_at: time(u.email_change_sent_at),
    new_phone: u.phone_change || undefined,
    phone_change_sent_at: time(u.phone_change_sent_at),
    reauthentication_sent_at: time(u.reauthentication_sent_at),
    last_sign_in_at: time(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: identities.map(identityJson),
    created_at: time(u.created_at),
    updated_at: time(u.updated_at),
    banned_until: time(u.banned_until),
    deleted_at: time(u.deleted_at),
    is_anonymous: u.is_anonymous,
  };
}

export async function loadUser(db: Db, id: string): Promise<User | undefined> {
  const row = await db.one<UserRow>(sql.findUserById(id));
  if (!row) return undefined;
  return { row, identities: await db.many<IdentityRow>(sql.listIdentities(id)) };
}

export async function withIdentities(db: Db, row: UserRow): Promise<User> {
  return { row, identities: await db.many<IdentityRow>(sql.listIdentities(row.id)) };
}

export function isBanned(u: UserRow): boolean {
  return u.banned_until !== null && u.banned_until.getTime() > Date.now();
}

export function isConfirmed(u: UserRow): boolean {
  return u.email_confirmed_at !== null;
}
