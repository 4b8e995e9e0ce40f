-- The storage schema as Supabase Storage (storage-api) lays it out, so that policies written for
-- Supabase (on storage.objects, using storage.foldername() and friends) run unchanged. Idempotent.
-- As on Supabase: row-level security on both tables and no policy, so nothing is reachable through
-- the Storage API until a migration adds one; service_role bypasses RLS.
create schema if not exists storage;
grant usage on schema storage to anon, authenticated, service_role, postgres;

-- A bucket: a top-level container of objects, with its access and upload rules.
create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type text not null default 'STANDARD'
);
create unique index if not exists bname on storage.buckets using btree (name);

-- An object: one file in a bucket, its name a slash-separated path; bytes live outside Postgres.
create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

-- Grants as on Supabase: the API roles reach the tables, RLS decides which rows.
grant all on storage.buckets, storage.objects to anon, authenticated, service_role, postgres;

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end
$$;

drop trigger if exists update_objects_updated_at on storage.objects;
create trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Path helpers policies use: foldername('a/b/c.png') = {a,b}, filename = 'c.png', extension = 'png'.
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
begin
  return parts[1:array_length(parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
begin
  return parts[array_length(parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
begin
  return reverse(split_part(reverse(parts[array_length(parts, 1)]), '.', 1));
end
$$;

-- One level of a bucket under a prefix (ending in '/', or ''): its folders first (name only, other
-- columns null), then its files. Runs as the caller, so RLS decides what is listed.
create or replace function storage.search(
  prefix text,
  bucketname text,
  limits int default 100,
  levels int default 1,
  offsets int default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
) returns table (
  name text,
  id uuid,
  updated_at timestamptz,
  created_at timestamptz,
  last_accessed_at timestamptz,
  metadata jsonb
)
language plpgsql stable as $$
declare
  order_column text := case when sortcolumn in ('name', 'updated_at', 'created_at', 'last_accessed_at')
                            then sortcolumn else 'name' end;
  direction text := case when lower(sortorder) = 'desc' then 'desc' else 'asc' end;
begin
  return query execute format(
    $q$
    with matching as (
      select o.* from storage.objects o
      where o.bucket_id = $4 and o.name ilike $2 || $3 || '%%'
    ),
    folders as (
      select m.path_tokens[$1] as folder from matching m
      where array_length(m.path_tokens, 1) > $1
      group by 1
    )
    (select f.folder, null::uuid, null::timestamptz, null::timestamptz, null::timestamptz, null::jsonb
       from folders f order by f.folder %2$s)
    union all
    (select m.path_tokens[$1], m.id, m.updated_at, m.created_at, m.last_accessed_at, m.metadata
       from matching m where array_length(m.path_tokens, 1) = $1
       order by %1$I %2$s)
    limit $5 offset $6
    $q$, order_column, direction)
  using levels, prefix, search, bucketname, limits, offsets;
end
$$;

grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text),
  storage.search(text, text, int, int, int, text, text, text) to anon, authenticated, service_role;
