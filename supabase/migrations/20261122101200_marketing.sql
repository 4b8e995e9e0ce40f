-- Marketing: customer segments, campaigns, promo pages, forms and their submissions, checkout
-- pop-ups, and the version history of everything a marketer drafts. Rows only: rendering, form
-- handling and sending come later, in Edge Functions and jobs that use the service role.
--
-- Who does what:
--   admins everything; staff and marketers of a shop (app.marketing_shop_ids()) read and write its
--   segments, campaigns, pages, forms and pop-ups, and read their versions and form submissions
--   (personal data, but capturing leads is the marketers' job); segments of every shop
--   (shop_id null) are read by every editor and written by those who work for every shop.
--   Only admins delete what is or was live (a page, form or pop-up once published, a campaign being
--   sent or sent: archive it instead) and form submissions (erasure requests). Nobody edits a
--   submission (a job may link it to a customer). Suppliers and anonymous visitors get nothing:
--   public pages, forms and pop-ups are served by Edge Functions with the service role.
--
-- Versioning: pages, forms, pop-ups and campaigns carry a draft (`content`, or `schema` for forms)
-- and a `version` that the database keeps: each change of the draft adds one and appends the draft
-- to content_versions. public.publish_content() copies the draft to what the public sees;
-- public.restore_content_version() copies an old version back into the draft, as a new version.
--
-- Derived values, and how seeds (loaded with triggers off) recompute them set-based:
--   the content_versions row of each entity's current draft:  select app.backfill_content_versions();
--   (version itself is whatever the seed writes, 1 by default.)

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- Is this a segment rule tree: {"all": [node...]} or {"any": [node...]}, where a node is another
-- tree or a condition {"field": "segment", "op": "in", "value": [...]}? Immutable for the check.
create function app.is_segment_rule(node jsonb) returns boolean
language plpgsql immutable parallel safe set search_path = ''
as $$
declare
  children jsonb;
begin
  if pg_catalog.jsonb_typeof(node) is distinct from 'object' then
    return false;
  end if;
  if node ? 'all' or node ? 'any' then
    children := coalesce(node -> 'all', node -> 'any');
    return (select count(*) from pg_catalog.jsonb_object_keys(node)) = 1
       and pg_catalog.jsonb_typeof(children) = 'array'
       and not exists (select 1 from pg_catalog.jsonb_array_elements(children) c where not app.is_segment_rule(c));
  end if;
  return coalesce(pg_catalog.jsonb_typeof(node -> 'field') = 'string'
     and node ->> 'op' in ('eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'contains', 'is_null', 'is_not_null')
     and (node ? 'value' or node ->> 'op' in ('is_null', 'is_not_null')), false);
end
$$;

-- A group of customers described by rules over their fields, for one shop or (shop_id null) all.
create table public.segments (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid references public.shops (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  description text,
  definition jsonb not null default '{"all": []}',
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint segments_definition_is_a_rule_tree check (
    (definition ? 'all' or definition ? 'any') and app.is_segment_rule(definition)),
  constraint segments_name_unique_per_shop unique nulls not distinct (shop_id, name)
);
create index segments_created_by_idx on public.segments (created_by);

-- A message sent once to a segment of a shop's customers, by e-mail, SMS or WhatsApp.
create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  segment_id uuid references public.segments (id) on delete set null,
  name text not null check (length(btrim(name)) between 1 and 200),
  channel text not null check (channel in ('email', 'sms', 'whatsapp')),
  status text not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
  subject text check (length(subject) <= 300),
  content jsonb not null default '{}' check (jsonb_typeof(content) = 'object'),
  version integer not null default 1 check (version > 0),
  scheduled_at timestamptz,
  sent_at timestamptz,
  stats jsonb not null default '{}' check (jsonb_typeof(stats) = 'object'),
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaigns_scheduled_has_a_date check (status <> 'scheduled' or scheduled_at is not null),
  constraint campaigns_sent_has_a_date check (status <> 'sent' or sent_at is not null),
  constraint campaigns_email_has_a_subject check (
    channel <> 'email' or status in ('draft', 'cancelled') or coalesce(length(btrim(subject)), 0) > 0)
);
create index campaigns_shop_id_idx on public.campaigns (shop_id, created_at desc);
create index campaigns_segment_id_idx on public.campaigns (segment_id);
create index campaigns_created_by_idx on public.campaigns (created_by);
create index campaigns_due_idx on public.campaigns (scheduled_at) where status = 'scheduled';

-- A landing page of a shop at /p/<slug>: the draft being edited and the version the public sees.
create table public.promo_pages (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
  title text not null check (length(btrim(title)) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  content jsonb not null default '{}' check (jsonb_typeof(content) = 'object'),
  published_content jsonb check (jsonb_typeof(published_content) = 'object'),
  version integer not null default 1 check (version > 0),
  published_version integer,
  published_at timestamptz,
  seo jsonb not null default '{}' check (jsonb_typeof(seo) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint promo_pages_slug_unique_per_shop unique (shop_id, slug),
  constraint promo_pages_published_version_exists check (published_version between 1 and version),
  constraint promo_pages_published_has_content check (
    status <> 'published' or (published_content is not null and published_version is not null and published_at is not null))
);

-- A form of a shop (lead capture, contest, survey) at /f/<slug>: draft fields and published fields.
create table public.forms (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
  name text not null check (length(btrim(name)) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  schema jsonb not null default '{"fields": []}' check (jsonb_typeof(schema) = 'object'),
  published_schema jsonb check (jsonb_typeof(published_schema) = 'object'),
  version integer not null default 1 check (version > 0),
  published_version integer,
  published_at timestamptz,
  settings jsonb not null default '{}' check (
    jsonb_typeof(settings) = 'object' and jsonb_typeof(coalesce(settings -> 'notify_emails', '[]')) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint forms_slug_unique_per_shop unique (shop_id, slug),
  constraint forms_published_version_exists check (published_version between 1 and version),
  constraint forms_published_has_schema check (
    status <> 'published' or (published_schema is not null and published_version is not null and published_at is not null))
);

-- One answer to a published form, received by an Edge Function from a visitor.
create table public.form_submissions (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references public.forms (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete cascade,
  form_version integer not null check (form_version > 0),
  data jsonb not null check (jsonb_typeof(data) = 'object'),
  customer_id uuid references public.customers (id) on delete set null,
  submitted_at timestamptz not null default now(),
  source jsonb not null default '{}' check (jsonb_typeof(source) = 'object'),
  ip_hash text check (ip_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
create index form_submissions_form_id_idx on public.form_submissions (form_id, submitted_at desc);
create index form_submissions_shop_id_idx on public.form_submissions (shop_id, submitted_at desc);
create index form_submissions_customer_id_idx on public.form_submissions (customer_id);

-- A pop-up shown at checkout when its trigger matches (cart value, exit intent...), between
-- starts_at and ends_at; the highest priority wins. Trigger and dates apply at once, content once
-- published.
create table public.checkout_popups (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  trigger jsonb not null default '{}' check (jsonb_typeof(trigger) = 'object'),
  content jsonb not null default '{}' check (jsonb_typeof(content) = 'object'),
  published_content jsonb check (jsonb_typeof(published_content) = 'object'),
  version integer not null default 1 check (version > 0),
  published_version integer,
  published_at timestamptz,
  starts_at timestamptz,
  ends_at timestamptz,
  priority integer not null default 0 check (priority between 0 and 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint checkout_popups_ends_after_it_starts check (ends_at > starts_at),
  constraint checkout_popups_published_version_exists check (published_version between 1 and version),
  constraint checkout_popups_published_has_content check (
    status <> 'published' or (published_content is not null and published_version is not null and published_at is not null))
);
create index checkout_popups_shop_id_idx on public.checkout_popups (shop_id, status, priority desc);

-- One saved draft of a page, form, pop-up or campaign. Append-only, and kept when the entity is
-- deleted (no foreign keys: a cascade would have to delete history).
create table public.content_versions (
  id bigint generated always as identity primary key,
  entity_type text not null check (entity_type in ('promo_page', 'form', 'checkout_popup', 'campaign')),
  entity_id uuid not null,
  shop_id uuid not null,
  version integer not null check (version > 0),
  content jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  constraint content_versions_unique unique (entity_type, entity_id, version)
);
create index content_versions_shop_id_idx on public.content_versions (shop_id);
create index content_versions_entity_id_idx on public.content_versions (entity_id, version desc);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────
-- Versions, publication fields, stats and authors are the database's to write, not the caller's.

revoke all on public.segments, public.campaigns, public.promo_pages, public.forms, public.form_submissions,
  public.checkout_popups, public.content_versions from anon, authenticated;
grant select, delete on public.segments, public.campaigns, public.promo_pages, public.forms,
  public.checkout_popups to authenticated;
grant insert (id, shop_id, name, description, definition),
  update (name, description, definition) on public.segments to authenticated;
grant insert (id, shop_id, segment_id, name, channel, status, subject, content, scheduled_at),
  update (segment_id, name, channel, status, subject, content, scheduled_at) on public.campaigns to authenticated;
grant insert (id, shop_id, slug, title, content, seo),
  update (slug, title, status, content, seo) on public.promo_pages to authenticated;
grant insert (id, shop_id, slug, name, schema, settings),
  update (slug, name, status, schema, settings) on public.forms to authenticated;
grant insert (id, shop_id, name, trigger, content, starts_at, ends_at, priority),
  update (name, status, trigger, content, starts_at, ends_at, priority) on public.checkout_popups to authenticated;
grant select, delete on public.form_submissions to authenticated;
grant select on public.content_versions to authenticated;
grant all on public.segments, public.campaigns, public.promo_pages, public.forms, public.form_submissions,
  public.checkout_popups, public.content_versions to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Keeps `version` (the draft column is named by the argument): 1 for a new row, one more each time
-- the draft changes, whatever the caller wrote.
create function app.keep_content_version() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif (to_jsonb(new) -> tg_argv[0]) is distinct from (to_jsonb(old) -> tg_argv[0]) then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  return new;
end
$$;

-- Appends the draft (column named by the second argument) to content_versions when its version is
-- new. security definer: callers cannot write the history themselves.
create function app.record_content_version() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.version = old.version then
    return null;
  end if;
  insert into public.content_versions (entity_type, entity_id, shop_id, version, content)
  values (tg_argv[0], new.id, new.shop_id, new.version, to_jsonb(new) -> tg_argv[1]);
  return null;
end
$$;
revoke all on function app.record_content_version() from public;

-- A page, form or pop-up goes live only through public.publish_content(), which also sets what
-- the public sees; a direct status change to 'published' would show a stale or empty version.
create function app.publish_through_rpc() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status = 'published' and old.status <> 'published'
     and new.published_at is not distinct from old.published_at and (select auth.uid()) is not null then
    raise exception '% % cannot be published by changing its status', tg_argv[0], new.id
      using errcode = 'P0001', hint = format('Call public.publish_content(%L, %L).', tg_argv[0], new.id);
  end if;
  return new;
end
$$;

-- What is or was live stays, unless an admin deletes it: others archive it.
create function app.keep_live_content() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  row jsonb := to_jsonb(old);
begin
  if (select auth.uid()) is not null and not app.is_admin()
     and (row ->> 'published_version' is not null or row ->> 'status' in ('sending', 'sent')) then
    raise exception 'only admins delete a % that has been %', tg_argv[0], case when tg_argv[0] = 'campaign' then 'sent' else 'published' end
      using errcode = '42501', hint = 'Archive it instead.';
  end if;
  return old;
end
$$;
revoke all on function app.keep_live_content() from public;

-- A campaign moves draft → scheduled → sending → sent (or back to draft, or cancelled); only the
-- sending job (service role) marks it sending or sent, and once it is on its way it is frozen.
create function app.check_campaign_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  segment_shop uuid;
begin
  if new.segment_id is not null and (tg_op = 'INSERT' or new.segment_id is distinct from old.segment_id) then
    select shop_id into segment_shop from public.segments where id = new.segment_id;
    if segment_shop is not null and segment_shop <> new.shop_id then
      raise exception 'segment % belongs to another shop than campaign %', new.segment_id, new.id
        using errcode = 'P0001', hint = 'Use a segment of the same shop, or of every shop.';
    end if;
  end if;
  if tg_op = 'INSERT' then
    if new.status not in ('draft', 'scheduled') then
      raise exception 'a new campaign is a draft or scheduled, not %', new.status using errcode = 'P0001';
    end if;
    return new;
  end if;
  -- (segment_id may still become null: that is the segment being deleted)
  if old.status in ('sending', 'sent') and (select auth.uid()) is not null
     and (new.content, new.subject, coalesce(new.segment_id, old.segment_id), new.channel, new.scheduled_at) is distinct from
         (old.content, old.subject, old.segment_id, old.channel, old.scheduled_at) then
    raise exception 'campaign % is % and can no longer be edited', old.id, old.status using errcode = 'P0001';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if not (old.status, new.status) in (('draft', 'scheduled'), ('draft', 'cancelled'), ('scheduled', 'draft'),
      ('scheduled', 'cancelled'), ('scheduled', 'sending'), ('sending', 'sent'), ('cancelled', 'draft')) then
    raise exception 'a campaign cannot go from % to %', old.status, new.status using errcode = 'P0001';
  end if;
  if new.status in ('sending', 'sent') and (select auth.uid()) is not null then
    raise exception 'only the sending job marks a campaign %', new.status using errcode = '42501';
  end if;
  return new;
end
$$;
revoke all on function app.check_campaign_change() from public;

-- A submission belongs to its form's shop and names a version the form has published; afterwards
-- only its link to a customer may change (merges, erasure, matching by a job).
create function app.check_form_submission() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  form record;
begin
  if tg_op = 'UPDATE' then
    if (to_jsonb(new) - 'customer_id') is distinct from (to_jsonb(old) - 'customer_id') then
      raise exception 'form submissions cannot be changed' using errcode = '42501',
        hint = 'Only customer_id may be set, to link the submission to a customer.';
    end if;
    return new;
  end if;
  select shop_id, status, published_version into form from public.forms where id = new.form_id;
  if not found then
    return new; -- the foreign key reports it
  end if;
  if form.status <> 'published' then
    raise exception 'form % is not published', new.form_id using errcode = 'P0001';
  end if;
  if new.shop_id is distinct from form.shop_id and new.shop_id is not null then
    raise exception 'form % belongs to another shop than %', new.form_id, new.shop_id using errcode = 'P0001';
  end if;
  new.shop_id := form.shop_id;
  new.form_version := coalesce(new.form_version, form.published_version);
  if new.form_version > form.published_version then
    raise exception 'form % has not published version %', new.form_id, new.form_version using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.check_form_submission() from public;

create trigger keep_content_version before insert or update on public.promo_pages
  for each row execute function app.keep_content_version('content');
create trigger keep_content_version before insert or update on public.forms
  for each row execute function app.keep_content_version('schema');
create trigger keep_content_version before insert or update on public.checkout_popups
  for each row execute function app.keep_content_version('content');
create trigger keep_content_version before insert or update on public.campaigns
  for each row execute function app.keep_content_version('content');

create trigger record_content_version after insert or update on public.promo_pages
  for each row execute function app.record_content_version('promo_page', 'content');
create trigger record_content_version after insert or update on public.forms
  for each row execute function app.record_content_version('form', 'schema');
create trigger record_content_version after insert or update on public.checkout_popups
  for each row execute function app.record_content_version('checkout_popup', 'content');
create trigger record_content_version after insert or update on public.campaigns
  for each row execute function app.record_content_version('campaign', 'content');

create trigger publish_through_rpc before update on public.promo_pages
  for each row execute function app.publish_through_rpc('promo_page');
create trigger publish_through_rpc before update on public.forms
  for each row execute function app.publish_through_rpc('form');
create trigger publish_through_rpc before update on public.checkout_popups
  for each row execute function app.publish_through_rpc('checkout_popup');

create trigger keep_live_content before delete on public.promo_pages
  for each row execute function app.keep_live_content('promo_page');
create trigger keep_live_content before delete on public.forms
  for each row execute function app.keep_live_content('form');
create trigger keep_live_content before delete on public.checkout_popups
  for each row execute function app.keep_live_content('checkout_popup');
create trigger keep_live_content before delete on public.campaigns
  for each row execute function app.keep_live_content('campaign');

create trigger check_campaign_change before insert or update on public.campaigns
  for each row execute function app.check_campaign_change();
create trigger check_form_submission before insert or update on public.form_submissions
  for each row execute function app.check_form_submission();
create trigger content_versions_are_append_only before update or delete on public.content_versions
  for each row execute function app.refuse_change();

create trigger touch_updated_at before update on public.segments
  for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.campaigns
  for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.promo_pages
  for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.forms
  for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.checkout_popups
  for each row execute function app.touch_updated_at();

select app.audit_table('public.segments');
select app.audit_table('public.campaigns');
select app.audit_table('public.promo_pages');
select app.audit_table('public.forms');
select app.audit_table('public.form_submissions');
select app.audit_table('public.checkout_popups');
select app.audit_table('public.content_versions');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.segments enable row level security;
alter table public.campaigns enable row level security;
alter table public.promo_pages enable row level security;
alter table public.forms enable row level security;
alter table public.form_submissions enable row level security;
alter table public.checkout_popups enable row level security;
alter table public.content_versions enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- Admins, and staff or marketers whose membership names no shop: they write what spans every shop.
create function app.is_global_marketer() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships
    where user_id = (select auth.uid()) and (role = 'admin' or (role in ('staff', 'marketer') and shop_id is null))
  )
$$;
revoke all on function app.is_global_marketer() from public;
grant execute on function app.is_global_marketer() to anon, authenticated, service_role;

-- Recreates the content_versions row of each entity's current draft where it is missing: for
-- seeds, which load pages, forms, pop-ups and campaigns with triggers off. Returns the rows added.
create function app.backfill_content_versions() returns bigint
language sql security definer set search_path = ''
as $$
  with drafts (entity_type, entity_id, shop_id, version, content) as (
    select 'promo_page', id, shop_id, version, content from public.promo_pages
    union all select 'form', id, shop_id, version, schema from public.forms
    union all select 'checkout_popup', id, shop_id, version, content from public.checkout_popups
    union all select 'campaign', id, shop_id, version, content from public.campaigns
  ), added as (
    insert into public.content_versions (entity_type, entity_id, shop_id, version, content, created_by)
    select entity_type, entity_id, shop_id, version, content, null from drafts
    on conflict (entity_type, entity_id, version) do nothing
    returning 1
  )
  select count(*) from added
$$;
revoke all on function app.backfill_content_versions() from public;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Editors see their shops' segments and those of every shop" on public.segments
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]) or (shop_id is null and (select app.is_catalogue_editor())));

create policy "Editors create segments of their shops" on public.segments
  for insert to authenticated
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]) or (shop_id is null and (select app.is_global_marketer())));

create policy "Editors change segments of their shops" on public.segments
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]) or (shop_id is null and (select app.is_global_marketer())))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]) or (shop_id is null and (select app.is_global_marketer())));

