-- Billing: invoice_order numbers the item lines of a draft 1, 2, 3… in the order's item order.
-- It numbered discounted and undiscounted items separately, so an order with both gave two lines
-- at position 1. Shipping and the order's discount stay at 10000 and 10001, after every item.

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

-- Drafts the invoice of an order: one line per item (a discounted item as one line of its net
-- total), shipping and the order's discount as lines of their own, labelled in the shop's locale.
-- Returns the draft's id.
create or replace function public.invoice_order(order_id uuid) returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  source public.orders;
  shop_locale text;
  draft_id uuid;
begin
  select * into source from public.orders where id = invoice_order.order_id;
  if source.id is null then
    raise exception 'there is no order % that you work on', order_id using errcode = '42501';
  end if;
  if source.status in ('draft', 'cancelled') then
    raise exception 'order % is %: only placed orders are invoiced', source.number, source.status using errcode = 'P0001';
  end if;
  select s.locale into shop_locale from public.shops s where s.id = source.shop_id;
  insert into public.invoices (shop_id, order_id, customer_id, kind, currency)
  values (source.shop_id, source.id, source.customer_id, 'invoice', source.currency)
  returning id into draft_id;
  insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
  select draft_id, row_number() over (order by it.created_at, it.id), format('%s (%s)', it.product_name, it.sku),
         case when it.discount_cents > 0 then 1 else it.quantity end,
         case when it.discount_cents > 0 then it.line_total_cents else it.unit_price_cents end,
         it.tax_rate_bp
    from public.order_items it
   where it.order_id = source.id and it.quantity > 0;
  if source.shipping_cents > 0 then
    insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
    values (draft_id, 10000, case shop_locale when 'en' then 'Shipping' else 'Livraison' end, 1, source.shipping_cents, 2000);
  end if;
  if source.discount_cents > 0 then
    insert into public.invoice_lines (invoice_id, position, description, quantity, unit_price_cents, tax_rate_bp)
    values (draft_id, 10001, case shop_locale when 'en' then 'Discount' else 'Remise' end, 1, -source.discount_cents, 2000);
  end if;
  return draft_id;
end
$$;
revoke all on function public.invoice_order(uuid) from public;
grant execute on function public.invoice_order(uuid) to authenticated, service_role;
