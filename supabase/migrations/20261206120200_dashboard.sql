-- Dashboard: sales figures per shop and day, kept up to date by triggers on orders and their items,
-- and the RPCs the admin's dashboard reads (revenue, orders, average basket, margin, over a period
-- and the previous one of the same length, today, per shop; daily series; anomalies).
-- Reading a million orders per call is too slow for a dashboard (< 200 ms on the large seed), so
-- the RPCs read a rollup of a few rows per shop and day instead.
--
-- What counts as a sale: an order that was placed (placed_at set, so not a draft) and is not
-- cancelled: pending, confirmed, preparing, ready, delivered or paid. Its day is the day it was
-- placed, in the business's time zone (Europe/Paris: shops have no time zone of their own).
--   revenue      = total_cents: what the customer pays, VAT and shipping included, discounts off;
--   net sales    = subtotal − order discount − VAT of the items: the goods, without VAT or shipping;
--   cost         = Σ quantity × unit_cost_cents of the items (the cost snapshot taken when the item
--                  was sold from public.variant_costs); items sold without a known cost add nothing
--                  and are counted in uncosted_items, so the screen can say the margin is overstated;
--   margin       = net sales − cost (shipping is passed on to carriers, VAT to the state);
--   average basket = revenue / orders.
-- Cancelled orders are counted apart (cancelled_count), on the day they were placed.
--
-- The rollup lives in the app schema: it is derived data, not a resource of the REST API; people
-- reach it only through the RPCs below, which run as the caller, under its row-level security.
-- The dashboard's stock alerts have a rollup of their own: 20261206120300_stock_alert_rollup.sql.
--
-- Seeds that load with triggers off rebuild the rollups afterwards:
--   select app.rebuild_dashboard_rollups();        -- sales of every shop, and stock alerts (next migration)
--   select app.rebuild_sales_rollups(array[...]);  -- the sales of some shops (e.g. after moving their dates)

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One shop's sales on one day, in one currency: the orders placed that day that count as sales.
create table app.sales_daily (
  shop_id uuid not null references public.shops (id) on delete cascade,
  day date not null,
  currency char(3) not null,
  orders_count integer not null default 0,
  revenue_cents bigint not null default 0,
  net_sales_cents bigint not null default 0,
  cost_cents bigint not null default 0,
  uncosted_items integer not null default 0,
  cancelled_count integer not null default 0,
  primary key (shop_id, day, currency)
);
-- "All my shops over a period" reads by day first.
create index sales_daily_day_idx on app.sales_daily (day, shop_id);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on app.sales_daily from public, anon, authenticated;
-- Read through the RPCs (security invoker), so under the policy below; written only by triggers.
grant select on app.sales_daily to authenticated;
grant all on app.sales_daily to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- The business day of a moment. (No search_path setting: it names nothing outside pg_catalog, and
-- without one Postgres inlines it into the statements that call it.)
create function app.sales_day(at timestamptz) returns date
language sql immutable
as $$ select (at at time zone 'Europe/Paris')::date $$;
revoke all on function app.sales_day(timestamptz) from public;
grant execute on function app.sales_day(timestamptz) to authenticated, service_role;

-- Adds (sign 1) or takes away (sign -1) what one order brings to its shop's day. Drafts bring
-- nothing; a cancelled order brings one cancellation; any other placed order its figures, the cost
-- of its items as they are now.
create function app.add_order_to_sales(target public.orders, sign integer) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  items_cost bigint := 0;
  items_uncosted integer := 0;
  counted boolean := target.status <> 'cancelled';
begin
  if target.placed_at is null or target.status = 'draft' then
    return;
  end if;
  if counted then
    select coalesce(sum(i.quantity * i.unit_cost_cents), 0), count(*) filter (where i.unit_cost_cents is null)
      into items_cost, items_uncosted
      from public.order_items i where i.order_id = target.id;
  end if;
  insert into app.sales_daily as s (shop_id, day, currency, orders_count, revenue_cents, net_sales_cents, cost_cents, uncosted_items, cancelled_count)
  values (target.shop_id, app.sales_day(target.placed_at), target.currency,
          case when counted then sign else 0 end,
          case when counted then sign * target.total_cents else 0 end,
          case when counted then sign * (target.subtotal_cents - target.discount_cents - target.tax_cents) else 0 end,
          sign * items_cost, sign * items_uncosted,
          case when counted then 0 else sign end)
  on conflict (shop_id, day, currency) do update
     set orders_count = s.orders_count + excluded.orders_count,
         revenue_cents = s.revenue_cents + excluded.revenue_cents,
         net_sales_cents = s.net_sales_cents + excluded.net_sales_cents,
         cost_cents = s.cost_cents + excluded.cost_cents,
         uncosted_items = s.uncosted_items + excluded.uncosted_items,
         cancelled_count = s.cancelled_count + excluded.cancelled_count;
