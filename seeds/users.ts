// Seed users are made through the Auth admin API (as on hosted Supabase), so their passwords,
// identities and profiles are exactly what a real sign-up would make.
import { createClient } from '@supabase/supabase-js';

export interface SeedUser {
  email: string;
  password: string;
  displayName: string;
}

export interface AuthTarget {
  supabaseUrl: string;
  serviceRoleKey: string;
}

/** Creates the user if the e-mail is new; returns its id either way (seeding twice is harmless). */
export async function ensureUser(target: AuthTarget, user: SeedUser, findId: (email: string) => Promise<string | undefined>): Promise<string> {
  const admin = createClient(target.supabaseUrl, target.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Seeds never open Realtime, and Node 20 has no WebSocket for supabase-js to find.
    realtime: { transport: class {} as never },
  }).auth.admin;
  const existing = await findId(user.email);
  if (existing) return existing;
  const { data, error } = await admin.createUser({
    email: user.email,
    password: user.password,
    email_confirm: true,
    user_metadata: { display_name: user.displayName },
  });
  if (error) throw new Error(`creating seed user ${user.email}: ${error.message}`);
  return data.user.id;
}
