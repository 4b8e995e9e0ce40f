-- Catalogue: one select policy per table for products, variants and media, editors first:
-- catalogue editors (admins, staff, marketers) read everything; a supplier reads the products and
-- variants it supplies and those products' media (not other variants' media), as before.
--
-- Why: the supplier rule was a second permissive policy, `id in (select unnest((select
-- app.supplied_product_ids())))`, which Postgres put before the editors' flag. Every statement
-- then built the caller's id list in plpgsql (DISTINCT, array_agg, unnest, then a hash) once per
-- scan of products and once more for variants, for everyone (empty for editors). Now:
--   - the editors' flag comes first in the one expression, so editors never reach the rest;
--   - products: a hash of the caller's supplier_products rows read straight from the index
--     (supplier_id, product_id), built only for suppliers;
--   - variants and media: an EXISTS, one index probe per row (a page embeds a few variants).
-- The subqueries run as the caller, under supplier_products' own policy, and read the rows that
-- app.supplied_product_ids() and app.supplied_variant_ids() read (those stay, unused by policies),
-- so every role reads exactly what it read before.

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

drop policy "Catalogue editors see products" on public.products;
drop policy "Suppliers see the products they supply" on public.products;
create policy "Catalogue editors see products, and suppliers those they supply" on public.products
  for select to authenticated
  using (
    (select app.is_catalogue_editor())
    or id in (select sp.product_id from public.supplier_products sp where sp.supplier_id = any ((select app.supplier_ids())::uuid[]))
  );

drop policy "Catalogue editors see variants" on public.product_variants;
drop policy "Suppliers see the products they supply" on public.product_variants;
create policy "Catalogue editors see variants, and suppliers those they supply" on public.product_variants
  for select to authenticated
  using (
    (select app.is_catalogue_editor())
    or exists (select 1 from public.supplier_products sp
                where sp.variant_id = product_variants.id and sp.supplier_id = any ((select app.supplier_ids())::uuid[]))
  );

-- A supplier reads the media of the products it supplies, but not those of their other variants.
drop policy "Catalogue editors see product media" on public.product_media;
drop policy "Suppliers see the products they supply" on public.product_media;
create policy "Catalogue editors see media, and suppliers that of what they supply" on public.product_media
  for select to authenticated
  using (
    (select app.is_catalogue_editor())
    or (exists (select 1 from public.supplier_products sp
                 where sp.product_id = product_media.product_id and sp.supplier_id = any ((select app.supplier_ids())::uuid[]))
        and (variant_id is null
             or exists (select 1 from public.supplier_products sp
                         where sp.variant_id = product_media.variant_id and sp.supplier_id = any ((select app.supplier_ids())::uuid[]))))
  );
