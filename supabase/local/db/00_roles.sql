-- Supabase's database roles and default privileges, as on a hosted project.
-- Idempotent: runs at every start of the local stand-in, never on hosted Supabase.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole password 'postgres';
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;

create schema if not exists extensions;
create schema if not exists graphql_public;

grant usage on schema public, extensions, graphql_public to anon, authenticated, service_role;
grant all on schema public to postgres;

-- Supabase grants table, function and sequence rights in public to the API roles by default;
-- row-level security is what protects the rows.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions grant all on sequences to anon, authenticated, service_role;

-- Statement timeouts as on hosted Supabase.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';

create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
