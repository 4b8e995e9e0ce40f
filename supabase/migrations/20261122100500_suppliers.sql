-- Suppliers: the outside companies the business buys from (restock) or ships through (dropship),
-- the people to reach there, and what each of them sells us at which cost.
--
-- Who may do what:
--   admins and staff      read everything here (staff order from suppliers);
--   admins, global staff  create, change and delete suppliers, contacts and supplier products;
--   a supplier user       reads its own supplier, contacts and supplier products, and changes only
--                         the stock_quantity and cost_cents of its supplier products; it also reads
--                         the catalogue rows of the variants it supplies (policies at the end);
--   marketers             nothing (costs are not theirs).

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One supplier company. Everything but the name has a default, so a supplier can be made by name.
create table public.suppliers (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  legal_name text,
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  website text,
  minimum_order_cents bigint not null default 0 check (minimum_order_cents >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  lead_time_days integer not null default 7 check (lead_time_days between 0 and 365),
  fulfilment_type text not null default 'restock' check (fulfilment_type in ('dropship', 'restock', 'both')),
  status text not null default 'active' check (status in ('active', 'paused')),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index suppliers_name_idx on public.suppliers (name);

alter table public.memberships
  add constraint memberships_supplier_id_fkey foreign key (supplier_id) references public.suppliers (id) on delete cascade;

-- A person to reach at a supplier (sales, logistics, accounting...).
create table public.supplier_contacts (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references public.suppliers (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  role text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index supplier_contacts_supplier_id_idx on public.supplier_contacts (supplier_id);

-- One variant as a supplier sells it: its reference there, our cost, and the supplier's own stock
-- (mirrored into the ledger of the supplier's warehouse by the inventory migration).
create table public.supplier_products (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references public.suppliers (id) on delete cascade,
  variant_id uuid not null references public.product_variants (id) on delete cascade,
  -- The variant's product, kept by trigger fill_product_id (a variant never moves to another
  -- product), so that app.supplied_product_ids() reads this table alone.
  product_id uuid not null,
  supplier_sku text not null check (length(btrim(supplier_sku)) between 1 and 100),
  cost_cents bigint not null check (cost_cents >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  stock_quantity integer not null default 0 check (stock_quantity >= 0),
  lead_time_days integer check (lead_time_days between 0 and 365),
  is_preferred boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint supplier_products_unique_sku unique (supplier_id, supplier_sku),
  constraint supplier_products_unique_variant unique (supplier_id, variant_id)
);
create index supplier_products_variant_id_idx on public.supplier_products (variant_id);
create index supplier_products_supplier_product_idx on public.supplier_products (supplier_id, product_id);
-- At most one preferred supplier per variant: the one a restock order goes to by default.
create unique index supplier_products_one_preferred_idx on public.supplier_products (variant_id) where is_preferred;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.suppliers, public.supplier_contacts, public.supplier_products from anon, authenticated;
grant select, insert, update, delete on public.suppliers, public.supplier_contacts to authenticated;
grant select, delete on public.supplier_products to authenticated;
-- product_id is the database's to set (trigger fill_product_id).
grant insert (id, supplier_id, variant_id, supplier_sku, cost_cents, currency, stock_quantity, lead_time_days, is_preferred,
  created_at, updated_at) on public.supplier_products to authenticated;
grant update (id, supplier_id, variant_id, supplier_sku, cost_cents, currency, stock_quantity, lead_time_days, is_preferred,
  created_at, updated_at) on public.supplier_products to authenticated;
grant all on public.suppliers, public.supplier_contacts, public.supplier_products to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- A supplier product's product_id is its variant's product, whatever the caller sent.
create function app.fill_supplier_product_product_id() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select v.product_id into new.product_id from public.product_variants v where v.id = new.variant_id;
  return new;
end
$$;

revoke all on function app.fill_supplier_product_product_id() from public;

create trigger touch_updated_at before update on public.suppliers
  for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.supplier_contacts
  for each row execute function app.touch_updated_at();
create trigger fill_product_id before insert or update of variant_id, product_id on public.supplier_products
  for each row execute function app.fill_supplier_product_product_id();
create trigger limit_columns_for_supplier before update on public.supplier_products
  for each row execute function app.limit_update_columns('supplier', 'stock_quantity', 'cost_cents');
create trigger touch_updated_at before update on public.supplier_products
  for each row execute function app.touch_updated_at();

select app.audit_table('public.suppliers');
select app.audit_table('public.supplier_contacts');
select app.audit_table('public.supplier_products');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.suppliers enable row level security;
alter table public.supplier_contacts enable row level security;
alter table public.supplier_products enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The variants the caller's suppliers supply (empty, at once, for everyone who signs in for no
-- supplier), so that catalogue policies cost staff nothing. Policies use them as
-- `id in (select unnest((select app.supplied_variant_ids())))`: the function runs once per query
-- and the ids go into a hash, where `id = any (array)` would search the array for every row.
create function app.supplied_variant_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  suppliers uuid[] := app.supplier_ids();
begin
  if cardinality(suppliers) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(distinct sp.variant_id), '{}') from public.supplier_products sp where sp.supplier_id = any (suppliers));
end
$$;

-- The products of those variants, from supplier_products.product_id alone.
create function app.supplied_product_ids() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  suppliers uuid[] := app.supplier_ids();
begin
  if cardinality(suppliers) = 0 then
    return '{}';
  end if;
  return (select coalesce(array_agg(p.product_id), '{}')
            from (select distinct sp.product_id from public.supplier_products sp where sp.supplier_id = any (suppliers)) p);
end
$$;

revoke all on function app.supplied_variant_ids(), app.supplied_product_ids() from public;
grant execute on function app.supplied_variant_ids(), app.supplied_product_ids() to authenticated, service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see suppliers, and suppliers themselves" on public.suppliers
  for select to authenticated
  using ((select app.is_staff()) or id = any ((select app.supplier_ids())::uuid[]));

create policy "Global staff add suppliers" on public.suppliers
  for insert to authenticated
  with check ((select app.is_global_staff()));

create policy "Global staff change suppliers" on public.suppliers
  for update to authenticated
  using ((select app.is_global_staff()))
  with check ((select app.is_global_staff()));

create policy "Global staff delete suppliers" on public.suppliers
  for delete to authenticated
  using ((select app.is_global_staff()));

create policy "Staff see supplier contacts, and suppliers their own" on public.supplier_contacts
  for select to authenticated
  using ((select app.is_staff()) or supplier_id = any ((select app.supplier_ids())::uuid[]));

create policy "Global staff add supplier contacts" on public.supplier_contacts
  for insert to authenticated
  with check ((select app.is_global_staff()));

create policy "Global staff change supplier contacts" on public.supplier_contacts
  for update to authenticated
  using ((select app.is_global_staff()))
  with check ((select app.is_global_staff()));

create policy "Global staff delete supplier contacts" on public.supplier_contacts
  for delete to authenticated
  using ((select app.is_global_staff()));

create policy "Staff see supplier products, and suppliers their own" on public.supplier_products
  for select to authenticated
  using ((select app.is_staff()) or supplier_id = any ((select app.supplier_ids())::uuid[]));

create policy "Global staff add supplier products" on public.supplier_products
  for insert to authenticated
  with check ((select app.is_global_staff()));

-- Suppliers reach only stock_quantity and cost_cents (trigger limit_columns_for_supplier).
create policy "Global staff change supplier products, and suppliers their stock and costs" on public.supplier_products
  for update to authenticated
  using ((select app.is_global_staff()) or supplier_id = any ((select app.supplier_ids())::uuid[]))
  with check ((select app.is_global_staff()) or supplier_id = any ((select app.supplier_ids())::uuid[]));

create policy "Global staff delete supplier products" on public.supplier_products
  for delete to authenticated
  using ((select app.is_global_staff()));

-- The catalogue's rule for suppliers, kept here beside supplier_products: a supplier reads the
-- variants it supplies, their products, and those products' media (but not other variants' media).
create policy "Suppliers see the products they supply" on public.products
  for select to authenticated
  using (id in (select unnest((select app.supplied_product_ids()))));

create policy "Suppliers see the products they supply" on public.product_variants
  for select to authenticated
  using (id in (select unnest((select app.supplied_variant_ids()))));

create policy "Suppliers see the products they supply" on public.product_media
  for select to authenticated
  using (
    product_id in (select unnest((select app.supplied_product_ids())))
    and (variant_id is null or variant_id in (select unnest((select app.supplied_variant_ids()))))
  );
