// `refresh-customer-stats`: the nightly job that moves customers to the segment the date gives them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../helpers/env.ts';
import { refreshCustomerStats } from '../../jobs/queues/refresh-customer-stats.ts';

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
after(() => pool.end());

test('is a daily cron job of the registry, scheduled by the worker', async () => {
  assert.deepEqual(refreshCustomerStats.cron, { expression: '23 2 * * *', payload: {}, timezone: 'Europe/Paris' });
  // The test stack's worker (tests/run.ts) has scheduled the product queues.
  const rows = await sql(`select name, cron, timezone from pgboss.schedule where name = 'refresh-customer-stats'`);
  assert.deepEqual(rows, [{ name: 'refresh-customer-stats', cron: '23 2 * * *', timezone: 'Europe/Paris' }]);
});

test("its handler turns a customer whose last order is 200 days old dormant", async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const [shop] = await sql(`insert into public.shops (code, name, domain) values ($1, $2, $3) returning id`, [`cs-${tag}`, `Stats ${tag}`, `cs-${tag}.example.com`]);
  const [warehouse] = await sql(`insert into public.warehouses (code, name) values ($1, 'Stats') returning id`, [`wh-cs-${tag}`]);
  const [customer] = await sql(`insert into public.customers (display_name, home_shop_id) values ('Dormant soon', $1) returning id`, [shop.id]);
  // Four orders, the last 200 days ago, loaded as a seed or an import would (triggers off): the
  // customer's stats still say 'regular', as they did the day that order was placed.
  const client = await pool.connect();
  try {
    await client.query('set session_replication_role = replica');
    for (let n = 1; n <= 4; n++) {
      await client.query(
        `insert into public.orders (shop_id, number, customer_id, status, currency, subtotal_cents, total_cents, warehouse_id, placed_at)
         values ($1, $2, $3, 'paid', 'EUR', 3000, 3000, $4, now() - make_interval(days => $5))`,
        [shop.id, `CS-${tag}-${n}`, customer.id, warehouse.id, 200 + 30 * (4 - n)],
      );
    }
    await client.query(
      `update public.customers set orders_count = 4, total_spent_cents = 12000, average_basket_cents = 3000, segment = 'regular',
              first_order_at = now() - interval '290 days', last_order_at = now() - interval '200 days' where id = $1`,
      [customer.id],
    );
  } finally {
    await client.query('reset session_replication_role');
    client.release();
  }
  const segment = async () => (await sql(`select segment, orders_count from public.customers where id = $1`, [customer.id]))[0];
  assert.deepEqual(await segment(), { segment: 'regular', orders_count: 4 });

  await refreshCustomerStats.handler!({}, { id: 'test', queue: refreshCustomerStats.name, retryCount: 0, idempotencyKey: 'test', db: pool, log: () => {} });
  assert.deepEqual(await segment(), { segment: 'dormant', orders_count: 4 });
  // Idempotent: a retry changes nothing.
  await refreshCustomerStats.handler!({}, { id: 'test', queue: refreshCustomerStats.name, retryCount: 1, idempotencyKey: 'test', db: pool, log: () => {} });
  assert.deepEqual(await segment(), { segment: 'dormant', orders_count: 4 });
});
