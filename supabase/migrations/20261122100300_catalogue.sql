-- Catalogue (PIM): products, their variants and what describes them, shared by every shop; the
-- per-shop listings that put a product in a shop with its own copy, price and visibility; and
-- the prices that depend on quantity or on the customer's group.
--
-- Who does what:
--   admins, staff (of any shop) and marketers read the whole shared catalogue;
--   admins and staff create and edit it; only admins delete products, categories and groups;
--   marketers edit copy only: product names, descriptions and tags, translations, category names,
--     media alt texts and positions (app.limit_update_columns refuses anything else);
--   a listing and its price breaks belong to a shop: its staff edit them, its marketers its copy;
--   variant costs (margins) are for admins and staff only;
--   suppliers see the products they supply: those policies come with supplier_products, in the
--     suppliers migration.
--
-- Derived data: none stored besides products.search (a generated column). Variant attributes are
-- checked by triggers; after a bulk load with triggers off, app.catalogue_attribute_problems()
-- lists the variants that do not fit their category.

create extension if not exists pg_trgm with schema extensions;

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- A pricing group of customers (retail, wholesale, VIP...).
create table public.customer_groups (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A node of the category tree; a root when parent_id is null.
create table public.categories (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references public.categories (id) on delete restrict,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index categories_parent_id_idx on public.categories (parent_id);

-- An attribute that the variants of products in this category, and in its subcategories, carry.
create table public.attribute_definitions (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references public.categories (id) on delete cascade,
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,59}$'),
  label_fr text not null check (length(btrim(label_fr)) between 1 and 200),
  label_en text not null check (length(btrim(label_en)) between 1 and 200),
  kind text not null check (kind in ('text', 'number', 'boolean', 'enum', 'colour')),
  allowed_values text[],
  required boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint attribute_definitions_unique_code unique (category_id, code),
  constraint attribute_definitions_enum_has_values check (kind <> 'enum' or cardinality(allowed_values) > 0),
  constraint attribute_definitions_values_only_for_enum check (kind = 'enum' or allowed_values is null)
);

-- The words a product is found by: immutable, so that it can feed a generated column.
create function app.product_search_document(sku text, name text, brand text, description text, tags text[]) returns tsvector
language sql immutable parallel safe set search_path = ''
as $$
  select setweight(pg_catalog.to_tsvector('simple'::regconfig, coalesce(sku, '') || ' ' || coalesce(name, '')), 'A')
      || setweight(pg_catalog.to_tsvector('simple'::regconfig, coalesce(brand, '') || ' ' || coalesce(pg_catalog.array_to_string(tags, ' '), '')), 'B')
      || setweight(pg_catalog.to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
$$;

-- A product of the shared catalogue; what is sold and stocked are its variants.
create table public.products (
  id uuid primary key default gen_random_uuid(),
  sku text not null unique check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  name text not null check (length(btrim(name)) between 1 and 300),
  description text,
  category_id uuid references public.categories (id) on delete restrict,
  brand text,
  status text not null default 'draft' check (status in ('draft', 'active', 'archived')),
  is_bundle boolean not null default false,
  tags text[] not null default '{}',
  search tsvector generated always as (app.product_search_document(sku, name, brand, description, tags)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index products_category_id_idx on public.products (category_id);
create index products_status_name_idx on public.products (status, name);
create index products_brand_idx on public.products (brand);
create index products_created_at_idx on public.products (created_at desc);
create index products_search_idx on public.products using gin (search);
create index products_tags_idx on public.products using gin (tags);
create index products_name_trgm_idx on public.products using gin (name extensions.gin_trgm_ops);

-- One sellable version of a product (a size, a colour), with its price and attributes.
create table public.product_variants (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.products (id) on delete cascade,
  sku text not null unique check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  attributes jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
  price_cents bigint not null check (price_cents >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  barcode text check (barcode ~ '^[0-9A-Za-z-]{4,64}$'),
  weight_grams integer check (weight_grams >= 0),
  allow_backorder boolean not null default false,
  low_stock_threshold integer not null default 0 check (low_stock_threshold >= 0),
  position integer not null default 0,
  status text not null default 'active' check (status in ('active', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_variants_product_id_idx on public.product_variants (product_id, position);
create unique index product_variants_barcode_key on public.product_variants (barcode) where barcode is not null;

-- What a variant costs to buy: kept apart from the variant so that marketers and suppliers,
-- who read variants, never read margins.
create table public.variant_costs (
  id uuid primary key default gen_random_uuid(),
  variant_id uuid not null unique references public.product_variants (id) on delete cascade,
  cost_cents bigint not null check (cost_cents >= 0),
  currency char(3) not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One component of a bundle product: so many of a variant of another, non-bundle, product.
create table public.product_bundle_items (
  id uuid primary key default gen_random_uuid(),
  bundle_product_id uuid not null references public.products (id) on delete cascade,
  component_variant_id uuid not null references public.product_variants (id) on delete restrict,
  quantity integer not null default 1 check (quantity > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint product_bundle_items_unique_component unique (bundle_product_id, component_variant_id)
);
create index product_bundle_items_component_variant_id_idx on public.product_bundle_items (component_variant_id);

-- An image or video of a product (or of one of its variants), stored in the 'product-media' bucket.
create table public.product_media (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.products (id) on delete cascade,
  variant_id uuid references public.product_variants (id) on delete cascade,
  storage_path text not null check (storage_path ~ '^[^/].*[^/]$' and storage_path !~ '(^|/)\.\.(/|$)' and length(storage_path) <= 1024),
  kind text not null default 'image' check (kind in ('image', 'video')),
  alt text,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_media_product_id_idx on public.product_media (product_id, position);
create index product_media_variant_id_idx on public.product_media (variant_id);

-- A product offered in one shop, with that shop's copy, price (null: the variant's price) and visibility.
create table public.product_listings (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.products (id) on delete cascade,
  shop_id uuid not null references public.shops (id) on delete cascade,
  title text check (length(btrim(title)) between 1 and 300),
  description text,
  price_cents bigint check (price_cents >= 0),
  visible boolean not null default false,
  position integer not null default 0,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint product_listings_unique_shop unique (product_id, shop_id)
);
create index product_listings_shop_id_idx on public.product_listings (shop_id, position);

-- A lower unit price in one shop from a quantity on, for one variant or (variant_id null) all of the product's.
create table public.price_breaks (
  id uuid primary key default gen_random_uuid(),
  listing_id uuid not null references public.product_listings (id) on delete cascade,
  variant_id uuid references public.product_variants (id) on delete cascade,
  min_quantity integer not null check (min_quantity > 1),
  price_cents bigint not null check (price_cents >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint price_breaks_unique_quantity unique nulls not distinct (listing_id, variant_id, min_quantity)
);
create index price_breaks_variant_id_idx on public.price_breaks (variant_id);

-- The price of a variant for a customer group, in one shop or (shop_id null) in all.
create table public.group_prices (
  id uuid primary key default gen_random_uuid(),
  variant_id uuid not null references public.product_variants (id) on delete cascade,
  customer_group_id uuid not null references public.customer_groups (id) on delete cascade,
  shop_id uuid references public.shops (id) on delete cascade,
  price_cents bigint not null check (price_cents >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint group_prices_unique_price unique nulls not distinct (variant_id, customer_group_id, shop_id)
);
create index group_prices_customer_group_id_idx on public.group_prices (customer_group_id);
create index group_prices_shop_id_idx on public.group_prices (shop_id);

-- A product's name and description in one language.
create table public.product_translations (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.products (id) on delete cascade,
  locale text not null check (locale in ('fr', 'en')),
  name text not null check (length(btrim(name)) between 1 and 300),
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint product_translations_unique_locale unique (product_id, locale)
);

-- A category's name in one language.
create table public.category_translations (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references public.categories (id) on delete cascade,
  locale text not null check (locale in ('fr', 'en')),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint category_translations_unique_locale unique (category_id, locale)
);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.customer_groups, public.categories, public.attribute_definitions, public.products,
  public.product_variants, public.variant_costs, public.product_bundle_items, public.product_media,
  public.product_listings, public.price_breaks, public.group_prices, public.product_translations,
  public.category_translations from anon, authenticated;
grant select, insert, update, delete on public.customer_groups, public.categories, public.attribute_definitions,
  public.products, public.product_variants, public.variant_costs, public.product_bundle_items, public.product_media,
  public.product_listings, public.price_breaks, public.group_prices, public.product_translations,
  public.category_translations to authenticated;
grant all on public.customer_groups, public.categories, public.attribute_definitions, public.products,
  public.product_variants, public.variant_costs, public.product_bundle_items, public.product_media,
  public.product_listings, public.price_breaks, public.group_prices, public.product_translations,
  public.category_translations to service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────
-- The lookups below are security definer: a rule must see every row it depends on, whatever the
-- caller may read.

-- A category and its ancestors, nearest first (bounded, in case a bulk load left a cycle).
create function app.category_chain(category uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  with recursive chain (id, depth) as (
    select category, 0 where category is not null
    union all
    select c.parent_id, chain.depth + 1
      from chain join public.categories c on c.id = chain.id
     where c.parent_id is not null and chain.depth < 100
  )
  select coalesce(array_agg(id order by depth), '{}') from chain
$$;

-- A category and all its descendants.
create function app.category_subtree(category uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  with recursive tree (id, depth) as (
    select category, 0 where category is not null
    union all
    select c.id, tree.depth + 1 from tree join public.categories c on c.parent_id = tree.id where tree.depth < 100
  )
  select coalesce(array_agg(distinct id), '{}') from tree
$$;

-- The attributes that variants of a product in this category carry: the category's and its
-- ancestors', the nearest definition of a code winning.
create function app.category_attributes(category uuid) returns public.attribute_definitions[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(nearest.def order by (nearest.def).position, (nearest.def).code), '{}')
    from (
      select distinct on (d.code) d as def
        from unnest(app.category_chain(category)) with ordinality as chain (id, depth)
        join public.attribute_definitions d on d.category_id = chain.id
       order by d.code, chain.depth
    ) nearest
$$;

-- Why attributes do not fit these definitions (the first problem found), or null when they do.
create function app.attribute_problem(definitions public.attribute_definitions[], attributes jsonb) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  def public.attribute_definitions;
  unknown text;
  value jsonb;
begin
  if jsonb_typeof(attributes) is distinct from 'object' then
    return 'attributes must be a JSON object';
  end if;
  if attributes = '{}' and cardinality(definitions) = 0 then
    return null;
  end if;
  select k into unknown from jsonb_object_keys(attributes) as k
   where not k = any (array(select (d).code from unnest(definitions) d)) order by k limit 1;
  if unknown is not null then
    return format('attribute "%s" is not defined for its category', unknown);
  end if;
  foreach def in array definitions loop
    value := attributes -> def.code;
    if value is null or jsonb_typeof(value) = 'null' then
      if def.required then
        return format('attribute "%s" is required', def.code);
      end if;
      continue;
    end if;
    if def.kind = 'text' and jsonb_typeof(value) <> 'string' then
      return format('attribute "%s" must be text', def.code);
    elsif def.kind = 'number' and jsonb_typeof(value) <> 'number' then
      return format('attribute "%s" must be a number', def.code);
    elsif def.kind = 'boolean' and jsonb_typeof(value) <> 'boolean' then
      return format('attribute "%s" must be true or false', def.code);
    elsif def.kind = 'enum' and (jsonb_typeof(value) <> 'string' or not (value #>> '{}') = any (def.allowed_values)) then
      return format('attribute "%s" must be one of: %s', def.code, array_to_string(def.allowed_values, ', '));
    elsif def.kind = 'colour' and (jsonb_typeof(value) <> 'string' or (value #>> '{}') !~ '^#[0-9A-Fa-f]{6}$') then
      return format('attribute "%s" must be a colour written #RRGGBB', def.code);
    end if;
  end loop;
  return null;
end
$$;

-- The variants of these products (all products when null) that do not fit their category, each
-- category's definitions looked up once. Set-based: also the check after a bulk load.
create function app.catalogue_attribute_problems(product_ids uuid[] default null) returns table (variant_id uuid, sku text, problem text)
language sql stable security definer set search_path = ''
as $$
  with products as (
    select p.id, p.category_id from public.products p where product_ids is null or p.id = any (product_ids)
  ), categories as materialized (
    -- materialized, so that each category's definitions are looked up once, not once per variant
    select c.category_id, app.category_attributes(c.category_id) as definitions
      from (select distinct category_id from products) c
  )
  select v.id, v.sku, problem
    from products p
    join categories c on c.category_id is not distinct from p.category_id
    join public.product_variants v on v.product_id = p.id
    cross join lateral app.attribute_problem(c.definitions, v.attributes) as problem
   where problem is not null
$$;

-- Refuses when a variant of these products no longer fits its product's category: after a change
-- of a product's category, of the category tree, or of attribute definitions.
create function app.assert_variants_fit(product_ids uuid[]) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  misfit record;
begin
  if cardinality(product_ids) = 0 then
    return;
  end if;
  select m.sku, m.problem into misfit from app.catalogue_attribute_problems(product_ids) m order by m.sku limit 1;
  if found then
    raise exception 'variant %: %', misfit.sku, misfit.problem
      using errcode = 'P0001', hint = 'Change the variant''s attributes first, or the attribute definitions of its category.';
  end if;
end
$$;

-- Rules' own lookups, which read past RLS: not for callers.
revoke all on function app.category_chain(uuid), app.category_subtree(uuid), app.category_attributes(uuid),
  app.catalogue_attribute_problems(uuid[]), app.assert_variants_fit(uuid[]) from public;
grant execute on function app.catalogue_attribute_problems(uuid[]) to service_role;

-- A variant's attributes fit its product's category. The share locks make a concurrent change of
-- the product's category, of the tree or of a definition wait for this variant, and the other way round.
create function app.check_variant_attributes() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  category uuid;
  problem text;
begin
  if tg_op = 'UPDATE' and new.product_id <> old.product_id then
    raise exception 'variant % cannot move to another product', new.sku
      using errcode = 'P0001', hint = 'Create a variant of the other product instead.';
  end if;
  select p.category_id into category from public.products p where p.id = new.product_id for share;
  if not found then
    return new;
  end if;
  perform 1 from public.categories c where c.id = any (app.category_chain(category)) order by c.id for share;
  problem := app.attribute_problem(app.category_attributes(category), new.attributes);
  if problem is not null then
    raise exception 'variant %: %', new.sku, problem
      using errcode = 'P0001', hint = 'A variant carries the attributes defined for its product''s category and its parents.';
  end if;
  return new;
end
$$;
revoke all on function app.check_variant_attributes() from public;

create trigger check_attributes before insert or update of attributes, product_id on public.product_variants
  for each row execute function app.check_variant_attributes();

-- A product that changes category keeps variants that fit the new one.
create function app.check_product_category_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform 1 from public.categories c where c.id = any (app.category_chain(new.category_id)) order by c.id for share;
  perform app.assert_variants_fit(array[new.id]);
  return null;
end
$$;
revoke all on function app.check_product_category_change() from public;

create trigger check_variants_fit after update of category_id on public.products
  for each row when (new.category_id is distinct from old.category_id)
  execute function app.check_product_category_change();

-- A category is never its own ancestor. Moves are serialised by an advisory lock, so that two
-- concurrent moves cannot make a cycle together.
create function app.check_category_parent() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.parent_id is null then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtext('public.categories tree'));
  if new.parent_id = new.id or new.id = any (app.category_chain(new.parent_id)) then
    raise exception 'category "%" cannot be placed under "%": a category cannot be its own ancestor',
      new.slug, (select c.slug from public.categories c where c.id = new.parent_id)
      using errcode = 'P0001', hint = 'Choose a parent that is not the category itself or one of its subcategories.';
  end if;
  return new;
end
$$;
revoke all on function app.check_category_parent() from public;

create trigger check_parent before insert or update of parent_id on public.categories
  for each row execute function app.check_category_parent();

-- A category moved elsewhere inherits other attributes: its products' variants must still fit.
create function app.check_category_move() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- a definition being added to the new ancestors waits for this move, or this move for it
  perform 1 from public.categories c where c.id = any (app.category_chain(new.parent_id)) order by c.id for share;
  perform app.assert_variants_fit(array(select p.id from public.products p where p.category_id = any (app.category_subtree(new.id))));
  return null;
end
$$;
revoke all on function app.check_category_move() from public;

create trigger check_variants_fit after update of parent_id on public.categories
  for each row when (new.parent_id is distinct from old.parent_id)
  execute function app.check_category_move();

-- A new, changed or removed attribute definition leaves every variant below its category valid.
-- The category row is locked so that variants being written there wait, and are then checked.
create function app.check_attribute_definition_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  affected uuid[];
begin
  if tg_op <> 'INSERT' then
    affected := app.category_subtree(old.category_id);
  end if;
  if tg_op <> 'DELETE' then
    affected := coalesce(affected, '{}') || app.category_subtree(new.category_id);
  end if;
  perform 1 from public.categories c where c.id = any (affected) order by c.id for update;
  perform app.assert_variants_fit(array(select p.id from public.products p where p.category_id = any (affected)));
  return null;
end
$$;
revoke all on function app.check_attribute_definition_change() from public;

create trigger check_variants_fit after insert or update or delete on public.attribute_definitions
  for each row execute function app.check_attribute_definition_change();

-- Bundles: components belong to bundle products, are variants of other products, and those
-- products are not bundles themselves (so that bundles never nest, nor contain themselves).
-- Both products are share-locked against a concurrent change of is_bundle.
create function app.check_bundle_item() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  bundle public.products;
  component public.products;
  component_sku text;
begin
  select * into bundle from public.products where id = new.bundle_product_id for share;
  select v.sku into component_sku from public.product_variants v where v.id = new.component_variant_id;
  select p.* into component from public.products p
   where p.id = (select v.product_id from public.product_variants v where v.id = new.component_variant_id)
     for share;
  if bundle.id is null or component.id is null then
    return new;
  end if;
  if not bundle.is_bundle then
    raise exception 'product % is not a bundle: only bundles have components', bundle.sku
      using errcode = 'P0001', hint = 'Mark the product as a bundle first.';
  end if;
  if component.id = bundle.id then
    raise exception 'bundle % cannot contain its own variant %', bundle.sku, component_sku
      using errcode = 'P0001', hint = 'A bundle is made of variants of other products.';
  end if;
  if component.is_bundle then
    raise exception 'bundle % cannot contain % of bundle %: bundles do not nest', bundle.sku, component_sku, component.sku
      using errcode = 'P0001', hint = 'Add the other bundle''s components instead.';
  end if;
  return new;
end
$$;
revoke all on function app.check_bundle_item() from public;

create trigger check_bundle_item before insert or update of bundle_product_id, component_variant_id on public.product_bundle_items
  for each row execute function app.check_bundle_item();

-- A product stops being a bundle only without components, and becomes one only when none of its
-- variants is a component of another bundle.
create function app.check_bundle_flag() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not new.is_bundle and exists (select 1 from public.product_bundle_items where bundle_product_id = new.id) then
    raise exception 'product % has bundle components: remove them before it stops being a bundle', new.sku
      using errcode = 'P0001';
  end if;
  if new.is_bundle and exists (
    select 1 from public.product_bundle_items i join public.product_variants v on v.id = i.component_variant_id
     where v.product_id = new.id
  ) then
    raise exception 'product % cannot become a bundle: its variants are components of other bundles', new.sku
      using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.check_bundle_flag() from public;

create trigger check_bundle_flag before update of is_bundle on public.products
  for each row when (new.is_bundle is distinct from old.is_bundle)
  execute function app.check_bundle_flag();

-- A media item of a variant shows a variant of its own product.
create function app.check_media_variant() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  variant public.product_variants;
begin
  select * into variant from public.product_variants where id = new.variant_id;
  if variant.id is not null and variant.product_id <> new.product_id then
    raise exception 'variant % is not a variant of product %', variant.sku, (select sku from public.products where id = new.product_id)
      using errcode = 'P0001', hint = 'A media item shows its product or one of that product''s variants.';
  end if;
  return new;
end
$$;
revoke all on function app.check_media_variant() from public;

create trigger check_variant before insert or update of product_id, variant_id on public.product_media
  for each row execute function app.check_media_variant();

-- A price break for one variant names a variant of the listed product.
create function app.check_price_break_variant() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  listed_product uuid := (select l.product_id from public.product_listings l where l.id = new.listing_id);
  variant public.product_variants;
begin
  select * into variant from public.product_variants where id = new.variant_id;
  if variant.id is not null and listed_product is not null and variant.product_id <> listed_product then
    raise exception 'variant % is not a variant of the listed product %', variant.sku,
      (select sku from public.products where id = listed_product)
      using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.check_price_break_variant() from public;

create trigger check_variant before insert or update of listing_id, variant_id on public.price_breaks
  for each row execute function app.check_price_break_variant();

-- Marketers change copy only.
create trigger limit_columns_for_marketer before update on public.categories
  for each row execute function app.limit_update_columns('marketer', 'name');
create trigger limit_columns_for_marketer before update on public.products
  for each row execute function app.limit_update_columns('marketer', 'name', 'description', 'tags');
create trigger limit_columns_for_marketer before update on public.product_variants
  for each row execute function app.limit_update_columns('marketer', 'position');
create trigger limit_columns_for_marketer before update on public.product_media
  for each row execute function app.limit_update_columns('marketer', 'alt', 'position');
create trigger limit_columns_for_marketer before update on public.product_listings
  for each row execute function app.limit_update_columns('marketer', 'title', 'description', 'visible', 'position');
create trigger limit_columns_for_marketer before update on public.product_translations
  for each row execute function app.limit_update_columns('marketer', 'name', 'description');
create trigger limit_columns_for_marketer before update on public.category_translations
  for each row execute function app.limit_update_columns('marketer', 'name');

create trigger touch_updated_at before update on public.customer_groups for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.categories for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.attribute_definitions for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.products for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.product_variants for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.variant_costs for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.product_bundle_items for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.product_media for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.product_listings for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.price_breaks for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.group_prices for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.product_translations for each row execute function app.touch_updated_at();
create trigger touch_updated_at before update on public.category_translations for each row execute function app.touch_updated_at();

select app.audit_table('public.customer_groups');
select app.audit_table('public.categories');
select app.audit_table('public.attribute_definitions');
select app.audit_table('public.products');
select app.audit_table('public.product_variants');
select app.audit_table('public.variant_costs');
select app.audit_table('public.product_bundle_items');
select app.audit_table('public.product_media');
select app.audit_table('public.product_listings');
select app.audit_table('public.price_breaks');
select app.audit_table('public.group_prices');
select app.audit_table('public.product_translations');
select app.audit_table('public.category_translations');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.customer_groups enable row level security;
alter table public.categories enable row level security;
alter table public.attribute_definitions enable row level security;
alter table public.products enable row level security;
alter table public.product_variants enable row level security;
alter table public.variant_costs enable row level security;
alter table public.product_bundle_items enable row level security;
alter table public.product_media enable row level security;
alter table public.product_listings enable row level security;
alter table public.price_breaks enable row level security;
alter table public.group_prices enable row level security;
alter table public.product_translations enable row level security;
alter table public.category_translations enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────
-- The shared catalogue: read by admins, staff and marketers; written by admins and staff.

create policy "Catalogue editors see customer groups" on public.customer_groups
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff create customer groups" on public.customer_groups
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff edit customer groups" on public.customer_groups
  for update to authenticated using ((select app.is_staff())) with check ((select app.is_staff()));
create policy "Admins delete customer groups" on public.customer_groups
  for delete to authenticated using ((select app.is_admin()));

create policy "Catalogue editors see categories" on public.categories
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff create categories" on public.categories
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff edit categories, and marketers their names" on public.categories
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Admins delete categories" on public.categories
  for delete to authenticated using ((select app.is_admin()));

create policy "Catalogue editors see attribute definitions" on public.attribute_definitions
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff define attributes" on public.attribute_definitions
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff edit attribute definitions" on public.attribute_definitions
  for update to authenticated using ((select app.is_staff())) with check ((select app.is_staff()));
create policy "Staff remove attribute definitions" on public.attribute_definitions
  for delete to authenticated using ((select app.is_staff()));

create policy "Catalogue editors see products" on public.products
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff create products" on public.products
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff edit products, and marketers their copy" on public.products
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Admins delete products" on public.products
  for delete to authenticated using ((select app.is_admin()));

create policy "Catalogue editors see variants" on public.product_variants
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff create variants" on public.product_variants
  for insert to authenticated with check ((select app.is_staff()));
-- Marketers pass this policy, and the column limit then refuses prices, SKUs and stock settings.
create policy "Staff edit variants, and marketers their order" on public.product_variants
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Staff delete variants" on public.product_variants
  for delete to authenticated using ((select app.is_staff()));

create policy "Staff see variant costs" on public.variant_costs
  for select to authenticated using ((select app.is_staff()));
create policy "Staff record variant costs" on public.variant_costs
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff change variant costs" on public.variant_costs
  for update to authenticated using ((select app.is_staff())) with check ((select app.is_staff()));
create policy "Staff delete variant costs" on public.variant_costs
  for delete to authenticated using ((select app.is_staff()));

create policy "Catalogue editors see bundle components" on public.product_bundle_items
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff add bundle components" on public.product_bundle_items
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff change bundle components" on public.product_bundle_items
  for update to authenticated using ((select app.is_staff())) with check ((select app.is_staff()));
create policy "Staff remove bundle components" on public.product_bundle_items
  for delete to authenticated using ((select app.is_staff()));

create policy "Catalogue editors see product media" on public.product_media
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Staff add product media" on public.product_media
  for insert to authenticated with check ((select app.is_staff()));
create policy "Staff edit product media, and marketers alt texts and order" on public.product_media
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Staff remove product media" on public.product_media
  for delete to authenticated using ((select app.is_staff()));

create policy "Catalogue editors see group prices" on public.group_prices
  for select to authenticated using ((select app.is_catalogue_editor()));
-- A price for every shop is the catalogue's (any staff); a price for one shop is that shop's staff's.
create policy "Staff set group prices of their shops or of all shops" on public.group_prices
  for insert to authenticated
  with check ((select app.is_staff()) and (shop_id is null or shop_id = any ((select app.staff_shop_ids())::uuid[])));
create policy "Staff change group prices of their shops or of all shops" on public.group_prices
  for update to authenticated
  using ((select app.is_staff()) and (shop_id is null or shop_id = any ((select app.staff_shop_ids())::uuid[])))
  with check ((select app.is_staff()) and (shop_id is null or shop_id = any ((select app.staff_shop_ids())::uuid[])));
create policy "Staff delete group prices of their shops or of all shops" on public.group_prices
  for delete to authenticated
  using ((select app.is_staff()) and (shop_id is null or shop_id = any ((select app.staff_shop_ids())::uuid[])));

create policy "Catalogue editors see product translations" on public.product_translations
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Catalogue editors translate products" on public.product_translations
  for insert to authenticated with check ((select app.is_catalogue_editor()));
create policy "Catalogue editors edit product translations" on public.product_translations
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Catalogue editors delete product translations" on public.product_translations
  for delete to authenticated using ((select app.is_catalogue_editor()));

create policy "Catalogue editors see category translations" on public.category_translations
  for select to authenticated using ((select app.is_catalogue_editor()));
create policy "Catalogue editors translate categories" on public.category_translations
  for insert to authenticated with check ((select app.is_catalogue_editor()));
create policy "Catalogue editors edit category translations" on public.category_translations
  for update to authenticated using ((select app.is_catalogue_editor())) with check ((select app.is_catalogue_editor()));
create policy "Catalogue editors delete category translations" on public.category_translations
  for delete to authenticated using ((select app.is_catalogue_editor()));

-- Listings and their price breaks belong to a shop: its staff manage them, and its marketers
-- (who also see them) edit a listing's copy and visibility, never its price.

create policy "Staff and marketers see their shops' listings" on public.product_listings
  for select to authenticated using (shop_id = any ((select app.marketing_shop_ids())::uuid[]));
create policy "Staff list products in their shops" on public.product_listings
  for insert to authenticated with check (shop_id = any ((select app.staff_shop_ids())::uuid[]));
create policy "Staff edit their shops' listings, and marketers their copy" on public.product_listings
  for update to authenticated
  using (shop_id = any ((select app.marketing_shop_ids())::uuid[]))
  with check (shop_id = any ((select app.marketing_shop_ids())::uuid[]));
create policy "Staff remove listings from their shops" on public.product_listings
  for delete to authenticated using (shop_id = any ((select app.staff_shop_ids())::uuid[]));

create policy "Staff and marketers see their shops' price breaks" on public.price_breaks
  for select to authenticated
  using (listing_id in (select l.id from public.product_listings l where l.shop_id = any ((select app.marketing_shop_ids())::uuid[])));
create policy "Staff set price breaks in their shops" on public.price_breaks
  for insert to authenticated
  with check (listing_id in (select l.id from public.product_listings l where l.shop_id = any ((select app.staff_shop_ids())::uuid[])));
create policy "Staff change price breaks in their shops" on public.price_breaks
  for update to authenticated
  using (listing_id in (select l.id from public.product_listings l where l.shop_id = any ((select app.staff_shop_ids())::uuid[])))
  with check (listing_id in (select l.id from public.product_listings l where l.shop_id = any ((select app.staff_shop_ids())::uuid[])));
create policy "Staff delete price breaks in their shops" on public.price_breaks
  for delete to authenticated
  using (listing_id in (select l.id from public.product_listings l where l.shop_id = any ((select app.staff_shop_ids())::uuid[])));
