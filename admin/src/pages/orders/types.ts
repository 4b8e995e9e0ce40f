// The rows the order detail page reads (columns of the orders, billing, customers and conversations migrations).

export interface OrderRow {
  id: string;
  number: string;
  status: string;
  channel: string;
  channel_reference: string | null;
  currency: string;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  tax_cents: number;
  total_cents: number;
  delivery_date: string | null;
  notes: string | null;
  placed_at: string | null;
  created_at: string;
  shops: { id: string; name: string; code: string } | null;
  warehouses: { id: string; name: string } | null;
  customers: CustomerRow | null;
}

export interface CustomerRow {
  id: string;
  display_name: string;
  email: string | null;
  orders_count: number;
  total_spent_cents: number;
  average_basket_cents: number;
  segment: string | null;
  first_order_at: string | null;
  last_order_at: string | null;
  loyalty_points: number;
}

export interface ItemRow {
  id: string;
  variant_id: string;
  product_name: string;
  sku: string;
  quantity: number;
  unit_price_cents: number;
  discount_cents: number;
  tax_rate_bp: number;
  line_total_cents: number;
}

export interface PaymentRow {
  id: string;
  method: string;
  status: string;
  amount_cents: number;
  currency: string;
  provider_reference: string | null;
  paid_at: string | null;
  created_at: string;
}

export interface InvoiceRow {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  total_cents: number;
  currency: string;
  issued_at: string | null;
}

export interface HistoryRow {
  id: number;
  from_status: string | null;
  to_status: string;
  changed_at: string;
  note: string | null;
  profiles: { display_name: string } | null;
}

export interface MessageRow {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  body: string | null;
  attachments: unknown[];
  sent_at: string;
}

export interface ConversationRow {
  id: string;
  channel: string;
  subject: string | null;
  status: string;
  messages: MessageRow[];
}

export interface PreviousOrder {
  id: string;
  number: string;
  status: string;
  placed_at: string | null;
  total_cents: number;
  currency: string;
}

export interface OrderDetail {
  order: OrderRow;
  items: ItemRow[];
  payments: PaymentRow[];
  invoices: InvoiceRow[];
  history: HistoryRow[];
  conversations: ConversationRow[];
  previousOrders: PreviousOrder[];
}
