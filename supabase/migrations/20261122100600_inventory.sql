-- Inventory: warehouses (ours, and one per supplier for the stock it declares), a ledger of every
-- stock movement, and the stock levels the ledger adds up to.
--
-- The ledger is the truth: stock_movements is append-only, and each insert applies its delta to
-- stock_levels under a row lock, so a level always equals the sum of its movements and two sales of
-- the last unit cannot both pass. Stock never goes below zero unless the variant allows backorders
-- (and never in a supplier's warehouse). A supplier's stock_quantity on supplier_products is
-- mirrored into its warehouse as 'supplier_count' movements, so there is one truth there too.
--
-- Who may do what:
--   admins and staff   read warehouses, levels and movements (selling needs stock), and record
--                      movements into our own warehouses; global staff manage warehouses;
--   a supplier user    reads its own warehouse, its levels and its movements;
--   marketers          nothing;
--   nobody             writes stock_levels (only the ledger trigger does) or changes a movement.
--
-- Recomputing derived data (seeds load with triggers off), in this order:
--   select app.recompute_supplier_stock();  -- supplier warehouses and 'supplier_count' movements
--   select app.recompute_stock_levels();    -- stock_levels = sum of the ledger

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- A place stock is kept: one of ours, or a supplier's (made on demand for its declared stock).
create table public.warehouses (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  kind text not null default 'own' check (kind in ('own', 'supplier')),
  supplier_id uuid references public.suppliers (id) on delete restrict,
  address jsonb not null default '{}' check (jsonb_typeof(address) = 'object'),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint warehouses_supplier_iff_kind_supplier check ((kind = 'supplier') = (supplier_id is not null))
);
-- One warehouse per supplier: where its declared stock is mirrored.
create unique index warehouses_supplier_id_idx on public.warehouses (supplier_id) where kind = 'supplier';

-- How many units of a variant a warehouse holds: the sum of the ledger, kept by its trigger only.
create table public.stock_levels (
  id uuid primary key default gen_random_uuid(),
  variant_id uuid not null references public.product_variants (id) on delete cascade,
  warehouse_id uuid not null references public.warehouses (id) on delete cascade,
  quantity integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint stock_levels_unique_place unique (variant_id, warehouse_id)
);
create index stock_levels_warehouse_id_idx on public.stock_levels (warehouse_id, variant_id);

-- One change of stock of a variant in a warehouse (signed), with why and who. Append-only.
-- order_id, return_id and supplier_order_id get their foreign keys from the orders, returns and
-- supplier orders migrations; their indexes are here.
create table public.stock_movements (
  id bigint generated always as identity primary key,
  variant_id uuid not null references public.product_variants (id) on delete restrict,
  warehouse_id uuid not null references public.warehouses (id) on delete restrict,
  quantity integer not null check (quantity <> 0),
  reason text not null check (reason in ('purchase', 'sale', 'return', 'adjustment', 'transfer_in', 'transfer_out',
                                         'cancellation', 'supplier_count', 'count_correction')),
  actor_id uuid default auth.uid(),
  order_id uuid,
  return_id uuid,
  supplier_order_id uuid,
  note text,
  created_at timestamptz not null default now(),
  constraint stock_movements_sign_matches_reason check (
    case
      when reason in ('purchase', 'return', 'transfer_in', 'cancellation') then quantity > 0
      when reason in ('sale', 'transfer_out') then quantity < 0
      else true
    end
  )
);
create index stock_movements_variant_id_idx on public.stock_movements (variant_id, warehouse_id, created_at);
create index stock_movements_warehouse_id_idx on public.stock_movements (warehouse_id, created_at desc);
create index stock_movements_order_id_idx on public.stock_movements (order_id) where order_id is not null;
create index stock_movements_return_id_idx on public.stock_movements (return_id) where return_id is not null;
create index stock_movements_supplier_order_id_idx on public.stock_movements (supplier_order_id, variant_id) where supplier_order_id is not null;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.warehouses, public.stock_levels, public.stock_movements from anon, authenticated;
grant select, insert, update, delete on public.warehouses to authenticated;
grant select on public.stock_levels to authenticated;
grant select, insert on public.stock_movements to authenticated;
grant all on public.warehouses, public.stock_levels, public.stock_movements to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

create trigger touch_updated_at before update on public.warehouses
  for each row execute function app.touch_updated_at();

create trigger stock_movements_are_append_only before update or delete on public.stock_movements
  for each row execute function app.refuse_change();

-- Who recorded a movement is whoever is signed in, whatever the request says.
create function app.stamp_stock_movement() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.actor_id := coalesce((select auth.uid()), new.actor_id);
  return new;
end
$$;
create trigger stamp_actor before insert on public.stock_movements
  for each row execute function app.stamp_stock_movement();

-- Applies a movement to its level. The upsert locks the level row, so concurrent movements of the
-- same variant and warehouse queue up, and each checks the level it produced.
create function app.apply_stock_movement() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  level integer;
  variant record;
  warehouse record;
begin
  insert into public.stock_levels as l (variant_id, warehouse_id, quantity)
  values (new.variant_id, new.warehouse_id, new.quantity)
  on conflict (variant_id, warehouse_id) do update set quantity = l.quantity + excluded.quantity, updated_at = now()
  returning l.quantity into level;

  if level < 0 and new.quantity < 0 then
    select v.sku, v.allow_backorder into variant from public.product_variants v where v.id = new.variant_id;
    select w.code, w.kind, w.supplier_id into warehouse from public.warehouses w where w.id = new.warehouse_id;
    if not variant.allow_backorder or warehouse.kind = 'supplier' then
      raise exception 'not enough stock of SKU % in warehouse %: % available, % requested',
        variant.sku, warehouse.code, level - new.quantity, -new.quantity
        using errcode = 'P0001',
              hint = case when warehouse.kind = 'supplier' then 'A supplier''s stock cannot go below zero.'
                          else 'Receive stock first, or allow backorders on the variant.' end;
    end if;
  end if;

  -- A movement other than the supplier's own count, in a supplier's warehouse (a dropship sale, a
  -- return), changes what the supplier holds: keep supplier_products in step. The mirror trigger
  -- then finds nothing to record, since the level already matches.
  if new.reason <> 'supplier_count' then
    update public.supplier_products sp set stock_quantity = level
      from public.warehouses w
     where w.id = new.warehouse_id and w.kind = 'supplier'
       and sp.supplier_id = w.supplier_id and sp.variant_id = new.variant_id and sp.stock_quantity <> level;
  end if;
  return null;
end
$$;
revoke all on function app.apply_stock_movement() from public;
create trigger apply_to_stock_levels after insert on public.stock_movements
  for each row execute function app.apply_stock_movement();

-- The warehouse holding a supplier's declared stock, made the first time it is needed.
create function app.supplier_warehouse_id(supplier uuid) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  found uuid;
begin
  select id into found from public.warehouses where supplier_id = supplier and kind = 'supplier';
  if found is null then
    insert into public.warehouses (code, name, kind, supplier_id)
    select 'supplier-' || s.id::text, left(s.name, 190) || ' (supplier)', 'supplier', s.id
      from public.suppliers s where s.id = supplier
    on conflict (supplier_id) where kind = 'supplier' do nothing
    returning id into found;
    if found is null then
      select id into found from public.warehouses where supplier_id = supplier and kind = 'supplier';
    end if;
  end if;
  return found;
end
$$;
revoke all on function app.supplier_warehouse_id(uuid) from public;

-- Mirrors a supplier product's stock_quantity into the supplier's warehouse: a 'supplier_count'
-- movement of the difference between what the supplier declares and what the ledger holds.
create function app.mirror_supplier_stock() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  sp public.supplier_products := case when tg_op = 'DELETE' then old else new end;
  declared integer := case when tg_op = 'DELETE' then 0 else new.stock_quantity end;
  warehouse uuid;
  level integer;
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.product_variants where id = old.variant_id) then
    return null;
  end if;
  if tg_op <> 'DELETE' and declared = 0 and not exists (select 1 from public.warehouses where supplier_id = sp.supplier_id and kind = 'supplier') then
    return null;
  end if;
  warehouse := app.supplier_warehouse_id(sp.supplier_id);
  select quantity into level from public.stock_levels where variant_id = sp.variant_id and warehouse_id = warehouse for update;
  if declared <> coalesce(level, 0) then
    insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, note)
    values (sp.variant_id, warehouse, declared - coalesce(level, 0), 'supplier_count',
            case when tg_op = 'DELETE' then 'no longer supplied' else 'stock declared by the supplier' end);
  end if;
  return null;
