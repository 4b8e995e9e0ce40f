-- Orders: what a customer bought in one shop, through one channel, and its way through the
-- workflow. Numbers come from gapless per-shop, per-year document sequences (also used by
-- invoices, quotes and credit notes). The database keeps totals equal to the items, walks the
-- status workflow, and takes stock from the ledger when an order is placed (so two orders can
-- never sell the same last unit) and gives it back when it is cancelled.
--
-- Derived values, for seeds loaded with triggers off (session_replication_role = replica):
--   select app.recompute_order_totals();          -- every order's subtotal, tax and total
-- Order numbers and document_sequences: seeds write numbers themselves and then run
--   select app.recompute_document_sequences();    -- last_value = highest number used

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- The last number handed out for one kind of document, in one shop, in one year.
create table public.document_sequences (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  kind text not null check (kind in ('order', 'quote', 'invoice', 'credit_note', 'supplier_order')),
  year integer not null check (year between 2000 and 2999),
  last_value integer not null default 0 check (last_value >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint document_sequences_unique unique (shop_id, kind, year)
);

-- One allowed step of the order workflow (the workflow is data, so admins can read and adjust it).
create table public.order_status_transitions (
  id uuid primary key default gen_random_uuid(),
  from_status text not null,
  to_status text not null,
  created_at timestamptz not null default now(),
  constraint order_status_transitions_unique unique (from_status, to_status),
  constraint order_status_transitions_differ check (from_status <> to_status)
);

insert into public.order_status_transitions (from_status, to_status) values
  ('draft', 'pending'), ('pending', 'confirmed'), ('confirmed', 'preparing'), ('preparing', 'ready'),
  ('ready', 'delivered'), ('delivered', 'paid'),
  ('draft', 'cancelled'), ('pending', 'cancelled'), ('confirmed', 'cancelled'), ('preparing', 'cancelled'), ('ready', 'cancelled');

-- One sale to a customer in one shop. Totals are computed from the items (prices include VAT;
-- tax_cents is the VAT they include); stock is taken from warehouse_id once the order is placed.
create table public.orders (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete restrict,
  number text not null,
  customer_id uuid references public.customers (id) on delete set null,
  channel text not null default 'web'
    check (channel in ('web', 'whatsapp', 'instagram', 'messenger', 'tiktok', 'email', 'phone', 'marketplace', 'pos', 'manual')),
  channel_reference text check (length(btrim(channel_reference)) between 1 and 200),
  status text not null default 'pending'
    check (status in ('draft', 'pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid', 'cancelled')),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  subtotal_cents bigint not null default 0,
  discount_cents bigint not null default 0 check (discount_cents >= 0),
  shipping_cents bigint not null default 0 check (shipping_cents >= 0),
  tax_cents bigint not null default 0,
  total_cents bigint not null default 0,
  warehouse_id uuid references public.warehouses (id) on delete restrict,
  delivery_date date,
  delivery_address_encrypted bytea,
  notes text,
  placed_at timestamptz,
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_number_unique unique (shop_id, number),
  constraint orders_total_is_computed check (total_cents = subtotal_cents - discount_cents + shipping_cents),
  constraint orders_placed_orders_have_a_warehouse check (placed_at is null or warehouse_id is not null)
);
create unique index orders_channel_reference_unique on public.orders (shop_id, channel, channel_reference)
  where channel_reference is not null;
create index orders_shop_placed_at_idx on public.orders (shop_id, placed_at desc nulls first, id);
create index orders_shop_status_idx on public.orders (shop_id, status, placed_at desc);
create index orders_customer_placed_at_idx on public.orders (customer_id, placed_at desc);
create index orders_status_idx on public.orders (status);
create index orders_warehouse_id_idx on public.orders (warehouse_id);
create index orders_created_by_idx on public.orders (created_by);

-- One line of an order: a variant, its name, SKU, price and cost as they were when it was sold.
-- shop_id is the order's, copied so that policies filter on an index without a join.
create table public.order_items (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete restrict,
  variant_id uuid not null references public.product_variants (id) on delete restrict,
  product_name text not null,
  sku text not null,
  quantity integer not null check (quantity > 0),
  unit_price_cents bigint not null check (unit_price_cents >= 0),
  unit_cost_cents bigint,
  discount_cents bigint not null default 0 check (discount_cents >= 0),
  tax_rate_bp integer not null default 2000 check (tax_rate_bp between 0 and 10000),
  line_total_cents bigint generated always as (quantity * unit_price_cents - discount_cents) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint order_items_discount_within_line check (discount_cents <= quantity * unit_price_cents)
);
create index order_items_order_id_idx on public.order_items (order_id);
create index order_items_shop_id_idx on public.order_items (shop_id);
create index order_items_variant_id_idx on public.order_items (variant_id);

-- One change of an order's status (and its creation, from null): append-only.
create table public.order_status_history (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete restrict,
  from_status text,
  to_status text not null,
  changed_by uuid references public.profiles (id) on delete set null,
  changed_at timestamptz not null default now(),
  note text,
  created_at timestamptz not null default now()
);
create index order_status_history_order_id_idx on public.order_status_history (order_id, changed_at);
create index order_status_history_shop_id_idx on public.order_status_history (shop_id);
create index order_status_history_changed_by_idx on public.order_status_history (changed_by);

-- Other domains' rows that point at an order (or at a return, see the returns migration).
alter table public.conversations
  add constraint conversations_order_id_fkey foreign key (order_id) references public.orders (id) on delete set null;
alter table public.loyalty_entries
  add constraint loyalty_entries_order_id_fkey foreign key (order_id) references public.orders (id) on delete restrict;
alter table public.stock_movements
  add constraint stock_movements_order_id_fkey foreign key (order_id) references public.orders (id) on delete restrict;

-- Indexes those foreign keys need, unless their domain already made one.
do $$
declare
  target record;
begin
  for target in select * from (values ('conversations', 'order_id'), ('loyalty_entries', 'order_id'), ('stock_movements', 'order_id')) as t(tbl, col) loop
    if not exists (
      select 1 from pg_catalog.pg_index i join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
       where i.indrelid = format('public.%I', target.tbl)::regclass and a.attname = target.col
    ) then
      execute format('create index %I on public.%I (%I)', target.tbl || '_' || target.col || '_idx', target.tbl, target.col);
    end if;
  end loop;
end
$$;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.document_sequences, public.order_status_transitions, public.orders, public.order_items,
  public.order_status_history from anon, authenticated;
grant select on public.document_sequences, public.order_status_history to authenticated;
grant select, insert, update, delete on public.order_status_transitions to authenticated;
grant select, delete on public.orders to authenticated;
-- number, totals, placed_at and created_by are the database's to set.
grant insert (shop_id, customer_id, channel, channel_reference, status, currency, discount_cents, shipping_cents,
  warehouse_id, delivery_date, notes) on public.orders to authenticated;
grant update (customer_id, channel, channel_reference, status, currency, discount_cents, shipping_cents,
  warehouse_id, delivery_date, notes) on public.orders to authenticated;
grant select, delete on public.order_items to authenticated;
grant insert (order_id, variant_id, quantity, unit_price_cents, discount_cents, tax_rate_bp) on public.order_items to authenticated;
grant update (variant_id, quantity, unit_price_cents, discount_cents, tax_rate_bp) on public.order_items to authenticated;
grant all on public.document_sequences, public.order_status_transitions, public.orders, public.order_items,
  public.order_status_history to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Hands out the next number of a document kind in a shop and year. The sequence row stays locked
-- until the caller's transaction ends, so numbers are unique under concurrency, and a rolled-back
-- transaction gives its number back: the series has no gaps.
create function app.next_document_number(shop uuid, document_kind text, document_year integer) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  prefix text;
  width integer;
  next_value integer;
begin
  select p.prefix, p.width into prefix, width
    from (values ('order', 'ORD', 6), ('quote', 'DEV', 4), ('invoice', 'FAC', 4), ('credit_note', 'AVO', 4), ('supplier_order', 'ACH', 4))
      as p(kind, prefix, width)
   where p.kind = document_kind;
  if prefix is null then
    raise exception 'there is no numbering for documents of kind %', document_kind using errcode = '22023';
  end if;
  insert into public.document_sequences as s (shop_id, kind, year, last_value)
  values (shop, document_kind, document_year, 1)
  on conflict (shop_id, kind, year) do update set last_value = s.last_value + 1, updated_at = now()
  returning s.last_value into next_value;
  return format('%s-%s-%s', prefix, document_year, lpad(next_value::text, greatest(width, length(next_value::text)), '0'));
end
$$;
revoke all on function app.next_document_number(uuid, text, integer) from public;
grant execute on function app.next_document_number(uuid, text, integer) to service_role;

create trigger touch_updated_at before update on public.document_sequences
  for each row execute function app.touch_updated_at();

-- The totals of orders from their items, in one statement (also how seeds recompute them);
-- only orders whose totals differ are written.
create function app.recompute_order_totals(only_orders uuid[] default null) returns void
language sql security definer set search_path = ''
as $$
  update public.orders o
     set subtotal_cents = t.subtotal, tax_cents = t.tax, total_cents = t.subtotal - o.discount_cents + o.shipping_cents
    from (
      select o2.id, coalesce(sum(i.line_total_cents), 0)::bigint as subtotal,
             coalesce(sum(round(i.line_total_cents * i.tax_rate_bp / (10000.0 + i.tax_rate_bp))), 0)::bigint as tax
        from public.orders o2 left join public.order_items i on i.order_id = o2.id
       where only_orders is null or o2.id = any (only_orders)
       group by o2.id
    ) t
   where o.id = t.id
     and (o.subtotal_cents, o.tax_cents, o.total_cents) is distinct from (t.subtotal, t.tax, t.subtotal - o.discount_cents + o.shipping_cents)
$$;
revoke all on function app.recompute_order_totals(uuid[]) from public;

-- After a seed: every sequence continues after the highest number its documents used.
create function app.recompute_document_sequences() returns void
language sql security definer set search_path = ''
as $$
  insert into public.document_sequences (shop_id, kind, year, last_value)
  select shop_id, 'order', split_part(number, '-', 2)::integer, max(split_part(number, '-', 3)::integer)
    from public.orders where number ~ '^ORD-[0-9]{4}-[0-9]+$'
   group by shop_id, split_part(number, '-', 2)
  on conflict (shop_id, kind, year) do update set last_value = greatest(excluded.last_value, public.document_sequences.last_value)
$$;
revoke all on function app.recompute_document_sequences() from public;

-- Moves stock for the items of an order: sign -1 takes it (a sale), +1 gives it back.
create function app.move_order_stock(target public.orders, sign integer, movement_reason text, only_item uuid default null) returns void
language sql security definer set search_path = ''
as $$
  insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, order_id, actor_id, note)
  select it.variant_id, target.warehouse_id, sign * it.quantity, movement_reason, target.id, (select auth.uid()), target.number
    from public.order_items it
   where it.order_id = target.id and (only_item is null or it.id = only_item)
   order by it.variant_id
