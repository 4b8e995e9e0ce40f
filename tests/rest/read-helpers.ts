// Shared by the read-path specs: one GET (or HEAD) through the gateway, answered as status,
// the headers that matter, and the parsed body.
import { api } from '../helpers/env.ts';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export async function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const res = await api(`/rest/v1${path}`, { method, headers });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = text && (type.includes('json')) ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body, text };
}

export const JSON_TYPE = 'application/json; charset=utf-8';

import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { ANON_KEY, SUPABASE_URL } from '../helpers/env.ts';

/** Node 20 has no WebSocket; supabase-js only needs one for realtime, which these tests never use. */
class NoWebSocket {
  constructor() {
    throw new Error('realtime is not used in the REST tests');
  }
}

/** supabase-js with the anon key (and a user's token), on a given schema. */
export function restClient(options: { schema?: string; accessToken?: string } = {}): SupabaseClient<any, any, any> {
  return createClient(SUPABASE_URL, ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    db: { schema: options.schema ?? 'public' },
    realtime: { transport: NoWebSocket as any },
    global: options.accessToken ? { headers: { Authorization: `Bearer ${options.accessToken}` } } : {},
  });
}
