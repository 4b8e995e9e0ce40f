// Where the API is, from /config.js (see admin/public/config.js), else from Vite env at build time.
declare global {
  interface Window {
    __COMPTOIR__?: { supabaseUrl: string; supabaseAnonKey: string };
  }
}

export const config = {
  supabaseUrl: window.__COMPTOIR__?.supabaseUrl ?? import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321',
  supabaseAnonKey: window.__COMPTOIR__?.supabaseAnonKey ?? import.meta.env.VITE_SUPABASE_ANON_KEY ?? '',
};