$$;
revoke all on function app.move_order_stock(public.orders, integer, text, uuid) from public;

-- Orders start as drafts (sales being taken by phone or chat) or pending; the number is the
-- shop's next; totals start from no items.
create function app.prepare_new_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status not in ('draft', 'pending') then
    raise exception 'a new order must be draft or pending, not %', new.status
      using errcode = 'P0001', hint = 'Create it, then move it along the workflow.';
  end if;
  new.number := app.next_document_number(new.shop_id, 'order', extract(year from now())::integer);
  new.subtotal_cents := 0;
  new.tax_cents := 0;
  new.total_cents := new.shipping_cents - new.discount_cents;
  new.placed_at := case when new.status = 'pending' then now() end;
  if new.status = 'pending' and new.warehouse_id is null then
    raise exception 'order % needs a warehouse to take stock from before it is placed', new.number using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.prepare_new_order() from public;
create trigger prepare_new_order before insert on public.orders
  for each row execute function app.prepare_new_order();

-- Every change of an order: totals from the items (never what the caller sent), the status only
-- along the workflow, placed_at when it leaves draft, the warehouse fixed once stock is taken.
create function app.check_order_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  allowed text;
begin
  if new.number is distinct from old.number or new.shop_id is distinct from old.shop_id then
    raise exception 'the number and shop of order % cannot change', old.number using errcode = 'P0001';
  end if;
  if new.status is distinct from old.status then
    if not exists (select 1 from public.order_status_transitions where from_status = old.status and to_status = new.status) then
      select string_agg(to_status, ', ' order by array_position(
               array['draft', 'pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid', 'cancelled'], to_status))
        into allowed from public.order_status_transitions where from_status = old.status;
      raise exception 'order % cannot go from % to %: %', old.number, old.status, new.status,
        coalesce('next allowed statuses are ' || allowed, 'it is ' || old.status || ' for good')
        using errcode = 'P0001';
    end if;
    if old.status = 'draft' and new.status <> 'cancelled' then
      new.placed_at := now();
      if new.warehouse_id is null then
        raise exception 'order % needs a warehouse to take stock from before it is placed', old.number using errcode = 'P0001';
      end if;
    end if;
  end if;
  if new.warehouse_id is distinct from old.warehouse_id and old.placed_at is not null then
    raise exception 'order % has taken its stock from a warehouse: it cannot change warehouse', old.number using errcode = 'P0001';
  end if;
  select coalesce(sum(line_total_cents), 0),
         coalesce(sum(round(line_total_cents * tax_rate_bp / (10000.0 + tax_rate_bp))), 0)::bigint
    into new.subtotal_cents, new.tax_cents
    from public.order_items where order_id = new.id;
  new.total_cents := new.subtotal_cents - new.discount_cents + new.shipping_cents;
  return new;
