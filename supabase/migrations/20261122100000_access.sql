-- People and access: who works in Comptoir and with which role, in which shops or for which
-- supplier. Every policy in the later domains asks the helpers at the end of this file.
--
-- Roles (a person may hold several memberships):
--   admin     everything, everywhere;
--   staff     the data of their shops (every shop when the membership names none);
--   marketer  catalogue copy, pages, forms, pop-ups, campaigns and segments (of their shops);
--   supplier  their own supplier record, the products they supply, their stock and supplier orders.

create type public.member_role as enum ('admin', 'staff', 'marketer', 'supplier');

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- A person who can sign in to Comptoir: one per auth.users row, created with it.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (length(btrim(display_name)) between 1 and 200),
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One role granted to a person: admins everywhere; staff and marketers in one shop, or in every
-- shop when shop_id is null; a supplier user for one supplier. The foreign keys to shops and
-- suppliers are added by their own migrations.
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.member_role not null,
  shop_id uuid,
  supplier_id uuid,
  created_at timestamptz not null default now(),
  constraint memberships_admin_has_no_scope check (role <> 'admin' or (shop_id is null and supplier_id is null)),
  constraint memberships_supplier_names_its_supplier check ((role = 'supplier') = (supplier_id is not null)),
  constraint memberships_supplier_has_no_shop check (role <> 'supplier' or shop_id is null),
  constraint memberships_unique unique nulls not distinct (user_id, role, shop_id, supplier_id)
);
create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_shop_id_idx on public.memberships (shop_id);
create index memberships_supplier_id_idx on public.memberships (supplier_id);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.profiles, public.memberships from anon, authenticated;
grant select, update (display_name, locale) on public.profiles to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;
grant all on public.profiles, public.memberships to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Every new auth user gets a profile (Supabase's usual pattern); the name comes from the
-- user_metadata display_name, else the e-mail's local part.
create function app.create_profile_for_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name, locale)
  values (
    new.id,
    coalesce(nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''), split_part(coalesce(new.email, new.id::text), '@', 1)),
    case when new.raw_user_meta_data ->> 'locale' = 'en' then 'en' else 'fr' end
  );
  return new;
end
$$;
revoke all on function app.create_profile_for_new_user() from public;
create trigger create_profile after insert on auth.users
  for each row execute function app.create_profile_for_new_user();

create function app.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger touch_updated_at before update on public.profiles
  for each row execute function app.touch_updated_at();

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.profiles enable row level security;
alter table public.memberships enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────
-- security definer so that policies can read memberships without recursing into its own RLS;
-- policies call them as (select app.fn()) so Postgres evaluates each once per statement.

grant usage on schema app to anon, authenticated, service_role;

create function app.has_role(wanted public.member_role) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.memberships where user_id = (select auth.uid()) and role = wanted)
$$;

create function app.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$ select app.has_role('admin') $$;

-- Admins and staff: who may see the job queues and customers' personal data.
create or replace function app.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.memberships where user_id = (select auth.uid()) and role in ('admin', 'staff'))
$$;

-- The shops where the caller holds one of the roles (admins: every shop). An array, so that
-- policies compare with `shop_id = any (...)` and use the shop_id indexes.
create function app.shop_ids_for(roles public.member_role[]) returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
begin
  if uid is null then
    return '{}';
  end if;
  if exists (select 1 from public.memberships where user_id = uid and (role = 'admin' or (role = any (roles) and shop_id is null))) then
    return coalesce((select array_agg(id) from public.shops), '{}');
  end if;
  return coalesce((select array_agg(distinct shop_id) from public.memberships where user_id = uid and role = any (roles)), '{}');
end
$$;

-- Shops whose orders, customers and stock the caller works with (admins and staff).
create function app.staff_shop_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select app.shop_ids_for('{staff}') $$;

-- Shops whose catalogue copy and marketing the caller edits (admins, staff and marketers).
create function app.marketing_shop_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select app.shop_ids_for('{staff,marketer}') $$;

-- The suppliers the caller signs in for (empty for everyone else, admins included).
create function app.supplier_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(supplier_id), '{}') from public.memberships
  where user_id = (select auth.uid()) and role = 'supplier'
$$;

-- Staff who are not limited to some shops (and admins): they work with data that belongs to no
-- shop, such as customers, warehouses and suppliers.
create function app.is_global_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships
    where user_id = (select auth.uid()) and (role = 'admin' or (role = 'staff' and shop_id is null))
  )
$$;

-- Admins, staff and marketers: the people who read and edit the catalogue's copy.
create function app.is_catalogue_editor() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships where user_id = (select auth.uid()) and role in ('admin', 'staff', 'marketer')
  )
$$;

-- Trigger: when the caller is neither admin nor staff but holds the role named in the first
-- argument, an update may only change the columns named in the other arguments. This is how
-- marketers edit copy but not prices, and suppliers their stock, costs and tracking numbers only.
--   create trigger ... before update on public.t for each row
--     execute function app.limit_update_columns('supplier', 'stock_quantity', 'cost_cents');
create function app.limit_update_columns() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  limited_role public.member_role := tg_argv[0]::public.member_role;
  allowed text[] := tg_argv[1:];
  forbidden text[];
begin
  if (select auth.uid()) is null or app.is_staff() or not app.has_role(limited_role) then
    return new;
  end if;
  select array_agg(key order by key) into forbidden
  from jsonb_each(to_jsonb(new)) as n(key, value)
  where n.value is distinct from to_jsonb(old) -> n.key and not n.key = any (allowed)
    -- generated columns are not computed yet in a BEFORE trigger
    and not exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = tg_relid and a.attname = n.key and a.attgenerated <> '');
  if forbidden is not null then
    raise exception 'a % may not change % of %', limited_role, array_to_string(forbidden, ', '), tg_table_name
      using errcode = '42501', hint = format('A %s may change only: %s.', limited_role, array_to_string(allowed, ', '));
  end if;
  return new;
end
$$;
revoke all on function app.limit_update_columns() from public;

revoke all on function app.has_role(public.member_role), app.is_admin(), app.shop_ids_for(public.member_role[]),
  app.staff_shop_ids(), app.marketing_shop_ids(), app.supplier_ids(), app.is_global_staff(), app.is_catalogue_editor() from public;
grant execute on function app.has_role(public.member_role), app.is_admin(), app.is_staff(), app.shop_ids_for(public.member_role[]),
  app.staff_shop_ids(), app.marketing_shop_ids(), app.supplier_ids(), app.is_global_staff(), app.is_catalogue_editor()
  to anon, authenticated, service_role;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "People read their own profile, and staff read everyone's" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()) or (select app.is_staff()));

create policy "People edit their own profile, and admins everyone's" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select app.is_admin()))
  with check (id = (select auth.uid()) or (select app.is_admin()));

create policy "People read their own memberships, and admins everyone's" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or (select app.is_admin()));

create policy "Admins grant memberships" on public.memberships
  for insert to authenticated
  with check ((select app.is_admin()));

create policy "Admins change memberships" on public.memberships
  for update to authenticated
  using ((select app.is_admin()))
  with check ((select app.is_admin()));

create policy "Admins revoke memberships" on public.memberships
  for delete to authenticated
  using ((select app.is_admin()));
