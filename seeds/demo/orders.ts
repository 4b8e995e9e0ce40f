// Orders in every status, in every shop, on every channel, taken the way staff take them: the
// order and its items through create_order, then one status update per step of the workflow, so
// that numbers, totals, stock movements, history and customer stats come from the database's rules.
import type { Demo, Row } from './context.ts';
import { PRODUCTS } from './data/catalogue.ts';
import type { ShopKey } from './data/shops.ts';

export const STATUSES = ['draft', 'pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
const FORWARD: Status[] = ['pending', 'confirmed', 'preparing', 'ready', 'delivered', 'paid'];

const ORDERS_PER_SHOP: Record<ShopKey, number> = { patisserie: 22, fleurs: 18, cave: 16, epicerie: 14, larder: 10 };

const CHANNELS: Record<ShopKey, Array<[string, number]>> = {
  patisserie: [['web', 4], ['pos', 2], ['phone', 2], ['whatsapp', 2], ['instagram', 1]],
  fleurs: [['web', 3], ['phone', 2], ['whatsapp', 3], ['instagram', 2]],
  cave: [['web', 5], ['email', 2], ['phone', 1]],
  epicerie: [['web', 4], ['pos', 2], ['instagram', 1]],
  larder: [['web', 6], ['email', 1]],
};

/** How long ago (days) an order in this status was placed: fresh ones are still in the pipeline. */
const AGE: Record<Status, [number, number]> = {
  draft: [0, 0], pending: [0, 1], confirmed: [0, 2], preparing: [0, 2], ready: [0, 3], delivered: [2, 12], paid: [4, 150], cancelled: [1, 60],
};

export interface PlannedOrder {
  shop: ShopKey;
  status: Status;
  daysAgo: number;
  hour: number;
  minute: number;
  channel: string;
  customer?: Row;
  items: Array<{ sku: string; quantity: number }>;
  /** Which step a cancelled order was cancelled from. */
  cancelledFrom?: Status;
  name?: string;
  discountPercent?: number;
  dropship?: boolean;
}

/** The plan: deterministic, then sorted oldest first so that order numbers follow the dates. */
export function planOrders(demo: Demo): PlannedOrder[] {
  const rng = demo.rng;
  const remaining = new Map<string, number>(PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as [string, number])));
  const plan: PlannedOrder[] = [];
  for (const [shop, count] of Object.entries(ORDERS_PER_SHOP) as Array<[ShopKey, number]>) {
    const sellable = PRODUCTS.filter((p) => p.shops.includes(shop)).flatMap((p) => p.variants.map((v) => ({ sku: v.sku, backorder: p.category === 'viennoiseries' })));
    const customers = demo.customers.filter((c) => c.data.home === shop && !c.duplicate);
    for (let i = 0; i < count; i++) {
      // Every status in every shop first, then mostly orders that went all the way.
      const status: Status = i < STATUSES.length ? STATUSES[(i + 1) % STATUSES.length]
        : rng.pickWeighted<Status>([['paid', 6], ['delivered', 2], ['confirmed', 1], ['preparing', 1], ['cancelled', 1]]);
      const channel = rng.pickWeighted(CHANNELS[shop]);
      const regulars = customers.slice(0, 3);
      const customer = channel === 'pos' && rng.chance(0.5) ? undefined
        : rng.chance(0.4) ? rng.pick(regulars) : rng.pick(customers);
      const items: PlannedOrder['items'] = [];
      for (let n = rng.int(1, 3); items.length < n;) {
        const candidate = rng.pick(sellable);
        const quantity = candidate.sku === 'pl-croissant' || candidate.sku === 'pl-pain-chocolat' ? rng.int(2, 12) : rng.int(1, 2);
        if (items.some((it) => it.sku === candidate.sku)) continue;
        if (!candidate.backorder && (remaining.get(candidate.sku) ?? 0) - quantity < 8) { n--; continue; }
        remaining.set(candidate.sku, (remaining.get(candidate.sku) ?? 0) - quantity);
        items.push({ sku: candidate.sku, quantity });
      }
      if (items.length === 0) items.push({ sku: sellable.find((s) => s.backorder)?.sku ?? sellable[0].sku, quantity: 1 });
      plan.push({
        shop, status, channel, customer, items,
        daysAgo: rng.int(...AGE[status]), hour: rng.int(8, 19), minute: rng.int(0, 59),
        cancelledFrom: status === 'cancelled' ? rng.pick<Status>(['pending', 'confirmed']) : undefined,
        discountPercent: rng.chance(0.15) ? 10 : undefined,
      });
    }
  }
  // Named orders other steps refer to.
  const named = (shop: ShopKey, status: Status, name: string, channel: string, customer: number, items: PlannedOrder['items'], daysAgo?: number) => {
    const found = plan.find((o) => o.shop === shop && o.status === status && !o.name);
    if (found) Object.assign(found, { name, channel, customer: demo.customers[customer], items, daysAgo: daysAgo ?? found.daysAgo });
  };
  named('cave', 'paid', 'returned', 'web', 39, [{ sku: 'cv-saint-emilion-75', quantity: 3 }, { sku: 'cv-chateauneuf-75', quantity: 1 }], 6);
  named('patisserie', 'paid', 'whatsapp-cake', 'whatsapp', 0, [{ sku: 'pl-paris-brest-8', quantity: 1 }], 30);
  named('fleurs', 'paid', 'instagram-bouquet', 'instagram', 10, [{ sku: 'af-pivoines-m', quantity: 1 }], 15);
  named('larder', 'paid', 'email-hamper', 'email', 33, [{ sku: 'cx-gourmand', quantity: 1 }], 35);
  named('fleurs', 'confirmed', 'phone-wreath', 'phone', 14, [{ sku: 'af-deuil', quantity: 1 }], 1);
  named('epicerie', 'pending', 'instagram-question', 'instagram', 24, [{ sku: 'em-miel-lavande-500', quantity: 1 }], 0);
  // A bouquet shipped straight from the wholesaler to the customer.
  const fleurs = demo.customers.filter((c) => c.data.home === 'fleurs');
  plan.push({ shop: 'fleurs', status: 'confirmed', daysAgo: 1, hour: 10, minute: 12, channel: 'web', customer: fleurs[4], items: [{ sku: 'af-pivoines-l', quantity: 1 }], dropship: true, name: 'dropship' });
  // The duplicate customer's order, which the merge will move to the customer kept.
  const duplicate = demo.customers.find((c) => c.duplicate);
  if (duplicate) plan.push({ shop: 'patisserie', status: 'paid', daysAgo: 20, hour: 16, minute: 40, channel: 'instagram', customer: duplicate, items: [{ sku: 'pl-macarons-12', quantity: 1 }], name: 'duplicate' });
  return plan.sort((a, b) => b.daysAgo - a.daysAgo || a.hour - b.hour || a.minute - b.minute);
}

