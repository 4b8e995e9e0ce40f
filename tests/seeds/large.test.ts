// The large seed at a small scale: the same seed gives the same rows, another seed others; the
// volumes follow the scale; the derived data it recomputes set-based is what the domains' own
// recomputes give; and it refuses a database that already has data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createMigratedDatabase, type ScratchDatabase } from '../helpers/database.ts';
import { seedLarge, TOTALS_DIFFER } from '../../seeds/large/index.ts';
import { countsAt } from '../../seeds/large/plan.ts';

const SCALE = 0.002;

// Per table: the row (minus values encrypted or hashed under the database's own random keys, and
// ids that Postgres draws itself) and the order to digest rows in.
const DIGESTS: Record<string, { row: string; order: string }> = {
  shops: { row: 'to_jsonb(t)', order: 'id' },
  customer_groups: { row: 'to_jsonb(t)', order: 'id' },
  categories: { row: 'to_jsonb(t)', order: 'id' },
  attribute_definitions: { row: 'to_jsonb(t)', order: 'id' },
  products: { row: 'to_jsonb(t)', order: 'id' },
  product_variants: { row: 'to_jsonb(t)', order: 'id' },
  variant_costs: { row: 'to_jsonb(t)', order: 'id' },
  product_listings: { row: 'to_jsonb(t)', order: 'id' },
  suppliers: { row: 'to_jsonb(t)', order: 'id' },
  supplier_products: { row: 'to_jsonb(t)', order: 'id' },
  warehouses: { row: 'to_jsonb(t)', order: 'id' },
  customers: { row: `to_jsonb(t) - 'phone_encrypted'`, order: 'id' },
  customer_identities: { row: `to_jsonb(t) - '{value_hash,value_encrypted}'::text[]`, order: 'id' },
  customer_addresses: { row: `to_jsonb(t) - 'address_encrypted'`, order: 'id' },
  customer_shops: { row: `to_jsonb(t) - 'id'`, order: 'customer_id, shop_id' },
  orders: { row: 'to_jsonb(t)', order: 'id' },
  order_items: { row: 'to_jsonb(t)', order: 'id' },
  order_status_history: { row: 'to_jsonb(t)', order: 'id' },
  payments: { row: 'to_jsonb(t)', order: 'id' },
  loyalty_entries: { row: 'to_jsonb(t)', order: 'id' },
  stock_movements: { row: 'to_jsonb(t)', order: 'id' },
  stock_levels: { row: `to_jsonb(t) - 'id'`, order: 'variant_id, warehouse_id' },
  document_sequences: { row: `to_jsonb(t) - '{id,created_at,updated_at}'::text[]`, order: 'shop_id, kind, year' },
};

async function withClient<T>(db: ScratchDatabase, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function seeded(seed: number): Promise<ScratchDatabase> {
  const db = await createMigratedDatabase('large_seed');
  await withClient(db, (client) => seedLarge(client, { seed, scale: SCALE, log: () => {} }));
  return db;
}

async function digests(client: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, { row, order }] of Object.entries(DIGESTS)) {
    const { rows } = await client.query(`select md5(coalesce(string_agg((${row})::text, E'\\n' order by ${order}), '')) as digest from public.${table} t`);
    out[table] = rows[0].digest;
  }
  return out;
}

async function one(client: pg.Client, text: string): Promise<any> {
  return (await client.query(text)).rows[0];
}

