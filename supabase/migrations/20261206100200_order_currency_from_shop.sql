-- Orders: an order's currency defaults to its shop's, not to 'EUR'. A column default cannot read
-- another table, so the column loses its default and the new-order trigger fills it from the shop
-- when the caller sent none; a currency the caller sends is kept (a marketplace sale may be paid
-- in another one). create_order no longer puts 'EUR' in for a header without one.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

alter table public.orders alter column currency drop default;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Orders start as drafts (sales being taken by phone or chat) or pending; the number is the
-- shop's next; the currency, unless given, the shop's; totals start from no items.
create or replace function app.prepare_new_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status not in ('draft', 'pending') then
    raise exception 'a new order must be draft or pending, not %', new.status
      using errcode = 'P0001', hint = 'Create it, then move it along the workflow.';
  end if;
  -- 'EUR' only for a shop that does not exist, so that the foreign key names the real problem.
  new.currency := coalesce(new.currency, (select s.currency from public.shops s where s.id = new.shop_id), 'EUR');
  new.number := app.next_document_number(new.shop_id, 'order', extract(year from now())::integer);
  new.subtotal_cents := 0;
  new.tax_cents := 0;
  new.total_cents := new.shipping_cents - new.discount_cents;
  new.placed_at := case when new.status = 'pending' then now() end;
  if new.status = 'pending' and new.warehouse_id is null then
    raise exception 'order % needs a warehouse to take stock from before it is placed', new.number using errcode = 'P0001';
  end if;
  return new;
end
$$;
revoke all on function app.prepare_new_order() from public;

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

-- Takes an order in one transaction: the order and its items, so that an order refused for want
-- of stock leaves nothing behind. `header` holds the orders columns a caller may set (status
-- defaults to pending, currency to the shop's), `items` an array of {variant_id, quantity,
-- unit_price_cents?, discount_cents?, tax_rate_bp?}. Runs as the caller: the policies and column
-- grants apply.
create or replace function public.create_order(header jsonb, items jsonb default '[]') returns public.orders
language plpgsql security invoker set search_path = ''
as $$
declare
  created public.orders;
begin
  if jsonb_typeof(items) is distinct from 'array' then
    raise exception 'items must be an array of {variant_id, quantity}' using errcode = '22023';
  end if;
  insert into public.orders (shop_id, customer_id, channel, channel_reference, status, currency, discount_cents,
                             shipping_cents, warehouse_id, delivery_date, notes)
  select h.shop_id, h.customer_id, coalesce(h.channel, 'web'), h.channel_reference, coalesce(h.status, 'pending'),
         h.currency, coalesce(h.discount_cents, 0), coalesce(h.shipping_cents, 0), h.warehouse_id,
         h.delivery_date, h.notes
    from jsonb_populate_record(null::public.orders, header) h
  returning * into created;
  insert into public.order_items (order_id, variant_id, quantity, unit_price_cents, discount_cents, tax_rate_bp)
  select created.id, i.variant_id, i.quantity, i.unit_price_cents, coalesce(i.discount_cents, 0), coalesce(i.tax_rate_bp, 2000)
    from jsonb_populate_recordset(null::public.order_items, items) with ordinality as i
   order by i.ordinality;
  select * into created from public.orders where id = created.id;
  return created;
end
$$;
revoke all on function public.create_order(jsonb, jsonb) from public;
grant execute on function public.create_order(jsonb, jsonb) to authenticated, service_role;
