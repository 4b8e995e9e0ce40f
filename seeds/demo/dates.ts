// The seed runs in one transaction, so everything the database stamped says now(). This step
// spreads the story over the last weeks, relative to today so that the dashboard looks alive:
// orders placed 0 to 150 days ago (never before January 1st, so that dates agree with the year in
// document numbers), their history, stock movements, payments and invoices following them,
// customers known from before their first order, opening stock received 160 days ago. Only
// timestamps change, with triggers off (session_replication_role = replica, as seeds load);
// then the customers' order stats and segments and the dashboard's sales rollup, which depend on
// dates, are recomputed set-based.
import type { Demo } from './context.ts';

export async function spreadDates(demo: Demo): Promise<void> {
  if (!demo.has('orders', 'order_status_history')) return;
  await demo.query(`create temp table demo_order_dates (order_id uuid primary key, at timestamptz not null) on commit drop`);
  await demo.query(
    `insert into demo_order_dates
     select x.id, greatest(date_trunc('year', now()),
                           least(now() - interval '25 minutes', date_trunc('day', now()) - make_interval(days => x.d) + make_interval(hours => x.h, mins => x.m)))
       from jsonb_to_recordset($1) as x(id uuid, d int, h int, m int)`,
    [JSON.stringify(demo.allOrders.map((o) => ({ id: o.id, d: o.planned.daysAgo, h: o.planned.hour, m: o.planned.minute })))],
  );
  // Only the demo's own rows move: the database may hold others (tests, a previous business).
  await demo.query(`create temp table demo_ids (kind text not null, id uuid not null) on commit drop`);
  await demo.query(`insert into demo_ids select k, unnest($2::uuid[]) from (values ($1)) v(k)`, ['customer', demo.customers.map((c) => c.id)]);
  await demo.query(`insert into demo_ids select k, unnest($2::uuid[]) from (values ($1)) v(k)`, ['variant', [...demo.variants.values()].map((v) => v.id)]);
  await demo.query(`insert into demo_ids select k, unnest($2::uuid[]) from (values ($1)) v(k)`, ['product', [...demo.products.values()].map((v) => v.id)]);
  await demo.query(`insert into demo_ids select k, unnest($2::uuid[]) from (values ($1)) v(k)`, ['shop', [...demo.shops.values()].map((v) => v.id)]);
  await demo.query(`set local session_replication_role = replica`);
  const statements = [
    // Each step of an order's workflow within three days of its placing (or before now).
    `with steps as (
       select h.id, d.at, row_number() over (partition by h.order_id order by h.id) - 1 as k, count(*) over (partition by h.order_id) as n
         from public.order_status_history h join demo_order_dates d on d.order_id = h.order_id)
     update public.order_status_history h
        set changed_at = s.at + least(now() - s.at, interval '3 days') * 0.9 * (s.k::float8 / greatest(s.n - 1, 1)),
            created_at = s.at + least(now() - s.at, interval '3 days') * 0.9 * (s.k::float8 / greatest(s.n - 1, 1))
       from steps s where s.id = h.id`,
    `update public.orders o
        set created_at = d.at - interval '4 minutes',
            placed_at = case when o.placed_at is not null then d.at end,
            updated_at = (select max(h.changed_at) from public.order_status_history h where h.order_id = o.id),
            delivery_date = case when o.delivery_date is not null or o.shop_id in (select id from public.shops where code in ('atelier-des-fleurs', 'patisserie-lumiere'))
                                 then (d.at + interval '2 days')::date end
       from demo_order_dates d where d.order_id = o.id`,
    `update public.order_items i set created_at = o.created_at, updated_at = o.created_at from public.orders o where o.id = i.order_id
        and o.id in (select order_id from demo_order_dates)`,
    `update public.stock_movements m
        set created_at = case when m.reason = 'sale' then o.placed_at
                              else (select max(h.changed_at) from public.order_status_history h where h.order_id = o.id and h.to_status = 'cancelled') end
       from public.orders o where o.id = m.order_id and m.return_id is null and m.reason in ('sale', 'cancellation')
        and o.id in (select order_id from demo_order_dates)`,
    `update public.stock_movements set created_at = now() - interval '160 days'
      where order_id is null and return_id is null and supplier_order_id is null and variant_id in (select id from demo_ids where kind = 'variant')`,
  ];
  const paidAt = `(select max(h.changed_at) from public.order_status_history h where h.order_id = o.id)`;
  if (demo.has('payments', 'invoices')) {
    statements.push(
      `update public.payments p set created_at = ${paidAt} - interval '1 minute', updated_at = ${paidAt},
              paid_at = case when p.paid_at is not null then ${paidAt} end
         from public.orders o where o.id = p.order_id and o.id in (select order_id from demo_order_dates)`,
      `update public.invoices i set created_at = ${paidAt} + interval '30 minutes', updated_at = ${paidAt} + interval '31 minutes',
              issued_at = ${paidAt} + interval '31 minutes'
         from public.orders o where o.id = i.order_id and i.kind = 'invoice' and o.id in (select order_id from demo_order_dates)`,
      `update public.invoice_lines l set created_at = i.created_at, updated_at = i.created_at from public.invoices i where i.id = l.invoice_id and i.kind = 'invoice'
        and i.order_id in (select order_id from demo_order_dates)`,
    );
  }
  if (demo.has('customers', 'loyalty_entries', 'customer_consents')) {
    statements.push(
      `update public.loyalty_entries e set created_at = ${paidAt} from public.orders o where o.id = e.order_id and o.id in (select order_id from demo_order_dates)`,
      // Known from a few days to three months before their first order or conversation.
      `update public.customers c
          set created_at = least(
                coalesce((select min(o.created_at) from public.orders o where o.customer_id = c.id), now()),
                coalesce((select min(v.created_at) from public.conversations v where v.customer_id = c.id), now())
              ) - make_interval(days => 3 + abs(hashtext(c.display_name || coalesce(c.email, ''))) % 90),
              updated_at = now()
        where c.id in (select id from demo_ids where kind = 'customer')`,
      `update public.customer_identities x set created_at = c.created_at from public.customers c where c.id = x.customer_id and c.id in (select id from demo_ids where kind = 'customer')`,
      `update public.customer_addresses x set created_at = c.created_at from public.customers c where c.id = x.customer_id and c.id in (select id from demo_ids where kind = 'customer')`,
      `update public.customer_shops x
          set first_seen_at = case when x.shop_id = c.home_shop_id then c.created_at else coalesce(least(
                (select min(o.created_at) from public.orders o where o.customer_id = c.id and o.shop_id = x.shop_id),
                (select min(v.created_at) from public.conversations v where v.customer_id = c.id and v.shop_id = x.shop_id)), c.created_at) end
         from public.customers c where c.id = x.customer_id and c.id in (select id from demo_ids where kind = 'customer')`,
      `update public.customer_consents x set recorded_at = case when x.source = 'Lien de désinscription' then now() - interval '3 days' else c.created_at end
         from public.customers c where c.id = x.customer_id and c.id in (select id from demo_ids where kind = 'customer')`,
      `update public.loyalty_entries x set created_at = c.created_at from public.customers c where c.id = x.customer_id and x.order_id is null and x.points > 0 and c.id in (select id from demo_ids where kind = 'customer')`,
    );
  }
  if (demo.has('supplier_orders')) {
    // The restock was ordered six days ago, shipped two days ago and received yesterday.
    statements.push(
      `update public.supplier_orders set created_at = now() - interval '6 days', updated_at = now() - interval '1 day',
              shipped_at = now() - interval '2 days', received_at = now() - interval '1 day'
        where status = 'received' and id = any (select supplier_order_id from public.stock_movements m
                                                 where m.variant_id in (select id from demo_ids where kind = 'variant'))`,
      `update public.stock_movements m set created_at = o.received_at from public.supplier_orders o
        where o.id = m.supplier_order_id and m.variant_id in (select id from demo_ids where kind = 'variant')`,
    );
  }
  statements.push(
    `update public.shops set created_at = now() - interval '270 days' where id in (select id from demo_ids where kind = 'shop')`,
    `update public.products set created_at = now() - interval '260 days' where id in (select id from demo_ids where kind = 'product')`,
    `update public.product_variants set created_at = now() - interval '260 days' where id in (select id from demo_ids where kind = 'variant')`,
  );
  for (const statement of statements) await demo.query(statement);
  await demo.query(`set local session_replication_role = origin`);
  if (demo.has('customers')) await demo.query(`select app.refresh_all_customer_stats()`);
  // The dashboard's daily sales rollup was filled as orders were made, all on today: rebuild it on the moved dates.
  await demo.query(`select app.rebuild_sales_rollups($1::uuid[])`, [[...demo.shops.values()].map((s) => s.id)]);
}
