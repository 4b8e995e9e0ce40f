// GET /functions/v1/health → { status: "ok", time }. With ?db=1 it also calls the REST API through
// supabase-js as the caller and reports whether it answered: { db: { reachable, status } }, with
// 503 when it did not. No JWT needed (verify_jwt = false in supabase/config.toml).
import { corsHeaders } from '../_shared/cors.ts';
import { clientForRequest } from '../_shared/supabase.ts';

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: corsHeaders });
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  const time = new Date().toISOString();
  if (new URL(req.url).searchParams.get('db') !== '1') return json({ status: 'ok', time });

  // Any answer from PostgREST (even "no such table") proves the API and its schema cache are up;
  // a network failure or a 5xx does not.
  const { status, error } = await clientForRequest(req).from('health_probe').select('*', { head: true });
  const reachable = status > 0 && status < 500;
  if (!reachable) return json({ status: 'error', time, db: { reachable, status, message: error?.message ?? null } }, 503);
  return json({ status: 'ok', time, db: { reachable, status } });
});
