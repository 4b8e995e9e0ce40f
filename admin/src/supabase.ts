// The one supabase-js client of the admin: every read and write goes through it as the signed-in
// user, so row-level security decides what the admin shows.
import { createClient } from '@supabase/supabase-js';
import { config } from './config.ts';

export const supabase = createClient(config.supabaseUrl, config.supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, storageKey: 'comptoir-admin-auth' },
});
