// Every request the supplier portal sends, in one place: what it reads and the only changes it
// makes. They take the client as a parameter so tests send exactly these through supabase-js as
// supplier users. The database (RLS, column limits, status workflow) is what restricts them; the
// explicit supplier filter only keeps a staff member who opens the page from seeing every supplier.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<any, any, any>;

export const SUPPLIER_COLUMNS =
  'id, name, legal_name, email, phone, website, currency, minimum_order_cents, lead_time_days, fulfilment_type, status';

// product_variants reaches products twice (its product, and bundle items): name the foreign key.
export const SUPPLIER_PRODUCT_COLUMNS =
  'id, supplier_id, supplier_sku, cost_cents, currency, stock_quantity, lead_time_days, is_preferred, updated_at, '
  + 'variant:product_variants(id, sku, attributes, product:products!product_variants_product_id_fkey(id, name, sku))';

export const SUPPLIER_ORDER_COLUMNS =
  'id, supplier_id, number, kind, status, currency, tracking_number, carrier, expected_at, shipped_at, total_cost_cents, created_at, '
  + 'items:supplier_order_items(id, quantity, unit_cost_cents, received_quantity, supplier_product:supplier_products(supplier_sku))';

/** What a supplier may set on its products (trigger limit_columns_for_supplier). */
export const PRODUCT_EDITABLE = ['stock_quantity', 'cost_cents'] as const;

export interface SupplierRow {
  id: string;
  name: string;
  legal_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  currency: string;
  minimum_order_cents: number;
  lead_time_days: number;
  fulfilment_type: 'dropship' | 'restock' | 'both';
  status: 'active' | 'paused';
}

export interface SupplierProductRow {
  id: string;
  supplier_id: string;
  supplier_sku: string;
  cost_cents: number;
  currency: string;
  stock_quantity: number;
  lead_time_days: number | null;
  is_preferred: boolean;
  updated_at: string;
  variant: { id: string; sku: string; attributes: Record<string, unknown>; product: { id: string; name: string; sku: string } | null } | null;
}

export type SupplierOrderStatus = 'draft' | 'sent' | 'confirmed' | 'shipped' | 'received' | 'cancelled';

export interface SupplierOrderRow {
  id: string;
  supplier_id: string;
  number: string;
  kind: 'restock' | 'dropship';
  status: SupplierOrderStatus;
  currency: string;
  tracking_number: string | null;
  carrier: string | null;
  expected_at: string | null;
  shipped_at: string | null;
  total_cost_cents: number;
  created_at: string;
  items: Array<{ id: string; quantity: number; unit_cost_cents: number; received_quantity: number; supplier_product: { supplier_sku: string } | null }>;
}

export interface Page<T> {
  rows: T[];
  total: number;
}

/** A change the database refused, or a row it did not let the user reach (RLS: no row, no error). */
export type Refusal = Pick<PostgrestError, 'code' | 'message'> & { hint?: string | null; details?: string | null };
export type Saved<T> = { ok: true; row: T } | { ok: false; error: Refusal };

export const NOT_FOUND: Refusal = { code: 'not_found', message: 'no such row, or not yours' };

function throwIfError(error: PostgrestError | null): void {
  if (error) throw Object.assign(new Error(error.message), { code: error.code, hint: error.hint });
}

export async function loadSuppliers(client: Client, supplierIds: string[]): Promise<SupplierRow[]> {
  const { data, error } = await client.from('suppliers').select(SUPPLIER_COLUMNS).in('id', supplierIds).order('name');
  throwIfError(error);
  return (data ?? []) as unknown as SupplierRow[];
}

/** One page of the suppliers' products, by supplier SKU; `search` matches the SKU (case-insensitive). */
export async function loadSupplierProducts(client: Client, supplierIds: string[], page: { offset: number; size: number; search?: string })
  : Promise<Page<SupplierProductRow>> {
  const query = client.from('supplier_products').select(SUPPLIER_PRODUCT_COLUMNS, { count: 'exact' }).in('supplier_id', supplierIds);
  if (page.search?.trim()) query.ilike('supplier_sku', `%${page.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const { data, error, count } = await query.order('supplier_sku').order('id').range(page.offset, page.offset + page.size - 1);
  throwIfError(error);
  return { rows: (data ?? []) as unknown as SupplierProductRow[], total: count ?? 0 };
}

/** One page of the suppliers' orders, newest first. */
export async function loadSupplierOrders(client: Client, supplierIds: string[], page: { offset: number; size: number })
  : Promise<Page<SupplierOrderRow>> {
  const { data, error, count } = await client.from('supplier_orders').select(SUPPLIER_ORDER_COLUMNS, { count: 'exact' })
    .in('supplier_id', supplierIds).order('created_at', { ascending: false }).order('id').range(page.offset, page.offset + page.size - 1);
  throwIfError(error);
  return { rows: (data ?? []) as unknown as SupplierOrderRow[], total: count ?? 0 };
}

async function saved<T>(request: PromiseLike<{ data: unknown; error: PostgrestError | null }>): Promise<Saved<T>> {
  const { data, error } = await request;
  if (error) return { ok: false, error: { code: error.code, message: error.message, hint: error.hint, details: error.details } };
  const rows = (data ?? []) as T[];
  return rows.length === 1 ? { ok: true, row: rows[0] } : { ok: false, error: NOT_FOUND };
}

export type ProductChange = Partial<Pick<SupplierProductRow, (typeof PRODUCT_EDITABLE)[number]>>;

/** Sets a product's declared stock or cost; returns the row as stored. */
export function updateSupplierProduct(client: Client, id: string, change: ProductChange): Promise<Saved<Pick<SupplierProductRow, 'id' | 'stock_quantity' | 'cost_cents' | 'updated_at'>>> {
  return saved(client.from('supplier_products').update(change).eq('id', id).select('id, stock_quantity, cost_cents, updated_at'));
}

export interface OrderChange {
  tracking_number?: string | null;
  status?: 'confirmed' | 'shipped';
}

/** Sets an order's tracking number (empty clears it), or confirms or ships it; returns what changed as stored. */
export function updateSupplierOrder(client: Client, id: string, change: OrderChange): Promise<Saved<Pick<SupplierOrderRow, 'id' | 'status' | 'tracking_number' | 'shipped_at'>>> {
  const patch: OrderChange = { ...change };
  if ('tracking_number' in patch) patch.tracking_number = patch.tracking_number?.trim() || null;
  return saved(client.from('supplier_orders').update(patch).eq('id', id).select('id, status, tracking_number, shipped_at'));
}

/** The steps a supplier may take from a status (trigger check_supplier_order_status). */
export function nextSupplierSteps(status: SupplierOrderStatus): Array<'confirmed' | 'shipped'> {
  if (status === 'sent') return ['confirmed', 'shipped'];
  if (status === 'confirmed') return ['shipped'];
  return [];
}
