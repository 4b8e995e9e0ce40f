// CORS headers for functions called from a browser, as Supabase's docs recommend for
// supabase-js ≥ 2.95: taken from the SDK, so the allow-list follows the headers its clients send.
// Answer the preflight with them (`if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders })`)
// and add them to every response.
export { corsHeaders } from 'npm:@supabase/supabase-js@2/cors';