end
$$;
revoke all on function app.add_order_to_sales(public.orders, integer) from public;

-- After an order changes: when its status, day, shop or currency change, its old contribution goes
-- and its new one comes (items do not change in the same statement as the order, so the cost read
-- is the same both times); when only its totals change (an item was added, changed or removed),
-- only the revenue and net sales move, since the items' trigger below moves the cost.
-- Placed orders are never deleted (refuse_placed_order_deletion), so a deletion takes away nothing
-- that its items (already gone through the cascade) would have to be read for.
create function app.follow_order_sales() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform app.add_order_to_sales(new, 1);
  elsif tg_op = 'DELETE' then
    perform app.add_order_to_sales(old, -1);
  elsif (new.status, new.placed_at, new.shop_id, new.currency) is distinct from (old.status, old.placed_at, old.shop_id, old.currency) then
    perform app.add_order_to_sales(old, -1);
    perform app.add_order_to_sales(new, 1);
  elsif (new.total_cents, new.subtotal_cents, new.discount_cents, new.tax_cents)
        is distinct from (old.total_cents, old.subtotal_cents, old.discount_cents, old.tax_cents)
        and new.placed_at is not null and new.status not in ('draft', 'cancelled') then
    update app.sales_daily
       set revenue_cents = revenue_cents + new.total_cents - old.total_cents,
           net_sales_cents = net_sales_cents + (new.subtotal_cents - new.discount_cents - new.tax_cents)
                                             - (old.subtotal_cents - old.discount_cents - old.tax_cents)
     where shop_id = new.shop_id and day = app.sales_day(new.placed_at) and currency = new.currency;
  end if;
  return null;
end
$$;
revoke all on function app.follow_order_sales() from public;
create trigger follow_order_sales after insert or update or delete on public.orders
  for each row execute function app.follow_order_sales();

-- After an item changes in an order that counts as a sale (items change while it is pending): the
-- cost of the order's day moves by the item's change.
create function app.follow_order_item_sales() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.orders;
  cost_change bigint;
  uncosted_change integer;
begin
  select * into parent from public.orders where id = coalesce(new.order_id, old.order_id);
  if parent.id is null or parent.placed_at is null or parent.status in ('draft', 'cancelled') then
    return null;
  end if;
  cost_change := coalesce(case when tg_op <> 'DELETE' then new.quantity * new.unit_cost_cents end, 0)
               - coalesce(case when tg_op <> 'INSERT' then old.quantity * old.unit_cost_cents end, 0);
  uncosted_change := (case when tg_op <> 'DELETE' and new.unit_cost_cents is null then 1 else 0 end)
                   - (case when tg_op <> 'INSERT' and old.unit_cost_cents is null then 1 else 0 end);
  if cost_change = 0 and uncosted_change = 0 then
    return null;
  end if;
  insert into app.sales_daily as s (shop_id, day, currency, cost_cents, uncosted_items)
  values (parent.shop_id, app.sales_day(parent.placed_at), parent.currency, cost_change, uncosted_change)
  on conflict (shop_id, day, currency) do update
     set cost_cents = s.cost_cents + excluded.cost_cents, uncosted_items = s.uncosted_items + excluded.uncosted_items;
  return null;
