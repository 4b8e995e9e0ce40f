-- Inventory: stock_alerts for everyone who works with stock, each within their reach. It returned
-- rows to staff only (app.is_staff()), so the service role (jobs, Edge Functions) and direct
-- database sessions read nothing. Now: the service role, direct sessions, admins and staff of every
-- shop read every alert; staff limited to some shops read the alerts of products listed in their
-- shops; marketers and suppliers still read nothing (they cannot see our levels).

-- ─── Views ─────────────────────────────────────────────────────────────────────────────────────

-- Variants whose stock in our own warehouses is at or below their low-stock threshold.
create or replace view public.stock_alerts with (security_invoker = true) as
select v.id as variant_id, v.sku, p.id as product_id, p.name as product_name,
       coalesce(own.quantity, 0) as quantity, v.low_stock_threshold
  from public.product_variants v
  join public.products p on p.id = v.product_id
  left join lateral (
    select sum(l.quantity)::integer as quantity
      from public.stock_levels l join public.warehouses w on w.id = l.warehouse_id and w.kind = 'own'
     where l.variant_id = v.id
  ) own on true
 where v.status = 'active'
   and coalesce(own.quantity, 0) <= v.low_stock_threshold
   and (
     (select coalesce(auth.role(), 'service_role')) = 'service_role'
     or (select app.is_global_staff())
     or exists (select 1 from public.product_listings pl
                 where pl.product_id = p.id and pl.shop_id = any ((select app.staff_shop_ids())::uuid[]))
   );
