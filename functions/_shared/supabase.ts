// supabase-js clients for functions. `clientForRequest` acts as the caller: it forwards the
// request's Authorization header (the signed-in user's JWT, or the anon key), so every query goes
// through the REST API under row-level security as that user. `serviceClient` bypasses RLS: use
// it only for trusted server work (verified webhooks), never with data the caller chose unchecked.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@2';

const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

function env(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function clientForRequest(req: Request): SupabaseClient {
  const authorization = req.headers.get('Authorization');
  return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
    global: { headers: authorization ? { Authorization: authorization } : {} },
    auth: noSession,
  });
}

export function serviceClient(): SupabaseClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), { auth: noSession });
}
