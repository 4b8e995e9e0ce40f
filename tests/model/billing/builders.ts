// Payments, invoices and their lines for tests of any domain, inserted as the database owner.
import { sql } from '../../helpers/env.ts';
import { insertRow } from '../world.ts';

type Row = Record<string, any>;

/** A payment of an order (pending, by card, unless overrides say otherwise). */
export function makePayment(orderId: string, amountCents: number, overrides: Row = {}): Promise<Row> {
  return insertRow('payments', { order_id: orderId, method: 'stripe', amount_cents: amountCents, ...overrides });
}

/** A draft invoice (or quote, or credit note with corrects_invoice_id) of a shop, with lines. */
export async function makeInvoice(shopId: string, overrides: Row = {}, lines: Row[] = [{ description: 'Service', quantity: 1, unit_price_cents: 1200 }]): Promise<Row> {
  const invoice = await insertRow('invoices', { shop_id: shopId, kind: 'invoice', ...overrides });
  for (const line of lines) await insertRow('invoice_lines', { invoice_id: invoice.id, ...line });
  const [fresh] = await sql(`select * from public.invoices where id = $1`, [invoice.id]);
  return fresh;
}

/** Issues a draft as the owner (its number and issued_at come from the database). */
export async function issue(invoiceId: string): Promise<Row> {
  const [issued] = await sql(`update public.invoices set status = 'issued' where id = $1 returning *`, [invoiceId]);
  return issued;
}

export function makeInvoiceLine(invoiceId: string, overrides: Row = {}): Promise<Row> {
  return insertRow('invoice_lines', { invoice_id: invoiceId, description: 'Line', quantity: 1, unit_price_cents: 500, ...overrides });
}
