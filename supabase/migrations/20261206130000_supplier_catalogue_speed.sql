-- Catalogue reads as a supplier, and every policy helper, made cheaper (bench:rls: the products
-- page as a supplier was 1.7–2.2× the service role's, against a target of 1.5×).
--
-- Where a supplier's products page spent its extra time, on the large seed (one plan serves every
-- role: walk the name index, keep the rows the caller may see, stop at 50):
--   - the products policy hashed the supplier's supplier_products rows (one per variant: 7,492 for
--     2,527 products), once for the page and once for its count, re-checking that table's own
--     policy on each row. It now hashes app.supplied_products, one row per product supplied;
--   - the walk visited the heap for each of the ~8,600 index entries it passed (the service role
--     passes ~3,900). The name index now carries the list's columns, so the walk reads the index
--     alone (for every role);
--   - the variants policy probed supplier_products by variant and fetched each row for its
--     supplier: the variant index now carries the supplier;
--   - the policy helpers were SQL functions with `set search_path`, which Postgres cannot inline
--     and plans again in every statement that calls them (up to 0.1 ms each, a dozen per page).
--     In plpgsql their plans are kept for the session. Same queries, same answers.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- A product a supplier supplies, with how many of its variants (derived from supplier_products by
-- a trigger; read by the products policy only).
create table app.supplied_products (
  supplier_id uuid not null,
  product_id uuid not null,
  variants integer not null check (variants >= 0),
  primary key (supplier_id, product_id)
);

-- The product list's columns ride along the name index: a page by name reads the index alone.
create index products_list_by_name_idx on public.products (status, name) include (id, sku, brand, category_id, updated_at);
drop index public.products_status_name_idx;

create index supplier_products_variant_supplier_idx on public.supplier_products (variant_id, supplier_id);
drop index public.supplier_products_variant_id_idx;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on app.supplied_products from public, anon, authenticated;
-- Policies run their subqueries as the caller.
grant select on app.supplied_products to authenticated;
grant all on app.supplied_products to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Counts rather than existence checks: two sessions removing the last two variants of a product
-- (or one adding while another removes) still leave the right rows, since each waits for the
-- other's row lock and then counts from the committed value.
create function app.follow_supplied_product() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  remaining integer;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update app.supplied_products set variants = variants - 1
     where supplier_id = old.supplier_id and product_id = old.product_id
    returning variants into remaining;
    if remaining = 0 then
      delete from app.supplied_products where supplier_id = old.supplier_id and product_id = old.product_id and variants = 0;
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into app.supplied_products (supplier_id, product_id, variants) values (new.supplier_id, new.product_id, 1)
    on conflict (supplier_id, product_id) do update set variants = app.supplied_products.variants + 1;
  end if;
  return null;
end
$$;

revoke all on function app.follow_supplied_product() from public;

create trigger follow_supplied_products after insert or delete or update of supplier_id, variant_id, product_id on public.supplier_products
  for each row execute function app.follow_supplied_product();

-- For loads made with triggers off (the seeds): app.supplied_products from supplier_products,
-- which stays locked against writes meanwhile.
create function app.rebuild_supplied_products() returns void
language sql security definer set search_path = ''
as $$
  lock table public.supplier_products in share mode;
  delete from app.supplied_products;
  insert into app.supplied_products (supplier_id, product_id, variants)
  select supplier_id, product_id, count(*) from public.supplier_products group by supplier_id, product_id;
$$;

revoke all on function app.rebuild_supplied_products() from public;
grant execute on function app.rebuild_supplied_products() to service_role;

select app.rebuild_supplied_products();

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table app.supplied_products enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────
-- The same queries as before, in plpgsql.

-- No policy has called these since 20261206100000, and app.supplied_products now says what the
-- first did.
drop function app.supplied_product_ids();
drop function app.supplied_variant_ids();

create or replace function app.has_role(wanted public.member_role) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.memberships where user_id = (select auth.uid()) and role = wanted);
end
$$;

create or replace function app.is_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return app.has_role('admin');
end
$$;

create or replace function app.is_staff() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.memberships where user_id = (select auth.uid()) and role in ('admin', 'staff'));
end
$$;

create or replace function app.staff_shop_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return app.shop_ids_for('{staff}');
end
$$;

create or replace function app.marketing_shop_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return app.shop_ids_for('{staff,marketer}');
end
$$;

create or replace function app.supplier_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select array_agg(supplier_id) from public.memberships where user_id = (select auth.uid()) and role = 'supplier'), '{}');
end
$$;

create or replace function app.is_global_staff() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships
     where user_id = (select auth.uid()) and (role = 'admin' or (role = 'staff' and shop_id is null))
  );
end
$$;

create or replace function app.is_catalogue_editor() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.memberships where user_id = (select auth.uid()) and role in ('admin', 'staff', 'marketer'));
end
$$;

create or replace function app.is_global_marketer() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships
     where user_id = (select auth.uid()) and (role = 'admin' or (role in ('staff', 'marketer') and shop_id is null))
  );
end
$$;

create or replace function app.own_warehouse_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select array_agg(id) from public.warehouses where kind = 'own'), '{}');
end
$$;

create or replace function app.supplier_warehouse_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce((select array_agg(id) from public.warehouses where kind = 'supplier' and supplier_id = any (app.supplier_ids())), '{}');
end
$$;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Suppliers see the products they supply" on app.supplied_products
  for select to authenticated
  using (supplier_id = any ((select app.supplier_ids())::uuid[]));

drop policy "Catalogue editors see products, and suppliers those they supply" on public.products;
create policy "Catalogue editors see products, and suppliers those they supply" on public.products
  for select to authenticated
  using (
    (select app.is_catalogue_editor())
    or id in (select s.product_id from app.supplied_products s where s.supplier_id = any ((select app.supplier_ids())::uuid[]))
  );
