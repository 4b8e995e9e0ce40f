// `npm run seed -- large [--seed n] [--scale f]`: the volume data set (at scale 1: 50 shops, 30,000
// products with ~90,000 variants, 200,000 customers, 1,000,000 orders with ~2.5 items each, and
// what makes them coherent), the same rows for the same seed, dated around a fixed day (plan.ts).
//
// How it loads fast: rows are generated in-process and streamed with COPY, one connection per
// table so that Postgres works on both cores; triggers are off (session_replication_role =
// replica: no audit rows, no per-row ledger, totals or stats work), secondary indexes of the big
// tables are built after the load, and derived data is then recomputed set-based with the domains'
// own statements:
//   select app.recompute_supplier_stock();       -- a no-op check: the seed writes supplier counts itself
//   select app.rebuild_supplied_products();      -- the products each supplier supplies (the products policy reads them)
//   select app.recompute_stock_levels();         -- stock_levels = sum of the ledger
//   select app.refresh_all_customer_stats();     -- customer_shops, loyalty balances, order stats, segments
//   select app.recompute_document_sequences();   -- order numbering continues after the seeded numbers
// Order totals are computed while generating, with the orders migration's formulas, and checked
// against the items set-based; on any difference app.recompute_order_totals() is run.
// Finally VACUUM ANALYZE, so that the planner has statistics and counts can use index-only scans.
//
// Not seeded: invoices, returns, supplier orders, conversations, marketing (other seeds or tests make
// them), customer merges. Historical orders took no stock: the ledger holds purchases, counts and
// supplier declarations only. Customer segments are computed as of now() by the customers domain's
// refresh, so they (alone) depend on the day the seed runs.
//
// Customers' personal data is staged in clear in a scratch schema, seed_large, and encrypted from
// there set-based (customers.ts); the schema is dropped at the end.
//
// It loads into a database without catalogue or shops (a fresh `npm start` data dir, or a scratch
// database), and refuses otherwise: there is no --reset, start from a fresh data dir instead.
import type pg from 'pg';
import { countsAt } from './plan.ts';
import { openConnections } from './connections.ts';
import { dropSecondaryIndexes, rebuildIndexes, type DeferredIndex } from './indexes.ts';
import { loadReference } from './reference.ts';
import { loadCatalogue } from './catalogue.ts';
import { insertStagedCustomers, stageCustomers } from './customers.ts';
import { loadOrders } from './orders.ts';

export interface LargeSeedOptions {
  seed: number;
  scale: number;
  log: (line: string) => void;
}

/** The tables whose secondary indexes wait for the end of the load, biggest first. */
const DEFERRED = ['order_items', 'orders', 'order_status_history', 'payments', 'customers', 'customer_identities', 'customer_addresses',
  'stock_movements', 'product_listings', 'supplier_products', 'product_variants', 'products', 'variant_costs', 'product_media',
  'loyalty_entries', 'customer_consents'];

const STAGING = `
  drop schema if exists seed_large cascade;
  create schema seed_large;
  create unlogged table seed_large.customers (id uuid, display_name text, email text, phone text, customer_group_id uuid, locale text,
    home_shop_id uuid, created_at timestamptz);
  create unlogged table seed_large.identities (id uuid, customer_id uuid, kind text, normalised text, verified boolean, created_at timestamptz);
  create unlogged table seed_large.addresses (id uuid, customer_id uuid, label text, address text, country_code text, is_default boolean,
    created_at timestamptz);
`;

