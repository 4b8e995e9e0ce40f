// Everything the order detail shows, read through supabase-js as the signed-in user: the order with
// its shop, warehouse and customer, then its items, payments, invoices, history and conversations,
// and the customer's other orders, in parallel.
import { supabase } from '../../supabase.ts';
import type { ConversationRow, HistoryRow, InvoiceRow, ItemRow, OrderDetail, OrderRow, PaymentRow, PreviousOrder } from './types.ts';

const ORDER = `id, number, status, channel, channel_reference, currency, subtotal_cents, discount_cents, shipping_cents, tax_cents,
  total_cents, delivery_date, notes, placed_at, created_at,
  shops!orders_shop_id_fkey(id, name, code), warehouses!orders_warehouse_id_fkey(id, name),
  customers!orders_customer_id_fkey(id, display_name, email, orders_count, total_spent_cents, average_basket_cents, segment,
    first_order_at, last_order_at, loyalty_points)`;

function rows<T>(reply: { data: unknown; error: { message: string } | null }): T {
  if (reply.error) throw new Error(reply.error.message);
  return reply.data as T;
}

/** The order and what hangs on it, or null when the user cannot see such an order. */
export async function fetchOrderDetail(id: string): Promise<OrderDetail | null> {
  const order = rows<OrderRow | null>(await supabase.from('orders').select(ORDER).eq('id', id).maybeSingle());
  if (!order) return null;
  const [items, payments, invoices, history, conversations, previousOrders] = await Promise.all([
    supabase.from('order_items').select('id, variant_id, product_name, sku, quantity, unit_price_cents, discount_cents, tax_rate_bp, line_total_cents')
      .eq('order_id', id).order('created_at').order('id').then((r) => rows<ItemRow[]>(r)),
    supabase.from('payments').select('id, method, status, amount_cents, currency, provider_reference, paid_at, created_at')
      .eq('order_id', id).order('created_at').then((r) => rows<PaymentRow[]>(r)),
    supabase.from('invoices').select('id, kind, number, status, total_cents, currency, issued_at')
      .eq('order_id', id).order('created_at').then((r) => rows<InvoiceRow[]>(r)),
    supabase.from('order_status_history').select('id, from_status, to_status, changed_at, note, profiles!order_status_history_changed_by_fkey(display_name)')
      .eq('order_id', id).order('changed_at').order('id').then((r) => rows<HistoryRow[]>(r)),
    supabase.from('conversations').select('id, channel, subject, status, messages(id, direction, body, attachments, sent_at)')
      .eq('order_id', id).order('created_at').order('sent_at', { referencedTable: 'messages' }).then((r) => rows<ConversationRow[]>(r)),
    order.customers
      ? supabase.from('orders').select('id, number, status, placed_at, total_cents, currency').eq('customer_id', order.customers.id).neq('id', id)
        .order('placed_at', { ascending: false, nullsFirst: false }).limit(5).then((r) => rows<PreviousOrder[]>(r))
      : Promise.resolve([] as PreviousOrder[]),
  ]);
  return { order, items, payments, invoices, history, conversations, previousOrders };
}