describe('large seed', { concurrency: false }, () => {
  let first: ScratchDatabase;
  let second: ScratchDatabase;
  let other: ScratchDatabase;

  before(async () => {
    [first, second, other] = await Promise.all([seeded(7), seeded(7), seeded(8)]);
  });
  after(async () => {
    await Promise.all([first, second, other].map((db) => db?.drop()));
  });

  test('the same seed gives the same rows in every table, another seed different ones', async () => {
    const [a, b, c] = await Promise.all([first, second, other].map((db) => withClient(db, digests)));
    assert.deepEqual(b, a);
    for (const table of ['products', 'product_variants', 'customers', 'orders', 'order_items', 'payments', 'stock_movements']) {
      assert.notEqual(c[table], a[table], `${table} should differ with another seed`);
    }
  });

  test('the volumes follow the scale', async () => {
    const expected = countsAt(SCALE);
    await withClient(first, async (client) => {
      const n = await one(client, `select (select count(*) from public.shops)::int as shops, (select count(*) from public.products)::int as products,
        (select count(*) from public.product_variants)::int as variants, (select count(*) from public.customers)::int as customers,
        (select count(*) from public.orders)::int as orders, (select count(*) from public.order_items)::int as items,
        (select count(*) from public.suppliers)::int as suppliers, (select count(*) from public.payments)::int as payments,
        (select count(*) from public.orders where status = 'paid')::int as paid, (select count(*) from public.audit_log)::int as audit`);
      assert.equal(n.shops, expected.shops);
      assert.equal(n.products, expected.products);
      assert.equal(n.customers, expected.customers);
      assert.equal(n.orders, expected.orders);
      assert.equal(n.suppliers, expected.suppliers);
      assert.ok(n.variants >= 2 * n.products && n.variants <= 4 * n.products, `${n.variants} variants for ${n.products} products`);
      assert.ok(n.items >= 2 * n.orders && n.items <= 3 * n.orders, `${n.items} items for ${n.orders} orders`);
      assert.ok(n.paid > 0.7 * n.orders, `${n.paid} of ${n.orders} orders paid`);
      assert.ok(n.payments >= n.paid, 'every paid order has a payment');
      assert.equal(n.audit, 0, 'loaded with triggers off: no audit rows');
    });
  });

  test('order totals are the sums of their items', async () => {
    await withClient(first, async (client) => {
      assert.equal((await one(client, TOTALS_DIFFER)).n, 0);
      const paid = await one(client, `select count(*)::int as n from public.orders o where o.status = 'paid'
        and not exists (select 1 from public.payments p where p.order_id = o.id and p.status = 'succeeded' and p.amount_cents = o.total_cents)`);
      assert.equal(paid.n, 0, 'every paid order has a succeeded payment of its total');
    });
  });

  test('stock levels are the ledger sums, and supplier stock matches its warehouse', async () => {
    await withClient(first, async (client) => {
      const differ = await one(client, `select count(*)::int as n from public.stock_levels l
        full join (select variant_id, warehouse_id, sum(quantity) as total from public.stock_movements group by 1, 2) m
          on m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id
       where l.quantity is distinct from m.total`);
      assert.equal(differ.n, 0);
      assert.equal((await one(client, `select count(*)::int as n from public.stock_levels where quantity < 0`)).n, 0);
      const before = await one(client, `select count(*)::int as n from public.stock_movements`);
      await client.query('select app.recompute_supplier_stock()');
      assert.deepEqual(await one(client, `select count(*)::int as n from public.stock_movements`), before, 'supplier stock needed no correction');
    });
  });

  test('the products each supplier supplies are rebuilt from its supplier products', async () => {
    await withClient(first, async (client) => {
      const differ = await one(client, `select count(*)::int as n from app.supplied_products s
        full join (select supplier_id, product_id, count(*)::int as variants from public.supplier_products group by 1, 2) t
          on t.supplier_id = s.supplier_id and t.product_id = s.product_id
       where s.variants is distinct from t.variants`);
      assert.equal(differ.n, 0);
      assert.ok((await one(client, `select count(*)::int as n from app.supplied_products`)).n > 0);
    });
  });

  test('customer stats, shop links and numbering are what the domains recompute', async () => {
    await withClient(first, async (client) => {
      const tables = ['customers', 'customer_shops', 'document_sequences'];
      const digest = async () => Object.fromEntries(Object.entries(await digests(client)).filter(([t]) => tables.includes(t)));
      const seededDigest = await digest();
      await client.query('set session_replication_role = replica');
      await client.query('select app.refresh_all_customer_stats()');
      await client.query('select app.recompute_document_sequences()');
      await client.query('reset session_replication_role');
      assert.deepEqual(await digest(), seededDigest);
      const stats = await one(client, `select count(*) filter (where orders_count > 0)::int as buyers, count(*)::int as n from public.customers`);
      assert.ok(stats.buyers > 0.5 * stats.n, `${stats.buyers} of ${stats.n} customers have orders`);
    });
  });

  test('the catalogue fits its attribute definitions, and personal data reads back', async () => {
    await withClient(first, async (client) => {
      assert.equal((await one(client, `select count(*)::int as n from app.catalogue_attribute_problems()`)).n, 0);
      const customer = await one(client, `select id, email from public.customers where email is not null order by id limit 1`);
      assert.equal((await one(client, `select app.find_customer_by_identity('email', '${customer.email}') as id`)).id, customer.id);
      const phone = await one(client, `select app.decrypt_pii(phone_encrypted) as phone from public.customers where phone_encrypted is not null limit 1`);
      assert.match(phone.phone, /^\+336\d{8}$/);
    });
  });

  test('refuses a database that already has data', async () => {
    await withClient(first, async (client) => {
      await assert.rejects(seedLarge(client, { seed: 7, scale: SCALE, log: () => {} }), /already has \d+ shops and \d+ products; the large seed loads only into an empty database/);
    });
  });
});
