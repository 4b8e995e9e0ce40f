// The last catalog each browser got, kept in localStorage so that a page load renders at once from
// it while public.admin_catalog() is asked again in the background (useCatalog.ts). It is only a
// head start: the fresh answer replaces it as soon as it arrives when it differs (a table added by
// a migration appears on that same load), and the database still judges every request, so an
// out-of-date copy can at worst offer an action that is then refused, never show data the user
// may not read.
//
// One entry per browser, for one user: a sign-in as someone else, or a sign-out, leaves nothing of
// the previous user's catalog behind. Pure functions over a Storage, so tests can run them in Node.
import type { Catalog } from './types.ts';

/** Bumped when the shape of Catalog changes, so an older copy is never read as a newer one. */
export const CACHE_VERSION = 1;
export const CACHE_KEY = 'comptoir-catalog';

interface Entry {
  version: number;
  userId: string;
  catalog: Catalog;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The catalog cached for `userId`, or null (none, another user's, an older version, unreadable). */
export function readCachedCatalog(store: Store, userId: string): Catalog | null {
  try {
    const entry = JSON.parse(store.getItem(CACHE_KEY) ?? 'null') as Entry | null;
    if (!entry || entry.version !== CACHE_VERSION || entry.userId !== userId) return null;
    if (entry.catalog?.user?.id !== userId || !Array.isArray(entry.catalog.resources)) return null;
    return entry.catalog;
  } catch {
    return null;
  }
}

/** Keeps `catalog` as the one cached catalog (of its user). A full storage only loses the head start. */
export function writeCachedCatalog(store: Store, catalog: Catalog): void {
  try {
    store.setItem(CACHE_KEY, JSON.stringify({ version: CACHE_VERSION, userId: catalog.user.id, catalog } satisfies Entry));
  } catch {
    forgetCachedCatalog(store);
  }
}

export function forgetCachedCatalog(store: Store): void {
  try {
    store.removeItem(CACHE_KEY);
  } catch {
    // storage unavailable: nothing was kept either
  }
}

/** Whether two catalogs say the same thing (both come from JSON, so their texts can be compared). */
export function sameCatalog(a: Catalog, b: Catalog): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type CatalogLoad = { status: 'ready'; catalog: Catalog } | { status: 'failed'; message: string };

/**
 * One page load's catalog for `userId`: asks `fetchCatalog` at once and, while it runs, publishes
 * the cached copy if there is one; then publishes the fresh answer unless it says the same as the
 * copy (nothing renders twice), and keeps it for the next load. A failure is published only when
 * nothing was (a copy on screen stays there), and drops the copy, so the next load asks first.
 */
export async function loadWithCache(
  store: Store,
  userId: string,
  fetchCatalog: () => Promise<Catalog>,
  publish: (load: CatalogLoad) => void,
): Promise<void> {
  const fresh = fetchCatalog();
  const cached = readCachedCatalog(store, userId);
  if (cached) publish({ status: 'ready', catalog: cached });
  try {
    const catalog = await fresh;
    writeCachedCatalog(store, catalog);
    if (!cached || !sameCatalog(cached, catalog)) publish({ status: 'ready', catalog });
  } catch (error) {
    forgetCachedCatalog(store);
    if (!cached) publish({ status: 'failed', message: (error as Error).message });
  }
}