end
$$;
revoke all on function app.mirror_supplier_stock() from public;
create trigger mirror_into_ledger after insert or delete or update of stock_quantity on public.supplier_products
  for each row execute function app.mirror_supplier_stock();

select app.audit_table('public.warehouses');
select app.audit_table('public.stock_levels');
select app.audit_table('public.stock_movements');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.warehouses enable row level security;
alter table public.stock_levels enable row level security;
alter table public.stock_movements enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The warehouses of the caller's suppliers (empty for everyone else).
create function app.supplier_warehouse_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(id), '{}') from public.warehouses
  where kind = 'supplier' and supplier_id = any (app.supplier_ids())
$$;

-- Our own warehouses, where staff record movements (a supplier's is kept by its declared stock).
create function app.own_warehouse_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(id), '{}') from public.warehouses where kind = 'own'
$$;

revoke all on function app.supplier_warehouse_ids(), app.own_warehouse_ids() from public;
grant execute on function app.supplier_warehouse_ids(), app.own_warehouse_ids() to authenticated, service_role;

-- Set-based recompute after a load with triggers off: every supplier with declared stock gets its
-- warehouse, and each supplier product's difference with the ledger becomes a 'supplier_count'.
create function app.recompute_supplier_stock() returns void
language sql security definer set search_path = ''
as $$
  insert into public.warehouses (code, name, kind, supplier_id)
  select 'supplier-' || s.id::text, left(s.name, 190) || ' (supplier)', 'supplier', s.id
    from public.suppliers s
   where exists (select 1 from public.supplier_products sp where sp.supplier_id = s.id and sp.stock_quantity <> 0)
  on conflict (supplier_id) where kind = 'supplier' do nothing;

  insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, note)
  select sp.variant_id, w.id, sp.stock_quantity - coalesce(ledger.total, 0), 'supplier_count', 'stock declared by the supplier'
    from public.supplier_products sp
    join public.warehouses w on w.supplier_id = sp.supplier_id and w.kind = 'supplier'
    left join lateral (select sum(m.quantity) as total from public.stock_movements m
                        where m.variant_id = sp.variant_id and m.warehouse_id = w.id) ledger on true
   where sp.stock_quantity <> coalesce(ledger.total, 0);
