// The catalog kept in localStorage between page loads (admin/src/catalog/catalogCache.ts): a load
// renders from the user's own copy at once, the fresh answer replaces it when it differs (a table
// added meanwhile appears), and nothing of another user, an older format or a failed load is used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CACHE_KEY, CACHE_VERSION, loadWithCache, readCachedCatalog, writeCachedCatalog, type CatalogLoad,
} from '../../admin/src/catalog/catalogCache.ts';
import type { Catalog, CatalogResource } from '../../admin/src/catalog/types.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

function resource(name: string): CatalogResource {
  return {
    schema: 'public', name, kind: 'table', primary_key: ['id'], estimated_rows: 10, search: null,
    can: { select: true, insert: false, update: false, delete: false }, columns: [], comment: null, description: null,
  };
}

function catalog(userId: string, tables: string[]): Catalog {
  return {
    user: { id: userId, email: `${userId}@example.com`, display_name: null, locale: 'fr', roles: ['admin'], shop_ids: [], supplier_ids: [] },
    resources: tables.map(resource),
  };
}

/** Runs one page load; returns what it published, in order, and how often the RPC was asked. */
async function pageLoad(store: MemoryStorage, userId: string, answer: Catalog | Error) {
  const published: CatalogLoad[] = [];
  let asked = 0;
  await loadWithCache(store, userId, async () => {
    asked += 1;
    // The RPC is asked before the copy is shown: both are under way at once.
    assert.equal(published.length, 0, 'the RPC is asked before anything is published');
    if (answer instanceof Error) throw answer;
    return answer;
  }, (load) => published.push(load));
  return { published, asked };
}

const names = (load: CatalogLoad) => (load.status === 'ready' ? load.catalog.resources.map((r) => r.name) : load.message);

test('a first load waits for the RPC, and keeps its answer for the next load', async () => {
  const store = new MemoryStorage();
  const { published, asked } = await pageLoad(store, 'u1', catalog('u1', ['orders']));
  assert.equal(asked, 1);
  assert.deepEqual(published.map(names), [['orders']]);
  assert.deepEqual(readCachedCatalog(store, 'u1'), catalog('u1', ['orders']));
});

test('the next load shows the copy at once, asks again, and renders once when nothing changed', async () => {
  const store = new MemoryStorage();
  writeCachedCatalog(store, catalog('u1', ['orders']));
  const { published, asked } = await pageLoad(store, 'u1', catalog('u1', ['orders']));
  assert.equal(asked, 1, 'the catalog is still asked on every load');
  assert.deepEqual(published.map(names), [['orders']]);
});

test('a table added since the copy appears as soon as the fresh answer arrives, and stays', async () => {
  const store = new MemoryStorage();
  writeCachedCatalog(store, catalog('u1', ['orders']));
  const { published } = await pageLoad(store, 'u1', catalog('u1', ['customer_groups', 'orders']));
  assert.deepEqual(published.map(names), [['orders'], ['customer_groups', 'orders']]);
  const next = await pageLoad(store, 'u1', catalog('u1', ['customer_groups', 'orders']));
  assert.deepEqual(next.published.map(names), [['customer_groups', 'orders']]);
});

test('a right taken away since the copy is taken away too', async () => {
  const store = new MemoryStorage();
  const before = catalog('u1', ['orders']);
  before.resources[0].can.insert = true;
  writeCachedCatalog(store, before);
  const { published } = await pageLoad(store, 'u1', catalog('u1', ['orders']));
  assert.equal(published.length, 2);
  assert.equal((published[0] as { catalog: Catalog }).catalog.resources[0].can.insert, true, 'the copy first');
  assert.equal((published[1] as { catalog: Catalog }).catalog.resources[0].can.insert, false, 'then the database\'s answer');
});

test("another user's copy, an older format or an unreadable entry is never shown", async () => {
  const store = new MemoryStorage();
  writeCachedCatalog(store, catalog('u1', ['orders', 'payments']));
  assert.equal(readCachedCatalog(store, 'u2'), null);
  const { published } = await pageLoad(store, 'u2', catalog('u2', ['products']));
  assert.deepEqual(published.map(names), [['products']], "u1's tables are not shown to u2");
  assert.equal(readCachedCatalog(store, 'u1'), null, 'one copy per browser: the last user\'s');

  store.setItem(CACHE_KEY, JSON.stringify({ version: CACHE_VERSION + 1, userId: 'u2', catalog: catalog('u2', ['x']) }));
  assert.equal(readCachedCatalog(store, 'u2'), null);
  store.setItem(CACHE_KEY, '{not json');
  assert.equal(readCachedCatalog(store, 'u2'), null);
  // An entry whose catalog belongs to someone else than its label says.
  store.setItem(CACHE_KEY, JSON.stringify({ version: CACHE_VERSION, userId: 'u2', catalog: catalog('u1', ['x']) }));
  assert.equal(readCachedCatalog(store, 'u2'), null);
});

test('a failed RPC shows the failure without a copy, keeps the copy on screen otherwise, and drops it', async () => {
  const empty = new MemoryStorage();
  const first = await pageLoad(empty, 'u1', new Error('permission denied'));
  assert.deepEqual(first.published, [{ status: 'failed', message: 'permission denied' }]);

  const store = new MemoryStorage();
  writeCachedCatalog(store, catalog('u1', ['orders']));
  const second = await pageLoad(store, 'u1', new Error('network down'));
  assert.deepEqual(second.published.map(names), [['orders']]);
  assert.equal(readCachedCatalog(store, 'u1'), null, 'the next load asks the database first');
});

test('a storage that refuses to keep the copy only loses the head start', async () => {
  const store = new MemoryStorage();
  store.setItem = () => { throw new Error('QuotaExceededError'); };
  const { published } = await pageLoad(store, 'u1', catalog('u1', ['orders']));
  assert.deepEqual(published.map(names), [['orders']]);
  assert.equal(readCachedCatalog(store, 'u1'), null);
});
