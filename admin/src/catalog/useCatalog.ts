// Loads the signed-in user's catalog (public.admin_catalog()) on every page load. When this browser
// already has the user's catalog from an earlier load, the app renders from that copy at once and
// the fresh answer, asked at the same time, replaces it when it differs (catalogCache.ts): the first
// screen no longer waits for the RPC, and a table added by a migration still appears after a reload.
import { useEffect, useState } from 'react';
import { supabase } from '../supabase.ts';
import { forgetCachedCatalog, loadWithCache } from './catalogCache.ts';
import type { Catalog } from './types.ts';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'ready'; catalog: Catalog }
  | { status: 'failed'; message: string };

export async function loadCatalog(): Promise<Catalog> {
  const { data, error } = await supabase.rpc('admin_catalog');
  if (error) throw new Error(error.message);
  return data as Catalog;
}

export function useCatalog(): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data } = await supabase.auth.getSession();
      if (!data.session) {
        // Signed out: no catalog of the previous user stays in this browser.
        forgetCachedCatalog(localStorage);
        return setState({ status: 'signed-out' });
      }
      await loadWithCache(localStorage, data.session.user.id, loadCatalog, (load) => { if (!cancelled) setState(load); });
    })();
    return () => { cancelled = true; };
  }, []);
  return state;
}
