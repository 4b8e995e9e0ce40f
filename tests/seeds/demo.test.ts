// The demo seed, loaded into the test stack: its users sign in with the documented password, each
// sees what their role allows through the REST API, the database's invariants hold, and seeding
// again changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { anonClient, DATABASE_URL, SERVICE_ROLE_KEY, SUPABASE_URL, sql } from '../helpers/env.ts';
import { DEMO_PASSWORD, DEMO_SHOPS, DEMO_USERS, seedDemo, type DemoResult } from '../../seeds/demo/index.ts';
import { STATUSES } from '../../seeds/demo/orders.ts';

const client = new pg.Client({ connectionString: DATABASE_URL });
const auth = { supabaseUrl: SUPABASE_URL, serviceRoleKey: SERVICE_ROLE_KEY };
let first: DemoResult;
const tokens: Record<string, string> = {};
const shopIds: Record<string, string> = {};

async function signIn(email: string): Promise<string> {
  const { data, error } = await anonClient().auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  assert.equal(error, null, `${email} signs in`);
  return data.session!.access_token;
}

async function demoVariantIds(): Promise<string[]> {
  return (await sql(`select v.id from public.product_variants v join public.product_listings l on l.product_id = v.product_id where l.shop_id = any ($1)`,
    [Object.values(shopIds)])).map((v) => v.id);
}

before(async () => {
  await client.connect();
  first = await seedDemo(client, auth, { log: process.env.DEMO_SEED_LOG ? console.log : () => {} });
  for (const shop of await sql(`select id, code from public.shops where code = any ($1)`, [DEMO_SHOPS.map((s) => s.code)])) {
    shopIds[DEMO_SHOPS.find((s) => s.code === shop.code)!.key] = shop.id;
  }
});
after(() => client.end());