end
$$;
revoke all on function app.check_order_change() from public;
create trigger check_order_change before update on public.orders
  for each row execute function app.check_order_change();

-- Only drafts are deleted (they took no stock and are on no document); placed orders are cancelled.
create function app.refuse_placed_order_deletion() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if old.status <> 'draft' then
    raise exception 'order % is %: only draft orders can be deleted, cancel it instead', old.number, old.status
      using errcode = 'P0001';
  end if;
  return old;
end
$$;
create trigger refuse_placed_order_deletion before delete on public.orders
  for each row execute function app.refuse_placed_order_deletion();

-- After a status change (or creation): history, stock, and the customer's stats and shops.
create function app.follow_order_status() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.order_status_history (order_id, shop_id, from_status, to_status, changed_by)
    values (new.id, new.shop_id, case when tg_op = 'UPDATE' then old.status end, new.status, (select auth.uid()));
  end if;
  if tg_op = 'UPDATE' and new.status is distinct from old.status then
    if old.status = 'draft' and new.status <> 'cancelled' then
      perform app.move_order_stock(new, -1, 'sale');
    elsif new.status = 'cancelled' and old.placed_at is not null then
      perform app.move_order_stock(new, 1, 'cancellation');
    end if;
  end if;
  if new.customer_id is not null and (tg_op = 'INSERT' or new.status is distinct from old.status
                                      or new.customer_id is distinct from old.customer_id
                                      or (new.total_cents is distinct from old.total_cents and new.placed_at is not null)) then
    perform app.link_customer_to_shop(new.customer_id, new.shop_id);
    perform app.refresh_customer_stats(new.customer_id);
  end if;
  if tg_op = 'UPDATE' and old.customer_id is not null and old.customer_id is distinct from new.customer_id then
    perform app.refresh_customer_stats(old.customer_id);
  end if;
  return null;