create policy "Editors delete segments of their shops" on public.segments
  for delete to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]) or (shop_id is null and (select app.is_global_marketer())));

create policy "Editors see their shops' campaigns" on public.campaigns
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors create campaigns for their shops" on public.campaigns
  for insert to authenticated
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors change their shops' campaigns" on public.campaigns
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors delete their shops' campaigns" on public.campaigns
  for delete to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors see their shops' promo pages" on public.promo_pages
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors create promo pages for their shops" on public.promo_pages
  for insert to authenticated
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors change their shops' promo pages" on public.promo_pages
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors delete their shops' promo pages" on public.promo_pages
  for delete to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors see their shops' forms" on public.forms
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors create forms for their shops" on public.forms
  for insert to authenticated
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors change their shops' forms" on public.forms
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors delete their shops' forms" on public.forms
  for delete to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Staff and marketers read their shops' form submissions" on public.form_submissions
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Admins delete form submissions" on public.form_submissions
  for delete to authenticated
  using ((select app.is_admin()));

create policy "Editors see their shops' checkout pop-ups" on public.checkout_popups
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors create checkout pop-ups for their shops" on public.checkout_popups
  for insert to authenticated
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors change their shops' checkout pop-ups" on public.checkout_popups
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors delete their shops' checkout pop-ups" on public.checkout_popups
  for delete to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

