// Returns, refunds and store credit for tests of any domain, inserted as the database owner.
import { insertRow } from '../world.ts';

type Row = Record<string, any>;

/** A return request of a placed order (status requested). */
export function makeReturn(orderId: string, overrides: Row = {}): Promise<Row> {
  return insertRow('return_requests', { order_id: orderId, reason: 'Too small', ...overrides });
}

export function makeReturnItem(returnId: string, orderItemId: string, quantity = 1, overrides: Row = {}): Promise<Row> {
  return insertRow('return_items', { return_id: returnId, order_item_id: orderItemId, quantity, ...overrides });
}

export function makeRefund(orderId: string, amountCents: number, overrides: Row = {}): Promise<Row> {
  return insertRow('refunds', { order_id: orderId, method: 'original_payment', amount_cents: amountCents, ...overrides });
}

export function makeStoreCredit(customerId: string, shopId: string, amountCents: number, overrides: Row = {}): Promise<Row> {
  return insertRow('store_credit_entries', { customer_id: customerId, shop_id: shopId, amount_cents: amountCents, reason: 'Goodwill', ...overrides });
}
