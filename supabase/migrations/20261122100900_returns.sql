-- Returns and refunds: a customer sends back some items of an order; staff approve or refuse,
-- receive the parcel (restocking what can be sold again, exactly once), and refund the money or
-- grant store credit. Refunds of an order never exceed its total; a customer's store credit,
-- an append-only ledger, never goes below zero.
--
-- Derived values: none are stored. A customer's store credit balance is
--   select customer_id, sum(amount_cents) from public.store_credit_entries group by customer_id;
-- and returned quantities are summed from return_items when checked.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One customer's request to send back items of one order, and staff's decision on it.
create table public.return_requests (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  shop_id uuid not null references public.shops (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete set null,
  status text not null default 'requested'
    check (status in ('requested', 'approved', 'refused', 'received', 'refunded', 'closed')),
  reason text check (length(btrim(reason)) between 1 and 2000),
  photos text[] not null default '{}',
  staff_comment text,
  resolution text check (resolution in ('refund', 'store_credit', 'exchange')),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  received_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index return_requests_order_id_idx on public.return_requests (order_id);
create index return_requests_shop_id_idx on public.return_requests (shop_id, created_at desc);
create index return_requests_customer_id_idx on public.return_requests (customer_id);
create index return_requests_decided_by_idx on public.return_requests (decided_by);
create index return_requests_status_idx on public.return_requests (status);

-- So many units of one order item sent back, and whether they go back on the shelf.
create table public.return_items (
  id uuid primary key default gen_random_uuid(),
  return_id uuid not null references public.return_requests (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete restrict,
  order_item_id uuid not null references public.order_items (id) on delete restrict,
  quantity integer not null check (quantity > 0),
  restock boolean not null default true,
  condition text not null default 'unopened' check (condition in ('unopened', 'opened', 'damaged', 'defective')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index return_items_return_id_idx on public.return_items (return_id);
create index return_items_shop_id_idx on public.return_items (shop_id);
create index return_items_order_item_id_idx on public.return_items (order_item_id);

-- Money given back for an order (usually for a return): to the original payment or as store credit.
create table public.refunds (
  id uuid primary key default gen_random_uuid(),
  return_id uuid references public.return_requests (id) on delete restrict,
  order_id uuid not null references public.orders (id) on delete restrict,
  shop_id uuid not null references public.shops (id) on delete restrict,
  payment_id uuid references public.payments (id) on delete restrict,
  method text not null check (method in ('original_payment', 'store_credit')),
  amount_cents bigint not null check (amount_cents > 0),
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index refunds_return_id_idx on public.refunds (return_id);
create index refunds_order_id_idx on public.refunds (order_id);
create index refunds_shop_id_idx on public.refunds (shop_id, created_at desc);
create index refunds_payment_id_idx on public.refunds (payment_id);
create index refunds_created_by_idx on public.refunds (created_by);

-- One credit (positive) or spend (negative) of a customer's store credit: append-only.
create table public.store_credit_entries (
  id bigint generated always as identity primary key,
  customer_id uuid not null references public.customers (id) on delete restrict,
  shop_id uuid not null references public.shops (id) on delete restrict,
  amount_cents bigint not null check (amount_cents <> 0),
  reason text not null check (length(btrim(reason)) between 1 and 500),
  return_id uuid references public.return_requests (id) on delete restrict,
  order_id uuid references public.orders (id) on delete restrict,
  refund_id uuid unique references public.refunds (id) on delete restrict,
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
create index store_credit_entries_customer_id_idx on public.store_credit_entries (customer_id, created_at);
create index store_credit_entries_shop_id_idx on public.store_credit_entries (shop_id);
create index store_credit_entries_return_id_idx on public.store_credit_entries (return_id);
create index store_credit_entries_order_id_idx on public.store_credit_entries (order_id);
create index store_credit_entries_created_by_idx on public.store_credit_entries (created_by);

alter table public.stock_movements
  add constraint stock_movements_return_id_fkey foreign key (return_id) references public.return_requests (id) on delete restrict;
do $$
begin
  if not exists (
    select 1 from pg_catalog.pg_index i join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
     where i.indrelid = 'public.stock_movements'::regclass and a.attname = 'return_id'
  ) then
    create index stock_movements_return_id_idx on public.stock_movements (return_id);
  end if;
end
$$;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.return_requests, public.return_items, public.refunds, public.store_credit_entries from anon, authenticated;
grant select, delete on public.return_requests, public.return_items, public.refunds to authenticated;
grant select on public.store_credit_entries to authenticated;
grant insert (order_id, reason, photos, resolution, staff_comment),
      update (status, reason, photos, resolution, staff_comment) on public.return_requests to authenticated;
grant insert (return_id, order_item_id, quantity, restock, condition),
      update (quantity, restock, condition) on public.return_items to authenticated;
grant insert (return_id, order_id, payment_id, method, amount_cents, status),
      update (status) on public.refunds to authenticated;
grant insert (customer_id, shop_id, amount_cents, reason, return_id, order_id) on public.store_credit_entries to authenticated;
grant all on public.return_requests, public.return_items, public.refunds, public.store_credit_entries to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- A return is for a placed order, takes its shop and customer, and moves along
-- requested → approved | refused; approved → received; received → refunded | closed;
-- refused | refunded → closed. Refusing needs a comment; deciding is dated and signed.
create function app.check_return_request() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.orders;
begin
  select * into parent from public.orders where id = new.order_id;
  if tg_op = 'INSERT' then
    if parent.placed_at is null or parent.status = 'cancelled' then
      raise exception 'order % is %: only placed orders can be returned', parent.number, parent.status using errcode = 'P0001';
    end if;
    new.status := 'requested';
  elsif new.order_id <> old.order_id then
    raise exception 'a return cannot move to another order' using errcode = 'P0001';
  end if;
  new.shop_id := parent.shop_id;
  new.customer_id := parent.customer_id;
  if tg_op = 'UPDATE' and new.status <> old.status then
    if not (old.status, new.status) in (('requested', 'approved'), ('requested', 'refused'), ('approved', 'received'),
                                         ('received', 'refunded'), ('received', 'closed'), ('refused', 'closed'), ('refunded', 'closed')) then
      raise exception 'return of order % cannot go from % to %', parent.number, old.status, new.status using errcode = 'P0001';
    end if;
    if new.status = 'refused' and coalesce(btrim(new.staff_comment), '') = '' then
      raise exception 'refusing a return needs a staff comment saying why' using errcode = 'P0001';
    end if;
    if new.status in ('approved', 'refused') then
      new.decided_by := (select auth.uid());
      new.decided_at := now();
    end if;
    if new.status = 'received' then
      new.received_at := now();
    end if;
  end if;
  return new;
end
$$;
revoke all on function app.check_return_request() from public;
create trigger check_return_request before insert or update on public.return_requests
  for each row execute function app.check_return_request();
create trigger touch_updated_at before update on public.return_requests
  for each row execute function app.touch_updated_at();

-- Receiving a return puts the items marked for restock back into the order's warehouse, once:
-- a return is received only once, and the movements carry its id.
create function app.restock_received_return() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'received' and old.status <> 'received'
     and not exists (select 1 from public.stock_movements where return_id = new.id) then
    insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, order_id, return_id, actor_id, note)
    select oi.variant_id, o.warehouse_id, ri.quantity, 'return', o.id, new.id, (select auth.uid()), o.number
      from public.return_items ri
      join public.order_items oi on oi.id = ri.order_item_id
      join public.orders o on o.id = oi.order_id
     where ri.return_id = new.id and ri.restock
     order by oi.variant_id;
  end if;
  return null;
end
$$;
revoke all on function app.restock_received_return() from public;
create trigger restock_received_return after update on public.return_requests
  for each row execute function app.restock_received_return();

-- Items belong to the return's order, change only before the parcel is received, and never add
-- up to more than was ordered (the order item is locked, so concurrent returns count each other).
create function app.check_return_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.return_requests;
  item public.order_items;
  returned integer;
begin
  select * into parent from public.return_requests where id = coalesce(new.return_id, old.return_id);
  if parent.id is null then
    return coalesce(new, old);
  end if;
  if parent.status not in ('requested', 'approved') then
    raise exception 'this return is %: its items can no longer change', parent.status using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' and (new.return_id <> old.return_id or new.order_item_id <> old.order_item_id) then
    raise exception 'a returned item cannot move to another return or order item' using errcode = 'P0001';
  end if;
  select * into item from public.order_items where id = new.order_item_id for update;
  if item.order_id is distinct from parent.order_id then
    raise exception 'order item % is not part of the returned order', new.order_item_id using errcode = 'P0001';
  end if;
  select coalesce(sum(ri.quantity), 0) into returned
    from public.return_items ri join public.return_requests r on r.id = ri.return_id
   where ri.order_item_id = item.id and r.status <> 'refused' and ri.id <> new.id;
  if returned + new.quantity > item.quantity then
    raise exception 'only % of % (%) can still be returned: % ordered, % already returned',
      item.quantity - returned, item.product_name, item.sku, item.quantity, returned using errcode = 'P0001';
  end if;
  new.shop_id := parent.shop_id;
  return new;
end
$$;
revoke all on function app.check_return_item() from public;
create trigger check_return_item before insert or update or delete on public.return_items
  for each row execute function app.check_return_item();
create trigger touch_updated_at before update on public.return_items
  for each row execute function app.touch_updated_at();

-- Refunds of an order never add up to more than its total (the order row is locked, so
-- concurrent refunds are counted one after the other); a refund's status only moves on from pending.
create function app.check_refund() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.orders;
  refunded bigint;
begin
  if tg_op = 'UPDATE' then
    if new.order_id <> old.order_id or new.amount_cents <> old.amount_cents or new.method <> old.method
       or new.return_id is distinct from old.return_id or new.payment_id is distinct from old.payment_id then
      raise exception 'only the status of a refund can change' using errcode = 'P0001';
    end if;
    if new.status <> old.status and old.status <> 'pending' then
      raise exception 'a % refund cannot become %', old.status, new.status using errcode = 'P0001';
    end if;
  end if;
  if new.return_id is not null and not exists (select 1 from public.return_requests where id = new.return_id and order_id = new.order_id) then
    raise exception 'the refunded return is not a return of this order' using errcode = 'P0001';
  end if;
  if new.payment_id is not null and not exists (select 1 from public.payments where id = new.payment_id and order_id = new.order_id) then
    raise exception 'the refunded payment is not a payment of this order' using errcode = 'P0001';
  end if;
  select * into parent from public.orders where id = new.order_id for update;
  new.shop_id := parent.shop_id;
  if new.method = 'store_credit' and parent.customer_id is null then
    raise exception 'order % has no customer to give store credit to', parent.number using errcode = 'P0001';
  end if;
  if new.status <> 'failed' then
    select coalesce(sum(amount_cents), 0) into refunded
      from public.refunds where order_id = parent.id and status <> 'failed' and id <> new.id;
    if refunded + new.amount_cents > parent.total_cents then
      raise exception 'refunds of order % would total % cents, more than its total of % cents (% already refunded)',
        parent.number, refunded + new.amount_cents, parent.total_cents, refunded using errcode = 'P0001';
    end if;
  end if;
  return new;
end
$$;
revoke all on function app.check_refund() from public;
create trigger check_refund before insert or update on public.refunds
  for each row execute function app.check_refund();
create trigger touch_updated_at before update on public.refunds
  for each row execute function app.touch_updated_at();

-- A store-credit refund that succeeds credits the customer, once (refund_id is unique).
create function app.credit_store_credit_refund() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.method = 'store_credit' and new.status = 'succeeded' and (tg_op = 'INSERT' or old.status <> 'succeeded') then
    insert into public.store_credit_entries (customer_id, shop_id, amount_cents, reason, return_id, order_id, refund_id)
    select o.customer_id, o.shop_id, new.amount_cents, format('Refund of order %s', o.number), new.return_id, o.id, new.id
      from public.orders o where o.id = new.order_id;
  end if;
  return null;
end
$$;
revoke all on function app.credit_store_credit_refund() from public;
create trigger credit_store_credit_refund after insert or update on public.refunds
  for each row execute function app.credit_store_credit_refund();

-- A customer's store credit never goes below zero: entries of one customer are added one at a
-- time (a transaction-scoped lock on the customer), each checking the balance it leaves.
create function app.check_store_credit_entry() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  balance bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('store_credit:' || new.customer_id::text, 0));
  select coalesce(sum(amount_cents), 0) into balance from public.store_credit_entries where customer_id = new.customer_id;
  if balance + new.amount_cents < 0 then
    raise exception 'the customer has % cents of store credit: % cents cannot be spent', balance, -new.amount_cents
      using errcode = 'P0001';
  end if;
  if new.order_id is not null and new.shop_id is distinct from (select shop_id from public.orders where id = new.order_id) then
    raise exception 'store credit entries of an order are in that order''s shop' using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.check_store_credit_entry() from public;
create trigger check_store_credit_entry before insert on public.store_credit_entries
  for each row execute function app.check_store_credit_entry();
create trigger store_credit_entries_are_append_only before update or delete on public.store_credit_entries
  for each row execute function app.refuse_change();

select app.audit_table('public.return_requests');
select app.audit_table('public.return_items');
select app.audit_table('public.refunds');
select app.audit_table('public.store_credit_entries');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.return_requests enable row level security;
alter table public.return_items enable row level security;
alter table public.refunds enable row level security;
alter table public.store_credit_entries enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see their shops' returns" on public.return_requests
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff open returns in their shops" on public.return_requests
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff handle their shops' returns" on public.return_requests
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Admins delete returns" on public.return_requests
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see items of their shops' returns" on public.return_items
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff add items to their shops' returns" on public.return_items
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff change items of their shops' returns" on public.return_items
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff remove items from their shops' returns" on public.return_items
  for delete to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff see their shops' refunds" on public.refunds
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff refund orders of their shops" on public.refunds
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff settle their shops' refunds" on public.refunds
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Admins delete refunds" on public.refunds
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see store credit granted or spent in their shops" on public.store_credit_entries
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff grant or spend store credit in their shops" on public.store_credit_entries
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));