end
$$;
revoke all on function app.follow_order_item_sales() from public;
create trigger follow_order_item_sales after insert or update or delete on public.order_items
  for each row execute function app.follow_order_item_sales();

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table app.sales_daily enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The rollup from the orders, for seeds loaded with triggers off (the large seed, the demo's date
-- spreading). The table is locked meanwhile, so that orders changed during the rebuild wait and
-- then add their change to the rebuilt figures.
create function app.rebuild_sales_rollups(only_shops uuid[] default null) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  lock table app.sales_daily in exclusive mode;
  delete from app.sales_daily where only_shops is null or shop_id = any (only_shops);
  insert into app.sales_daily (shop_id, day, currency, orders_count, revenue_cents, net_sales_cents, cost_cents, uncosted_items, cancelled_count)
  select o.shop_id, app.sales_day(o.placed_at), o.currency,
         count(*) filter (where o.status <> 'cancelled'),
         coalesce(sum(o.total_cents) filter (where o.status <> 'cancelled'), 0),
         coalesce(sum(o.subtotal_cents - o.discount_cents - o.tax_cents) filter (where o.status <> 'cancelled'), 0),
         coalesce(sum(i.cost) filter (where o.status <> 'cancelled'), 0),
         coalesce(sum(i.uncosted) filter (where o.status <> 'cancelled'), 0),
         count(*) filter (where o.status = 'cancelled')
    from public.orders o
    left join (select it.order_id, sum(it.quantity * it.unit_cost_cents) as cost, count(*) filter (where it.unit_cost_cents is null) as uncosted
                 from public.order_items it
                where only_shops is null or it.shop_id = any (only_shops)
                group by it.order_id) i on i.order_id = o.id
   where o.placed_at is not null and o.status <> 'draft' and (only_shops is null or o.shop_id = any (only_shops))
   group by o.shop_id, app.sales_day(o.placed_at), o.currency;
end
$$;
revoke all on function app.rebuild_sales_rollups(uuid[]) from public;
grant execute on function app.rebuild_sales_rollups(uuid[]) to service_role;

-- Dashboard figures are for staff (their shops) and admins: marketers must not see costs and
-- margins, suppliers not our sales. A clear refusal rather than zeros.
create function app.require_sales_reader() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not app.is_staff() then
    raise exception 'sales figures are for staff and admins' using errcode = '42501',
      hint = 'The dashboard shows revenue, costs and margins: ask an admin for a staff membership.';
  end if;
end
$$;
revoke all on function app.require_sales_reader() from public;
grant execute on function app.require_sales_reader() to authenticated, service_role;

