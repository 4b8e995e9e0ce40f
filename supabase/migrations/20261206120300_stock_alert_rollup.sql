-- Dashboard: stock alerts kept rather than computed. public.stock_alerts sums every active
-- variant's stock in our own warehouses to find the few at or below their low-stock threshold: over
-- a second on the large seed (90,000 variants), too slow for a dashboard that answers in 200 ms. So
-- the variants in alert are kept in app.stock_alert_variants by triggers on stock levels, variants
-- and warehouses, with the view's scope as its policy, and the dashboard reads them through
-- public.dashboard_stock_alerts. Sales figures: 20261206120200_dashboard.sql.
--
-- Seeds that load with triggers off rebuild it afterwards (the large seed does, through
-- app.rebuild_dashboard_rollups(), which rebuilds the sales rollup too):
--   select app.rebuild_stock_alerts();

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One active variant whose stock in our own warehouses is at or below its low-stock threshold: a
-- row of public.stock_alerts, kept rather than computed (product_id, for the policy that follows
-- the view's scope).
create table app.stock_alert_variants (
  variant_id uuid primary key references public.product_variants (id) on delete cascade,
  product_id uuid not null,
  quantity integer not null,
  low_stock_threshold integer not null
);
-- The most short first.
create index stock_alert_variants_shortfall_idx on app.stock_alert_variants ((quantity - low_stock_threshold), variant_id);
create index stock_alert_variants_product_id_idx on app.stock_alert_variants (product_id);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on app.stock_alert_variants from public, anon, authenticated;
grant select on app.stock_alert_variants to authenticated;
grant all on app.stock_alert_variants to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Whether a variant is in alert now, from its own stock (a handful of stock_levels rows), status
-- and threshold: the row of app.stock_alert_variants is made, changed or removed accordingly.
create function app.refresh_stock_alert(variant uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  variant_status text;
  threshold integer;
  product uuid;
  own integer;
begin
  select v.status, v.low_stock_threshold, v.product_id into variant_status, threshold, product from public.product_variants v where v.id = variant;
  select coalesce(sum(l.quantity), 0)::integer into own
    from public.stock_levels l join public.warehouses w on w.id = l.warehouse_id and w.kind = 'own'
   where l.variant_id = variant;
  if variant_status = 'active' and own <= threshold then
    insert into app.stock_alert_variants as a (variant_id, product_id, quantity, low_stock_threshold)
    values (variant, product, own, threshold)
    on conflict (variant_id) do update
       set product_id = excluded.product_id, quantity = excluded.quantity, low_stock_threshold = excluded.low_stock_threshold
     where (a.product_id, a.quantity, a.low_stock_threshold) is distinct from (excluded.product_id, excluded.quantity, excluded.low_stock_threshold);
  else
    delete from app.stock_alert_variants where variant_id = variant;
  end if;
end
$$;
revoke all on function app.refresh_stock_alert(uuid) from public;

create function app.follow_stock_level_alert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op <> 'INSERT' then
    perform app.refresh_stock_alert(old.variant_id);
  end if;
  if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.variant_id is distinct from old.variant_id) then
    perform app.refresh_stock_alert(new.variant_id);
  end if;
  return null;
end
$$;
revoke all on function app.follow_stock_level_alert() from public;
create trigger follow_stock_level_alert after insert or update of quantity, variant_id, warehouse_id or delete on public.stock_levels
  for each row execute function app.follow_stock_level_alert();

create function app.follow_variant_alert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.refresh_stock_alert(new.id);
  return null;
end
$$;
revoke all on function app.follow_variant_alert() from public;
create trigger follow_variant_alert after insert or update of status, low_stock_threshold, product_id on public.product_variants
  for each row execute function app.follow_variant_alert();

-- A warehouse that becomes ours, or stops being ours, changes the own stock of what it holds.
create function app.follow_warehouse_alert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.kind is distinct from old.kind then
    perform app.refresh_stock_alert(l.variant_id) from public.stock_levels l where l.warehouse_id = new.id;
  end if;
  return null;
end
$$;
revoke all on function app.follow_warehouse_alert() from public;
create trigger follow_warehouse_alert after update of kind on public.warehouses
  for each row execute function app.follow_warehouse_alert();

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table app.stock_alert_variants enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The variants in alert, from the stock levels (what public.stock_alerts computes), set-based.
create function app.rebuild_stock_alerts() returns void
language plpgsql security definer set search_path = ''
as $$
begin
  lock table app.stock_alert_variants in exclusive mode;
  delete from app.stock_alert_variants;
  insert into app.stock_alert_variants (variant_id, product_id, quantity, low_stock_threshold)
  select v.id, v.product_id, coalesce(own.quantity, 0), v.low_stock_threshold
    from public.product_variants v
    left join (select l.variant_id, sum(l.quantity)::integer as quantity
                 from public.stock_levels l join public.warehouses w on w.id = l.warehouse_id and w.kind = 'own'
                group by l.variant_id) own on own.variant_id = v.id
   where v.status = 'active' and coalesce(own.quantity, 0) <= v.low_stock_threshold;
end
$$;
revoke all on function app.rebuild_stock_alerts() from public;
grant execute on function app.rebuild_stock_alerts() to service_role;

-- What a seed loaded with triggers off calls at its end.
create function app.rebuild_dashboard_rollups() returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.rebuild_sales_rollups();
  perform app.rebuild_stock_alerts();
end
$$;
revoke all on function app.rebuild_dashboard_rollups() from public;
grant execute on function app.rebuild_dashboard_rollups() to service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

-- As public.stock_alerts (20261206100300_stock_alerts_scope.sql): admins and staff of every shop see
-- every alert, staff limited to some shops those of products listed in their shops; marketers and
-- suppliers none (they cannot see our levels).
create policy "Staff see stock alerts of their shops' products" on app.stock_alert_variants
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.product_listings pl
                where pl.product_id = stock_alert_variants.product_id and pl.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────
-- Planned for the values of each call, as the dashboard's other RPCs (see the previous migration).

-- The variants at or below their low-stock threshold the caller may see (the rows public.stock_alerts
-- gives them, read from the rollup), the most short first, with how many there are:
--   { count, rows: [{ variant_id, sku, product_id, product_name, quantity, low_stock_threshold }] }.
create function public.dashboard_stock_alerts(max_rows integer default 20) returns jsonb
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_custom_plan
as $$
declare
  result jsonb;
begin
  perform app.require_sales_reader();
  select jsonb_build_object(
           'count', (select count(*) from app.stock_alert_variants),
           'rows', coalesce((
             select jsonb_agg(jsonb_build_object('variant_id', x.variant_id, 'sku', v.sku, 'product_id', v.product_id, 'product_name', p.name,
                                                 'quantity', x.quantity, 'low_stock_threshold', x.low_stock_threshold)
                              order by x.quantity - x.low_stock_threshold, x.variant_id)
               from (select a.* from app.stock_alert_variants a
                      order by a.quantity - a.low_stock_threshold, a.variant_id
                      limit greatest(0, least(coalesce(max_rows, 20), 200))) x
               join public.product_variants v on v.id = x.variant_id
               join public.products p on p.id = v.product_id), '[]'))
    into result;
  return result;
end
$$;
revoke all on function public.dashboard_stock_alerts(integer) from public;
grant execute on function public.dashboard_stock_alerts(integer) to authenticated, service_role;

-- ─── Existing data ─────────────────────────────────────────────────────────────────────────────

-- A database that already has stock starts with its alerts right.
select app.rebuild_stock_alerts();
