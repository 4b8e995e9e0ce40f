-- Customers (CRM): one customer across every shop and channel, the shops they dealt with, their
-- contact identities, addresses, consents and loyalty ledger, and the trace of merged duplicates.
--
-- Personal data (phone numbers, addresses, identity values) is stored encrypted with pgcrypto under
-- a key in app.secrets that no API role can read; it is read back through computed fields
-- (public.phone(customers), public.address(customer_addresses)) that return the plaintext to admins
-- and staff only, and written through RPCs that validate it.
--
-- Who sees a customer: admins and staff of every shop see all; staff of some shops, and marketers,
-- see the customers linked to their shops (customer_shops, kept by triggers here and in the orders
-- and conversations domains). Staff create and edit customers, admins delete them, marketers read
-- what campaigns need (no phone, no address), suppliers and anonymous visitors nothing.
--
-- Derived values, and how seeds (loaded with triggers off) recompute them set-based:
--   customers.loyalty_points, orders_count, total_spent_cents, average_basket_cents,
--   first_order_at, last_order_at, segment, and customer_shops for home shops, orders and
--   conversations:  select app.refresh_all_customer_stats();
-- The segment depends on the date: a daily job runs the same statement to move customers on.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- Keys that only security definer functions read: the PII encryption key and the lookup (HMAC) key.
create table app.secrets (
  name text primary key,
  value bytea not null,
  created_at timestamptz not null default now()
);
insert into app.secrets (name, value) values
  ('pii_encryption', extensions.gen_random_bytes(32)),
  ('pii_lookup', extensions.gen_random_bytes(32));

