// Loads the signed-in user's catalog (public.admin_catalog()) once per page load.
import { useEffect, useState } from 'react';
import { supabase } from '../supabase.ts';
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
      if (!data.session) return setState({ status: 'signed-out' });
      try {
        const catalog = await loadCatalog();
        if (!cancelled) setState({ status: 'ready', catalog });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', message: (error as Error).message });
      }
    })();
    return () => { cancelled = true; };
  }, []);
  return state;
}