describe('demo seed', () => {
  test('fills every domain', () => {
    assert.deepEqual(first.skipped, [], 'no domain was skipped');
    assert.equal(Object.keys(shopIds).length, 5);
  });

  test('every demo user signs in with the documented password', async () => {
    for (const user of DEMO_USERS) tokens[user.email] = await signIn(user.email);
  });

  test('the admin sees orders in every status, in every shop', async () => {
    const { data, error } = await anonClient(tokens['admin@comptoir.test']).from('orders').select('status, shop_id').in('shop_id', Object.values(shopIds));
    assert.equal(error, null);
    assert.deepEqual(new Set(data!.map((o) => o.status)), new Set(STATUSES));
    assert.deepEqual(new Set(data!.map((o) => o.shop_id)), new Set(Object.values(shopIds)));
  });

  test("staff see the pâtisserie's and the florist's orders, and no other", async () => {
    const { data, error } = await anonClient(tokens['staff@comptoir.test']).from('orders').select('id, shop_id');
    assert.equal(error, null);
    const [{ count }] = await sql(`select count(*)::int from public.orders where shop_id = any ($1)`, [[shopIds.patisserie, shopIds.fleurs]]);
    assert.equal(data!.length, count);
    assert.deepEqual(new Set(data!.map((o) => o.shop_id)), new Set([shopIds.patisserie, shopIds.fleurs]));
  });

  test("a supplier sees its own supplier products, and not the other supplier's, even by id", async () => {
    const [domaine, grossiste] = await sql(`select id from public.suppliers where name = any ($1) order by name = 'Domaine des Trois Chênes' desc`, [['Domaine des Trois Chênes', 'Fleurs de Rungis Grossiste']]);
    const supplier1 = anonClient(tokens['fournisseur1@comptoir.test']);
    const own = await supplier1.from('supplier_products').select('id, supplier_id');
    assert.equal(own.error, null);
    assert.ok(own.data!.length > 0, 'supplier 1 has products');
    assert.deepEqual(new Set(own.data!.map((p) => p.supplier_id)), new Set([domaine.id]));
    const theirs = await sql(`select id from public.supplier_products where supplier_id = $1 limit 3`, [grossiste.id]);
    assert.equal(theirs.length, 3);
    const byId = await supplier1.from('supplier_products').select('id').in('id', theirs.map((p) => p.id));
    assert.equal(byId.error, null);
    assert.deepEqual(byId.data, []);
    const suppliers = await supplier1.from('suppliers').select('id');
    assert.deepEqual(suppliers.data, [{ id: domaine.id }]);
  });

  test('order totals equal their items, and numbers have no gaps', async () => {
    const wrong = await sql(
      `select o.number from public.orders o
         left join lateral (select coalesce(sum(line_total_cents), 0) as items from public.order_items i where i.order_id = o.id) i on true
        where o.shop_id = any ($1) and (o.subtotal_cents <> i.items or o.total_cents <> i.items - o.discount_cents + o.shipping_cents)`,
      [Object.values(shopIds)],
    );
    assert.deepEqual(wrong, []);
    const gaps = await sql(
      `select shop_id, count(*)::int as n, max(split_part(number, '-', 3)::int) as last from public.orders where shop_id = any ($1)
        group by shop_id, split_part(number, '-', 2) having count(*) <> max(split_part(number, '-', 3)::int)`,
      [Object.values(shopIds)],
    );
    assert.deepEqual(gaps, []);
  });

  test('document numbers follow their dates, shop by shop', async () => {
    const outOfOrder = await sql(
      `select number, at, previous_at from (
         select number, at, lag(at) over (partition by shop_id, kind order by number) as previous_at from (
           select shop_id, 'order' as kind, number, created_at as at from public.orders
           union all
           select shop_id, kind, number, issued_at from public.invoices where number is not null) d
          where shop_id = any ($1)) n
        where at < previous_at`,
      [Object.values(shopIds)],
    );
    assert.deepEqual(outOfOrder, []);
  });

  test('stock levels equal the sums of the ledger, and none is negative in a warehouse that forbids it', async () => {
    const wrong = await sql(
      `select l.variant_id, l.warehouse_id, l.quantity, m.total from public.stock_levels l
         left join lateral (select coalesce(sum(quantity), 0) as total from public.stock_movements m
                             where m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id) m on true
        where l.quantity <> m.total and l.variant_id = any ($1)`,
      [await demoVariantIds()],
    );
    assert.deepEqual(wrong, []);
    const negative = await sql(
      `select v.sku, w.code, l.quantity from public.stock_levels l join public.product_variants v on v.id = l.variant_id
         join public.warehouses w on w.id = l.warehouse_id
        where l.quantity < 0 and (not v.allow_backorder or w.kind = 'supplier') and l.variant_id = any ($1)`,
      [await demoVariantIds()],
    );
    assert.deepEqual(negative, []);
    // The alerts view shows rows to staff only: read it as the demo's staff member.
    const { data: alerts, error } = await anonClient(tokens['staff@comptoir.test']).from('stock_alerts').select('sku').in('variant_id', await demoVariantIds());
    assert.equal(error, null);
    assert.ok(alerts!.length >= 2 && alerts!.length <= 15, `a few variants are low on stock: ${alerts!.map((a) => a.sku).join(', ')}`);
  });

  test("customers' stats match their orders, and the merged duplicate left its trace", async () => {
    const wrong = await sql(
      `select c.display_name from public.customers c
        where c.home_shop_id = any ($1)
          and c.orders_count <> (select count(*) from public.orders o where o.customer_id = c.id and o.status not in ('draft', 'cancelled'))`,
      [Object.values(shopIds)],
    );
    assert.deepEqual(wrong, []);
    const merges = await sql(`select m.snapshot -> 'moved' -> 'orders' as orders from public.customer_merges m
                                join public.customers c on c.id = m.kept_customer_id where c.email = 'camille.martin@example.com'`);
    assert.equal(merges.length, 1);
    assert.equal(merges[0].orders.length, 1);
  });

  test('seeding again adds nothing', async () => {
    const again = await seedDemo(client, auth, { log: () => {} });
    assert.equal(again.seeded, false);
    assert.deepEqual(again.counts, first.counts);
  });
});