-- A person or business who buys from any of the shops. Stats are derived from public.orders.
create table public.customers (
  id uuid primary key default gen_random_uuid(),
  display_name text not null check (length(btrim(display_name)) between 1 and 200),
  email text constraint customers_email_is_an_address
    check (email = lower(btrim(email)) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  phone_encrypted bytea,
  customer_group_id uuid references public.customer_groups (id) on delete set null,
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  home_shop_id uuid references public.shops (id) on delete set null,
  merged_into_id uuid references public.customers (id) on delete set null,
  notes text,
  loyalty_points integer not null default 0 check (loyalty_points >= 0),
  orders_count integer not null default 0 check (orders_count >= 0),
  total_spent_cents bigint not null default 0,
  average_basket_cents bigint not null default 0,
  first_order_at timestamptz,
  last_order_at timestamptz,
  segment text not null default 'new'
    check (segment in ('new', 'occasional', 'regular', 'loyal', 'vip', 'dormant', 'churned')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customers_not_merged_into_itself check (merged_into_id <> id)
);
create index customers_email_idx on public.customers (email);
create index customers_customer_group_id_idx on public.customers (customer_group_id);
create index customers_home_shop_id_idx on public.customers (home_shop_id);
create index customers_merged_into_id_idx on public.customers (merged_into_id);
create index customers_segment_idx on public.customers (segment);
create index customers_display_name_idx on public.customers (display_name);
create index customers_created_at_idx on public.customers (created_at desc);

-- A shop a customer has dealt with (home shop, an order, a conversation): what makes the customer
-- visible to that shop's staff and marketers.
create table public.customer_shops (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete cascade,
  first_seen_at timestamptz not null default now(),
  constraint customer_shops_unique unique (customer_id, shop_id)
);
create index customer_shops_shop_id_idx on public.customer_shops (shop_id, customer_id);

-- A way to reach or recognise a customer on one channel. The value is stored encrypted, and as a
-- keyed hash of its normalised form so that channels find (and never duplicate) the customer.
create table public.customer_identities (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  kind text not null check (kind in ('email', 'phone', 'whatsapp', 'instagram', 'messenger', 'tiktok')),
  value_hash bytea not null,
  value_encrypted bytea not null,
  display text not null,
  verified boolean not null default false,
  created_at timestamptz not null default now(),
  constraint customer_identities_unique unique (kind, value_hash)
);
create index customer_identities_customer_id_idx on public.customer_identities (customer_id);

-- One merge of a duplicate into the customer kept: the merged row as it was and the ids of every
-- row moved, so that a merge can be understood (and undone by hand) later.
create table public.customer_merges (
  id uuid primary key default gen_random_uuid(),
  kept_customer_id uuid not null references public.customers (id) on delete cascade,
  merged_customer_id uuid not null references public.customers (id) on delete cascade,
  merged_by uuid,
  merged_at timestamptz not null default now(),
  snapshot jsonb not null check (jsonb_typeof(snapshot) = 'object')
);
create index customer_merges_kept_customer_id_idx on public.customer_merges (kept_customer_id);
create index customer_merges_merged_customer_id_idx on public.customer_merges (merged_customer_id);

-- A postal address of a customer, encrypted as a whole; the country stays in clear for statistics.
create table public.customer_addresses (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references public.customers (id) on delete cascade,
  label text check (length(label) <= 100),
  address_encrypted bytea not null,
  country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create index customer_addresses_customer_id_idx on public.customer_addresses (customer_id);
create unique index customer_addresses_one_default on public.customer_addresses (customer_id) where is_default;

-- One consent given or withdrawn (append-only); the current consent is the latest row per
-- customer, channel and purpose (view customer_current_consents).
create table public.customer_consents (
  id bigint generated always as identity primary key,
  customer_id uuid not null references public.customers (id) on delete cascade,
  channel text not null check (channel in ('email', 'sms', 'whatsapp', 'phone')),
  purpose text not null check (purpose in ('marketing', 'transactional')),
  granted boolean not null,
  source text not null check (length(btrim(source)) between 1 and 200),
  recorded_at timestamptz not null default now(),
  recorded_by uuid
);
create index customer_consents_current_idx on public.customer_consents (customer_id, channel, purpose, recorded_at desc, id desc);

-- One movement of loyalty points (append-only); customers.loyalty_points is their sum, never negative.
-- order_id's foreign key is added by the orders migration.
create table public.loyalty_entries (
  id bigint generated always as identity primary key,
  customer_id uuid not null references public.customers (id) on delete cascade,
  points integer not null check (points <> 0),
  reason text not null check (length(btrim(reason)) between 1 and 200),
  order_id uuid,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index loyalty_entries_customer_id_idx on public.loyalty_entries (customer_id, created_at desc);
create index loyalty_entries_order_id_idx on public.loyalty_entries (order_id);

-- The latest consent per customer, channel and purpose.
create view public.customer_current_consents with (security_invoker = true) as
  select distinct on (customer_id, channel, purpose)
         id, customer_id, channel, purpose, granted, source, recorded_at, recorded_by
    from public.customer_consents
   order by customer_id, channel, purpose, recorded_at desc, id desc;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on app.secrets from public, anon, authenticated, service_role;
revoke all on public.customers, public.customer_shops, public.customer_identities, public.customer_merges,
  public.customer_addresses, public.customer_consents, public.loyalty_entries, public.customer_current_consents
  from anon, authenticated;
-- Nobody writes encrypted values, hashes, stats, merges or the loyalty balance directly: RPCs and
-- triggers do.
grant select, delete on public.customers to authenticated;
grant insert (display_name, email, customer_group_id, locale, home_shop_id, notes),
      update (display_name, email, customer_group_id, locale, home_shop_id, notes) on public.customers to authenticated;
grant select, insert (customer_id, shop_id, first_seen_at), delete on public.customer_shops to authenticated;
grant select, update (verified), delete on public.customer_identities to authenticated;
grant select on public.customer_merges to authenticated;
grant select, update (label, is_default), delete on public.customer_addresses to authenticated;
grant select, insert (customer_id, channel, purpose, granted, source, recorded_at) on public.customer_consents to authenticated;
grant select, insert (customer_id, points, reason, order_id) on public.loyalty_entries to authenticated;
grant select on public.customer_current_consents to authenticated;
grant all on public.customers, public.customer_shops, public.customer_identities, public.customer_merges,
  public.customer_addresses, public.customer_consents, public.loyalty_entries, public.customer_current_consents
  to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

create trigger touch_updated_at before update on public.customers
  for each row execute function app.touch_updated_at();

-- E-mails are stored lower-cased and trimmed, so that lookups and dedupe compare like with like.
create function app.normalise_customer_email() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.email := nullif(lower(btrim(new.email)), '');
  return new;
end
$$;
create trigger normalise_email before insert or update of email on public.customers
  for each row execute function app.normalise_customer_email();

-- Staff of some shops keep customers in their shops: a new customer's home shop is one of theirs
-- (by default their only shop; with several they must choose), and they move a customer's home
-- only to one of their shops (RLS alone would let them hand a customer to any shop).
create function app.check_home_shop() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  mine uuid[];
begin
  if (select auth.uid()) is null or not app.is_staff() or app.is_global_staff() then
    return new;
  end if;
  mine := app.staff_shop_ids();
  if tg_op = 'INSERT' and new.home_shop_id is null then
    if cardinality(mine) = 1 then
      new.home_shop_id := mine[1];
    else
      raise exception 'a new customer needs a home shop among yours' using errcode = 'P0001';
    end if;
  end if;
  if new.home_shop_id is not null and not new.home_shop_id = any (mine)
     and (tg_op = 'INSERT' or new.home_shop_id is distinct from old.home_shop_id) then
    raise exception 'shop % is not one of your shops', new.home_shop_id
      using errcode = '42501', hint = 'Staff give customers a home shop among the shops they work in.';
  end if;
  return new;
end
$$;
revoke all on function app.check_home_shop() from public;
create trigger check_home_shop before insert or update of home_shop_id on public.customers
  for each row execute function app.check_home_shop();

-- Links a customer to a shop (idempotent): called by the home-shop trigger below and by the
-- orders and conversations triggers. security definer: links are no one's to write by hand.
create function app.link_customer_to_shop(customer_id uuid, shop_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if link_customer_to_shop.customer_id is null or link_customer_to_shop.shop_id is null then
    return;
  end if;
  if not exists (select 1 from public.customer_shops cs
                  where cs.customer_id = link_customer_to_shop.customer_id and cs.shop_id = link_customer_to_shop.shop_id) then
    insert into public.customer_shops (customer_id, shop_id)
    values (link_customer_to_shop.customer_id, link_customer_to_shop.shop_id)
    on conflict on constraint customer_shops_unique do nothing;
  end if;
end
$$;
revoke all on function app.link_customer_to_shop(uuid, uuid) from public;
grant execute on function app.link_customer_to_shop(uuid, uuid) to authenticated, service_role;

create function app.link_home_shop() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.link_customer_to_shop(new.id, new.home_shop_id);
  return null;
end
$$;
revoke all on function app.link_home_shop() from public;
create trigger link_home_shop after insert or update of home_shop_id on public.customers
  for each row execute function app.link_home_shop();

-- The ledgers and the merge trace are append-only, with two exceptions: rows deleted along with
-- their customer (a cascade, so one trigger deeper), and the customer_id a merge moves (the merge
-- RPC sets app.merging for its transaction; REST callers cannot set it).
create function app.refuse_customer_history_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  if tg_op = 'UPDATE' and current_setting('app.merging', true) = 'on'
     and (to_jsonb(new) - 'customer_id') = (to_jsonb(old) - 'customer_id') then
    return new;
  end if;
  raise exception '% rows cannot be changed or deleted', tg_table_name
    using errcode = '42501', hint = 'This table is append-only: record a correcting entry instead.';
end
$$;
create trigger consents_are_append_only before update or delete on public.customer_consents
  for each row execute function app.refuse_customer_history_change();
create trigger loyalty_entries_are_append_only before update or delete on public.loyalty_entries
  for each row execute function app.refuse_customer_history_change();
create trigger merges_are_append_only before update or delete on public.customer_merges
  for each row execute function app.refuse_customer_history_change();

-- Who recorded a consent or a loyalty entry is the caller, never what the request says.
create function app.stamp_consent() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.recorded_by := coalesce((select auth.uid()), new.recorded_by);
  return new;
end
$$;
create trigger stamp_recorded_by before insert on public.customer_consents
  for each row execute function app.stamp_consent();

-- Keeps customers.loyalty_points = sum(points), locking the customer so that concurrent spends
-- cannot both pass the balance check.
create function app.apply_loyalty_entry() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  balance integer;
begin
  new.created_by := coalesce((select auth.uid()), new.created_by);
  select c.loyalty_points into balance from public.customers c where c.id = new.customer_id for update;
  if not found then
    return new; -- the foreign key reports the unknown customer
  end if;
  if balance + new.points < 0 then
    raise exception 'not enough loyalty points: the customer has %, % requested', balance, -new.points
      using errcode = 'P0001';
  end if;
  update public.customers set loyalty_points = balance + new.points where id = new.customer_id;
  return new;
end
$$;
revoke all on function app.apply_loyalty_entry() from public;
create trigger apply_loyalty_entry before insert on public.loyalty_entries
  for each row execute function app.apply_loyalty_entry();

-- One default address per customer: choosing a new default unsets the previous one.
create function app.single_default_address() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.is_default and (tg_op = 'INSERT' or not old.is_default) then
    update public.customer_addresses set is_default = false
     where customer_id = new.customer_id and is_default and id <> new.id;
  end if;
  return new;
end
$$;
revoke all on function app.single_default_address() from public;
create trigger single_default_address before insert or update of is_default on public.customer_addresses
  for each row execute function app.single_default_address();

select app.audit_table('public.customers');
select app.audit_table('public.customer_shops');
select app.audit_table('public.customer_identities');
select app.audit_table('public.customer_merges');
select app.audit_table('public.customer_addresses');
select app.audit_table('public.customer_consents');
select app.audit_table('public.loyalty_entries');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table app.secrets enable row level security;
alter table public.customers enable row level security;
alter table public.customer_shops enable row level security;
alter table public.customer_identities enable row level security;
alter table public.customer_merges enable row level security;
alter table public.customer_addresses enable row level security;
alter table public.customer_consents enable row level security;
alter table public.loyalty_entries enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- Does the caller work with this customer (admins, staff of every shop, staff of a linked shop)?
-- For RPCs, which run as the owner and so must check what RLS would.
create function app.staff_sees_customer(customer_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select app.is_global_staff()
      or exists (select 1 from public.customer_shops cs
                  where cs.customer_id = staff_sees_customer.customer_id and cs.shop_id = any (app.staff_shop_ids()))
      or exists (select 1 from public.customers c
                  where c.id = staff_sees_customer.customer_id and c.home_shop_id = any (app.staff_shop_ids()))
$$;

-- May the caller read personal data in clear? Admins and staff, the service role (Edge Functions,
-- jobs) and direct database sessions (no JWT at all); not marketers, suppliers or visitors.
create function app.may_read_pii() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select auth.role()), 'service_role') = 'service_role' or app.is_staff()
$$;

create function app.secret(secret_name text) returns bytea
language sql stable security definer set search_path = ''
as $$ select value from app.secrets where name = secret_name $$;

create function app.encrypt_pii(plaintext text) returns bytea
language sql volatile security definer set search_path = ''
as $$
  select case when plaintext is not null
    then extensions.pgp_sym_encrypt(plaintext, encode(app.secret('pii_encryption'), 'base64'), 'cipher-algo=aes256') end
$$;

-- The plaintext, or null when the caller may not read personal data.
create function app.decrypt_pii(ciphertext bytea) returns text
language sql stable security definer set search_path = ''
as $$
  select case when ciphertext is not null and app.may_read_pii()
    then extensions.pgp_sym_decrypt(ciphertext, encode(app.secret('pii_encryption'), 'base64')) end
$$;

-- The lookup key of a normalised identity value: equal values, equal hashes; no way back.
create function app.pii_hash(normalised text) returns bytea
language sql stable security definer set search_path = ''
as $$ select extensions.hmac(convert_to(normalised, 'UTF8'), app.secret('pii_lookup'), 'sha256') $$;

-- A phone number in international form (+33612345678). Separators are dropped, 00 becomes +, and a
-- ten-digit number starting with 0 is French (the business is): 06 12 34 56 78 → +33612345678.
create function app.normalise_phone(raw text) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  n text := regexp_replace(coalesce(raw, ''), '[[:space:].()/-]', '', 'g');
begin
  if n like '00%' then
    n := '+' || substr(n, 3);
  elsif n ~ '^0[1-9][0-9]{8}$' then
    n := '+33' || substr(n, 2);
  end if;
  if n !~ '^\+[1-9][0-9]{7,14}$' then
    raise exception 'invalid phone number "%": write it in international form, e.g. +33 6 12 34 56 78', raw
      using errcode = 'P0001';
  end if;
  return n;
end
$$;

-- A phone number others may glimpse: +33612345678 → '+33 6•• •• •• 78'.
create function app.mask_phone(e164 text) returns text
language sql immutable set search_path = ''
as $$
  select substr(e164, 1, 3) || ' ' || substr(e164, 4, 1)
      || regexp_replace(repeat('•', length(e164) - 6), '(••)(?=•)', '\1 ', 'g')
      || ' ' || right(e164, 2)
$$;

-- An identity's value in the one form that is hashed (lower-cased e-mail, international phone,
-- handle without @), with a clear message for values that cannot be one.
create function app.normalise_identity(kind text, raw text) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v text := btrim(coalesce(raw, ''));
begin
  case kind
    when 'email' then
      v := lower(v);
      if v !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
        raise exception 'invalid e-mail address "%"', raw using errcode = 'P0001';
      end if;
    when 'phone', 'whatsapp' then
      v := app.normalise_phone(v);
    when 'instagram', 'tiktok' then
      v := lower(ltrim(v, '@'));
      if v !~ '^[a-z0-9._]{1,64}$' then
        raise exception 'invalid % handle "%"', kind, raw using errcode = 'P0001';
      end if;
    when 'messenger' then
      if v !~ '^[0-9A-Za-z_-]{1,128}$' then
        raise exception 'invalid messenger id "%"', raw using errcode = 'P0001';
      end if;
    else
      raise exception 'unknown identity kind "%": use email, phone, whatsapp, instagram, messenger or tiktok', kind
        using errcode = 'P0001';
  end case;
  return v;
end
$$;

-- The customer a channel is talking to, by one of their identities (or, for e-mail, the
-- customer's own address), following merges to the customer kept. Null when unknown.
create function app.find_customer_by_identity(kind text, value text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  normalised text := app.normalise_identity(kind, value);
  found_id uuid;
  depth integer := 0;
begin
  select i.customer_id into found_id from public.customer_identities i
   where i.kind = find_customer_by_identity.kind and i.value_hash = app.pii_hash(normalised);
  if found_id is null and kind = 'email' then
    select c.id into found_id from public.customers c
     where c.email = normalised order by c.merged_into_id nulls first, c.created_at limit 1;
  end if;
  while found_id is not null and depth < 10 loop
    exit when not exists (select 1 from public.customers c where c.id = found_id and c.merged_into_id is not null);
    select c.merged_into_id into found_id from public.customers c where c.id = found_id;
    depth := depth + 1;
  end loop;
  return found_id;
end
$$;

-- The segment of a customer on a date, from their order stats (pure, so usable set-based):
--   new        no order yet, or a first order less than 30 days ago (and not yet loyal or vip);
--   churned    last order more than 365 days ago;
--   dormant    last order 180 to 365 days ago;
--   vip        1,000.00 spent or 20 orders;
--   loyal      10 to 19 orders;
--   regular    4 to 9 orders;
--   occasional 1 to 3 orders.
create function app.customer_segment(
  orders_count integer, total_spent_cents bigint, first_order_at timestamptz, last_order_at timestamptz, as_of timestamptz
) returns text
language sql immutable set search_path = ''
as $$
  select case
    when coalesce(orders_count, 0) = 0 or first_order_at is null then 'new'
    when last_order_at < as_of - interval '365 days' then 'churned'
    when last_order_at < as_of - interval '180 days' then 'dormant'
    when total_spent_cents >= 100000 or orders_count >= 20 then 'vip'
    when orders_count >= 10 then 'loyal'
    when first_order_at > as_of - interval '30 days' then 'new'
    when orders_count >= 4 then 'regular'
    else 'occasional'
  end
$$;

-- Recomputes one customer's order stats and segment from public.orders (orders that count: not
-- draft, not cancelled). Called by the orders domain's triggers and by merges.
create function app.refresh_customer_stats(customer_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- plpgsql, not sql: public.orders is created by a later migration.
  with s as (
    select count(*)::integer as n, coalesce(sum(o.total_cents), 0)::bigint as spent,
           min(o.placed_at) as first_at, max(o.placed_at) as last_at
      from public.orders o
     where o.customer_id = refresh_customer_stats.customer_id and o.status not in ('draft', 'cancelled')
  )
  update public.customers c
     set orders_count = s.n, total_spent_cents = s.spent,
         average_basket_cents = case when s.n > 0 then round(s.spent::numeric / s.n)::bigint else 0 end,
         first_order_at = s.first_at, last_order_at = s.last_at,
         segment = app.customer_segment(s.n, s.spent, s.first_at, s.last_at, now())
    from s
   where c.id = refresh_customer_stats.customer_id;
end
$$;

-- Set-based recompute of everything derived, for seeds (loaded with triggers off) and the daily
-- segment job: shop links (home shops, orders, conversations), loyalty balances, order stats and
-- segments. Only rows whose values change are written.
create function app.refresh_all_customer_stats() returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  insert into public.customer_shops (customer_id, shop_id, first_seen_at)
  select customer_id, shop_id, min(seen_at) from (
    select c.id as customer_id, c.home_shop_id as shop_id, c.created_at as seen_at from public.customers c where c.home_shop_id is not null
    union all
    select o.customer_id, o.shop_id, o.created_at from public.orders o where o.customer_id is not null
    union all
    select v.customer_id, v.shop_id, v.created_at from public.conversations v where v.customer_id is not null
  ) seen
  group by customer_id, shop_id
  on conflict on constraint customer_shops_unique do nothing;

  update public.customers c
     set loyalty_points = coalesce(l.points, 0),
         orders_count = coalesce(s.n, 0),
         total_spent_cents = coalesce(s.spent, 0),
         average_basket_cents = case when s.n > 0 then round(s.spent::numeric / s.n)::bigint else 0 end,
         first_order_at = s.first_at,
         last_order_at = s.last_at,
         segment = app.customer_segment(coalesce(s.n, 0), coalesce(s.spent, 0), s.first_at, s.last_at, now())
    from public.customers c2
    left join (select o.customer_id, count(*)::integer as n, sum(o.total_cents)::bigint as spent,
                      min(o.placed_at) as first_at, max(o.placed_at) as last_at
                 from public.orders o where o.status not in ('draft', 'cancelled') and o.customer_id is not null
                group by o.customer_id) s on s.customer_id = c2.id
    left join (select e.customer_id, sum(e.points)::integer as points from public.loyalty_entries e group by e.customer_id) l
           on l.customer_id = c2.id
   where c.id = c2.id
     and (c.loyalty_points, c.orders_count, c.total_spent_cents, c.first_order_at, c.last_order_at, c.segment)
         is distinct from
         (coalesce(l.points, 0), coalesce(s.n, 0), coalesce(s.spent, 0::bigint), s.first_at, s.last_at,
          app.customer_segment(coalesce(s.n, 0), coalesce(s.spent, 0), s.first_at, s.last_at, now()));
end
$$;

revoke all on function app.staff_sees_customer(uuid), app.may_read_pii(), app.secret(text), app.encrypt_pii(text),
  app.decrypt_pii(bytea), app.pii_hash(text), app.find_customer_by_identity(text, text),
  app.refresh_customer_stats(uuid), app.refresh_all_customer_stats() from public;
grant execute on function app.staff_sees_customer(uuid), app.may_read_pii(), app.decrypt_pii(bytea)
  to authenticated, service_role;
grant execute on function app.refresh_customer_stats(uuid) to authenticated, service_role;
grant execute on function app.find_customer_by_identity(text, text), app.encrypt_pii(text), app.refresh_all_customer_stats()
  to service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────
-- Staff and marketers reach a customer through customer_shops (staff of every shop and admins:
-- all). On customers, the home shop counts too: the link is written by an AFTER trigger, and the
-- new row must already be visible for `insert ... returning`.

create policy "Staff and marketers see the customers of their shops" on public.customers
  for select to authenticated
  using (
    (select app.is_global_staff())
    or home_shop_id = any ((select app.marketing_shop_ids())::uuid[])
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customers.id and cs.shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  );

create policy "Staff create customers of their shops" on public.customers
  for insert to authenticated
  with check ((select app.is_global_staff()) or home_shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff edit the customers of their shops" on public.customers
  for update to authenticated
  using (
    (select app.is_global_staff())
    or home_shop_id = any ((select app.staff_shop_ids())::uuid[])
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customers.id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  )
  with check (
    (select app.is_global_staff())
    or home_shop_id = any ((select app.staff_shop_ids())::uuid[])
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customers.id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Admins delete customers" on public.customers
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff and marketers see their shops' customer links" on public.customer_shops
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Staff of every shop link customers to shops" on public.customer_shops
  for insert to authenticated
  with check ((select app.is_global_staff()));

create policy "Admins unlink customers from shops" on public.customer_shops
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Staff see the identities of their shops' customers" on public.customer_identities
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_identities.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff verify the identities of their shops' customers" on public.customer_identities
  for update to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_identities.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff remove the identities of their shops' customers" on public.customer_identities
  for delete to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_identities.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff see the merges into their shops' customers" on public.customer_merges
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_merges.kept_customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff see the addresses of their shops' customers" on public.customer_addresses
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_addresses.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff label the addresses of their shops' customers" on public.customer_addresses
  for update to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_addresses.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff remove the addresses of their shops' customers" on public.customer_addresses
  for delete to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_addresses.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

-- Marketers read consents: campaigns may only reach customers who opted in.
create policy "Staff and marketers see the consents of their shops' customers" on public.customer_consents
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_consents.customer_id and cs.shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  );

create policy "Staff record the consents of their shops' customers" on public.customer_consents
  for insert to authenticated
  with check (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = customer_consents.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff see the loyalty points of their shops' customers" on public.loyalty_entries
  for select to authenticated
  using (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = loyalty_entries.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

create policy "Staff give and spend the loyalty points of their shops' customers" on public.loyalty_entries
  for insert to authenticated
  with check (
    (select app.is_global_staff())
    or exists (select 1 from public.customer_shops cs
                where cs.customer_id = loyalty_entries.customer_id and cs.shop_id = any ((select app.staff_shop_ids())::uuid[]))
  );

-- ─── Computed fields and RPCs ──────────────────────────────────────────────────────────────────

-- `select=*,phone` on customers: the phone number in clear for admins and staff, null for others.
create function public.phone(public.customers) returns text
language sql stable set search_path = ''
as $$ select app.decrypt_pii($1.phone_encrypted) $$;

-- `select=*,address` on customer_addresses: the address as JSON for admins and staff, else null.
create function public.address(public.customer_addresses) returns jsonb
language sql stable set search_path = ''
as $$ select app.decrypt_pii($1.address_encrypted)::jsonb $$;

revoke all on function public.phone(public.customers), public.address(public.customer_addresses) from public, anon;
grant execute on function public.phone(public.customers), public.address(public.customer_addresses) to authenticated, service_role;

-- Refuses (42501) a caller who does not work with the customer, without telling whether it exists.
create function app.require_staff_customer(customer_id uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if customer_id is null or not app.staff_sees_customer(customer_id)
     or not exists (select 1 from public.customers c where c.id = require_staff_customer.customer_id) then
    raise exception 'customer % is not one of yours', coalesce(customer_id::text, 'null')
      using errcode = '42501', hint = 'Only admins and the staff of the customer''s shops change their personal data.';
  end if;
end
$$;
revoke all on function app.require_staff_customer(uuid) from public;

-- Sets (or, with null or '', clears) a customer's phone number, normalised and encrypted.
create function public.set_customer_phone(customer_id uuid, phone text) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  normalised text := case when nullif(btrim(coalesce(phone, '')), '') is not null then app.normalise_phone(phone) end;
begin
  perform app.require_staff_customer(customer_id);
  update public.customers c set phone_encrypted = app.encrypt_pii(normalised) where c.id = set_customer_phone.customer_id;
  return normalised;
end
$$;

-- Adds (or, with address_id, replaces) a customer's postal address; returns its id. The address is
-- {name, line1, line2?, postal_code, city, country_code, phone?}.
create function public.save_customer_address(
  customer_id uuid, address jsonb, label text default null, is_default boolean default false, address_id uuid default null
) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  required text[] := '{name,line1,postal_code,city,country_code}';
  missing text[];
  clean jsonb;
  country text;
  saved uuid;
begin
  perform app.require_staff_customer(customer_id);
  if address is null or jsonb_typeof(address) <> 'object' then
    raise exception 'the address must be a JSON object with name, line1, postal_code, city and country_code' using errcode = 'P0001';
  end if;
  select array_agg(f order by ord) into missing from unnest(required) with ordinality as r(f, ord)
   where nullif(btrim(coalesce(address ->> f, '')), '') is null;
  if missing is not null then
    raise exception 'the address needs %', array_to_string(missing, ', ') using errcode = 'P0001';
  end if;
  country := upper(btrim(address ->> 'country_code'));
  if country !~ '^[A-Z]{2}$' then
    raise exception 'invalid country code "%": use two letters (ISO 3166-1), e.g. FR', address ->> 'country_code' using errcode = 'P0001';
  end if;
  clean := jsonb_strip_nulls(jsonb_build_object(
    'name', btrim(address ->> 'name'), 'line1', btrim(address ->> 'line1'),
    'line2', nullif(btrim(coalesce(address ->> 'line2', '')), ''),
    'postal_code', btrim(address ->> 'postal_code'), 'city', btrim(address ->> 'city'), 'country_code', country,
    'phone', case when nullif(btrim(coalesce(address ->> 'phone', '')), '') is not null then app.normalise_phone(address ->> 'phone') end
  ));
  if address_id is null then
    insert into public.customer_addresses (customer_id, label, address_encrypted, country_code, is_default)
    values (save_customer_address.customer_id, save_customer_address.label, app.encrypt_pii(clean::text), country,
            coalesce(save_customer_address.is_default, false)
              or not exists (select 1 from public.customer_addresses a where a.customer_id = save_customer_address.customer_id and a.is_default))
    returning id into saved;
  else
    update public.customer_addresses a
       set label = coalesce(save_customer_address.label, a.label), address_encrypted = app.encrypt_pii(clean::text),
           country_code = country, is_default = a.is_default or coalesce(save_customer_address.is_default, false)
     where a.id = address_id and a.customer_id = save_customer_address.customer_id
    returning a.id into saved;
    if saved is null then
      raise exception 'address % is not an address of customer %', address_id, customer_id using errcode = 'P0001';
    end if;
  end if;
  return saved;
end
$$;

-- Adds an identity to a customer, or returns the one they already have; refuses one that belongs
-- to another customer (merge the two instead).
create function public.add_customer_identity(customer_id uuid, kind text, value text, verified boolean default false) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  normalised text;
  hash bytea;
  existing record;
  saved uuid;
begin
  perform app.require_staff_customer(customer_id);
  normalised := app.normalise_identity(kind, value);
  hash := app.pii_hash(normalised);
  select i.id, i.customer_id into existing from public.customer_identities i
   where i.kind = add_customer_identity.kind and i.value_hash = hash;
  if found then
    if existing.customer_id <> add_customer_identity.customer_id then
      raise exception 'this % identity already belongs to another customer', kind
        using errcode = 'P0001', hint = 'Merge the two customers (merge_customers) instead.';
    end if;
    return existing.id;
  end if;
  insert into public.customer_identities (customer_id, kind, value_hash, value_encrypted, display, verified)
  values (customer_id, kind, hash, app.encrypt_pii(normalised),
          case kind when 'phone' then app.mask_phone(normalised) when 'whatsapp' then app.mask_phone(normalised)
                    when 'instagram' then '@' || normalised when 'tiktok' then '@' || normalised else normalised end,
          coalesce(verified, false))
  on conflict on constraint customer_identities_unique do nothing
  returning id into saved;
  if saved is null then
    raise exception 'this % identity was just added to another customer', kind using errcode = 'P0001';
  end if;
  return saved;
end
$$;

-- Merges a duplicate customer into the one kept, in one transaction: moves identities, addresses,
-- consents, loyalty entries, shop links, conversations and orders, marks the duplicate
-- merged_into_id, fills the kept customer's empty fields from it, recomputes both, and records the
-- duplicate's row and every moved id in customer_merges. Returns the customer_merges id.
create function public.merge_customers(keep uuid, merge uuid) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  kept public.customers;
  merged public.customers;
  moved jsonb;
  merge_id uuid;
begin
  perform app.require_staff_customer(keep);
  perform app.require_staff_customer(merge);
  if keep = merge then
    raise exception 'a customer cannot be merged into itself' using errcode = 'P0001';
  end if;
  -- Both rows locked, always in the same order, so that two merges of the same pair cannot deadlock.
  perform 1 from public.customers c where c.id in (keep, merge) order by c.id for update;
  select * into kept from public.customers c where c.id = keep;
  select * into merged from public.customers c where c.id = merge;
  if merged.merged_into_id is not null then
    raise exception 'customer % is already merged into customer %', merged.id, merged.merged_into_id using errcode = 'P0001';
  end if;
  if kept.merged_into_id is not null then
    raise exception 'customer % was merged into customer %: merge into that one instead', kept.id, kept.merged_into_id
      using errcode = 'P0001';
  end if;

  perform set_config('app.merging', 'on', true);
  with
    identities as (update public.customer_identities t set customer_id = keep where t.customer_id = merge returning t.id),
    addresses as (
      update public.customer_addresses t set customer_id = keep,
             is_default = t.is_default and not exists (select 1 from public.customer_addresses k where k.customer_id = keep and k.is_default)
       where t.customer_id = merge returning t.id),
    consents as (update public.customer_consents t set customer_id = keep where t.customer_id = merge returning t.id),
    loyalty as (update public.loyalty_entries t set customer_id = keep where t.customer_id = merge returning t.id),
    links as (
      insert into public.customer_shops (customer_id, shop_id, first_seen_at)
      select keep, s.shop_id, s.first_seen_at from public.customer_shops s where s.customer_id = merge
      on conflict on constraint customer_shops_unique do update
        set first_seen_at = least(public.customer_shops.first_seen_at, excluded.first_seen_at)
      returning shop_id),
    conversations as (update public.conversations t set customer_id = keep where t.customer_id = merge returning t.id),
    orders as (update public.orders t set customer_id = keep where t.customer_id = merge returning t.id)
  select jsonb_build_object(
    'identities', (select coalesce(jsonb_agg(id), '[]') from identities),
    'addresses', (select coalesce(jsonb_agg(id), '[]') from addresses),
    'consents', (select coalesce(jsonb_agg(id), '[]') from consents),
    'loyalty_entries', (select coalesce(jsonb_agg(id), '[]') from loyalty),
    'shop_links', (select coalesce(jsonb_agg(shop_id), '[]') from links),
    'conversations', (select coalesce(jsonb_agg(id), '[]') from conversations),
    'orders', (select coalesce(jsonb_agg(id), '[]') from orders)
  ) into moved;
  perform set_config('app.merging', 'off', true);

  update public.customers c
     set email = coalesce(c.email, merged.email),
         phone_encrypted = coalesce(c.phone_encrypted, merged.phone_encrypted),
         customer_group_id = coalesce(c.customer_group_id, merged.customer_group_id),
         home_shop_id = coalesce(c.home_shop_id, merged.home_shop_id),
         notes = case when merged.notes is null then c.notes when c.notes is null then merged.notes
                      else c.notes || E'\n' || merged.notes end,
         loyalty_points = c.loyalty_points + merged.loyalty_points
   where c.id = keep;
  update public.customers c set merged_into_id = keep, loyalty_points = 0 where c.id = merge;
  perform app.refresh_customer_stats(keep);
  perform app.refresh_customer_stats(merge);

  insert into public.customer_merges (kept_customer_id, merged_customer_id, merged_by, snapshot)
  values (keep, merge, (select auth.uid()), jsonb_build_object('customer', to_jsonb(merged), 'moved', moved))
  returning id into merge_id;
  return merge_id;
end
$$;

revoke all on function public.set_customer_phone(uuid, text), public.save_customer_address(uuid, jsonb, text, boolean, uuid),
  public.add_customer_identity(uuid, text, text, boolean), public.merge_customers(uuid, uuid) from public, anon;
grant execute on function public.set_customer_phone(uuid, text), public.save_customer_address(uuid, jsonb, text, boolean, uuid),
  public.add_customer_identity(uuid, text, text, boolean), public.merge_customers(uuid, uuid) to authenticated, service_role;