-- The shops a dashboard call is about: those asked for, each of which must be one of the caller's
-- (a clear refusal beats figures silently missing), or all of the caller's when none are named.
create function app.sales_shops(asked uuid[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  mine uuid[] := app.staff_shop_ids();
  foreign_shop uuid;
begin
  if asked is null or cardinality(asked) = 0 then
    return mine;
  end if;
  select a into foreign_shop from unnest(asked) a where not (a = any (mine)) limit 1;
  if foreign_shop is not null then
    raise exception 'shop % is not one of your shops', foreign_shop using errcode = '42501',
      hint = 'Staff see the figures of the shops they work in.';
  end if;
  return asked;
end
$$;
revoke all on function app.sales_shops(uuid[]) from public;
grant execute on function app.sales_shops(uuid[]) to authenticated, service_role;

-- A period the dashboard accepts: start ≤ end, at most two years (the rollup answers fast, the
-- screen's series do not need more).
create function app.check_sales_period(period_start date, period_end date) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if period_start is null or period_end is null or period_end < period_start then
    raise exception 'a period needs a start and an end on or after it (got % to %)', period_start, period_end using errcode = '22023';
  end if;
  if period_end - period_start > 731 then
    raise exception 'a period is at most two years long (got % days)', period_end - period_start + 1 using errcode = '22023';
  end if;
end
$$;
revoke all on function app.check_sales_period(date, date) from public;
grant execute on function app.check_sales_period(date, date) to authenticated, service_role;

-- One set of figures as the dashboard shows it, from the rollup's sums. (Inlined, as sales_day.)
create function app.sales_figures(orders numeric, revenue numeric, net_sales numeric, cost numeric, uncosted numeric, cancelled numeric)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'orders', coalesce(orders, 0)::bigint,
    'revenue_cents', coalesce(revenue, 0)::bigint,
    'net_sales_cents', coalesce(net_sales, 0)::bigint,
    'cost_cents', coalesce(cost, 0)::bigint,
    'margin_cents', (coalesce(net_sales, 0) - coalesce(cost, 0))::bigint,
    'average_basket_cents', case when coalesce(orders, 0) > 0 then round(revenue / orders)::bigint else 0 end,
    'uncosted_items', coalesce(uncosted, 0)::bigint,
    'cancelled', coalesce(cancelled, 0)::bigint)
$$;
revoke all on function app.sales_figures(numeric, numeric, numeric, numeric, numeric, numeric) from public;
grant execute on function app.sales_figures(numeric, numeric, numeric, numeric, numeric, numeric) to authenticated, service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see their shops' sales" on app.sales_daily
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────
-- Each plans its statements for the values of the call (plan_cache_mode = force_custom_plan): a
-- generic plan, which PL/pgSQL switches to after five calls, does not know a period's length nor
-- how many shops are asked, and was four times slower on a year of 50 shops.


-- The figures of a period (both ends included) and of the previous period of the same length, and
-- today's, for all the shops asked (default: all of the caller's) and for each of them, per
-- currency. JSON:
--   { period: {start, end}, previous: {start, end}, today,
--     totals: [{ currency, current: F, previous: F, today: F }],                       (by revenue, highest first)
--     shops:  [{ shop_id, code, name, currency, current: F, previous: F, today: F }] }  (every shop asked, by revenue)
-- where F = { orders, revenue_cents, net_sales_cents, cost_cents, margin_cents, average_basket_cents,
--             uncosted_items, cancelled } (see the top of this file for what each means).
create function public.dashboard_summary(period_start date, period_end date, shop_ids uuid[] default null) returns jsonb
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_custom_plan
as $$
declare
  shops uuid[];
  previous_start date;
  today date := app.sales_day(now());
  zero jsonb := app.sales_figures(0, 0, 0, 0, 0, 0);
  result jsonb;
begin
  perform app.require_sales_reader();
  perform app.check_sales_period(period_start, period_end);
  shops := app.sales_shops(shop_ids);
  previous_start := period_start - (period_end - period_start + 1);
  -- The rollup rows summed per shop, currency and part (the period, the previous one, today) in one
  -- pass: a year of 50 shops is 36,000 rows, so the work per row is kept to a few additions.
  with parts as (
    select s.shop_id, s.currency, case when s.day >= period_start then 'current' else 'previous' end as part,
           sum(s.orders_count) as orders, sum(s.revenue_cents) as revenue, sum(s.net_sales_cents) as net_sales,
           sum(s.cost_cents) as cost, sum(s.uncosted_items) as uncosted, sum(s.cancelled_count) as cancelled
      from app.sales_daily s
     where s.shop_id = any (shops) and s.day between previous_start and period_end
     group by 1, 2, 3
    union all
    select s.shop_id, s.currency, 'today', s.orders_count, s.revenue_cents, s.net_sales_cents, s.cost_cents, s.uncosted_items, s.cancelled_count
      from app.sales_daily s
     where s.shop_id = any (shops) and s.day = today
  ),
  per_shop as (
    select p.shop_id, p.currency, sum(p.revenue) filter (where p.part = 'current') as sort_revenue,
           jsonb_object_agg(p.part, app.sales_figures(p.orders, p.revenue, p.net_sales, p.cost, p.uncosted, p.cancelled)) as by_part
      from parts p group by p.shop_id, p.currency
  ),
  per_currency_part as (
    select p.currency, p.part, sum(p.revenue) as revenue,
           app.sales_figures(sum(p.orders), sum(p.revenue), sum(p.net_sales), sum(p.cost), sum(p.uncosted), sum(p.cancelled)) as figures
      from parts p group by p.currency, p.part
  ),
  totals as (
    select c.currency, sum(c.revenue) filter (where c.part = 'current') as sort_revenue, jsonb_object_agg(c.part, c.figures) as by_part
      from per_currency_part c group by c.currency
  ),
  -- Every shop asked, with zeros when it sold nothing.
  shop_lines as (
    select sh.id as shop_id, sh.code, sh.name, coalesce(p.currency, sh.currency) as currency,
           coalesce(p.sort_revenue, 0) as sort_revenue, coalesce(p.by_part, '{}') as by_part
      from public.shops sh
      left join per_shop p on p.shop_id = sh.id
     where sh.id = any (shops)
  )
  select jsonb_build_object(
           'period', jsonb_build_object('start', period_start, 'end', period_end),
           'previous', jsonb_build_object('start', previous_start, 'end', period_start - 1),
           'today', today,
           'totals', coalesce((
             select jsonb_agg(jsonb_build_object('currency', t.currency, 'current', coalesce(t.by_part -> 'current', zero),
                                                 'previous', coalesce(t.by_part -> 'previous', zero), 'today', coalesce(t.by_part -> 'today', zero))
                              order by coalesce(t.sort_revenue, 0) desc, t.currency)
               from totals t), '[]'),
           'shops', coalesce((
             select jsonb_agg(jsonb_build_object('shop_id', l.shop_id, 'code', l.code, 'name', l.name, 'currency', l.currency,
                                                 'current', coalesce(l.by_part -> 'current', zero),
                                                 'previous', coalesce(l.by_part -> 'previous', zero), 'today', coalesce(l.by_part -> 'today', zero))
                              order by l.sort_revenue desc, l.name, l.currency)
               from shop_lines l), '[]'))
    into result;
  return result;
end
$$;
revoke all on function public.dashboard_summary(date, date, uuid[]) from public;
grant execute on function public.dashboard_summary(date, date, uuid[]) to authenticated, service_role;

-- Sales per day of each shop asked (default: all of the caller's), every day of the period, with
-- zeros on days without sales, for a chart of several shops' curves.
create function public.dashboard_sales_series(period_start date, period_end date, shop_ids uuid[] default null)
returns table (shop_id uuid, shop_name text, day date, currency char(3), orders integer, revenue_cents bigint, margin_cents bigint)
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_custom_plan
as $$
declare
  shops uuid[];
begin
  perform app.require_sales_reader();
  perform app.check_sales_period(period_start, period_end);
  shops := app.sales_shops(shop_ids);
  return query
  with grid as (
    select sh.id, sh.name, sh.currency, d.day::date as day
      from public.shops sh cross join generate_series(period_start, period_end, interval '1 day') d (day)
     where sh.id = any (shops)
  ), sales as (
    select s.shop_id, s.day, s.currency, s.orders_count, s.revenue_cents, s.net_sales_cents - s.cost_cents as margin_cents
      from app.sales_daily s
     where s.shop_id = any (shops) and s.day between period_start and period_end
  )
  select g.id, g.name, g.day, coalesce(x.currency, g.currency), coalesce(x.orders_count, 0), coalesce(x.revenue_cents, 0::bigint),
         coalesce(x.margin_cents, 0::bigint)
    from grid g left join sales x on x.shop_id = g.id and x.day = g.day
   order by g.name, g.id, g.day;
end
$$;
revoke all on function public.dashboard_sales_series(date, date, uuid[]) from public;
grant execute on function public.dashboard_sales_series(date, date, uuid[]) to authenticated, service_role;

-- Shops whose revenue has fallen far below their usual level. "Recent" is the 7 complete days
-- before as_of (default: today), "usual" the average of the same 7 days of the week over the 8
-- weeks before those (days as_of − 63 to as_of − 8, divided by 8). A shop is listed when its recent
-- revenue is under threshold × usual (default 50%), and it usually takes at least min_weekly_orders
-- orders a week (below that, one quiet week is noise, not an anomaly). Lowest ratio first.
create function public.dashboard_anomalies(as_of date default null, threshold numeric default 0.5, min_weekly_orders integer default 5)
returns table (shop_id uuid, shop_name text, currency char(3), recent_revenue_cents bigint, usual_revenue_cents bigint, ratio numeric,
               recent_orders integer, usual_orders numeric, recent_start date, recent_end date)
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_custom_plan
as $$
declare
  day0 date := coalesce(as_of, app.sales_day(now()));
  shops uuid[];
begin
  perform app.require_sales_reader();
  if threshold is null or threshold <= 0 or threshold > 1 then
    raise exception 'threshold is a share of the usual revenue, above 0 and at most 1 (got %)', threshold using errcode = '22023';
  end if;
  shops := app.sales_shops(null);
  return query
  with weeks as (
    select s.shop_id, s.currency,
           sum(s.revenue_cents) filter (where s.day >= day0 - 7) as recent,
           sum(s.orders_count) filter (where s.day >= day0 - 7) as recent_orders,
           sum(s.revenue_cents) filter (where s.day < day0 - 7) / 8.0 as usual,
           sum(s.orders_count) filter (where s.day < day0 - 7) / 8.0 as usual_orders
      from app.sales_daily s
     where s.shop_id = any (shops) and s.day between day0 - 63 and day0 - 1
     group by s.shop_id, s.currency
  )
  select w.shop_id, sh.name, w.currency, coalesce(w.recent, 0)::bigint, round(w.usual)::bigint,
         round(coalesce(w.recent, 0) / w.usual, 3), coalesce(w.recent_orders, 0)::integer, round(w.usual_orders, 1),
         day0 - 7, day0 - 1
    from weeks w join public.shops sh on sh.id = w.shop_id
   where w.usual > 0 and w.usual_orders >= min_weekly_orders and coalesce(w.recent, 0) < threshold * w.usual
   order by coalesce(w.recent, 0) / w.usual, sh.name;
end
$$;
revoke all on function public.dashboard_anomalies(date, numeric, integer) from public;
grant execute on function public.dashboard_anomalies(date, numeric, integer) to authenticated, service_role;

-- ─── Existing data ─────────────────────────────────────────────────────────────────────────────

-- A database that already has orders starts with its rollup right.
select app.rebuild_sales_rollups();
