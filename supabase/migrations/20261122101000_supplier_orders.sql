-- Supplier orders: what we buy from a supplier, either to restock one of our warehouses or to have
-- the supplier ship a customer's order directly (dropship). The database numbers them, walks the
-- status workflow, keeps the total equal to the items, and, when a restock is received, writes the
-- 'purchase' movements into the destination warehouse exactly once.
--
-- Workflow: draft → sent → confirmed → shipped → received, with cancelled reachable before
-- shipping and sent → shipped allowed (suppliers that ship without confirming).
--
-- Who may do what:
--   admins and staff   read restock orders (no shop) and the dropship orders of their shops;
--   global staff       create and change restock orders; staff create and change their shops'
--                      dropship orders; only drafts are deleted, items change only in drafts;
--   a supplier user    reads its own orders and their items, and changes only tracking_number,
--                      carrier, expected_at, shipped_at and status, and the status only from sent
--                      to confirmed, and from sent or confirmed to shipped;
--   marketers          nothing.
--
-- Derived values, for seeds loaded with triggers off:
--   select app.recompute_supplier_orders();  -- totals, receipts into the ledger, the number sequence

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- Purchase-order numbers are not legal documents: one global series, gaps allowed.
create sequence app.supplier_order_number;

-- One order placed with a supplier: a restock into one of our warehouses, or a dropship of a
-- customer's order.
create table public.supplier_orders (
  id uuid primary key default gen_random_uuid(),
  supplier_id uuid not null references public.suppliers (id) on delete restrict,
  kind text not null default 'restock' check (kind in ('restock', 'dropship')),
  shop_id uuid references public.shops (id) on delete restrict,
  order_id uuid references public.orders (id) on delete restrict,
  warehouse_id uuid references public.warehouses (id) on delete restrict,
  number text not null unique,
  status text not null default 'draft' check (status in ('draft', 'sent', 'confirmed', 'shipped', 'received', 'cancelled')),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  tracking_number text check (length(btrim(tracking_number)) between 1 and 100),
  carrier text check (length(btrim(carrier)) between 1 and 100),
  expected_at date,
  shipped_at timestamptz,
  received_at timestamptz,
  total_cost_cents bigint not null default 0,
  notes text,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint supplier_orders_restock_has_a_warehouse check ((kind = 'restock') = (warehouse_id is not null)),
  constraint supplier_orders_dropship_has_a_shop check ((kind = 'dropship') = (shop_id is not null)),
  constraint supplier_orders_only_dropship_has_an_order check (kind = 'dropship' or order_id is null)
);
create index supplier_orders_supplier_id_idx on public.supplier_orders (supplier_id, created_at desc);
create index supplier_orders_shop_id_idx on public.supplier_orders (shop_id, created_at desc);
create index supplier_orders_order_id_idx on public.supplier_orders (order_id);
create index supplier_orders_warehouse_id_idx on public.supplier_orders (warehouse_id);
create index supplier_orders_status_idx on public.supplier_orders (status, created_at desc);

