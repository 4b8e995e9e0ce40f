-- The storage bucket product photos go to (product_media.storage_path names an object in it).
-- Public, like a shop's images are: anyone with the URL may read an object; only catalogue
-- editors (admin, staff, marketer) may add, replace or remove one.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('product-media', 'product-media', true, 10 * 1024 * 1024, '{image/png,image/jpeg,image/webp,image/gif,image/avif}')
on conflict (id) do nothing;

create policy "Catalogue editors add product photos" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'product-media' and (select app.is_catalogue_editor()));

create policy "Catalogue editors replace product photos" on storage.objects
  for update to authenticated
  using (bucket_id = 'product-media' and (select app.is_catalogue_editor()))
  with check (bucket_id = 'product-media' and (select app.is_catalogue_editor()));

create policy "Catalogue editors remove product photos" on storage.objects
  for delete to authenticated
  using (bucket_id = 'product-media' and (select app.is_catalogue_editor()));

-- Listing and signed URLs go through select; the public URL does not need it.
create policy "Members see product photos" on storage.objects
  for select to authenticated
  using (bucket_id = 'product-media');