/** Takes every planned order through the workflow; remembers each order's age for the dates step. */
export async function seedOrders(demo: Demo, plan: PlannedOrder[]): Promise<void> {
  if (!demo.has('orders', 'order_items', 'stock_movements')) return;
  for (const planned of plan) {
    await demo.actAs(planned.shop === 'patisserie' || planned.shop === 'fleurs' ? 'staff@comptoir.test' : 'admin@comptoir.test');
    const shop = demo.shop(planned.shop);
    const warehouse = planned.dropship ? demo.supplierWarehouses.get('grossiste') : demo.depot;
    const delivery = planned.shop === 'fleurs' || planned.shop === 'patisserie' || planned.channel !== 'pos';
    let order: Row = await demo.rpc('create_order', {
      header: {
        shop_id: shop.id, customer_id: planned.customer?.id ?? null, channel: planned.channel,
        status: planned.status === 'draft' ? 'draft' : 'pending', warehouse_id: warehouse, currency: 'EUR',
        shipping_cents: planned.channel === 'pos' ? 0 : planned.shop === 'fleurs' ? 990 : planned.shop === 'larder' ? 895 : 590,
        channel_reference: planned.channel === 'web' ? `web-${planned.shop}-${demo.allOrders.length + 1001}` : null,
        notes: planned.dropship ? 'Expédition directe par le grossiste' : planned.channel === 'phone' ? 'Commande prise au téléphone' : null,
      },
      items: planned.items.map((it) => ({ variant_id: demo.variant(it.sku).id, quantity: it.quantity })),
    });
    if (planned.discountPercent) {
      order = await demo.update('orders', order.id, { discount_cents: Math.round(order.subtotal_cents * planned.discountPercent / 100) });
    }
    if (delivery && planned.customer) {
      const c = planned.customer.data;
      await demo.call('set_order_delivery_address', { order_id: order.id, address: `${planned.customer.display_name}\n${c.street}\n${c.postcode} ${c.city}\n${c.country}` });
    }
    const target = planned.status === 'cancelled' ? planned.cancelledFrom! : planned.status;
    if (target !== 'draft') {
      for (const step of FORWARD.slice(1, FORWARD.indexOf(target) + 1)) order = await demo.update('orders', order.id, { status: step });
    }
    if (planned.status === 'cancelled') {
      order = await demo.update('orders', order.id, { status: 'cancelled', notes: 'Annulée à la demande du client' });
    }
    const stored = { ...order, planned };
    demo.allOrders.push(stored);
    if (planned.name) demo.orders.set(planned.name, stored);
  }
  await demo.actAs('admin@comptoir.test');
}
