-- Shops: the ~50 online shops the business runs, each with its domain, currency, language and theme.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One online shop. `code` is short and stable (it prefixes nothing legal, documents carry the
-- shop's own numbering), `domain` is where customers reach it.
create table public.shops (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  domain text unique check (domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  theme jsonb not null default '{}' check (jsonb_typeof(theme) = 'object'),
  status text not null default 'active' check (status in ('draft', 'active', 'paused', 'closed')),
  legal_name text,
  vat_number text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.memberships
  add constraint memberships_shop_id_fkey foreign key (shop_id) references public.shops (id) on delete cascade;

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.shops from anon, authenticated;
grant select, insert, update, delete on public.shops to authenticated;
grant all on public.shops to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

create trigger touch_updated_at before update on public.shops
  for each row execute function app.touch_updated_at();
select app.audit_table('public.shops');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.shops enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Staff and marketers see their shops" on public.shops
  for select to authenticated
  using (id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Admins open shops" on public.shops
  for insert to authenticated
  with check ((select app.is_admin()));

create policy "Admins change shops" on public.shops
  for update to authenticated
  using ((select app.is_admin()))
  with check ((select app.is_admin()));

create policy "Admins close shops for good" on public.shops
  for delete to authenticated
  using ((select app.is_admin()));