create policy "Editors read the history of their shops' content" on public.content_versions
  for select to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

-- The table, draft column and published column of a versioned entity type; P0001 for any other.
create function app.versioned_entity(entity_type text, out table_name text, out draft_column text, out published_column text)
language plpgsql immutable set search_path = ''
as $$
begin
  table_name := case entity_type when 'promo_page' then 'promo_pages' when 'form' then 'forms'
    when 'checkout_popup' then 'checkout_popups' when 'campaign' then 'campaigns' end;
  if table_name is null then
    raise exception 'entity_type must be promo_page, form, checkout_popup or campaign, not %', coalesce(entity_type, 'null')
      using errcode = 'P0001';
  end if;
  draft_column := case entity_type when 'form' then 'schema' else 'content' end;
  published_column := case entity_type when 'form' then 'published_schema' when 'campaign' then null else 'published_content' end;
end
$$;

-- Locks a versioned entity for a change by the caller: P0001 when there is none, 42501 when it
-- belongs to a shop whose marketing the caller does not edit (callers without a user are the
-- service role: anon may not execute the RPCs). Returns its current version.
create function app.lock_versioned_entity(entity_type text, entity_id uuid) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  target record;
  shop uuid;
  current_version integer;
begin
  select * into target from app.versioned_entity(entity_type);
  execute format('select shop_id, version from public.%I where id = $1 for update', target.table_name)
    into shop, current_version using entity_id;
  if shop is null then
    raise exception '% % does not exist', entity_type, entity_id using errcode = 'P0001';
  end if;
  if (select auth.uid()) is not null and not shop = any (app.marketing_shop_ids()) then
    raise exception 'you do not edit the marketing of the shop of % %', entity_type, entity_id using errcode = '42501';
  end if;
  return current_version;
