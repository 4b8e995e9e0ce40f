// The demo: a small French business of five shops, loaded with the database's own rules (RPCs,
// triggers, the order workflow), so that it is exactly what people would have made by hand.
// Users are made first through Auth (so that they sign in like anyone); then everything else in
// one transaction: all of it or nothing. Deterministic (seeded generator; dates relative to today,
// see dates.ts), and idempotent: if the first demo shop exists, nothing is done.
import type pg from 'pg';
import { ensureUser, type AuthTarget } from '../users.ts';
import { Demo } from './context.ts';
import { SHOPS, USERS, DEMO_PASSWORD } from './data/shops.ts';
import { seedOrganisation } from './organisation.ts';
import { seedCatalogue } from './catalogue.ts';
import { seedStock } from './stock.ts';
import { mergeDuplicate, seedCustomers } from './customers.ts';
import { planOrders, seedOrders } from './orders.ts';
import { seedMoney } from './money.ts';
import { seedSupplierOrders } from './supplier-orders.ts';
import { seedConversations } from './conversations.ts';
import { seedMarketing } from './marketing.ts';
import { spreadDates } from './dates.ts';

export { DEMO_PASSWORD, USERS as DEMO_USERS, SHOPS as DEMO_SHOPS };

/** The tables the summary counts, in the order of the domains. */
export const DEMO_TABLES = [
  'shops', 'memberships', 'categories', 'attribute_definitions', 'products', 'product_variants', 'variant_costs',
  'product_bundle_items', 'product_listings', 'price_breaks', 'group_prices', 'product_translations', 'customers',
  'customer_identities', 'customer_addresses', 'customer_consents', 'loyalty_entries', 'customer_merges', 'conversations',
  'messages', 'suppliers', 'supplier_contacts', 'supplier_products', 'warehouses', 'stock_levels', 'stock_movements',
  'orders', 'order_items', 'order_status_history', 'payments', 'invoices', 'invoice_lines', 'return_requests', 'refunds',
  'supplier_orders', 'supplier_order_items', 'segments', 'campaigns', 'promo_pages', 'forms', 'form_submissions', 'checkout_popups',
];

export interface DemoResult {
  /** False when the demo was already there (nothing was written). */
  seeded: boolean;
  /** Rows per table after the seed (the whole table, not only the demo's). */
  counts: Record<string, number>;
  /** Tables the seed could not fill because their migration is missing. */
  skipped: string[];
}

export async function seedDemo(client: pg.ClientBase, auth: AuthTarget, options: { log?: (line: string) => void } = {}): Promise<DemoResult> {
  const log = options.log ?? console.log;
  const users = new Map<string, string>();
  const findId = async (email: string) => (await client.query(`select id from auth.users where email = $1`, [email])).rows[0]?.id;
  for (const user of USERS) {
    users.set(user.email, await ensureUser(auth, { email: user.email, password: DEMO_PASSWORD, displayName: user.displayName }, findId));
  }

  const demo = new Demo(client);
  for (const [email, id] of users) demo.users.set(email, id);
  await client.query('begin');
  let seeded = false;
  try {
    // Two seeds started at once: the second waits, then finds the demo there.
    await client.query(`select pg_advisory_xact_lock(hashtext('comptoir demo seed'))`);
    const existing = await client.query(`select 1 from public.shops where code = $1`, [SHOPS[0].code]);
    if (existing.rowCount) {
      log(`seed demo: "${SHOPS[0].name}" already exists, nothing to do`);
    } else {
      await demo.loadTables();
      await demo.actAs('admin@comptoir.test');
      await seedOrganisation(demo);
      await seedCatalogue(demo);
      await seedStock(demo);
      await seedCustomers(demo);
      await seedOrders(demo, demo.has('orders') ? planOrders(demo) : []);
      await seedMoney(demo);
      await seedSupplierOrders(demo);
      await seedConversations(demo);
      await mergeDuplicate(demo);
      await seedMarketing(demo);
      await spreadDates(demo);
      await client.query(`select set_config('request.jwt.claims', '', true)`);
      seeded = true;
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }

  const counts: Record<string, number> = {};
  const present = new Set((await client.query(`select table_name from information_schema.tables where table_schema = 'public'`)).rows.map((r) => r.table_name));
  for (const table of DEMO_TABLES) {
    if (present.has(table)) counts[table] = Number((await client.query(`select count(*) from public.${table}`)).rows[0].count);
  }
  if (seeded) {
    log(`seed demo: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    if (demo.skipped.length) log(`seed demo: skipped (migration missing): ${demo.skipped.join(', ')}`);
    log(`seed demo: users ${USERS.map((u) => u.email).join(', ')} sign in with "${DEMO_PASSWORD}"`);
  }
  return { seeded, counts, skipped: demo.skipped };
}