end
$$;
revoke all on function app.follow_order_status() from public;
create trigger follow_order_status after insert or update on public.orders
  for each row execute function app.follow_order_status();

create trigger touch_updated_at before update on public.orders
  for each row execute function app.touch_updated_at();

-- Items change only while the order is draft or pending, with the order row locked, so that
-- concurrent item changes recompute the total one after the other. New items snapshot the
-- product's name, SKU, price (the shop's listing price if it has one) and cost.
create function app.prepare_order_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.orders;
  listing_price bigint;
begin
  select * into parent from public.orders where id = coalesce(new.order_id, old.order_id) for update;
  if parent.id is null then
    return coalesce(new, old); -- the order is being deleted (cascade) or missing (the foreign key says so)
  end if;
  if tg_op = 'UPDATE' and new.order_id is distinct from old.order_id then
    raise exception 'an item cannot move to another order' using errcode = 'P0001';
  end if;
  if parent.status not in ('draft', 'pending') then
    raise exception 'order % is %: its items can only change while it is draft or pending', parent.number, parent.status
      using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  new.shop_id := parent.shop_id;
  if tg_op = 'INSERT' or new.variant_id is distinct from old.variant_id then
    select p.name, v.sku, c.cost_cents, v.price_cents into new.product_name, new.sku, new.unit_cost_cents, listing_price
      from public.product_variants v
      join public.products p on p.id = v.product_id
      left join public.variant_costs c on c.variant_id = v.id
     where v.id = new.variant_id;
    if new.sku is null then
      raise exception 'there is no product variant %', new.variant_id using errcode = 'P0001';
    end if;
    listing_price := coalesce(app.listing_price(new.variant_id, parent.shop_id), listing_price);
    if tg_op = 'INSERT' then
      new.unit_price_cents := coalesce(new.unit_price_cents, listing_price);
    elsif new.unit_price_cents is not distinct from old.unit_price_cents then
      new.unit_price_cents := listing_price;
    end if;
  end if;
  return new;
