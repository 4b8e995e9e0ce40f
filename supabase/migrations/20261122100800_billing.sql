-- Payments and invoices: money received for orders, and the legal documents of a shop (quotes,
-- invoices, credit notes). Documents are numbered when issued, from the gapless per-shop,
-- per-year sequences of the orders migration, and an issued invoice or credit note is frozen
-- for everyone, service role included: corrections go through credit notes.
--
-- Derived values, for seeds loaded with triggers off (session_replication_role = replica):
--   select app.recompute_invoice_totals();        -- every invoice's subtotal, tax and total
-- Seeds write issued numbers themselves; then document_sequences must continue after them:
--   select app.recompute_document_sequences();    -- redefined here to cover invoices as well

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One payment of an order (or an attempt at one), by card, PayPal, cash on delivery or transfer.
-- shop_id is the order's, copied so that policies filter on an index without a join.
create table public.payments (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.orders (id) on delete restrict,
  shop_id uuid not null references public.shops (id) on delete restrict,
  method text not null check (method in ('stripe', 'paypal', 'cash_on_delivery', 'transfer')),
  status text not null default 'pending' check (status in ('pending', 'authorized', 'succeeded', 'failed', 'refunded', 'cancelled')),
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  provider_reference text check (length(btrim(provider_reference)) between 1 and 200),
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_paid_when_succeeded check (status not in ('succeeded', 'refunded') or paid_at is not null)
);
create unique index payments_provider_reference_unique on public.payments (method, provider_reference)
  where provider_reference is not null;
create index payments_order_id_idx on public.payments (order_id);
create index payments_shop_id_idx on public.payments (shop_id, created_at desc);

-- One quote, invoice or credit note of a shop. Drafts are free to change; issuing gives the
-- number and freezes it. Amounts include VAT: total = sum of lines, tax = the VAT they include,
-- subtotal = total - tax (excluding VAT).
create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete restrict,
  order_id uuid references public.orders (id) on delete restrict,
  customer_id uuid references public.customers (id) on delete restrict,
  kind text not null default 'invoice' check (kind in ('quote', 'invoice', 'credit_note')),
  corrects_invoice_id uuid references public.invoices (id) on delete restrict,
  number text,
  status text not null default 'draft' check (status in ('draft', 'issued', 'cancelled')),
  issued_at timestamptz,
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  subtotal_cents bigint not null default 0,
  tax_cents bigint not null default 0,
  total_cents bigint not null default 0,
  customer_snapshot jsonb check (jsonb_typeof(customer_snapshot) = 'object'),
  notes text,
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoices_number_unique unique (shop_id, number),
  constraint invoices_credit_notes_correct_an_invoice check ((kind = 'credit_note') = (corrects_invoice_id is not null)),
  constraint invoices_numbered_when_issued check ((number is null) = (issued_at is null)),
  constraint invoices_issued_have_a_number check (status <> 'issued' or number is not null),
  constraint invoices_only_quotes_cancelled_after_issue check (status <> 'cancelled' or number is null or kind = 'quote')
);
create index invoices_shop_id_idx on public.invoices (shop_id, created_at desc);
create index invoices_order_id_idx on public.invoices (order_id);
create index invoices_customer_id_idx on public.invoices (customer_id);
create index invoices_corrects_invoice_id_idx on public.invoices (corrects_invoice_id);
create index invoices_created_by_idx on public.invoices (created_by);