end
$$;
revoke all on function app.versioned_entity(text), app.lock_versioned_entity(text, uuid) from public;

-- Publishes the draft of a page, form or pop-up as it is now: what the public sees becomes the
-- draft, and the entity is published. Returns the version published.
create function public.publish_content(entity_type text, entity_id uuid) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  target record;
  published integer;
begin
  select * into target from app.versioned_entity(entity_type);
  if target.published_column is null then
    raise exception 'campaigns are sent, not published' using errcode = 'P0001';
  end if;
  published := app.lock_versioned_entity(entity_type, entity_id);
  execute format('update public.%I set %I = %I, published_version = version, published_at = now(), status = ''published'' where id = $1',
    target.table_name, target.published_column, target.draft_column) using entity_id;
  return published;
end
$$;

-- Copies an old version back into the draft, which becomes a new version (returned); publish it
-- to put it live.
create function public.restore_content_version(entity_type text, entity_id uuid, version integer) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  target record;
  old_content jsonb;
  restored integer;
begin
  select * into target from app.versioned_entity(entity_type);
  perform app.lock_versioned_entity(entity_type, entity_id);
  select v.content into old_content from public.content_versions v
   where v.entity_type = restore_content_version.entity_type and v.entity_id = restore_content_version.entity_id
     and v.version = restore_content_version.version;
  if not found then
    raise exception '% % has no version %', entity_type, entity_id, version using errcode = 'P0001';
  end if;
  execute format('update public.%I set %I = $2 where id = $1 returning version', target.table_name, target.draft_column)
    into restored using entity_id, old_content;
  return restored;
end
$$;

revoke all on function public.publish_content(text, uuid), public.restore_content_version(text, uuid, integer) from public, anon;
grant execute on function public.publish_content(text, uuid), public.restore_content_version(text, uuid, integer)
  to authenticated, service_role;