end
$$;
revoke all on function app.prepare_order_item() from public;
create trigger prepare_order_item before insert or update or delete on public.order_items
  for each row execute function app.prepare_order_item();

-- The price a shop sells a variant at, when its listing sets one (null otherwise).
create function app.listing_price(variant uuid, shop uuid) returns bigint
language sql stable security definer set search_path = ''
as $$
  select l.price_cents from public.product_listings l
    join public.product_variants v on v.product_id = l.product_id
   where v.id = variant and l.shop_id = shop
$$;
revoke all on function app.listing_price(uuid, uuid) from public;

-- After an item change: the order's totals, and, once the order is placed, the stock it holds.
create function app.follow_order_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.orders;
begin
  select * into parent from public.orders where id = coalesce(new.order_id, old.order_id);
  if parent.id is null then
    return null;
  end if;
  if parent.placed_at is not null then
    if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or new.variant_id <> old.variant_id or new.quantity <> old.quantity) then
      insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, order_id, actor_id, note)
      values (old.variant_id, parent.warehouse_id, old.quantity, 'cancellation', parent.id, (select auth.uid()), parent.number);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.variant_id <> old.variant_id or new.quantity <> old.quantity)) then
      perform app.move_order_stock(parent, -1, 'sale', new.id);
    end if;
  end if;
  -- a no-op update: the order's own trigger recomputes the totals from the items
  update public.orders set updated_at = now() where id = parent.id;
  return null;
end
$$;
revoke all on function app.follow_order_item() from public;
create trigger follow_order_item after insert or update or delete on public.order_items
  for each row execute function app.follow_order_item();

create trigger touch_updated_at before update on public.order_items
  for each row execute function app.touch_updated_at();

-- History rows are never changed, and deleted only with their (draft) order.
create function app.refuse_history_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.orders where id = old.order_id) then
    return old;
  end if;
  raise exception '% rows cannot be changed or deleted', tg_table_name
    using errcode = '42501', hint = 'This table is append-only: record a correcting entry instead.';
end
$$;
create trigger order_status_history_is_append_only before update or delete on public.order_status_history
  for each row execute function app.refuse_history_change();

