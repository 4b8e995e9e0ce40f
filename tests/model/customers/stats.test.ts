// Order stats and segments: the segment rule as a pure function, and the set-based recompute that
// seeds (loaded with triggers off) run, agreeing with the per-customer refresh the triggers use.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeOwnWarehouse } from '../orders/builders.ts';

const AS_OF = '2026-06-01T00:00:00Z';
const daysAgo = (days: number | null) => (days === null ? null : new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString());

// [orders, spent (cents), first order (days ago), last order (days ago), segment]
const cases: Array<[number, number, number | null, number | null, string]> = [
  [0, 0, null, null, 'new'],
  [1, 2_000, 10, 10, 'new'],
  [3, 9_000, 25, 2, 'new'],
  [1, 2_000, 40, 40, 'occasional'],
  [3, 9_000, 150, 100, 'occasional'],
  [4, 12_000, 200, 20, 'regular'],
  [9, 30_000, 300, 5, 'regular'],
  [10, 40_000, 300, 5, 'loyal'],
  [12, 40_000, 10, 1, 'loyal'],
  [19, 99_999, 700, 179, 'loyal'],
  [20, 50_000, 700, 3, 'vip'],
  [2, 100_000, 60, 30, 'vip'],
  [2, 100_000, 5, 1, 'vip'],
  [5, 20_000, 400, 180.5, 'dormant'],
  [25, 500_000, 900, 365, 'dormant'],
  [25, 500_000, 900, 366, 'churned'],
  [1, 1_000, 800, 800, 'churned'],
];

test('customer_segment follows the documented rule', async () => {
  for (const [orders, spent, first, last, expected] of cases) {
    const [{ segment }] = await sql(`select app.customer_segment($1, $2, $3, $4, $5) as segment`, [orders, spent, daysAgo(first), daysAgo(last), AS_OF]);
    assert.equal(segment, expected, `${orders} orders, ${spent} cents, first ${first} days ago, last ${last} days ago`);
  }
});

let world: World;
before(async () => {
  world = await createWorld();
});

test('refresh_all_customer_stats recomputes what a seed loaded with triggers off', async () => {
  const warehouse = await makeOwnWarehouse(world);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  let customerId: string;
  try {
    await client.query(`set session_replication_role = replica`);
    customerId = (await client.query(`insert into public.customers (display_name, home_shop_id) values ('Seeded', $1) returning id`, [world.shopA])).rows[0].id;
    const order = (n: number, status: string, total: number, days: number, shop: string) =>
      client.query(
        `insert into public.orders (shop_id, number, customer_id, status, currency, subtotal_cents, total_cents, warehouse_id, placed_at)
         values ($1, $2, $3, $4, 'EUR', $5, $5, $6, now() - make_interval(days => $7))`,
        [shop, `SEED-${world.tag}-${n}`, customerId, status, total, warehouse.id, days],
      );
    await order(1, 'delivered', 3_000, 100, world.shopA);
    await order(2, 'paid', 5_001, 20, world.shopB);
    await order(3, 'cancelled', 90_000, 10, world.shopA);
    await client.query(`insert into public.loyalty_entries (customer_id, points, reason) values ($1, 40, 'seed'), ($1, -15, 'seed')`, [customerId]);
  } finally {
    await client.end();
  }
  const stats = async () =>
    (await sql(`select loyalty_points, orders_count, total_spent_cents::int as spent, average_basket_cents::int as basket, segment,
                       round(extract(epoch from now() - first_order_at) / 86400)::int as first_days,
                       round(extract(epoch from now() - last_order_at) / 86400)::int as last_days,
                       (select array_agg(shop_id order by shop_id) from public.customer_shops where customer_id = c.id) as shops
                  from public.customers c where id = $1`, [customerId]))[0];
  assert.deepEqual(await stats(), { loyalty_points: 0, orders_count: 0, spent: 0, basket: 0, segment: 'new', first_days: null, last_days: null, shops: null });

  await sql(`select app.refresh_all_customer_stats()`);
  const expected = { loyalty_points: 25, orders_count: 2, spent: 8_001, basket: 4_001, segment: 'occasional', first_days: 100, last_days: 20, shops: [world.shopA, world.shopB].sort() };
  assert.deepEqual(await stats(), expected);

  await sql(`update public.customers set orders_count = 0, segment = 'vip' where id = $1`, [customerId]);
  await sql(`select app.refresh_customer_stats($1)`, [customerId]);
  assert.deepEqual(await stats(), expected, 'the per-customer refresh agrees');
});