-- One line of a supplier order: so many of a supplier product at a unit cost, and how many arrived.
create table public.supplier_order_items (
  id uuid primary key default gen_random_uuid(),
  supplier_order_id uuid not null references public.supplier_orders (id) on delete cascade,
  supplier_product_id uuid not null references public.supplier_products (id) on delete restrict,
  variant_id uuid not null references public.product_variants (id) on delete restrict,
  quantity integer not null check (quantity > 0),
  unit_cost_cents bigint not null check (unit_cost_cents >= 0),
  received_quantity integer not null default 0 check (received_quantity >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint supplier_order_items_received_at_most_ordered check (received_quantity <= quantity),
  constraint supplier_order_items_unique_variant unique (supplier_order_id, variant_id)
);
create index supplier_order_items_supplier_product_id_idx on public.supplier_order_items (supplier_product_id);
create index supplier_order_items_variant_id_idx on public.supplier_order_items (variant_id);

alter table public.stock_movements
  add constraint stock_movements_supplier_order_id_fkey foreign key (supplier_order_id) references public.supplier_orders (id) on delete restrict;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.supplier_orders, public.supplier_order_items from anon, authenticated;
grant select, delete on public.supplier_orders, public.supplier_order_items to authenticated;
-- number, total_cost_cents, received_at and created_by are the database's to set.
grant insert (supplier_id, kind, shop_id, order_id, warehouse_id, status, currency, tracking_number, carrier, expected_at, notes)
  on public.supplier_orders to authenticated;
grant update (warehouse_id, status, currency, tracking_number, carrier, expected_at, shipped_at, notes)
  on public.supplier_orders to authenticated;
grant insert (supplier_order_id, supplier_product_id, variant_id, quantity, unit_cost_cents)
  on public.supplier_order_items to authenticated;
grant update (quantity, unit_cost_cents, received_quantity) on public.supplier_order_items to authenticated;
grant all on public.supplier_orders, public.supplier_order_items to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- A new order: the next number, a draft or sent status, its creator, and no items yet; a dropship
-- of a customer order belongs to that order's shop.
create function app.prepare_new_supplier_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status not in ('draft', 'sent') then
    raise exception 'a new supplier order must be draft or sent, not %', new.status
      using errcode = 'P0001', hint = 'Create it, then move it along the workflow.';
  end if;
  if new.order_id is not null and new.shop_id is distinct from (select o.shop_id from public.orders o where o.id = new.order_id) then
    raise exception 'a dropship supplier order belongs to the shop of its customer order'
      using errcode = 'P0001', hint = 'Leave shop_id out, or give the customer order''s shop.';
  end if;
  new.number := format('PO-%s-%s', extract(year from now())::integer, lpad(nextval('app.supplier_order_number')::text, 5, '0'));
  new.created_by := coalesce((select auth.uid()), new.created_by);
  new.total_cost_cents := 0;
  new.received_at := null;
  new.shipped_at := null;
  return new;
end
$$;
revoke all on function app.prepare_new_supplier_order() from public;
create trigger prepare_new_supplier_order before insert on public.supplier_orders
  for each row execute function app.prepare_new_supplier_order();

-- Fills a dropship order's shop from its customer order (before the checks run).
create function app.supplier_order_shop_from_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.order_id is not null and new.shop_id is null then
    new.shop_id := (select o.shop_id from public.orders o where o.id = new.order_id);
  end if;
  return new;
end
$$;
revoke all on function app.supplier_order_shop_from_order() from public;
-- named to run before prepare_new_supplier_order
create trigger fill_shop_from_order before insert on public.supplier_orders
  for each row execute function app.supplier_order_shop_from_order();

-- The workflow, and what each step stamps. Suppliers only confirm and ship.
create function app.check_supplier_order_status() returns trigger
language plpgsql set search_path = ''
as $$
declare
  allowed text[] := case old.status
    when 'draft' then '{sent,cancelled}'
    when 'sent' then '{confirmed,shipped,cancelled}'
    when 'confirmed' then '{shipped,cancelled}'
    when 'shipped' then '{received}'
    else '{}'
  end;
begin
  if new.status is distinct from old.status then
    if not new.status = any (allowed) then
      raise exception 'a supplier order cannot go from % to %', old.status, new.status
        using errcode = 'P0001',
              hint = case when allowed = '{}' then format('A %s supplier order is final.', old.status)
                          else format('From %s it may go to: %s.', old.status, array_to_string(allowed, ', ')) end;
    end if;
    if (select auth.uid()) is not null and not app.is_staff() and app.has_role('supplier')
       and not (new.status = 'confirmed' or new.status = 'shipped') then
      raise exception 'a supplier may only confirm or ship a supplier order, not set it to %', new.status
        using errcode = '42501';
    end if;
    if new.status = 'shipped' and new.shipped_at is null then
      new.shipped_at := now();
    end if;
    if new.status = 'received' then
      new.received_at := now();
    end if;
  end if;
  if old.status <> 'draft' and new.warehouse_id is distinct from old.warehouse_id then
    raise exception 'the destination of supplier order % cannot change once it is sent', old.number using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger check_status before update on public.supplier_orders
  for each row execute function app.check_supplier_order_status();
create trigger limit_columns_for_supplier before update on public.supplier_orders
  for each row execute function app.limit_update_columns('supplier', 'tracking_number', 'carrier', 'expected_at', 'shipped_at', 'status', 'updated_at');
create trigger touch_updated_at before update on public.supplier_orders
  for each row execute function app.touch_updated_at();

-- Receiving the whole order receives every line that is not complete (each line then writes its
-- purchase movement).
create function app.receive_supplier_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.supplier_order_items set received_quantity = quantity
   where supplier_order_id = new.id and received_quantity < quantity;
  return null;
end
$$;
revoke all on function app.receive_supplier_order() from public;
create trigger receive_when_received after update of status on public.supplier_orders
  for each row when (new.status = 'received' and old.status <> 'received')
  execute function app.receive_supplier_order();

-- Lines are the supplier's products: variant and default unit cost come from there. Lines change
-- only while the order is a draft, except what arrived, which only grows, once the order is sent.
create function app.check_supplier_order_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.supplier_orders;
  product public.supplier_products;
begin
  select * into parent from public.supplier_orders where id = coalesce(new.supplier_order_id, old.supplier_order_id);
  if parent.id is null then
    return coalesce(new, old);
  end if;
  if tg_op = 'INSERT' then
    select * into product from public.supplier_products where id = new.supplier_product_id;
    if product.supplier_id is distinct from parent.supplier_id then
      raise exception 'supplier product % is not sold by the supplier of order %', new.supplier_product_id, parent.number
        using errcode = 'P0001';
    end if;
    if new.variant_id is not null and new.variant_id <> product.variant_id then
      raise exception 'supplier product % is another variant than the one given', new.supplier_product_id using errcode = 'P0001';
    end if;
    new.variant_id := product.variant_id;
    new.unit_cost_cents := coalesce(new.unit_cost_cents, product.cost_cents);
    new.received_quantity := 0;
  end if;
  if (tg_op <> 'UPDATE' or new.quantity <> old.quantity or new.unit_cost_cents <> old.unit_cost_cents
      or new.supplier_product_id <> old.supplier_product_id) and parent.status <> 'draft' then
    raise exception 'the lines of supplier order % cannot change: it is %', parent.number, parent.status
      using errcode = 'P0001', hint = 'Only a draft''s lines change; cancel it and make another.';
  end if;
  if tg_op = 'UPDATE' and new.received_quantity <> old.received_quantity then
    if new.received_quantity < old.received_quantity then
      raise exception 'what arrived for supplier order % cannot go down (from % to %)', parent.number, old.received_quantity, new.received_quantity
        using errcode = 'P0001', hint = 'Record a stock adjustment instead.';
    end if;
    if parent.status not in ('sent', 'confirmed', 'shipped', 'received') then
      raise exception 'supplier order % is %: nothing can be received for it', parent.number, parent.status using errcode = 'P0001';
    end if;
  end if;
  return coalesce(new, old);
end
$$;
revoke all on function app.check_supplier_order_item() from public;
create trigger check_line before insert or update or delete on public.supplier_order_items
  for each row execute function app.check_supplier_order_item();
create trigger touch_updated_at before update on public.supplier_order_items
  for each row execute function app.touch_updated_at();

-- What arrived goes into the ledger: the received quantity less what the ledger already holds for
-- this order and variant, so receiving twice moves stock once. Dropships never reach our stock.
create function app.receive_supplier_order_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.supplier_orders;
  booked integer;
begin
  select * into parent from public.supplier_orders where id = new.supplier_order_id;
  if parent.kind <> 'restock' then
    return null;
  end if;
  select coalesce(sum(quantity), 0) into booked from public.stock_movements
   where supplier_order_id = parent.id and variant_id = new.variant_id and reason = 'purchase';
  if new.received_quantity > booked then
    insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, supplier_order_id, note)
    values (new.variant_id, parent.warehouse_id, new.received_quantity - booked, 'purchase', parent.id, parent.number);
  end if;
  return null;