-- One line of a quote, invoice or credit note; the unit price includes VAT.
create table public.invoice_lines (
  id uuid primary key default gen_random_uuid(),
  invoice_id uuid not null references public.invoices (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete restrict,
  position integer not null default 0,
  description text not null check (length(btrim(description)) between 1 and 500),
  quantity integer not null check (quantity > 0),
  unit_price_cents bigint not null,
  tax_rate_bp integer not null default 2000 check (tax_rate_bp between 0 and 10000),
  line_total_cents bigint generated always as (quantity * unit_price_cents) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index invoice_lines_invoice_id_idx on public.invoice_lines (invoice_id, position);
create index invoice_lines_shop_id_idx on public.invoice_lines (shop_id);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.payments, public.invoices, public.invoice_lines from anon, authenticated;
grant select, delete on public.payments, public.invoices, public.invoice_lines to authenticated;
grant insert (order_id, method, status, amount_cents, currency, provider_reference, paid_at),
      update (status, provider_reference, paid_at) on public.payments to authenticated;
-- number, issued_at and totals are the database's; issuing is public.issue_invoice (or status).
grant insert (shop_id, order_id, customer_id, kind, corrects_invoice_id, currency, customer_snapshot, notes),
      update (order_id, customer_id, corrects_invoice_id, status, currency, customer_snapshot, notes) on public.invoices to authenticated;
grant insert (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp),
      update (position, description, quantity, unit_price_cents, tax_rate_bp) on public.invoice_lines to authenticated;
grant all on public.payments, public.invoices, public.invoice_lines to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Payments belong to their order's shop, move only forward, and are dated when they succeed.
create function app.check_payment() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.shop_id := (select shop_id from public.orders where id = new.order_id);
  if tg_op = 'UPDATE' then
    if new.order_id <> old.order_id or new.amount_cents <> old.amount_cents or new.method <> old.method then
      raise exception 'the order, method and amount of a payment cannot change' using errcode = 'P0001';
    end if;
    if new.status <> old.status and not (old.status, new.status) in (
         ('pending', 'authorized'), ('pending', 'succeeded'), ('pending', 'failed'), ('pending', 'cancelled'),
         ('authorized', 'succeeded'), ('authorized', 'failed'), ('authorized', 'cancelled'), ('succeeded', 'refunded')) then
      raise exception 'a % payment cannot become %', old.status, new.status using errcode = 'P0001';
    end if;
  end if;
  if new.status = 'succeeded' and new.paid_at is null then
    new.paid_at := now();
  end if;
  return new;
end
$$;
revoke all on function app.check_payment() from public;
create trigger check_payment before insert or update on public.payments
  for each row execute function app.check_payment();
create trigger touch_updated_at before update on public.payments
  for each row execute function app.touch_updated_at();

-- The totals of invoices from their lines, in one statement (also how seeds recompute them);
-- only documents whose totals differ are written (issued ones never differ: their lines are frozen).
create function app.recompute_invoice_totals(only_invoices uuid[] default null) returns void
language sql security definer set search_path = ''
as $$
  update public.invoices i
     set total_cents = t.total, tax_cents = t.tax, subtotal_cents = t.total - t.tax
    from (
      select i2.id, coalesce(sum(l.line_total_cents), 0)::bigint as total,
             coalesce(sum(round(l.line_total_cents * l.tax_rate_bp / (10000.0 + l.tax_rate_bp))), 0)::bigint as tax
        from public.invoices i2 left join public.invoice_lines l on l.invoice_id = i2.id
       where only_invoices is null or i2.id = any (only_invoices)
       group by i2.id
    ) t
   where i.id = t.id and (i.total_cents, i.tax_cents, i.subtotal_cents) is distinct from (t.total, t.tax, t.total - t.tax)
$$;
revoke all on function app.recompute_invoice_totals(uuid[]) from public;

-- After a seed: every document sequence (orders, and now quotes, invoices and credit notes)
-- continues after the highest number its documents used.
create or replace function app.recompute_document_sequences() returns void
language sql security definer set search_path = ''
as $$
  insert into public.document_sequences (shop_id, kind, year, last_value)
  select shop_id, kind, split_part(number, '-', 2)::integer, max(split_part(number, '-', 3)::integer)
    from (
      select shop_id, 'order' as kind, number from public.orders where number ~ '^ORD-[0-9]{4}-[0-9]+$'
      union all
      select shop_id, kind, number from public.invoices where number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]+$'
    ) documents
   group by shop_id, kind, split_part(number, '-', 2)
  on conflict (shop_id, kind, year) do update set last_value = greatest(excluded.last_value, public.document_sequences.last_value)
$$;

-- A new document is a draft; a credit note corrects an issued invoice of the same shop.
create function app.prepare_new_invoice() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.status := 'draft';
  new.number := null;
  new.issued_at := null;
  new.subtotal_cents := 0;
  new.tax_cents := 0;
  new.total_cents := 0;
  if new.corrects_invoice_id is not null and not exists (
       select 1 from public.invoices
        where id = new.corrects_invoice_id and kind = 'invoice' and status = 'issued' and shop_id = new.shop_id) then
    raise exception 'a credit note corrects an issued invoice of the same shop' using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.prepare_new_invoice() from public;
create trigger prepare_new_invoice before insert on public.invoices
  for each row execute function app.prepare_new_invoice();

-- Issued invoices and credit notes never change (an issued quote may only be cancelled); a draft's
-- totals always come from its lines; issuing numbers the document and takes the customer's snapshot.
create function app.check_invoice_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  credited bigint;
  corrected public.invoices;
begin
  if tg_op = 'DELETE' then
    if old.number is not null then
      raise exception '% % is issued: it cannot be deleted%', replace(old.kind, '_', ' '), old.number,
        case when old.kind = 'quote' then ', cancel it instead' else '; issue a credit note to correct it' end
        using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.number is not null then
    if old.kind = 'quote' and old.status = 'issued' and new.status = 'cancelled'
       and (to_jsonb(new) - '{status,updated_at}'::text[]) = (to_jsonb(old) - '{status,updated_at}'::text[]) then
      return new;
    end if;
    raise exception '% % is issued and cannot be changed%', replace(old.kind, '_', ' '), old.number,
      case when old.kind = 'quote' then ' (only cancelled)' else ': issue a credit note to correct it' end
      using errcode = 'P0001';
  end if;
  if new.shop_id <> old.shop_id or new.kind <> old.kind then
    raise exception 'the shop and kind of a document cannot change' using errcode = 'P0001';
  end if;
  select coalesce(sum(line_total_cents), 0), coalesce(sum(round(line_total_cents * tax_rate_bp / (10000.0 + tax_rate_bp))), 0)::bigint
    into new.total_cents, new.tax_cents
    from public.invoice_lines where invoice_id = new.id;
  new.subtotal_cents := new.total_cents - new.tax_cents;
  new.number := null;
  new.issued_at := null;
  if new.status = 'issued' then
    if not exists (select 1 from public.invoice_lines where invoice_id = new.id) then
      raise exception 'this % has no lines: add some before issuing it', replace(new.kind, '_', ' ') using errcode = 'P0001';
    end if;
    if new.kind = 'credit_note' then
      -- lock the corrected invoice, so two credit notes cannot both fit under its total
      select * into corrected from public.invoices where id = new.corrects_invoice_id for update;
      select coalesce(sum(total_cents), 0) into credited
        from public.invoices where corrects_invoice_id = corrected.id and status = 'issued' and id <> new.id;
      if credited + new.total_cents > corrected.total_cents then
        raise exception 'credit notes of invoice % would total % cents, more than its % cents', corrected.number,
          credited + new.total_cents, corrected.total_cents using errcode = 'P0001';
      end if;
    end if;
    new.issued_at := now();
    new.number := app.next_document_number(new.shop_id, new.kind, extract(year from new.issued_at)::integer);
    if new.customer_snapshot is null and new.customer_id is not null then
      select jsonb_strip_nulls(jsonb_build_object(
               'display_name', c.display_name, 'email', c.email,
               'address', (select app.decrypt_pii(a.address_encrypted) from public.customer_addresses a
                            where a.customer_id = c.id order by a.is_default desc, a.created_at limit 1)))
        into new.customer_snapshot
        from public.customers c where c.id = new.customer_id;
    end if;
  end if;
  return new;
end
$$;
revoke all on function app.check_invoice_change() from public;
create trigger check_invoice_change before update or delete on public.invoices
  for each row execute function app.check_invoice_change();
create trigger touch_updated_at before update on public.invoices
  for each row execute function app.touch_updated_at();

-- Lines change only on drafts, with the document row locked (so totals and issuing see every
-- line); the document's own trigger then recomputes its totals.
create function app.check_invoice_line() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent public.invoices;
begin
  select * into parent from public.invoices where id = coalesce(new.invoice_id, old.invoice_id) for update;
  if parent.id is null then
    return coalesce(new, old); -- a draft being deleted with its lines
  end if;
  if parent.number is not null or parent.status <> 'draft' then
    raise exception '% % is issued: its lines cannot be changed%', replace(parent.kind, '_', ' '), coalesce(parent.number, ''),
      case when parent.kind = 'quote' then '' else '; issue a credit note to correct it' end
      using errcode = 'P0001';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' and new.invoice_id <> old.invoice_id then
    raise exception 'a line cannot move to another document' using errcode = 'P0001';
  end if;
  new.shop_id := parent.shop_id;
  return new;
end
$$;
revoke all on function app.check_invoice_line() from public;
create trigger check_invoice_line before insert or update or delete on public.invoice_lines
  for each row execute function app.check_invoice_line();

create function app.follow_invoice_line() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.invoices set updated_at = now() where id = coalesce(new.invoice_id, old.invoice_id);
  return null;
end
$$;
revoke all on function app.follow_invoice_line() from public;
create trigger follow_invoice_line after insert or update or delete on public.invoice_lines
  for each row execute function app.follow_invoice_line();
create trigger touch_updated_at before update on public.invoice_lines
  for each row execute function app.touch_updated_at();

select app.audit_table('public.payments');
select app.audit_table('public.invoices');
select app.audit_table('public.invoice_lines');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.payments enable row level security;
alter table public.invoices enable row level security;
alter table public.invoice_lines enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff see their shops' payments" on public.payments
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff record payments in their shops" on public.payments
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff update payments in their shops" on public.payments
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Admins delete payments" on public.payments
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see their shops' documents" on public.invoices
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff draft documents in their shops" on public.invoices
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff edit and issue their shops' documents" on public.invoices
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff delete their shops' draft documents" on public.invoices
  for delete to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff see lines of their shops' documents" on public.invoice_lines
  for select to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff add lines to their shops' documents" on public.invoice_lines
  for insert to authenticated
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff change lines of their shops' documents" on public.invoice_lines
  for update to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff remove lines from their shops' documents" on public.invoice_lines
  for delete to authenticated
  using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

-- Issues a draft quote, invoice or credit note: the shop's next number for its kind and the
-- year of issue, and issued_at. Runs as the caller, so only staff of the shop (and admins) can.
create function public.issue_invoice(invoice_id uuid) returns public.invoices
language plpgsql security invoker set search_path = ''
as $$
declare
  issued public.invoices;
begin
  select * into issued from public.invoices where id = invoice_id;
  if issued.id is null then
    raise exception 'there is no document % that you work on', invoice_id using errcode = '42501';
  end if;
  if issued.status <> 'draft' then
    raise exception '% % is already %', replace(issued.kind, '_', ' '), coalesce(issued.number, ''), issued.status using errcode = 'P0001';
  end if;
  update public.invoices set status = 'issued' where id = invoice_id returning * into issued;
  return issued;
end
$$;
revoke all on function public.issue_invoice(uuid) from public;
grant execute on function public.issue_invoice(uuid) to authenticated, service_role;

-- Drafts the invoice of an order: one line per item (its discount deducted), shipping and the
-- order's discount as lines of their own. Returns the draft's id.
create function public.invoice_order(order_id uuid) returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  source public.orders;
  draft_id uuid;
begin
  select * into source from public.orders where id = invoice_order.order_id;
  if source.id is null then
    raise exception 'there is no order % that you work on', order_id using errcode = '42501';
  end if;
  if source.status in ('draft', 'cancelled') then
    raise exception 'order % is %: only placed orders are invoiced', source.number, source.status using errcode = 'P0001';
  end if;
  insert into public.invoices (shop_id, order_id, customer_id, kind, currency)
  values (source.shop_id, source.id, source.customer_id, 'invoice', source.currency)
  returning id into draft_id;
  insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
  select draft_id, row_number() over (order by it.created_at, it.id), format('%s (%s)', it.product_name, it.sku),
         1, it.line_total_cents, it.tax_rate_bp
    from public.order_items it where it.order_id = source.id and it.quantity > 0 and it.discount_cents > 0
  union all
  select draft_id, row_number() over (order by it.created_at, it.id), format('%s (%s)', it.product_name, it.sku),
         it.quantity, it.unit_price_cents, it.tax_rate_bp
    from public.order_items it where it.order_id = source.id and it.discount_cents = 0;
  if source.shipping_cents > 0 then
    insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
    values (draft_id, 10000, 'Livraison', 1, source.shipping_cents, 2000);
  end if;
  if source.discount_cents > 0 then
    insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
    values (draft_id, 10001, 'Remise', 1, -source.discount_cents, 2000);
  end if;
  return draft_id;
end
$$;
revoke all on function public.invoice_order(uuid) from public;
grant execute on function public.invoice_order(uuid) to authenticated, service_role;