select app.audit_table('public.document_sequences');
select app.audit_table('public.order_status_transitions');
select app.audit_table('public.orders');
select app.audit_table('public.order_items');
select app.audit_table('public.order_status_history');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.document_sequences enable row level security;
alter table public.order_status_transitions enable row level security;
alter table public.orders enable row level security;
alter table public.order_items enable row level security;
alter table public.order_status_history enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The delivery address of an order in clear, for staff and admins (null for anyone else).
-- A computed field: `select=*,delivery_address` through the REST API.
create function public.delivery_address(target public.orders) returns text
language sql stable set search_path = ''
as $$ select app.decrypt_pii(target.delivery_address_encrypted) $$;
revoke all on function public.delivery_address(public.orders) from public;
grant execute on function public.delivery_address(public.orders) to authenticated, service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see their shops' document sequences" on public.document_sequences
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Members read the order workflow" on public.order_status_transitions
  for select to authenticated
  using (true);

create policy "Admins add steps to the order workflow" on public.order_status_transitions
  for insert to authenticated
  with check ((select app.is_admin()));

create policy "Admins change steps of the order workflow" on public.order_status_transitions
  for update to authenticated
  using ((select app.is_admin()))
  with check ((select app.is_admin()));

create policy "Admins remove steps from the order workflow" on public.order_status_transitions
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see their shops' orders" on public.orders
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff take orders in their shops" on public.orders
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff work on their shops' orders" on public.orders
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Admins delete draft orders" on public.orders
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see their shops' order items" on public.order_items
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff add items to their shops' orders" on public.order_items
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff change items of their shops' orders" on public.order_items
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff remove items from their shops' orders" on public.order_items
  for delete to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff see their shops' order history" on public.order_status_history
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

-- Takes an order in one transaction: the order and its items, so that an order refused for want
-- of stock leaves nothing behind. `header` holds the orders columns a caller may set (status
-- defaults to pending), `items` an array of {variant_id, quantity, unit_price_cents?,
-- discount_cents?, tax_rate_bp?}. Runs as the caller: the policies and column grants apply.
create function public.create_order(header jsonb, items jsonb default '[]') returns public.orders
language plpgsql security invoker set search_path = ''
as $$
declare
  created public.orders;
begin
  if jsonb_typeof(items) is distinct from 'array' then
    raise exception 'items must be an array of {variant_id, quantity}' using errcode = '22023';
  end if;
  insert into public.orders (shop_id, customer_id, channel, channel_reference, status, currency, discount_cents,
                             shipping_cents, warehouse_id, delivery_date, notes)
  select h.shop_id, h.customer_id, coalesce(h.channel, 'web'), h.channel_reference, coalesce(h.status, 'pending'),
         coalesce(h.currency, 'EUR'), coalesce(h.discount_cents, 0), coalesce(h.shipping_cents, 0), h.warehouse_id,
         h.delivery_date, h.notes
    from jsonb_populate_record(null::public.orders, header) h
  returning * into created;
  insert into public.order_items (order_id, variant_id, quantity, unit_price_cents, discount_cents, tax_rate_bp)
  select created.id, i.variant_id, i.quantity, i.unit_price_cents, coalesce(i.discount_cents, 0), coalesce(i.tax_rate_bp, 2000)
    from jsonb_populate_recordset(null::public.order_items, items) with ordinality as i
   order by i.ordinality;
  select * into created from public.orders where id = created.id;
  return created;
end
$$;
revoke all on function public.create_order(jsonb, jsonb) from public;
grant execute on function public.create_order(jsonb, jsonb) to authenticated, service_role;

-- Sets (or clears) the delivery address of an order, encrypted; for staff of the order's shop.
create function public.set_order_delivery_address(order_id uuid, address text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.orders o set delivery_address_encrypted = app.encrypt_pii(address)
   where o.id = set_order_delivery_address.order_id and o.shop_id = any (app.staff_shop_ids());
  if not found then
    raise exception 'there is no order % that you work on', order_id using errcode = '42501';
  end if;
end
$$;
revoke all on function public.set_order_delivery_address(uuid, text) from public;
grant execute on function public.set_order_delivery_address(uuid, text) to authenticated, service_role;
