// Sign-in with a password or with a one-time code sent by e-mail, through Supabase Auth.
// The session lives in localStorage (supabase-js), so it survives a reload.
import type { AuthProvider } from '@refinedev/core';
import { supabase } from '../supabase.ts';
import { t } from '../i18n/index.ts';

export type LoginParams = { email: string; password: string } | { email: string; code: string };

export const authProvider: AuthProvider = {
  login: async (params: LoginParams) => {
    const { error } = 'password' in params
      ? await supabase.auth.signInWithPassword({ email: params.email, password: params.password })
      : await supabase.auth.verifyOtp({ email: params.email, token: params.code, type: 'email' });
    if (error) {
      const message = 'password' in params ? t('login.invalid') : t('login.invalidCode');
      return { success: false, error: { name: message, message: error.message } };
    }
    // A full reload rebuilds the resources from the new user's catalog.
    window.location.assign('/');
    return { success: true };
  },
  logout: async () => {
    await supabase.auth.signOut();
    // A full load, as after sign-in: the signed-in app (its resources, its catalog) goes away entirely.
    window.location.assign('/login');
    return { success: true };
  },
  check: async () => {
    const { data } = await supabase.auth.getSession();
    return data.session ? { authenticated: true } : { authenticated: false, redirectTo: '/login', logout: true };
  },
  onError: async (error: { statusCode?: number; status?: number; code?: string }) => {
    const status = error?.statusCode ?? error?.status;
    if (status === 401 || error?.code === 'PGRST301') return { logout: true, redirectTo: '/login' };
    return {};
  },
  getIdentity: async () => {
    const { data } = await supabase.auth.getUser();
    return data.user ? { id: data.user.id, email: data.user.email, name: data.user.email } : null;
  },
};

/** Sends a one-time sign-in code to an existing user's e-mail (never creates a user). */
export async function sendSignInCode(email: string) {
  const { error } = await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (error) throw error;
}