end
$$;
revoke all on function app.receive_supplier_order_item() from public;
create trigger book_receipt after update of received_quantity on public.supplier_order_items
  for each row when (new.received_quantity > old.received_quantity)
  execute function app.receive_supplier_order_item();

-- The order's total from its lines.
create function app.recompute_supplier_order_total() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.supplier_orders o
     set total_cost_cents = coalesce((select sum(i.quantity * i.unit_cost_cents) from public.supplier_order_items i where i.supplier_order_id = o.id), 0)
   where o.id = coalesce(new.supplier_order_id, old.supplier_order_id);
  return null;
end
$$;
revoke all on function app.recompute_supplier_order_total() from public;
create trigger follow_total after insert or delete or update of quantity, unit_cost_cents on public.supplier_order_items
  for each row execute function app.recompute_supplier_order_total();

select app.audit_table('public.supplier_orders');
select app.audit_table('public.supplier_order_items');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.supplier_orders enable row level security;
alter table public.supplier_order_items enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- Set-based recompute after a load with triggers off: totals from lines, every received quantity
-- booked into the ledger once, and the number series after the highest number used.
create function app.recompute_supplier_orders() returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.supplier_orders o
     set total_cost_cents = coalesce(t.total, 0)
    from public.supplier_orders o2
    left join lateral (select sum(i.quantity * i.unit_cost_cents) as total from public.supplier_order_items i
                        where i.supplier_order_id = o2.id) t on true
   where o.id = o2.id and o.total_cost_cents is distinct from coalesce(t.total, 0);

  insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, supplier_order_id, note, created_at)
  select i.variant_id, o.warehouse_id, i.received_quantity - coalesce(b.booked, 0), 'purchase', o.id, o.number,
         coalesce(o.received_at, o.updated_at)
    from public.supplier_order_items i
    join public.supplier_orders o on o.id = i.supplier_order_id and o.kind = 'restock'
    left join lateral (select sum(m.quantity) as booked from public.stock_movements m
                        where m.supplier_order_id = o.id and m.variant_id = i.variant_id and m.reason = 'purchase') b on true
   where i.received_quantity > coalesce(b.booked, 0);

  perform setval('app.supplier_order_number',
                 greatest(1, coalesce((select max(split_part(number, '-', 3)::bigint) from public.supplier_orders
                                        where number ~ '^PO-[0-9]{4}-[0-9]+$'), 0) + 1), false);