export async function seedLarge(client: pg.Client, { seed, scale, log }: LargeSeedOptions): Promise<void> {
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${seed}`);
  const counts = countsAt(scale);
  await refuseUnlessEmpty(client);
  log(`seed large: seed ${seed}, scale ${scale}: ${counts.shops} shops, ${counts.products} products, ${counts.customers} customers, ${counts.orders} orders`);

  const started = performance.now();
  let last = started;
  const phase = (name: string) => {
    const now = performance.now();
    log(`  ${name.padEnd(34)} ${((now - last) / 1000).toFixed(1).padStart(6)} s`);
    last = now;
  };

  const connections = await openConnections(client);
  let deferred: DeferredIndex[] = [];
  try {
    await client.query(STAGING);
    deferred = await dropSecondaryIndexes(client, DEFERRED);
    phase('prepare');

    const ref = await loadReference(connections, seed, counts);
    phase('shops, categories, suppliers');

    const [catalogue, people] = await Promise.all([
      loadCatalogue(connections, seed, counts, ref),
      stageCustomers(connections, seed, counts, ref),
    ]);
    phase('catalogue, stock, customers (COPY)');

    await Promise.all([insertStagedCustomers(connections), loadOrders(connections, seed, counts, ref, catalogue, people)]);
    phase('orders (COPY), customers (encrypt)');
  } catch (error) {
    await connections.abort();
    throw error;
  } finally {
    await rebuildIndexes(connections, deferred, DEFERRED);
    phase(`indexes (${deferred.length} rebuilt)`);
  }
  try {
    await Promise.all([
      connections.with(async (c) => {
        await c.query('select app.recompute_supplier_stock()');
        await c.query('select app.rebuild_supplied_products()');
        await c.query('select app.recompute_stock_levels()');
        await c.query('select app.recompute_document_sequences()');
      }),
      connections.with((c) => c.query('select app.refresh_all_customer_stats()')),
      connections.with(async (c) => {
        const { rows } = await c.query(TOTALS_DIFFER);
        if (rows[0].n > 0) {
          log(`  ${rows[0].n} order totals differ from their items: running app.recompute_order_totals()`);
          await c.query('select app.recompute_order_totals()');
        }
      }),
    ]);
    // The dashboard's rollups (sales per shop and day, stock alerts) read the totals fixed above.
    await connections.with((c) => c.query('select app.rebuild_dashboard_rollups()'));
    phase('recompute derived data');
    await client.query('drop schema seed_large cascade');
    await vacuumAnalyze(connections);
    phase('vacuum analyze');
  } finally {
    await connections.close();
  }
  log(`  ${'total'.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

/** Orders whose stored totals are not what app.recompute_order_totals() would make of their items. */
export const TOTALS_DIFFER = `
  select count(*)::int as n
    from public.orders o
    left join (select order_id, sum(line_total_cents) as subtotal,
                      sum(round(line_total_cents * tax_rate_bp / (10000.0 + tax_rate_bp)))::bigint as tax
                 from public.order_items group by order_id) i on i.order_id = o.id
   where o.subtotal_cents <> coalesce(i.subtotal, 0) or o.tax_cents <> coalesce(i.tax, 0)
      or o.total_cents <> coalesce(i.subtotal, 0) - o.discount_cents + o.shipping_cents`;

async function refuseUnlessEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query(`
    select (select count(*) from public.shops)::int as shops, (select count(*) from public.products)::int as products,
           to_regclass('public.orders') is not null as migrated`).catch((error: Error) => {
    throw new Error(`seed large: the database is not migrated (${error.message}): run it against a Comptoir database (npm start)`);
  });
  const [{ shops, products, migrated }] = rows;
  if (!migrated) throw new Error('seed large: the database has no orders table: apply supabase/migrations first (npm start does)');
  if (shops > 0 || products > 0) {
    throw new Error(
      `seed large: this database already has ${shops} shops and ${products} products; the large seed loads only into an empty ` +
        'database. Start Comptoir on a fresh data dir (COMPTOIR_DATA_DIR=/tmp/comptoir-large npm start) and seed that one.',
    );
  }
}

async function vacuumAnalyze(connections: Awaited<ReturnType<typeof openConnections>>): Promise<void> {
  const { rows } = await connections.main.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'app') and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
  );
  const queue = rows.map((r) => r.name);
  const worker = () =>
    connections.with(async (c) => {
      for (let next = queue.shift(); next; next = queue.shift()) await c.query(`vacuum (analyze) ${next}`);
    });
  await Promise.all([worker(), worker()]);
}