$$;

-- Set-based recompute: every level equals the sum of its movements.
create function app.recompute_stock_levels() returns void
language sql security definer set search_path = ''
as $$
  insert into public.stock_levels as l (variant_id, warehouse_id, quantity, updated_at)
  select variant_id, warehouse_id, sum(quantity), max(created_at) from public.stock_movements group by variant_id, warehouse_id
  on conflict (variant_id, warehouse_id) do update set quantity = excluded.quantity, updated_at = excluded.updated_at
   where l.quantity is distinct from excluded.quantity;

  update public.stock_levels l set quantity = 0, updated_at = now()
   where l.quantity <> 0
     and not exists (select 1 from public.stock_movements m where m.variant_id = l.variant_id and m.warehouse_id = l.warehouse_id);
$$;

revoke all on function app.recompute_supplier_stock(), app.recompute_stock_levels() from public;
grant execute on function app.recompute_supplier_stock(), app.recompute_stock_levels() to service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see warehouses, and suppliers their own" on public.warehouses
  for select to authenticated
  using ((select app.is_staff()) or (kind = 'supplier' and supplier_id = any ((select app.supplier_ids())::uuid[])));

create policy "Global staff open warehouses" on public.warehouses
  for insert to authenticated
  with check ((select app.is_global_staff()));

create policy "Global staff change warehouses" on public.warehouses
  for update to authenticated
  using ((select app.is_global_staff()))
  with check ((select app.is_global_staff()));

create policy "Global staff close warehouses" on public.warehouses
  for delete to authenticated
  using ((select app.is_global_staff()));

create policy "Staff see stock levels, and suppliers their warehouse's" on public.stock_levels
  for select to authenticated
  using ((select app.is_staff()) or warehouse_id = any ((select app.supplier_warehouse_ids())::uuid[]));

create policy "Staff see stock movements, and suppliers their warehouse's" on public.stock_movements
  for select to authenticated
  using ((select app.is_staff()) or warehouse_id = any ((select app.supplier_warehouse_ids())::uuid[]));

-- A supplier's warehouse moves only by its declared stock (and the triggers of orders).
create policy "Staff record stock movements in our own warehouses" on public.stock_movements
  for insert to authenticated
  with check (
    (select app.is_staff())
    and warehouse_id = any ((select app.own_warehouse_ids())::uuid[])
    and reason <> 'supplier_count'
  );

-- ─── Views ─────────────────────────────────────────────────────────────────────────────────────

-- Variants whose stock in our own warehouses is at or below their low-stock threshold. Only staff
-- get rows: others cannot see our levels, and would read every variant as out of stock.
create view public.stock_alerts with (security_invoker = true) as
select v.id as variant_id, v.sku, p.id as product_id, p.name as product_name,
       coalesce(own.quantity, 0) as quantity, v.low_stock_threshold
  from public.product_variants v
  join public.products p on p.id = v.product_id
  left join lateral (
    select sum(l.quantity)::integer as quantity
      from public.stock_levels l join public.warehouses w on w.id = l.warehouse_id and w.kind = 'own'
     where l.variant_id = v.id
  ) own on true
 where (select app.is_staff())
   and v.status = 'active'
   and coalesce(own.quantity, 0) <= v.low_stock_threshold;

revoke all on public.stock_alerts from anon, authenticated;
grant select on public.stock_alerts to authenticated;
grant select on public.stock_alerts to service_role;