end
$$;
revoke all on function app.recompute_supplier_orders() from public;
grant execute on function app.recompute_supplier_orders() to service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see restock orders and their shops' dropships, and suppliers their own" on public.supplier_orders
  for select to authenticated
  using (
    (shop_id is null and (select app.is_staff()))
    or shop_id = any ((select app.staff_shop_ids())::uuid[])
    or supplier_id = any ((select app.supplier_ids())::uuid[])
  );

create policy "Global staff order restocks, and staff dropships for their shops" on public.supplier_orders
  for insert to authenticated
  with check ((shop_id is null and (select app.is_global_staff())) or shop_id = any ((select app.staff_shop_ids())::uuid[]));

-- Suppliers reach only the shipping columns and status (triggers limit_columns_for_supplier, check_status).
create policy "Staff change the supplier orders they place, and suppliers ship theirs" on public.supplier_orders
  for update to authenticated
  using (
    (shop_id is null and (select app.is_global_staff()))
    or shop_id = any ((select app.staff_shop_ids())::uuid[])
    or supplier_id = any ((select app.supplier_ids())::uuid[])
  )
  with check (
    (shop_id is null and (select app.is_global_staff()))
    or shop_id = any ((select app.staff_shop_ids())::uuid[])
    or supplier_id = any ((select app.supplier_ids())::uuid[])
  );

create policy "Staff delete the draft supplier orders they place" on public.supplier_orders
  for delete to authenticated
  using (status = 'draft' and ((shop_id is null and (select app.is_global_staff())) or shop_id = any ((select app.staff_shop_ids())::uuid[])));

-- Lines follow their order: whoever sees the order sees its lines (the subquery runs under the
-- orders' own policies and uses their primary key).
create policy "People see the lines of the supplier orders they see" on public.supplier_order_items
  for select to authenticated
  using (exists (select 1 from public.supplier_orders o where o.id = supplier_order_id));

create policy "Staff add lines to the supplier orders they place" on public.supplier_order_items
  for insert to authenticated
  with check (exists (
    select 1 from public.supplier_orders o where o.id = supplier_order_id
       and ((o.shop_id is null and (select app.is_global_staff())) or o.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  ));

create policy "Staff change lines of the supplier orders they place" on public.supplier_order_items
  for update to authenticated
  using (exists (
    select 1 from public.supplier_orders o where o.id = supplier_order_id
       and ((o.shop_id is null and (select app.is_global_staff())) or o.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  ))
  with check (exists (
    select 1 from public.supplier_orders o where o.id = supplier_order_id
       and ((o.shop_id is null and (select app.is_global_staff())) or o.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  ));

create policy "Staff remove lines of the supplier orders they place" on public.supplier_order_items
  for delete to authenticated
  using (exists (
    select 1 from public.supplier_orders o where o.id = supplier_order_id
       and ((o.shop_id is null and (select app.is_global_staff())) or o.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  ));
